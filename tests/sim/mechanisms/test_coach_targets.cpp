// coach_targets: an office behind a count target presses its coaches harder; under a sanction
// target coaches find more failures and fail compliant claimants; under a referral target they
// refer more and more often for needs people do not have; under an off-flow target claimants take
// lower-paid jobs and sign off more; people-based outcomes distort none of these and favour fit.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/benefit_claim.hpp"
#include "sim/mechanisms/coach_targets.hpp"
#include "sim/mechanisms/conditionality.hpp"
#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/provider_referral.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_coach_targets {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 22001;
constexpr std::uint32_t n = 20'000;
constexpr Week week = 10;

/// Two offices (areas), one coach each, no target of any kind.
Scenario untargeted() {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.coach_targets.off_flows_per_100_claimants = 0.0;
    scenario.regime.coach_targets.people_based_outcomes = false;
    return scenario;
}

/// Everyone claims (10 weeks in), with the first coach of their area and a meeting attended.
World claimant_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.meeting_this_week[i] = MeetingOutcome::attended;
    }
    return world;
}

/// Runs coach_targets for `weeks` weeks on the same world (the state it tallies stays as it is).
void run_targets(const Scenario& scenario, World& world, std::uint32_t weeks) {
    for (std::uint32_t w = 0; w < weeks; ++w) {
        (void)testing::run_step(&m::coach_targets, scenario, world, week + w, seed);
    }
}

double area_factor(const std::vector<float>& factors, const World& world, std::uint32_t area) {
    return coach_factor(factors, static_cast<CoachId>(*world.coaches_by_area.begin_of(area)));
}

}  // namespace

TEST_CASE("coach_targets: an office behind its sanction target presses its coaches harder",
          "[mechanism][coach_targets]") {
    Scenario scenario = untargeted();
    auto& params = scenario.regime.coach_targets;
    params.sanctions_per_100_claimants = 2.0;
    World world = claimant_world(scenario);
    // Office 0 sanctions 2 in 100 claimants this week (on target); office 1 none (behind).
    for (std::uint32_t i = 0; i < n / 2; i += 50) {
        world.persons.weeks_since_sanction[i] = 1;
    }
    const auto& state = world.coach_targets;
    run_targets(scenario, world, 1);
    const double behind_after_one = area_factor(state.sanction, world, 1);
    run_targets(scenario, world, 25);
    // On target: the base pressure only.
    CHECK(area_factor(state.sanction, world, 0) ==
          Approx(1.0 + params.sanction_report_effect * params.base_pressure));
    // Behind: more pressure, rising as the rolling count falls further short.
    const double behind = area_factor(state.sanction, world, 1);
    CHECK(behind > behind_after_one);
    CHECK(behind_after_one > area_factor(state.sanction, world, 0));
    CHECK(behind <=
          1.0 + params.sanction_report_effect * (params.base_pressure + params.behind_pressure) +
              1e-6);
    // A sanction target distorts nothing else.
    for (std::uint32_t a = 0; a < 2; ++a) {
        CHECK(area_factor(state.referral, world, a) == 1.0);
        CHECK(area_factor(state.misjudge, world, a) == 1.0);
        CHECK(area_factor(state.reservation, world, a) == 1.0);
        CHECK(area_factor(state.sign_off, world, a) == 1.0);
    }
}

