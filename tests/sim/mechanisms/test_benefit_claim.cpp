// benefit_claim: people who lose a job or are searching may claim and are given a coach in their
// area; claims end on finding work, on leaving the labour force, or by stopping claiming (more
// often while sanctioned).
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/benefit_claim.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_benefit_claim {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7701;

/// Everyone unemployed for 10 weeks and claiming for 5.
World claiming_world(const Scenario& scenario, std::uint32_t persons) {
    World world = testing::tiny_world(scenario, persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        world.persons.spell_weeks[i] = 10;
        testing::start_claim(world, i, 5);
        world.persons.weeks_to_meeting[i] = 1;
        world.persons.search_requirement[i] = 3;
    }
    return world;
}

}  // namespace

TEST_CASE("benefit_claim: sanctioned claimants stop claiming more often",
          "[mechanism][benefit_claim]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.regime.benefit_claim;
    constexpr std::uint32_t n = 100'000;
    World world = claiming_world(scenario, n);
    for (std::uint32_t i = 1; i < n; i += 2) {
        world.persons.claim[i] = ClaimState::sanctioned;  // odd persons
        world.persons.sanction_weeks_left[i] = 3;
    }
    const World before = world;
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 2, seed);

    std::array<double, 2> stopped{};
    for (const Event& e : events) {
        REQUIRE(e.kind == EventKind::claim_end);
        CHECK(e.detail == static_cast<std::uint8_t>(ClaimEndReason::stopped_claiming));
        const auto i = index(e.person);
        ++stopped[i % 2];
        INFO("person " << i);
        CHECK(e.value == 5.0f);
        CHECK(e.other == index(before.persons.coach[i]));
        CHECK(world.persons.claim[i] == ClaimState::none);
        CHECK(world.persons.claim_weeks[i] == 0);
        // A sanction keeps running after the claim ends (a new claim inherits it).
        CHECK(world.persons.sanction_weeks_left[i] == before.persons.sanction_weeks_left[i]);
        CHECK(world.persons.coach[i] == none<CoachId>);
        CHECK(world.persons.search_requirement[i] == 0);
        CHECK(world.persons.status[i] == LabourStatus::unemployed);  // off benefit, not into work
    }
    const double p_claiming = params.weekly_stop_claiming;
    const double p_sanctioned = params.weekly_stop_claiming * params.sanctioned_stop_multiplier;
    CHECK(stopped[0] / (n / 2) == Approx(p_claiming).margin(mc_tolerance(p_claiming, n / 2)));
    CHECK(stopped[1] / (n / 2) == Approx(p_sanctioned).margin(mc_tolerance(p_sanctioned, n / 2)));
    CHECK(stopped[1] > stopped[0]);
}

TEST_CASE("benefit_claim: job losers claim far more often than longer-term searchers",
          "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario(100'000, 4);
    scenario.service.coaches_per_area = 3;
    const auto& params = scenario.regime.benefit_claim;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    // Neutral trust: take-up at the calibrated rates (C13 moves it with trust).
    std::fill(world.persons.trust.begin(), world.persons.trust.end(), 0.5f);
    for (std::uint32_t i = 1; i < n; i += 2) {
        world.persons.spell_weeks[i] = 8;  // odd persons: searching for 8 weeks; even: lost a job
        world.persons.weeks_to_meeting[i] = 5;
    }
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 4, seed);

    const Persons& p = world.persons;
    std::array<double, 2> started{};
    std::vector<std::uint32_t> per_coach(world.coaches.size(), 0);
    for (const Event& e : events) {
        REQUIRE(e.kind == EventKind::claim_start);
        const auto i = index(e.person);
        INFO("person " << i);
        ++started[i % 2];
        CHECK(e.week == 4);
        CHECK(p.claim[i] == ClaimState::claiming);
        CHECK(p.claim_weeks[i] == 0);
        CHECK(p.weeks_to_meeting[i] == 0);  // the first meeting is this week
        REQUIRE(p.coach[i] != none<CoachId>);
        CHECK(e.other == index(p.coach[i]));
        CHECK(world.coaches.area[index(p.coach[i])] == p.area[i]);  // a coach in their own area
        ++per_coach[index(p.coach[i])];
    }
    const double p_loss = params.take_up_on_job_loss;
    const double p_search = params.weekly_take_up_while_searching;
    CHECK(started[0] / (n / 2) == Approx(p_loss).margin(mc_tolerance(p_loss, n / 2)));
    CHECK(started[1] / (n / 2) == Approx(p_search).margin(mc_tolerance(p_search, n / 2)));
    CHECK(started[0] > started[1]);
    // Claimants are spread over every coach of the area, evenly.
    const double claims = started[0] + started[1];
    const double share = 1.0 / static_cast<double>(world.coaches.size());
    for (std::uint32_t c = 0; c < world.coaches.size(); ++c) {
        INFO("coach " << c);
        CHECK(per_coach[c] / claims == Approx(share).margin(mc_tolerance(share, claims)));
    }
}

