// self_employment (D7): claimants with a business idea start trading at meetings (employed, no
// employer), with an allowance and a mentor paid as public costs; businesses close with a hazard
// that support lowers; in a whole run the invariants hold and no separation names a business.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/self_employment.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_self_employment {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 21001;
constexpr std::uint32_t n = 4000;

Scenario enterprise_scenario() {
    Scenario scenario = testing::small_scenario(n);
    auto& params = scenario.regime.self_employment;
    params.enabled = true;
    params.business_idea_share = 0.5;
    params.start_probability_at_meeting = 0.5;
    return scenario;
}

/// n claimants at a meeting this week.
World meeting_world(const Scenario& scenario) {
    World world = testing::claimants_with(scenario, n, 0);
    testing::attend_all(world);
    return world;
}

/// n people trading for `weeks_trading` weeks at 10 GBP/h (above the 8 GBP/h low-pay line).
World trading_world(const Scenario& scenario, std::uint16_t weeks_trading) {
    World world = testing::tiny_world(scenario, n);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < n; ++i) {
        p.status[i] = LabourStatus::employed;
        p.self_employed[i] = 1;
        p.wage_per_hour[i] = 10.0f;
        p.tenure_weeks[i] = weeks_trading;
    }
    return world;
}

double closed_share(const Scenario& scenario, std::uint16_t weeks_trading) {
    World world = trading_world(scenario, weeks_trading);
    const auto events = testing::run_step(&m::self_employment, scenario, world, 3, seed);
    return static_cast<double>(testing::count_events(events, EventKind::business_closed)) / n;
}

}  // namespace

TEST_CASE("self_employment: claimants with an idea start trading at meetings, with support",
          "[mechanism][self_employment]") {
    const Scenario scenario = enterprise_scenario();
    const auto& params = scenario.regime.self_employment;
    World world = meeting_world(scenario);
    for (std::uint32_t i = 0; i < n; i += 4) {
        world.persons.meeting_this_week[i] = MeetingOutcome::missed;  // no meeting, no start
    }
    const auto events = testing::run_step(&m::self_employment, scenario, world, 0, seed);
    const auto starts = testing::events_of(events, EventKind::self_employment_start);
    const double expected = 0.75 * params.business_idea_share * params.start_probability_at_meeting;
    CHECK(static_cast<double>(starts.size()) / n ==
          Approx(expected).margin(mc_tolerance(expected, n)));
    for (const Event& e : starts) {
        const auto i = index(e.person);
        CHECK(i % 4 != 0);
        CHECK(world.persons.status[i] == LabourStatus::employed);
        CHECK(world.persons.self_employed[i] == 1);
        CHECK(world.persons.employer[i] == none<EmployerId>);
        CHECK(world.persons.wage_per_hour[i] == e.value);
        CHECK(world.persons.claim[i] != ClaimState::none);  // benefit_claim ends it next week
    }
    double mentoring = 0;
    double allowance = 0;
    for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
        if (e.detail == static_cast<std::uint8_t>(CostItem::business_mentoring)) {
            mentoring += e.value;
        } else if (e.detail == static_cast<std::uint8_t>(CostItem::enterprise_allowance)) {
            allowance += e.value;
        }
    }
    CHECK(mentoring == Approx(static_cast<double>(starts.size()) * params.mentoring_cost_gbp));
    CHECK(allowance == Approx(static_cast<double>(starts.size()) * params.allowance_gbp_per_week));
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("self_employment: only claimants, unless service users are eligible",
          "[mechanism][self_employment]") {
    Scenario scenario = enterprise_scenario();
    World world = meeting_world(scenario);
    for (std::uint32_t i = 0; i < n; ++i) {  // voluntary users: a coach, no claim
        world.persons.claim[i] = ClaimState::none;
        world.persons.service_route[i] = ServiceRoute::voluntary_search;
    }
    World copy = world;
    CHECK(testing::run_step(&m::self_employment, scenario, copy, 0, seed).empty());
    scenario.regime.self_employment.eligibility = m::EnterpriseEligibility::service_users;
    const auto events = testing::run_step(&m::self_employment, scenario, world, 0, seed);
    CHECK(testing::count_events(events, EventKind::self_employment_start) > 0);
}