TEST_CASE(
    "coach_targets: under a sanction target coaches find more failures and fail compliant "
    "claimants",
    "[mechanism][coach_targets]") {
    Scenario scenario = untargeted();
    auto& rules = scenario.regime.conditionality;
    rules.shortfall_detection_probability = 0.05;
    rules.wrongful_sanction_probability = 0.02;
    World world = claimant_world(scenario);
    // Even persons met the requirement since the last meeting, odd persons fell short.
    const std::uint32_t required =
        rules.required_applications_per_week * scenario.regime.coach_meeting.interval_weeks;
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.applications_since_meeting[i] =
            static_cast<std::uint16_t>(i % 2 == 0 ? required : 0);
    }
    const auto sanctions = [&](const World& start) {
        World copy = start;
        const auto events = testing::run_step(&m::conditionality, scenario, copy, week, seed);
        double wrongful = 0;
        double shortfall = 0;
        for (const Event& e : testing::events_of(events, EventKind::sanction)) {
            wrongful += e.detail == static_cast<std::uint8_t>(SanctionReason::no_failure);
            shortfall += e.detail == static_cast<std::uint8_t>(SanctionReason::insufficient_search);
        }
        return std::pair{wrongful, shortfall};
    };
    const auto [wrongful_before, shortfall_before] = sanctions(world);

    scenario.regime.coach_targets.sanctions_per_100_claimants = 2.0;  // nobody is sanctioned yet
    run_targets(scenario, world, 1);
    const double factor = area_factor(world.coach_targets.sanction, world, 0);
    REQUIRE(factor == Approx(area_factor(world.coach_targets.sanction, world, 1)));
    REQUIRE(factor > 1.2);
    const auto [wrongful_after, shortfall_after] = sanctions(world);

    const double half = n / 2.0;
    const double q = rules.wrongful_sanction_probability;
    const double d = rules.shortfall_detection_probability;
    CHECK(wrongful_before / half == Approx(q).margin(mc_tolerance(q, half)));
    CHECK(wrongful_after / half == Approx(q * factor).margin(mc_tolerance(q * factor, half)));
    CHECK(shortfall_before / half == Approx(d).margin(mc_tolerance(d, half)));
    CHECK(shortfall_after / half == Approx(d * factor).margin(mc_tolerance(d * factor, half)));
}

TEST_CASE(
    "coach_targets: under a referral target coaches refer more, and for needs people do not "
    "have",
    "[mechanism][coach_targets]") {
    Scenario scenario = untargeted();
    auto& referral = scenario.regime.provider_referral;
    referral.enabled = true;
    referral.handoff_loss = 0.0;
    World world = claimant_world(scenario);
    // Half the claimants have told their coach of a health condition; nobody has one in fact
    // in the other half, so a referral there is a misjudged need.
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.barriers[i] = barrier_health;
        world.persons.barriers_disclosed[i] = barrier_health;
    }
    const auto referrals = [&](const World& start) {
        World copy = start;
        const auto events = testing::run_step(&m::provider_referral, scenario, copy, week, seed);
        double fit = 0;
        double misjudged = 0;
        for (const Event& e : testing::events_of(events, EventKind::referral)) {
            (index(e.person) % 2 == 0 ? fit : misjudged) += 1;
        }
        return std::pair{fit, misjudged};
    };
    const auto [fit_before, misjudged_before] = referrals(world);

    scenario.regime.coach_targets.referrals_per_100_claimants = 5.0;
    run_targets(scenario, world, 1);
    const double refer = area_factor(world.coach_targets.referral, world, 0);
    const double misjudge = area_factor(world.coach_targets.misjudge, world, 0);
    REQUIRE(refer > 1.0);
    REQUIRE(misjudge > refer);
    const auto [fit_after, misjudged_after] = referrals(world);

    const double half = n / 2.0;
    const double r = referral.referral_probability;
    const double w = referral.misjudge_probability;
    CHECK(fit_before / half == Approx(r).margin(mc_tolerance(r, half)));
    CHECK(fit_after / half == Approx(r * refer).margin(mc_tolerance(r * refer, half)));
    // Without a disclosed need a referral needs a misjudged need and the decision to refer.
    const double wrong_before = w * r;
    const double wrong_after = w * misjudge * r * refer;
    CHECK(misjudged_before / half == Approx(wrong_before).margin(mc_tolerance(wrong_before, half)));
    CHECK(misjudged_after / half == Approx(wrong_after).margin(mc_tolerance(wrong_after, half)));
}

