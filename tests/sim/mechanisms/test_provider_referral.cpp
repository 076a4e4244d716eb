// provider_referral: coaches refer by assessed need (disclosed barriers plus a noisy guess):
// health to IPS, housing to a third-sector partner; a share of referrals is lost in the hand-off;
// under payment by results providers decline people with more barriers; long claims go to a prime
// provider in the old regime. IPS raises hiring (job development) and lowers job ending.
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/job_separation.hpp"
#include "sim/mechanisms/provider_referral.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_provider_referral {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::attend_all;
using testing::claimants_with;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 14201;

/// Referrals that always happen when a need is seen, never lost, never misjudged.
Regime certain_referrals(const Regime& base) {
    Regime regime = base;
    regime.provider_referral.enabled = true;
    regime.provider_referral.referral_probability = 1.0;
    regime.provider_referral.handoff_loss = 0.0;
    regime.provider_referral.misjudge_probability = 0.0;
    return regime;
}

}  // namespace

TEST_CASE("provider_referral: IPS for the health barrier raises hiring and lowers job ending",
          "[mechanism][provider_referral]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms{certain_referrals(scenario.regime), scenario.regime};
    World world = claimants_with(scenario, n, barrier_health);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
        world.persons.barriers_disclosed[i] = barrier_health;
    }
    attend_all(world);
    const auto events = testing::run_step(&m::provider_referral, scenario, world, 0, seed, 1, arms);
    const auto& ips = arms[0].provider_referral.ips;
    CHECK(testing::count_events(events, EventKind::referral) == n / 2);
    for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
        CHECK(e.value == Approx(ips.fee_gbp));
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        const bool referred = i % 2 == 0;
        CHECK(m::provider_of(world.persons.provider[i]) ==
              (referred ? m::ProviderKind::ips : m::ProviderKind::none));
        CHECK(world.persons.provider_weeks[i] == (referred ? ips.weeks : 0u));
    }

    World hiring = world;
    testing::apply_to_own_vacancies(hiring);
    std::vector<double> hired(2, 0.0);
    for (const Event& e : testing::events_of(
             testing::run_step(&m::employer_choice, scenario, hiring, 1, seed, 1, arms),
             EventKind::hire)) {
        hired[index(e.person) % 2] += 1.0;
    }
    const auto& choice = scenario.labour_market.employer_choice;
    const double base = m::assessment(choice, 1.0, 0, barrier_health);
    const double with_ips = testing::hire_chance(choice, base + ips.assessment_lift);
    const double without = testing::hire_chance(choice, base);
    CHECK(hired[0] / (n / 2) == Approx(with_ips).margin(mc_tolerance(with_ips, n / 2)));
    CHECK(hired[1] / (n / 2) == Approx(without).margin(mc_tolerance(without, n / 2)));
    CHECK(hired[0] > hired[1]);

    // In work, IPS continues: jobs end less often (a high hazard, so the gap is many errors wide).
    scenario.labour_market.job_separation.base_weekly_hazard = 0.05;
    World working = world;
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(working, i, i % working.employers.size(), 12.0f);
    }
    std::vector<double> ended(2, 0.0);
    for (const Event& e : testing::events_of(
             testing::run_step(&m::job_separation, scenario, working, 1, seed, 1, arms),
             EventKind::separation)) {
        ended[index(e.person) % 2] += 1.0;
    }
    const double hazard =
        m::separation_hazard(scenario.labour_market.job_separation, 0, 1.0f, false, barrier_health);
    const double with_support = hazard * ips.separation_factor;
    CHECK(ended[0] / (n / 2) == Approx(with_support).margin(mc_tolerance(with_support, n / 2)));
    CHECK(ended[1] / (n / 2) == Approx(hazard).margin(mc_tolerance(hazard, n / 2)));
    CHECK(ended[0] < ended[1]);
}

TEST_CASE("provider_referral: hand-off loss means fewer referrals start",
          "[mechanism][provider_referral]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms{certain_referrals(scenario.regime),
                             certain_referrals(scenario.regime)};
    arms[1].provider_referral.handoff_loss = 0.4;
    World world = claimants_with(scenario, n, barrier_housing);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
        world.persons.barriers_disclosed[i] = barrier_housing;
    }
    attend_all(world);
    const auto events = testing::run_step(&m::provider_referral, scenario, world, 0, seed, 1, arms);
    std::vector<double> started(2, 0.0);
    for (const Event& e : testing::events_of(events, EventKind::referral)) {
        CHECK(static_cast<m::ProviderKind>(e.detail) == m::ProviderKind::third_sector);
        if (static_cast<m::ReferralOutcome>(e.other) == m::ReferralOutcome::started) {
            started[index(e.person) % 2] += 1.0;
        }
    }
    CHECK(started[0] == n / 2);
    const double kept = 1.0 - arms[1].provider_referral.handoff_loss;
    CHECK(started[1] / (n / 2) == Approx(kept).margin(mc_tolerance(kept, n / 2)));

    // The third-sector partner resolves housing over the programme's weeks.
    std::size_t resolved = 0;
    for (Week week = 1; week <= 10; ++week) {
        (void)testing::run_step(&m::provider_referral, scenario, world, week, seed, 1, arms);
    }
    for (std::uint32_t i = 0; i < n; i += 2) {
        resolved += (world.persons.barriers[i] & barrier_housing) == 0;
    }
    const double r = arms[0].provider_referral.housing_resolution_per_week;
    const double expected = 1.0 - std::pow(1.0 - r, 10);
    CHECK(static_cast<double>(resolved) / (n / 2) ==
          Approx(expected).margin(mc_tolerance(expected, n / 2)));
}