TEST_CASE("self_employment: the allowance tapers, and support and earnings move closures",
          "[mechanism][self_employment]") {
    Scenario scenario = enterprise_scenario();
    auto& params = scenario.regime.self_employment;
    params.weekly_closure_hazard = 0.05;
    params.to_inactivity_probability = 0.0;
    CHECK(m::enterprise_allowance(params, 0) == params.allowance_gbp_per_week);
    CHECK(m::enterprise_allowance(params, 13) == params.tapered_allowance_gbp_per_week);
    CHECK(m::enterprise_allowance(params, 26) == 0.0);
    CHECK(m::closure_hazard(params, 60, true) ==
          Approx(params.weekly_closure_hazard * params.low_earnings_closure_multiplier));

    // Early and supported (week 5), early and unsupported (week 30), established (week 60).
    const double supported = closed_share(scenario, 5);
    const double early = closed_share(scenario, 30);
    const double established = closed_share(scenario, 60);
    for (const auto& [share, weeks] : std::vector<std::pair<double, std::uint16_t>>{
             {supported, 5}, {early, 30}, {established, 60}}) {
        const double p = m::closure_hazard(params, weeks, false);
        CHECK(share == Approx(p).margin(mc_tolerance(p, n)));
    }
    CHECK(supported < early);
    CHECK(established < early);

    // The lever: less support, more closures in the supported weeks.
    params.supported_closure_factor = 1.0;
    CHECK(closed_share(scenario, 5) > supported + mc_tolerance(supported, n));

    World world = trading_world(scenario, 5);
    const auto events = testing::run_step(&m::self_employment, scenario, world, 3, seed);
    for (const Event& e : testing::events_of(events, EventKind::business_closed)) {
        const auto i = index(e.person);
        CHECK(world.persons.status[i] == LabourStatus::unemployed);
        CHECK(world.persons.self_employed[i] == 0);
        CHECK(world.persons.low_paid[i] == 0);
    }
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("self_employment: earnings vary week to week without drifting",
          "[mechanism][self_employment]") {
    const Scenario scenario = enterprise_scenario();
    const double sd = scenario.regime.self_employment.weekly_earnings_volatility;
    World world = trading_world(scenario, 60);
    (void)testing::run_step(&m::self_employment, scenario, world, 3, seed);
    double sum = 0;
    std::uint32_t trading = 0;
    std::uint32_t changed = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (world.persons.self_employed[i] != 0) {
            sum += world.persons.wage_per_hour[i];
            ++trading;
            changed += world.persons.wage_per_hour[i] != 10.0f;
        }
    }
    CHECK(changed == trading);
    const double variance = 100.0 * (std::exp(sd * sd) - 1.0);  // lognormal, mean 10
    CHECK(sum / trading == Approx(10.0).margin(testing::mc_tolerance_of_mean(variance, trading)));
}

TEST_CASE("self_employment: switched off, nothing changes", "[mechanism][self_employment]") {
    const Scenario on = enterprise_scenario();
    Scenario off = on;
    off.regime.self_employment.enabled = false;
    testing::check_switched_off_changes_nothing(&m::self_employment, on, off, meeting_world(on), 0,
                                                seed, EventKind::self_employment_start);
}

TEST_CASE("self_employment: the same key gives the same result, at any thread count",
          "[mechanism][self_employment]") {
    const Scenario scenario = enterprise_scenario();
    World world = meeting_world(scenario);
    for (std::uint32_t i = 0; i < n; i += 3) {  // some already trading
        world.persons.status[i] = LabourStatus::employed;
        world.persons.self_employed[i] = 1;
    }
    const auto reference = testing::outcome_of(&m::self_employment, scenario, world, 0, seed);
    const int threads = GENERATE(1, 4);
    testing::check_same_key_same_outcome(reference, &m::self_employment, scenario, world, 0, seed,
                                         threads);
}

TEST_CASE("self_employment: in a whole run businesses start and close, invariants hold",
          "[mechanism][self_employment]") {
    Scenario scenario = enterprise_scenario();
    scenario.regime.self_employment.weekly_closure_hazard = 0.02;
    const auto run = testing::simulate(scenario, seed, 30);
    CHECK_NOTHROW(check_invariants(run.world));
    CHECK(testing::count_events(run.events, EventKind::self_employment_start) > 0);
    CHECK(testing::count_events(run.events, EventKind::business_closed) > 0);
    std::uint32_t trading = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        trading += run.world.persons.self_employed[i];
        // A claim ends as on work, the week after the start (tenure 1 after the start's week).
        if (run.world.persons.self_employed[i] != 0 && run.world.persons.tenure_weeks[i] >= 2) {
            CHECK(run.world.persons.claim[i] == ClaimState::none);
        }
    }
    CHECK(trading > 0);
    for (const Event& e : testing::events_of(run.events, EventKind::separation)) {
        CHECK(e.other != index(none<EmployerId>));
    }
}

}  // namespace test_self_employment