TEST_CASE("coach_targets: under an off-flow target claimants take lower-paid jobs and sign off",
          "[mechanism][coach_targets]") {
    Scenario scenario = untargeted();
    auto& choice = scenario.labour_market.employer_choice;
    choice.hiring_threshold = -1000.0;  // every applicant is offered the job
    World world = claimant_world(scenario);
    // Each person applies to a vacancy of their own paying 8 GBP/h; with a last wage of 12 GBP/h
    // the reservation wage is 8.4 GBP/h, so nobody takes it without the target's push.
    const std::uint32_t employers = scenario.labour_market.employers_per_area;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t e = index(world.persons.area[i]) * employers + i % employers;
        (void)testing::add_vacancy(world, e, 8.0f);
    }
    testing::index_vacancies(world);
    Applications& applications = world.applications;
    for (std::uint32_t i = 0; i < n; ++i) {
        applications.offsets[i + 1] = i + 1;
        applications.vacancy.push_back(i);
        applications.low_fit.push_back(0);
        applications.channel.push_back(HireChannel::advert);
    }
    const auto outcomes = [&](const World& start) {
        World jobs = start;
        const auto hires = testing::run_step(&m::employer_choice, scenario, jobs, week, seed);
        World claims = start;
        const auto ends = testing::run_step(&m::benefit_claim, scenario, claims, week, seed);
        return std::pair{
            static_cast<double>(testing::events_of(hires, EventKind::hire).size()),
            static_cast<double>(testing::events_of(ends, EventKind::claim_end).size())};
    };
    const auto [hired_before, ended_before] = outcomes(world);

    scenario.regime.coach_targets.off_flows_per_100_claimants = 6.0;  // no claim has ended
    run_targets(scenario, world, 1);
    const double reservation = area_factor(world.coach_targets.reservation, world, 0);
    const double sign_off = area_factor(world.coach_targets.sign_off, world, 0);
    REQUIRE(reservation * 8.4 < 8.0);
    REQUIRE(sign_off > 1.0);
    const auto [hired_after, ended_after] = outcomes(world);

    CHECK(hired_before == 0);
    CHECK(hired_after == n);  // any job will do
    const double q = scenario.regime.benefit_claim.weekly_stop_claiming;
    CHECK(ended_before / n == Approx(q).margin(mc_tolerance(q, n)));
    CHECK(ended_after / n == Approx(q * sign_off).margin(mc_tolerance(q * sign_off, n)));
}

TEST_CASE("coach_targets: people-based outcomes distort nothing and favour fit",
          "[mechanism][coach_targets]") {
    Scenario scenario = untargeted();
    auto& params = scenario.regime.coach_targets;
    params.people_based_outcomes = true;
    World world = claimant_world(scenario);
    run_targets(scenario, world, 3);
    const auto& state = world.coach_targets;
    for (std::uint32_t a = 0; a < 2; ++a) {
        CHECK(area_factor(state.sanction, world, a) == 1.0);
        CHECK(area_factor(state.referral, world, a) == 1.0);
        CHECK(area_factor(state.sign_off, world, a) == 1.0);
        CHECK(area_factor(state.misjudge, world, a) == Approx(1.0 - params.fit_misjudge_cut));
        CHECK(area_factor(state.reservation, world, a) ==
              Approx(1.0 + params.fit_reservation_lift));
    }
    // Someone without a coach is never pressed.
    CHECK(coach_factor(state.reservation, none<CoachId>) == 1.0);
}

TEST_CASE("coach_targets: switched off, nothing changes", "[mechanism][coach_targets]") {
    Scenario off = untargeted();
    off.regime.coach_targets.sanctions_per_100_claimants = 2.0;
    off.regime.coach_targets.off_flows_per_100_claimants = 6.0;
    off.regime.coach_targets.enabled = false;
    World world = claimant_world(off);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::coach_targets, off, world, week, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
    // Switched on, the same world gets factors.
    Scenario on = off;
    on.regime.coach_targets.enabled = true;
    (void)testing::run_step(&m::coach_targets, on, world, week, seed);
    CHECK(testing::changed_columns(before, testing::snapshot(world)) != "");
    CHECK(area_factor(world.coach_targets.sanction, world, 0) > 1.0);
}

TEST_CASE("coach_targets: the same world gives the same factors at any thread count",
          "[mechanism][coach_targets]") {
    Scenario scenario = testing::small_scenario(4000, 4);
    scenario.regime.coach_targets.sanctions_per_100_claimants = 1.5;
    scenario.regime.coach_targets.off_flows_per_100_claimants = 6.0;
    // A real week's state: sanctions, new and ended claims.
    const testing::Prepared prepared = testing::prepared_world(scenario, "coach_targets", 6, seed);
    const auto reference =
        testing::outcome_of(&m::coach_targets, scenario, prepared.world, prepared.week, seed, 1);
    const int threads = GENERATE(2, 4);
    const auto again = testing::outcome_of(&m::coach_targets, scenario, prepared.world,
                                           prepared.week, seed, threads);
    CHECK(testing::outcome_differences(reference, again) == "");
    CHECK(!prepared.world.coach_targets.sanction.empty());
}

}  // namespace test_coach_targets