TEST_CASE("provider_referral: undisclosed needs are referred only by a misjudged guess",
          "[mechanism][provider_referral]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms{certain_referrals(scenario.regime)};
    arms[0].provider_referral.misjudge_probability = 0.2;
    World world = claimants_with(scenario, n, barrier_health);
    attend_all(world);
    const auto events = testing::run_step(&m::provider_referral, scenario, world, 0, seed, 1, arms);
    // The guess is health or housing with equal chance; only health reaches IPS.
    std::vector<double> by_kind(4, 0.0);
    for (const Event& e : testing::events_of(events, EventKind::referral)) {
        by_kind[e.detail] += 1.0;
    }
    const double each = 0.2 / 2.0;
    CHECK(by_kind[1] / n == Approx(each).margin(mc_tolerance(each, n)));
    CHECK(by_kind[2] / n == Approx(each).margin(mc_tolerance(each, n)));
}

TEST_CASE("provider_referral: payment by results declines people with more barriers",
          "[mechanism][provider_referral]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms{certain_referrals(scenario.regime)};
    auto& params = arms[0].provider_referral;
    params.payment_by_results = true;
    const auto many = static_cast<std::uint8_t>(barrier_health | barrier_caring |
                                                barrier_basic_skills | barrier_confidence);
    World world = claimants_with(scenario, n, barrier_health);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.barriers_disclosed[i] = barrier_health;
        if (i % 2 == 1) {
            world.persons.barriers[i] = many;
        }
    }
    attend_all(world);
    const auto events = testing::run_step(&m::provider_referral, scenario, world, 0, seed, 1, arms);
    CHECK(testing::count_events(events, EventKind::public_cost) == 0);  // paid at job entry
    std::vector<double> declined(2, 0.0);
    for (const Event& e : testing::events_of(events, EventKind::referral)) {
        declined[index(e.person) % 2] +=
            static_cast<m::ReferralOutcome>(e.other) == m::ReferralOutcome::declined;
    }
    const double one = params.cream_skim_per_barrier;
    const double four = 4.0 * params.cream_skim_per_barrier;
    CHECK(declined[0] / (n / 2) == Approx(one).margin(mc_tolerance(one, n / 2)));
    CHECK(declined[1] / (n / 2) == Approx(four).margin(mc_tolerance(four, n / 2)));

    // The fee is paid once, in the first week in work on the programme.
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, i % world.employers.size(), 12.0f);
        world.persons.claim[i] = ClaimState::none;
        world.persons.coach[i] = none<CoachId>;
    }
    std::size_t paid = 0;
    for (Week week = 1; week <= 3; ++week) {
        paid += testing::count_events(
            testing::run_step(&m::provider_referral, scenario, world, week, seed, 1, arms),
            EventKind::public_cost);
    }
    std::size_t on_programme = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        on_programme += m::provider_of(world.persons.provider[i]) == m::ProviderKind::ips;
    }
    CHECK(paid == on_programme);
}

TEST_CASE("provider_referral: the old regime refers claims of a year to the prime provider",
          "[mechanism][provider_referral]") {
    constexpr std::uint32_t n = 1000;
    Scenario scenario = testing::small_scenario(n, 1);
    std::vector<Regime> arms{certain_referrals(scenario.regime)};
    arms[0].provider_referral.prime_provider = true;
    World world = claimants_with(scenario, n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.claim_weeks[i] = static_cast<std::uint16_t>(i % 2 == 0 ? 52 : 51);
    }
    const auto events = testing::run_step(&m::provider_referral, scenario, world, 0, seed, 1, arms);
    CHECK(testing::count_events(events, EventKind::referral) == n / 2);
    for (std::uint32_t i = 0; i < n; ++i) {
        CHECK(m::provider_of(world.persons.provider[i]) ==
              (i % 2 == 0 ? m::ProviderKind::prime : m::ProviderKind::none));
    }
}

TEST_CASE("provider_referral: switched off, nothing changes", "[mechanism][provider_referral]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.provider_referral.enabled = true;
    scenario.regime.provider_referral.misjudge_probability = 0.5;
    const auto prepared = testing::prepared_world(scenario, "provider_referral", 6, seed);
    Scenario off = scenario;
    off.regime.provider_referral.enabled = false;
    testing::check_switched_off_changes_nothing(&m::provider_referral, scenario, off,
                                                prepared.world, prepared.week, seed,
                                                EventKind::referral);
}

TEST_CASE("provider_referral: the same key gives the same result, at any thread count",
          "[mechanism][provider_referral]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.provider_referral.enabled = true;
    scenario.regime.provider_referral.misjudge_probability = 0.5;
    const auto prepared = testing::prepared_world(scenario, "provider_referral", 6, seed);
    const auto reference = testing::outcome_of(&m::provider_referral, scenario, prepared.world,
                                               prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::referral) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::provider_referral, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_provider_referral
