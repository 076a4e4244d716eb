// provider_choice (D6): with a voucher, a person whose programme starts chooses among the area's
// providers by reputation and fit (multinomial logit); quality scales the programme's effects;
// reputations follow each provider's job entries per client week, so good results bring clients.
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/provider_choice.hpp"
#include "sim/mechanisms/provider_referral.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_provider_choice {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 21301;
constexpr std::uint32_t n = 6000;

Scenario choice_scenario() {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.provider_referral.enabled = true;
    scenario.regime.provider_choice.enabled = true;
    return scenario;
}

/// n claimants whose IPS programme provider_referral started this week (no provider chosen yet).
World starters(const Scenario& scenario) {
    World world = testing::claimants_with(scenario, n, barrier_health);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.provider[i] = static_cast<std::uint8_t>(m::ProviderKind::ips);
        world.persons.provider_weeks[i] = 52;
    }
    return world;
}

/// Share of events choosing each slot.
std::vector<double> chosen_shares(const std::vector<Event>& events, std::uint32_t slots) {
    std::vector<double> shares(slots, 0.0);
    const auto chosen = testing::events_of(events, EventKind::provider_chosen);
    for (const Event& e : chosen) {
        shares.at(e.other) += 1.0 / static_cast<double>(chosen.size());
    }
    return shares;
}

/// Reputation of slot s of IPS in area 0 of arm 0 (the market's first cells).
double reputation(const Scenario& scenario, const World& world, std::uint32_t s) {
    return m::provider_reputation(scenario.regime.provider_choice,
                                  world.provider_market.entries.at(s),
                                  world.provider_market.client_weeks.at(s));
}

}  // namespace

TEST_CASE("provider_choice: people choose by reputation and fit, and feel more in control",
          "[mechanism][provider_choice]") {
    const Scenario scenario = choice_scenario();
    const auto& params = scenario.regime.provider_choice;
    const std::uint32_t slots = params.providers_per_kind;
    // A first round builds the market; with equal records the choice is by fit alone.
    World world = starters(scenario);
    const auto first = testing::run_step(&m::provider_choice, scenario, world, 0, seed);
    CHECK(testing::count_events(first, EventKind::provider_chosen) == n);
    const double even = 1.0 / slots;
    for (const double share : chosen_shares(first, slots)) {
        CHECK(share == Approx(even).margin(mc_tolerance(even, n)));
    }
    CHECK(world.persons.trust[0] == Approx(0.5 + params.choice_trust_gain));

    // Slot 2 of every area and kind gets a strong record: new starters prefer it (logit shares).
    World next = starters(scenario);
    next.provider_market = world.provider_market;
    std::fill(next.provider_market.entries.begin(), next.provider_market.entries.end(), 0.0f);
    std::fill(next.provider_market.client_weeks.begin(), next.provider_market.client_weeks.end(),
              100.0f);
    for (std::size_t c = 2; c < next.provider_market.entries.size(); c += slots) {
        next.provider_market.entries[c] = 8.0f;
    }
    std::vector<double> rep(slots);
    double mean = 0;
    for (std::uint32_t s = 0; s < slots; ++s) {
        rep[s] = reputation(scenario, next, s);
        mean += rep[s] / slots;
    }
    double total = 0;
    for (std::uint32_t s = 0; s < slots; ++s) {
        total += std::exp(params.reputation_weight * rep[s] / mean);
    }
    const auto shares =
        chosen_shares(testing::run_step(&m::provider_choice, scenario, next, 0, seed), slots);
    for (std::uint32_t s = 0; s < slots; ++s) {
        const double p = std::exp(params.reputation_weight * rep[s] / mean) / total;
        CHECK(shares[s] == Approx(p).margin(mc_tolerance(p, n)));
    }
    CHECK(shares[2] > shares[0]);
}

