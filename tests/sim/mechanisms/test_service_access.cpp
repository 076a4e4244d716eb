// service_access: under universal eligibility non-claimants who know the service join it at a
// rate that rises with trust and falls with hand-off loss (lower with Work Hubs); awareness grows
// faster under a national brand and hubs; voluntary users meet their coach but are never
// sanctioned; nothing of this happens where only claimants are eligible or the mechanism is off.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/coach_meeting.hpp"
#include "sim/mechanisms/conditionality.hpp"
#include "sim/mechanisms/service_access.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_service_access {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 18001;

Scenario universal_scenario(std::uint32_t persons) {
    Scenario scenario = testing::small_scenario(persons, 4);
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    return scenario;
}

/// Everyone unemployed, not claiming and aware of the service; odd persons trust it little.
World aware_world(const Scenario& scenario, std::uint32_t n, float high_trust, float low_trust) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.aware_of_service[i] = 1;
        world.persons.trust[i] = i % 2 == 0 ? high_trust : low_trust;
    }
    return world;
}

std::uint32_t voluntary_users(const World& world) {
    std::uint32_t users = 0;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        users += world.persons.claim[i] == ClaimState::none &&
                 world.persons.coach[i] != none<CoachId> &&
                 world.persons.service_route[i] == ServiceRoute::voluntary_search;
    }
    return users;
}

}  // namespace

TEST_CASE("service_access: universal access brings in non-claimants, more with higher trust",
          "[mechanism][service_access]") {
    constexpr std::uint32_t n = 100'000;
    const Scenario scenario = universal_scenario(n);
    const auto& params = scenario.regime.service_access;
    World world = aware_world(scenario, n, 1.0f, 0.2f);
    const auto events = testing::run_step(&m::service_access, scenario, world, 0, seed);

    std::array<double, 2> joined{};
    for (const Event& e : testing::events_of(events, EventKind::service_join)) {
        const auto i = index(e.person);
        ++joined[i % 2];
        CHECK(e.detail == static_cast<std::uint8_t>(ServiceRoute::voluntary_search));
        CHECK(world.persons.coach[i] != none<CoachId>);
        CHECK(e.other == index(world.persons.coach[i]));
        CHECK(world.persons.claim[i] == ClaimState::none);
        CHECK(world.coaches.area[e.other] == world.persons.area[i]);
    }
    const double high = m::join_probability(params, params.weekly_join_if_aware, 1.0f);
    const double low = m::join_probability(params, params.weekly_join_if_aware, 0.2f);
    CHECK(high == Approx(params.weekly_join_if_aware * (1.0 - params.handoff_loss)));
    CHECK(joined[0] / (n / 2) == Approx(high).margin(mc_tolerance(high, n / 2)));
    CHECK(joined[1] / (n / 2) == Approx(low).margin(mc_tolerance(low, n / 2)));
    CHECK(joined[1] < joined[0]);
    CHECK(voluntary_users(world) == joined[0] + joined[1]);
    CHECK_NOTHROW(check_invariants(world));

    SECTION("only claimants eligible: nobody joins") {
        Scenario claimants = scenario;
        claimants.regime.service_access.eligibility = m::Eligibility::claimants;
        World again = aware_world(claimants, n, 1.0f, 0.2f);
        const auto none_joined = testing::run_step(&m::service_access, claimants, again, 0, seed);
        CHECK(testing::count_events(none_joined, EventKind::service_join) == 0);
        CHECK(voluntary_users(again) == 0);
    }
}

TEST_CASE("service_access: Work Hubs lower the hand-off loss", "[mechanism][service_access]") {
    constexpr std::uint32_t n = 100'000;
    Scenario scenario = universal_scenario(n);
    World without = aware_world(scenario, n, 1.0f, 1.0f);
    const auto before = testing::run_step(&m::service_access, scenario, without, 0, seed);
    scenario.regime.service_access.work_hubs = true;
    World with = aware_world(scenario, n, 1.0f, 1.0f);
    const auto after = testing::run_step(&m::service_access, scenario, with, 0, seed);
    const auto& params = scenario.regime.service_access;
    const double p_without = params.weekly_join_if_aware * (1.0 - params.handoff_loss);
    const double p_with = params.weekly_join_if_aware * (1.0 - params.hubs_handoff_loss);
    const auto joined_without =
        static_cast<double>(testing::count_events(before, EventKind::service_join));
    const auto joined_with =
        static_cast<double>(testing::count_events(after, EventKind::service_join));
    CHECK(joined_without / n == Approx(p_without).margin(mc_tolerance(p_without, n)));
    CHECK(joined_with / n == Approx(p_with).margin(mc_tolerance(p_with, n)));
    CHECK(joined_with > joined_without);
}