TEST_CASE("benefit_claim: a claim ends on finding work or leaving the labour force",
          "[mechanism][benefit_claim]") {
    const Scenario scenario = testing::small_scenario();
    World world = claiming_world(scenario, 3000);
    for (std::uint32_t i = 0; i < 3000; ++i) {
        if (i % 3 == 0) {
            testing::employ(world, i, 0, 15.0f);
        } else if (i % 3 == 1) {
            world.persons.status[i] = LabourStatus::inactive;
        }
        world.persons.claim_weeks[i] = static_cast<std::uint16_t>(i % 40);
    }
    const World before = world;
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 0, seed);
    std::size_t found_work = 0;
    std::size_t left = 0;
    for (const Event& e : events) {
        const auto i = index(e.person);
        INFO("person " << i);
        REQUIRE(e.kind == EventKind::claim_end);
        CHECK(e.value == static_cast<float>(before.persons.claim_weeks[i]));
        if (i % 3 == 0) {
            CHECK(e.detail == static_cast<std::uint8_t>(ClaimEndReason::found_work));
            ++found_work;
        } else if (i % 3 == 1) {
            CHECK(e.detail == static_cast<std::uint8_t>(ClaimEndReason::left_labour_force));
            ++left;
        } else {
            CHECK(e.detail == static_cast<std::uint8_t>(ClaimEndReason::stopped_claiming));
        }
    }
    // Every claim of someone in work or out of the labour force ends, this week.
    CHECK(found_work == 1000);
    CHECK(left == 1000);
    for (std::uint32_t i = 0; i < 3000; i += 3) {
        CHECK(world.persons.claim[i] == ClaimState::none);
        CHECK(world.persons.claim[i + 1] == ClaimState::none);
        CHECK(world.persons.status[i] == LabourStatus::employed);  // status is not this step's
    }
}

TEST_CASE("benefit_claim: people in work or inactive without a claim are not touched",
          "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario();
    scenario.regime.benefit_claim.weekly_take_up_while_searching = 1.0;
    scenario.regime.benefit_claim.take_up_on_job_loss = 1.0;
    World world = testing::tiny_world(scenario, 2000);
    for (std::uint32_t i = 0; i < 2000; i += 2) {
        testing::employ(world, i, 0, 15.0f);
        world.persons.status[i + 1] = LabourStatus::inactive;
        world.persons.wants_work[i + 1] = 1;
    }
    const World before = world;
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(testing::snapshot(before), testing::snapshot(world)) == "");
}

TEST_CASE("benefit_claim: each person follows their own arm's regime",
          "[mechanism][benefit_claim]") {
    const Scenario scenario = testing::small_scenario();
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[1].name = "no_claims";
    arms[1].benefit_claim.enabled = false;
    World world = testing::tiny_world(scenario, 20'000);
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
        if (i % 4 >= 2) {
            testing::start_claim(world, i, 4);
            testing::employ(world, i, 0, 15.0f);  // found work: the claim should end
        }
    }
    const World before = world;
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 0, seed, 1, arms);
    CHECK(events.size() > 5000);
    for (const Event& e : events) {
        CHECK(index(e.person) % 2 == 0);
    }
    for (std::uint32_t i = 1; i < 20'000; i += 2) {
        CHECK(world.persons.claim[i] == before.persons.claim[i]);
        CHECK(world.persons.coach[i] == before.persons.coach[i]);
    }
}

