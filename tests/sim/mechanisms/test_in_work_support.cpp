// in_work_support: a service user who starts a job keeps their coach for support_weeks; contacts
// are costed; while support lasts the job ends less often (more so with barriers); the job ending
// during support sends the person back to search with the coach under universal access.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/benefit_claim.hpp"
#include "sim/mechanisms/in_work_support.hpp"
#include "sim/mechanisms/job_separation.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_in_work_support {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 18101;

Scenario supported_scenario(std::uint32_t persons) {
    Scenario scenario = testing::small_scenario(persons, 4);
    scenario.regime.in_work_support.enabled = true;
    return scenario;
}

/// n claimants, each just hired (tenure 0) by the first employer of their area.
World hired_claimants(const Scenario& scenario, std::uint32_t n) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        testing::employ(world, i,
                        index(world.persons.area[i]) * scenario.labour_market.employers_per_area,
                        12.0f);
    }
    return world;
}

}  // namespace

TEST_CASE("in_work_support: a claimant who starts a job keeps the coach after the claim ends",
          "[mechanism][in_work_support]") {
    const Scenario scenario = supported_scenario(100);
    const auto& params = scenario.regime.in_work_support;
    World world = hired_claimants(scenario, 100);
    std::vector<CoachId> coaches(world.persons.coach);
    (void)testing::run_step(&m::in_work_support, scenario, world, 0, seed);
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(world.persons.service_route[i] == ServiceRoute::in_work);
        CHECK(world.persons.in_work_support_weeks[i] == params.support_weeks);
    }
    // Next week the claim ends on work; the coach stays.
    for (auto& tenure : world.persons.tenure_weeks) {
        tenure = 1;
    }
    const auto ended = testing::run_step(&m::benefit_claim, scenario, world, 1, seed);
    CHECK(testing::count_events(ended, EventKind::claim_end) == 100);
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(world.persons.claim[i] == ClaimState::none);
        CHECK(world.persons.coach[i] == coaches[i]);
    }
    CHECK_NOTHROW(check_invariants(world));

    // Support counts down with a costed contact every contact_interval_weeks, then ends.
    std::size_t contacts = 0;
    std::size_t left = 0;
    for (Week week = 1; week <= params.support_weeks; ++week) {
        const auto events = testing::run_step(&m::in_work_support, scenario, world, week, seed);
        for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
            CHECK(e.detail == static_cast<std::uint8_t>(CostItem::in_work_support));
            CHECK(e.value > 0.0f);
            ++contacts;
        }
        left += testing::count_events(events, EventKind::service_leave);
    }
    const auto interval = scenario.regime.service_access.contact_interval_weeks;
    CHECK(contacts == 100 * params.support_weeks / interval);
    CHECK(left == 100);
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(world.persons.coach[i] == none<CoachId>);
        CHECK(world.persons.in_work_support_weeks[i] == 0);
    }
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("in_work_support: supported jobs end less often early on, more so with barriers",
          "[mechanism][in_work_support]") {
    constexpr std::uint32_t n = 200'000;
    const Scenario scenario = supported_scenario(n);
    const auto& params = scenario.regime.in_work_support;
    World world = testing::tiny_world(scenario, n);
    const auto two = static_cast<std::uint8_t>(barrier_health | barrier_caring);
    for (std::uint32_t i = 0; i < n; ++i) {
        // Low-paid new jobs separate often enough to compare rates quickly.
        testing::employ(world, i, index(world.persons.area[i]) * 40, 7.0f);
        world.persons.barriers[i] = (i / 2) % 2 == 0 ? 0 : two;
        world.persons.in_work_support_weeks[i] = i % 2 == 0 ? 40 : 0;  // even persons supported
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);
    std::array<double, 4> ended{};  // [supported? 0 : 1][barriers? 1 : 0]
    for (const Event& e : testing::events_of(events, EventKind::separation)) {
        const auto i = index(e.person);
        ++ended[(i % 2) * 2 + (i / 2) % 2];
    }
    const auto& sep = scenario.labour_market.job_separation;
    const double quarter = n / 4.0;
    for (const int barriers : {0, 2}) {
        const auto bits = barriers == 0 ? std::uint8_t{0} : two;
        const double unsupported = m::separation_hazard(sep, 0, 1.0f, true, bits);
        const double supported = unsupported * m::in_work_support_factor(params, 40, bits);
        const std::size_t b = barriers == 0 ? 0 : 1;
        INFO(barriers << " barriers");
        CHECK(ended[b] / quarter == Approx(supported).margin(mc_tolerance(supported, quarter)));
        CHECK(ended[2 + b] / quarter ==
              Approx(unsupported).margin(mc_tolerance(unsupported, quarter)));
        CHECK(ended[b] < ended[2 + b]);
    }
    // The proportional reduction is larger with barriers.
    CHECK(m::in_work_support_factor(params, 40, two) < m::in_work_support_factor(params, 40, 0));
    CHECK(m::in_work_support_factor(params, 0, two) == 1.0);
}

TEST_CASE("in_work_support: a job lost during support goes back to search with the coach",
          "[mechanism][in_work_support]") {
    Scenario scenario = supported_scenario(100);
    World world = testing::tiny_world(scenario, 100);
    for (std::uint32_t i = 0; i < 100; ++i) {
        Persons& p = world.persons;
        p.coach[i] = static_cast<CoachId>(*world.coaches_by_area.begin_of(index(p.area[i])));
        p.service_route[i] = ServiceRoute::in_work;
        p.in_work_support_weeks[i] = 20;  // status unemployed: the job just ended
    }
    World universal = world;
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    (void)testing::run_step(&m::in_work_support, scenario, universal, 0, seed);
    scenario.regime.service_access.eligibility = m::Eligibility::claimants;
    (void)testing::run_step(&m::in_work_support, scenario, world, 0, seed);
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(universal.persons.service_route[i] == ServiceRoute::voluntary_search);
        CHECK(universal.persons.coach[i] != none<CoachId>);
        CHECK(world.persons.coach[i] == none<CoachId>);
        CHECK(world.persons.in_work_support_weeks[i] == 0);
    }
    CHECK_NOTHROW(check_invariants(universal));
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("in_work_support: switched off, it changes nothing", "[mechanism][in_work_support]") {
    Scenario scenario = supported_scenario(1000);
    scenario.regime.in_work_support.enabled = false;
    World world = hired_claimants(scenario, 1000);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::in_work_support, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
    CHECK(m::in_work_support_factor(scenario.regime.in_work_support, 30, 0) == 1.0);
}

TEST_CASE("in_work_support: same outcome at 1 and 4 threads", "[mechanism][in_work_support]") {
    // No draws: the outcome depends on the world only, so compare thread counts.
    const Scenario scenario = supported_scenario(20'000);
    World world = hired_claimants(scenario, 20'000);
    for (std::uint32_t i = 0; i < 20'000; i += 2) {
        world.persons.claim[i] = ClaimState::none;
        world.persons.service_route[i] = ServiceRoute::in_work;
        world.persons.in_work_support_weeks[i] = static_cast<std::uint8_t>(1 + i % 30);
    }
    const auto one = testing::outcome_of(&m::in_work_support, scenario, world, 5, seed, 1);
    const auto four = testing::outcome_of(&m::in_work_support, scenario, world, 5, seed, 4);
    CHECK(testing::outcome_differences(one, four) == "");
    CHECK(testing::changed_columns(testing::snapshot(world), one.state) != "");
}

}  // namespace test_in_work_support