TEST_CASE("service_access: a national brand and Work Hubs raise awareness, and so users",
          "[mechanism][service_access]") {
    constexpr std::uint32_t n = 20'000;
    Scenario local = universal_scenario(n);
    local.regime.service_access.weekly_awareness = 0.05;
    Scenario branded = local;
    branded.regime.service_access.national_brand = true;
    branded.regime.service_access.work_hubs = true;
    const auto& params = branded.regime.service_access;
    CHECK(m::awareness_rate(params) ==
          Approx(0.05 * params.brand_awareness_multiplier * params.hubs_awareness_multiplier));

    // One week: the share who learn of the service is the awareness rate.
    World world = testing::tiny_world(local, n);
    (void)testing::run_step(&m::service_access, local, world, 0, seed);
    std::uint32_t aware = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        aware += world.persons.aware_of_service[i];
    }
    CHECK(aware / double(n) == Approx(0.05).margin(mc_tolerance(0.05, n)));

    // Ten weeks: more people know the service, and more use it, under the brand and hubs.
    World local_world = testing::tiny_world(local, n);
    World branded_world = testing::tiny_world(branded, n);
    for (Week week = 0; week < 10; ++week) {
        (void)testing::run_step(&m::service_access, local, local_world, week, seed);
        (void)testing::run_step(&m::service_access, branded, branded_world, week, seed);
    }
    CHECK(voluntary_users(branded_world) > voluntary_users(local_world));
}

TEST_CASE("service_access: an inactive person who wants work and joins starts searching",
          "[mechanism][service_access]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = universal_scenario(n);
    scenario.regime.service_access.weekly_join_if_aware = 1.0;
    scenario.regime.service_access.handoff_loss = 0.0;
    World world = aware_world(scenario, n, 1.0f, 1.0f);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.status[i] = LabourStatus::inactive;
        world.persons.wants_work[i] = i % 2;  // even persons do not want work
    }
    const auto events = testing::run_step(&m::service_access, scenario, world, 0, seed);
    CHECK(testing::count_events(events, EventKind::service_join) == n / 2);
    CHECK(testing::count_events(events, EventKind::return_to_search) == n / 2);
    for (std::uint32_t i = 0; i < n; ++i) {
        INFO("person " << i);
        CHECK((world.persons.coach[i] != none<CoachId>) == (i % 2 == 1));
        CHECK(world.persons.status[i] ==
              (i % 2 == 1 ? LabourStatus::unemployed : LabourStatus::inactive));
    }
}

TEST_CASE("service_access: voluntary users meet their coach and are never sanctioned",
          "[mechanism][service_access]") {
    constexpr std::uint32_t n = 4000;
    Scenario scenario = universal_scenario(n);
    scenario.regime.service_access.weekly_join_if_aware = 1.0;
    scenario.regime.service_access.handoff_loss = 0.0;
    scenario.regime.coach_meeting.attendance_probability = 0.5;
    scenario.regime.conditionality.missed_meeting_sanction_probability = 1.0;
    scenario.regime.conditionality.shortfall_detection_probability = 1.0;
    World world = aware_world(scenario, n, 1.0f, 1.0f);
    (void)testing::run_step(&m::service_access, scenario, world, 0, seed);
    REQUIRE(voluntary_users(world) == n);
    std::size_t meetings = 0;
    for (Week week = 0; week < 6; ++week) {
        const auto met = testing::run_step(&m::coach_meeting, scenario, world, week, seed);
        meetings += testing::count_events(met, EventKind::meeting) +
                    testing::count_events(met, EventKind::meeting_missed);
        const auto checked = testing::run_step(&m::conditionality, scenario, world, week, seed);
        CHECK(testing::count_events(checked, EventKind::sanction) == 0);
    }
    // Fortnightly meetings over six weeks: three each.
    CHECK(meetings == 3 * n);
    CHECK(world.coaches.caseload[0] > 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        CHECK(world.persons.search_requirement[i] == 0);
        CHECK(world.persons.sanction_count[i] == 0);
    }
}

