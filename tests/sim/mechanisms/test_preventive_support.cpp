// preventive_support: under universal access, aware workers at risk (older, health condition,
// shocked sector) join the service before losing their job, and while supported their job ends
// less often; nobody joins where only claimants are eligible or when it is off.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/job_separation.hpp"
#include "sim/mechanisms/preventive_support.hpp"
#include "sim/mechanisms/service_access.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_preventive_support {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 18501;

Scenario universal_scenario(std::uint32_t persons) {
    Scenario scenario = testing::small_scenario(persons, 4);
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    return scenario;
}

/// n aware, trusting workers; odd persons are aged 58 (at risk), even ones 35.
World workers(const Scenario& scenario, std::uint32_t n) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, index(world.persons.area[i]) * 40, 7.0f);
        world.persons.tenure_weeks[i] = 100;
        world.persons.aware_of_service[i] = 1;
        world.persons.trust[i] = 1.0f;
        world.persons.age_years[i] = i % 2 == 1 ? 58 : 35;
    }
    return world;
}

}  // namespace

TEST_CASE("preventive_support: at-risk workers join a universal service before job loss",
          "[mechanism][preventive_support]") {
    constexpr std::uint32_t n = 200'000;
    const Scenario scenario = universal_scenario(n);
    World world = workers(scenario, n);
    const auto events = testing::run_step(&m::preventive_support, scenario, world, 0, seed);
    std::array<double, 2> joined{};
    for (const Event& e : testing::events_of(events, EventKind::service_join)) {
        ++joined[index(e.person) % 2];
        CHECK(e.detail == static_cast<std::uint8_t>(ServiceRoute::preventive));
    }
    const auto& access = scenario.regime.service_access;
    const double p = m::join_probability(
        access, scenario.regime.preventive_support.weekly_join_if_at_risk, 1.0f);
    CHECK(joined[0] == 0);
    CHECK(joined[1] / (n / 2) == Approx(p).margin(mc_tolerance(p, n / 2)));
    CHECK_NOTHROW(check_invariants(world));

    Scenario claimants = scenario;
    claimants.regime.service_access.eligibility = m::Eligibility::claimants;
    World again = workers(claimants, n);
    const auto none = testing::run_step(&m::preventive_support, claimants, again, 0, seed);
    CHECK(testing::count_events(none, EventKind::service_join) == 0);
}

TEST_CASE("preventive_support: supported workers lose their job less often",
          "[mechanism][preventive_support]") {
    constexpr std::uint32_t n = 200'000;
    const Scenario scenario = universal_scenario(n);
    World world = workers(scenario, n);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.coach[i] =
            static_cast<CoachId>(*world.coaches_by_area.begin_of(index(world.persons.area[i])));
        world.persons.service_route[i] = ServiceRoute::preventive;
        world.persons.age_years[i + 1] = 35;  // the same risk otherwise
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);
    std::array<double, 2> ended{};
    for (const Event& e : testing::events_of(events, EventKind::separation)) {
        ++ended[index(e.person) % 2];
    }
    const double base =
        m::separation_hazard(scenario.labour_market.job_separation, 100, 1.0f, true, 0);
    const double supported = base * m::preventive_support_factor(scenario.regime.preventive_support,
                                                                 ServiceRoute::preventive);
    CHECK(ended[0] / (n / 2) == Approx(supported).margin(mc_tolerance(supported, n / 2)));
    CHECK(ended[1] / (n / 2) == Approx(base).margin(mc_tolerance(base, n / 2)));
    CHECK(ended[0] < ended[1]);
}

TEST_CASE("preventive_support: a shocked sector puts its workers at risk",
          "[mechanism][preventive_support]") {
    const m::PreventiveSupportParams params;
    CHECK_FALSE(m::at_risk_of_job_loss(params, 35, 0, 1.0));
    CHECK(m::at_risk_of_job_loss(params, 35, 0, 2.0));
    CHECK(m::at_risk_of_job_loss(params, 35, barrier_health, 1.0));
    CHECK(m::at_risk_of_job_loss(params, 50, 0, 1.0));
}

TEST_CASE("preventive_support: switched off, it changes nothing",
          "[mechanism][preventive_support]") {
    Scenario scenario = universal_scenario(2000);
    scenario.regime.preventive_support.enabled = false;
    World world = workers(scenario, 2000);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::preventive_support, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
    CHECK(m::preventive_support_factor(scenario.regime.preventive_support,
                                       ServiceRoute::preventive) == 1.0);
}

TEST_CASE("preventive_support: same key, same outcome, at 1 and 4 threads",
          "[mechanism][preventive_support]") {
    const Scenario scenario = universal_scenario(20'000);
    const World world = workers(scenario, 20'000);
    const auto reference = testing::outcome_of(&m::preventive_support, scenario, world, 1, seed);
    for (const int threads : {1, 4}) {
        INFO(threads << " threads");
        testing::check_same_key_same_outcome(reference, &m::preventive_support, scenario, world, 1,
                                             seed, threads);
    }
}

}  // namespace test_preventive_support