TEST_CASE("benefit_claim: switched off, nobody claims and no claim ends",
          "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "benefit_claim", 6, seed);
    const auto on =
        testing::outcome_of(&m::benefit_claim, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::count_events(on.events, EventKind::claim_start) > 0);
    CHECK(testing::count_events(on.events, EventKind::claim_end) > 0);

    scenario.regime.benefit_claim.enabled = false;
    const auto off =
        testing::outcome_of(&m::benefit_claim, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
}

TEST_CASE("benefit_claim: the same key gives the same result, at any thread count",
          "[mechanism][benefit_claim]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "benefit_claim", 6, seed);
    const auto reference =
        testing::outcome_of(&m::benefit_claim, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::claim_start) > 0);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::benefit_claim, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

TEST_CASE("benefit_claim: a sanction still running carries over to a new claim",
          "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario();
    scenario.regime.benefit_claim.take_up_on_job_loss = 1.0;
    World world = testing::tiny_world(scenario, 2);
    for (std::uint32_t i = 0; i < 2; ++i) {
        world.persons.status[i] = LabourStatus::unemployed;
        world.persons.spell_weeks[i] = 0;  // lost a job this week: claims for sure
    }
    world.persons.sanction_weeks_left = {5, 0};
    testing::run_step(&m::benefit_claim, scenario, world, 3, seed);
    CHECK(world.persons.claim[0] == ClaimState::sanctioned);
    CHECK(world.persons.claim[1] == ClaimState::claiming);
    CHECK(world.persons.sanction_weeks_left[0] == 5);
}

TEST_CASE("benefit_claim: people who distrust the service claim less",
          "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario();
    // A take-up rate whose trust-scaled values both stay below 1 (a high default would clamp
    // the trusting half at certainty and hide the slope).
    scenario.regime.benefit_claim.take_up_on_job_loss = 0.5;
    const auto& params = scenario.regime.benefit_claim;
    constexpr std::uint32_t n = 60'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.trust[i] = i % 2 == 0 ? 0.1f : 0.9f;  // all just lost a job (spell 0)
    }
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 4, seed);
    std::array<double, 2> started{};
    for (const Event& e : events) {
        started[index(e.person) % 2] += 1.0;
    }
    CHECK(m::trust_take_up_factor(params, 0.5f) == 1.0);
    const double low = params.take_up_on_job_loss * m::trust_take_up_factor(params, 0.1f);
    const double high = params.take_up_on_job_loss * m::trust_take_up_factor(params, 0.9f);
    CHECK(low < high);
    CHECK(started[0] / (n / 2) == Approx(low).margin(mc_tolerance(low, n / 2)));
    CHECK(started[1] / (n / 2) == Approx(high).margin(mc_tolerance(high, n / 2)));

    scenario.regime.benefit_claim.take_up_trust_slope = 0.0;  // off: trust does not matter
    CHECK(m::trust_take_up_factor(scenario.regime.benefit_claim, 0.1f) == 1.0);
}

TEST_CASE(
    "benefit_claim: under the benefit guarantee a claimant trying a short job keeps the "
    "claim for the guarantee window",
    "[mechanism][benefit_claim]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.benefit_claim;
    World world = testing::tiny_world(scenario, 4);
    for (std::uint32_t i = 0; i < 4; ++i) {
        testing::start_claim(world, i, 10);
        testing::employ(world, i, 0, 11.0f, 20);
        world.persons.tenure_weeks[i] = 2;
    }
    world.persons.hours_per_week[1] = 37;  // a full-time job: not covered
    world.persons.tenure_weeks[2] = 8;     // past the window
    params.guarantee_weeks = 0;
    const auto without = testing::outcome_of(&m::benefit_claim, scenario, world, 0, seed);
    CHECK(testing::count_events(without.events, EventKind::claim_end) == 4);

    params.guarantee_weeks = 8;
    params.guarantee_max_hours = 20;
    const auto events = testing::run_step(&m::benefit_claim, scenario, world, 0, seed);
    CHECK(testing::count_events(events, EventKind::claim_end) == 2);
    CHECK(world.persons.claim[0] == ClaimState::claiming);
    CHECK(world.persons.claim[1] == ClaimState::none);
    CHECK(world.persons.claim[2] == ClaimState::none);
    CHECK(world.persons.claim[3] == ClaimState::claiming);
    CHECK(world.persons.coach[0] != none<CoachId>);
}

}  // namespace test_benefit_claim
