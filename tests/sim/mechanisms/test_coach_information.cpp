// coach_information: the coach passes on information at attended meetings, more often with a
// stronger alliance and more trust; informed people search more and ask for the services that fit
// needs they never told the coach of.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/coach_information.hpp"
#include "sim/mechanisms/job_search.hpp"
#include "sim/mechanisms/provider_referral.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_coach_information {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 22101;
constexpr std::uint32_t n = 20'000;
constexpr Week week = 10;

/// Everyone claims with a coach; persons 0, 4, 8, ... missed their meeting, the rest attended.
/// Odd persons have a full alliance and full trust, even persons none.
World meeting_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        p.meeting_this_week[i] = i % 4 == 0 ? MeetingOutcome::missed : MeetingOutcome::attended;
        p.alliance[i] = i % 2 == 1 ? 1.0f : 0.0f;
        p.trust[i] = i % 2 == 1 ? 1.0f : 0.0f;
    }
    return world;
}

Scenario information_scenario() {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.coach_information.enabled = true;
    return scenario;
}

}  // namespace

TEST_CASE("coach_information: passed on at attended meetings, more often with alliance and trust",
          "[mechanism][coach_information]") {
    const Scenario scenario = information_scenario();
    const auto& params = scenario.regime.coach_information;
    World world = meeting_world(scenario);
    const auto events = testing::run_step(&m::coach_information, scenario, world, week, seed);
    double close = 0;
    double distant = 0;
    for (const Event& e : testing::events_of(events, EventKind::information_passed)) {
        const auto i = index(e.person);
        CHECK(i % 4 != 0);  // nothing is passed on at a missed meeting
        CHECK(world.persons.informed_weeks[i] == params.informed_weeks);
        CHECK(e.other == index(world.persons.coach[i]));
        (i % 2 == 1 ? close : distant) += 1;
    }
    const double odd = n / 2.0;
    const double even_attended = n / 4.0;
    const double low = params.base_probability;
    const double high = low + params.alliance_gain + params.trust_gain;
    CHECK(distant / even_attended == Approx(low).margin(mc_tolerance(low, even_attended)));
    CHECK(close / odd == Approx(high).margin(mc_tolerance(high, odd)));
    // Information runs out a week at a time.
    World later = world;
    later.persons.meeting_this_week.assign(n, MeetingOutcome::none);
    (void)testing::run_step(&m::coach_information, scenario, later, week + 1, seed);
    for (std::uint32_t i = 1; i < n; i += 2) {
        CHECK(later.persons.informed_weeks[i] ==
              (world.persons.informed_weeks[i] > 0 ? world.persons.informed_weeks[i] - 1 : 0));
    }
}

TEST_CASE("coach_information: informed people search more and ask for the services they need",
          "[mechanism][coach_information]") {
    Scenario scenario = information_scenario();
    const auto& params = scenario.regime.coach_information;
    auto& referral = scenario.regime.provider_referral;
    referral.enabled = true;
    referral.misjudge_probability = 0.0;  // the coach sees only what it is told
    World world = testing::tiny_world(scenario, n);
    // Everyone claims, attended a meeting and has a health condition nobody told the coach of;
    // odd persons were informed at the meeting.
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.meeting_this_week[i] = MeetingOutcome::attended;
        world.persons.barriers[i] = barrier_health;
        world.persons.informed_weeks[i] = static_cast<std::uint8_t>(i % 2 == 1 ? 2 : 0);
    }

    World searching = world;
    (void)testing::run_step(&m::job_search, scenario, searching, week, seed);
    for (std::uint32_t i = 0; i + 1 < n; i += 2) {
        CHECK(searching.persons.search_effort[i + 1] ==
              Approx(searching.persons.search_effort[i] * (1.0 + params.search_lift)));
    }

    World referring = world;
    const auto events = testing::run_step(&m::provider_referral, scenario, referring, week, seed);
    double informed = 0;
    for (const Event& e : testing::events_of(events, EventKind::referral)) {
        CHECK(index(e.person) % 2 == 1);  // the uninformed told nothing and are not referred
        informed += 1;
    }
    const double half = n / 2.0;
    const double r = referral.referral_probability;
    CHECK(informed / half == Approx(r).margin(mc_tolerance(r, half)));
}

TEST_CASE("coach_information: switched off, nothing changes", "[mechanism][coach_information]") {
    const Scenario on = information_scenario();
    Scenario off = on;
    off.regime.coach_information.enabled = false;
    testing::check_switched_off_changes_nothing(&m::coach_information, on, off, meeting_world(on),
                                                week, seed, EventKind::information_passed);
}

TEST_CASE("coach_information: the same key gives the same result, at any thread count",
          "[mechanism][coach_information]") {
    const Scenario scenario = information_scenario();
    const World world = meeting_world(scenario);
    const auto reference =
        testing::outcome_of(&m::coach_information, scenario, world, week, seed, 1);
    REQUIRE(!reference.events.empty());
    const int threads = GENERATE(1, 2, 4);
    testing::check_same_key_same_outcome(reference, &m::coach_information, scenario, world, week,
                                         seed, threads);
}

}  // namespace test_coach_information