TEST_CASE("provider_choice: quality scales what the programme does",
          "[mechanism][provider_choice]") {
    const Scenario scenario = choice_scenario();
    const auto& ips = scenario.regime.provider_referral.ips;
    World world = starters(scenario);
    (void)testing::run_step(&m::provider_choice, scenario, world, 0, seed);
    const Persons& p = world.persons;
    std::vector<double> effort(3, 0.0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t slot = p.provider_choice[i] - 1u;
        const double q = m::provider_quality(scenario.regime.provider_choice, slot);
        CHECK(m::programme_quality(scenario.regime, p, i) == q);
        CHECK(m::support_effort_factor(scenario.regime, p, i) == Approx(1.0 + ips.effort_lift * q));
        CHECK(m::support_assessment_lift(scenario.regime, p, i) == Approx(ips.assessment_lift * q));
        CHECK(m::support_separation_factor(scenario.regime, p, i) ==
              Approx(1.0 - (1.0 - ips.separation_factor) * q));
        effort[slot] = m::support_effort_factor(scenario.regime, p, i);
    }
    CHECK(effort[0] < effort[1]);
    CHECK(effort[1] < effort[2]);
    CHECK(m::provider_quality(scenario.regime.provider_choice, 1) == 1.0);  // the middle one
    Regime off = scenario.regime;
    off.provider_choice.enabled = false;
    CHECK(m::support_effort_factor(off, p, 0) == Approx(1.0 + ips.effort_lift));
}

TEST_CASE("provider_choice: reputations follow results, and results bring clients",
          "[mechanism][provider_choice]") {
    const Scenario scenario = choice_scenario();
    const auto& params = scenario.regime.provider_choice;
    World world = starters(scenario);
    (void)testing::run_step(&m::provider_choice, scenario, world, 0, seed);
    // A week later slot 0's clients all started work last week; the others' are still searching.
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (p.provider_choice[i] == 1) {
            p.status[i] = LabourStatus::employed;
            p.self_employed[i] = 1;  // work without an employer slot to keep the world simple
            p.tenure_weeks[i] = 1;
        }
    }
    (void)testing::run_step(&m::provider_choice, scenario, world, 1, seed);
    const double prior = params.prior_entry_rate;
    CHECK(reputation(scenario, world, 0) > prior);
    CHECK(reputation(scenario, world, 1) < prior);
    CHECK(reputation(scenario, world, 2) < prior);

    World newcomers = starters(scenario);
    newcomers.provider_market = world.provider_market;
    const auto shares =
        chosen_shares(testing::run_step(&m::provider_choice, scenario, newcomers, 2, seed), 3);
    CHECK(shares[0] > 1.0 / 3 + mc_tolerance(1.0 / 3, n));
}

TEST_CASE("provider_choice: a finished programme frees the choice",
          "[mechanism][provider_choice]") {
    const Scenario scenario = choice_scenario();
    World world = starters(scenario);
    (void)testing::run_step(&m::provider_choice, scenario, world, 0, seed);
    world.persons.provider_weeks[0] = 0;
    (void)testing::run_step(&m::provider_choice, scenario, world, 1, seed);
    CHECK(world.persons.provider_choice[0] == 0);
    CHECK(world.persons.provider_choice[1] != 0);
}

TEST_CASE("provider_choice: switched off, nothing changes", "[mechanism][provider_choice]") {
    const Scenario on = choice_scenario();
    Scenario off = on;
    off.regime.provider_choice.enabled = false;
    const World world = starters(on);
    testing::check_switched_off_changes_nothing(&m::provider_choice, on, off, world, 0, seed,
                                                EventKind::provider_chosen);
    World copy = world;
    (void)testing::run_step(&m::provider_choice, off, copy, 0, seed);
    CHECK(copy.provider_market.entries.empty());
}

TEST_CASE("provider_choice: the same key gives the same result, at any thread count",
          "[mechanism][provider_choice]") {
    const Scenario scenario = choice_scenario();
    World world = starters(scenario);
    for (std::uint32_t i = 0; i < n; i += 5) {  // some found work last week
        world.persons.status[i] = LabourStatus::employed;
        world.persons.self_employed[i] = 1;
        world.persons.tenure_weeks[i] = 1;
    }
    const auto reference = testing::outcome_of(&m::provider_choice, scenario, world, 0, seed);
    const int threads = GENERATE(1, 4);
    testing::check_same_key_same_outcome(reference, &m::provider_choice, scenario, world, 0, seed,
                                         threads);
    World one = world;
    World many = world;
    (void)testing::run_step(&m::provider_choice, scenario, one, 0, seed, 1);
    (void)testing::run_step(&m::provider_choice, scenario, many, 0, seed, threads);
    CHECK(one.provider_market.entries == many.provider_market.entries);
    CHECK(one.provider_market.client_weeks == many.provider_market.client_weeks);
}

}  // namespace test_provider_choice