TEST_CASE("service_access: voluntary users leave on finding work, and drop out more with distrust",
          "[mechanism][service_access]") {
    constexpr std::uint32_t n = 100'000;
    Scenario scenario = universal_scenario(n);
    const auto& params = scenario.regime.service_access;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        Persons& p = world.persons;
        p.coach[i] = static_cast<CoachId>(*world.coaches_by_area.begin_of(index(p.area[i])));
        p.service_route[i] = ServiceRoute::voluntary_search;
        p.aware_of_service[i] = 1;
        p.trust[i] = i % 2 == 0 ? 1.0f : 0.0f;
        if (i % 10 == 0) {
            testing::employ(world, i,
                            (index(p.area[i]) * scenario.labour_market.employers_per_area), 12.0f);
        }
    }
    const auto events = testing::run_step(&m::service_access, scenario, world, 0, seed);
    std::array<double, 2> left{};
    for (const Event& e : testing::events_of(events, EventKind::service_leave)) {
        const auto i = index(e.person);
        if (i % 10 == 0) {
            continue;  // found work: all leave (no in-work support here)
        }
        ++left[i % 2];
    }
    for (std::uint32_t i = 0; i < n; i += 10) {
        CHECK(world.persons.coach[i] == none<CoachId>);
    }
    const double trusting = n / 2 - n / 10;  // every tenth person (all even) found work
    const double distrusting = n / 2;
    const double p_trust = params.weekly_drop_out;
    const double p_distrust = params.weekly_drop_out * (1.0 + params.distrust_weight);
    CHECK(left[0] / trusting == Approx(p_trust).margin(mc_tolerance(p_trust, trusting)));
    CHECK(left[1] / distrusting ==
          Approx(p_distrust).margin(mc_tolerance(p_distrust, distrusting)));
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("service_access: switched off, it changes nothing", "[mechanism][service_access]") {
    Scenario scenario = universal_scenario(4000);
    scenario.regime.service_access.enabled = false;
    World world = aware_world(scenario, 4000, 1.0f, 0.5f);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::service_access, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("service_access: same key, same outcome, at 1 and 4 threads",
          "[mechanism][service_access]") {
    const Scenario scenario = universal_scenario(20'000);
    World world = aware_world(scenario, 20'000, 0.9f, 0.3f);
    for (std::uint32_t i = 0; i < 20'000; i += 3) {
        world.persons.aware_of_service[i] = 0;
    }
    const auto reference = testing::outcome_of(&m::service_access, scenario, world, 3, seed);
    for (const int threads : {1, 4}) {
        INFO(threads << " threads");
        testing::check_same_key_same_outcome(reference, &m::service_access, scenario, world, 3,
                                             seed, threads);
    }
}

TEST_CASE("service_access: a universal service keeps the world consistent over a year",
          "[mechanism][service_access]") {
    Scenario scenario = testing::small_scenario(4000, 4);
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    scenario.regime.in_work_support.enabled = true;
    const auto run = testing::simulate(scenario, seed, 52);
    CHECK_NOTHROW(check_invariants(run.world));
    const auto joined = testing::count_events(run.events, EventKind::service_join);
    CHECK(joined > 0);
    Scenario current = testing::small_scenario(4000, 4);
    const auto current_run = testing::simulate(current, seed, 52);
    CHECK(testing::count_events(current_run.events, EventKind::service_join) == 0);
}

TEST_CASE("service_access: a universal service gives the same run at 1 and 4 threads",
          "[mechanism][service_access]") {
    Scenario scenario = testing::small_scenario(3000, 4);
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    scenario.regime.in_work_support.enabled = true;
    scenario.labour_market.labour_market_shocks.sector_shocks.push_back(
        {.sector = scenario.labour_market.sectors[1].name, .start_week = 5});
    const auto one = testing::simulate(scenario, seed, 20, 1);
    const auto four = testing::simulate(scenario, seed, 20, 4);
    CHECK(testing::event_differences(one.events, four.events) == "");
    CHECK(testing::changed_columns(testing::snapshot(one.world), testing::snapshot(four.world)) ==
          "");
    CHECK(testing::count_events(one.events, EventKind::service_join) > 0);
}

}  // namespace test_service_access
