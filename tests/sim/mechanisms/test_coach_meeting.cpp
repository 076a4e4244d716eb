// coach_meeting: claimants meet their coach every interval_weeks; when the meetings due need more
// than the coach's meeting hours, every meeting is shortened in proportion; each meeting's length
// is drawn around that mean (R7: most meetings short, a few long); attended minutes lift search
// effort, and the lift decays week by week.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/coach_meeting.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_coach_meeting {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7801;

}  // namespace

TEST_CASE("coach_meeting: more claimants per coach means shorter meetings",
          "[mechanism][coach_meeting]") {
    // Two areas with one coach each: coach 0 has 50 meetings due, coach 1 has 500.
    Scenario scenario = testing::small_scenario(1000, 2);
    scenario.service.coaches_per_area = 1;
    const auto& params = scenario.regime.coach_meeting;
    World world = testing::tiny_world(scenario, 1000);  // persons 0-499 in area 0, 500-999 in 1
    for (std::uint32_t i = 0; i < 1000; ++i) {
        if (i >= 500 || i < 60) {
            testing::start_claim(world, i, 10);
            if (i >= 50 && i < 60) {
                world.persons.weeks_to_meeting[i] = 1;  // on the caseload, no meeting this week
            }
        }
    }
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, 0, seed);

    const double available =
        scenario.service.coach_hours_per_week * 60.0 * scenario.service.share_of_hours_for_meetings;
    const std::array<double, 2> due{50.0, 500.0};
    std::array<double, 2> minutes{};
    for (std::size_t c = 0; c < 2; ++c) {
        minutes[c] =
            params.standard_minutes * std::min(1.0, available / (due[c] * params.standard_minutes));
        INFO("coach " << c);
        CHECK(world.coaches.caseload[c] == (c == 0 ? 60u : 500u));
        CHECK(world.coaches.meetings_due[c] == static_cast<std::uint32_t>(due[c]));
        CHECK(world.coaches.minutes_per_meeting[c] == Approx(minutes[c]));
    }
    CHECK(minutes[0] == params.standard_minutes);  // 500 minutes fit in the coach's time
    CHECK(minutes[1] < minutes[0]);

    std::array<std::size_t, 2> held{};
    std::array<double, 2> boost_sum{};
    std::array<double, 2> minutes_sum{};
    for (const Event& e : testing::events_of(events, EventKind::meeting)) {
        const auto i = index(e.person);
        INFO("person " << i);
        REQUIRE(e.other < 2);
        ++held[e.other];
        boost_sum[e.other] += world.persons.meeting_boost[i];
        minutes_sum[e.other] += e.value;
        // The boost is the attended minutes' lift (the previous boost was 0).
        CHECK(world.persons.meeting_boost[i] ==
              Approx(params.effort_boost_per_10_minutes * e.value / 10.0));
        CHECK(world.persons.meeting_minutes[i] == std::lround(e.value));
        CHECK(world.persons.meeting_this_week[i] == MeetingOutcome::attended);
    }
    CHECK(held[0] > 40);
    CHECK(held[1] > 400);
    // Each meeting's length varies around the coach's minutes per meeting (lognormal, mean kept).
    const double cv = std::sqrt(std::expm1(params.length_log_sd * params.length_log_sd));
    for (std::size_t c = 0; c < 2; ++c) {
        INFO("coach " << c);
        const auto n = static_cast<double>(held[c]);
        const double variance = cv * minutes[c] * cv * minutes[c];
        CHECK(minutes_sum[c] / n ==
              Approx(minutes[c]).margin(testing::mc_tolerance_of_mean(variance, n)));
    }
    // Shorter meetings give a smaller lift to search effort.
    CHECK(boost_sum[1] / static_cast<double>(held[1]) <
          boost_sum[0] / static_cast<double>(held[0]));
}

TEST_CASE("coach_meeting: meeting lengths spread around the coach's mean as R7 reports",
          "[mechanism][coach_meeting]") {
    // One coach per area with time for every meeting at full length: the mean is standard_minutes.
    constexpr std::uint32_t n = 20'000;
    const double log_sd = GENERATE(0.0, 0.5, 1.0);
    INFO("length_log_sd " << log_sd);
    Scenario scenario = testing::small_scenario(n, 4);
    // Claimants take their area's first coach: 5,000 meetings of 10 minutes fit in 5,000 hours.
    scenario.service.coach_hours_per_week = 5000.0;
    scenario.regime.coach_meeting.length_log_sd = log_sd;
    const auto& params = scenario.regime.coach_meeting;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
    }
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, 0, seed);
    const auto meetings = testing::events_of(events, EventKind::meeting);
    REQUIRE(meetings.size() > n / 2);
    const auto held = static_cast<double>(meetings.size());
    double up_to_10 = 0.0;
    double up_to_15 = 0.0;
    double sum = 0.0;
    for (const Event& e : meetings) {
        up_to_10 += e.value <= 10.0f;
        up_to_15 += e.value <= 15.0f;
        sum += e.value;
    }
    REQUIRE(params.standard_minutes == 10.0);
    if (log_sd == 0.0) {
        // No spread: every meeting lasts the coach's minutes per meeting, as before R7.
        CHECK(up_to_10 == held);
        CHECK(sum / held == Approx(params.standard_minutes).epsilon(1e-5));
        return;
    }
    // Lognormal with mean 10: P(X <= 10) = Phi(sd / 2); P(X <= 15) = Phi((ln 1.5 + sd^2/2) / sd).
    const auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
    const double p10 = phi(log_sd / 2.0);
    const double p15 = phi((std::log(1.5) + log_sd * log_sd / 2.0) / log_sd);
    CHECK(up_to_10 / held == Approx(p10).margin(mc_tolerance(p10, held)));
    CHECK(up_to_15 / held == Approx(p15).margin(mc_tolerance(p15, held)));
    if (log_sd == 0.5) {
        // The default reproduces the poll: 60% 10 minutes or less, 85% 15 or less.
        CHECK(p10 == Approx(0.60).margin(0.01));
        CHECK(p15 == Approx(0.85).margin(0.01));
    }
    // The mean stays the coach's minutes per meeting (up to Monte Carlo error).
    const double cv = std::sqrt(std::expm1(log_sd * log_sd));
    CHECK(sum / held == Approx(10.0).margin(testing::mc_tolerance_of_mean(cv * cv * 100.0, held)));
}

TEST_CASE("coach_meeting: claimants with barriers miss more meetings",
          "[mechanism][coach_meeting]") {
    Scenario scenario = testing::small_scenario(100'000, 4);
    const auto& params = scenario.regime.coach_meeting;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    const auto three = static_cast<std::uint8_t>(barrier_health | barrier_caring | barrier_housing);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        if (i % 2 == 1) {
            world.persons.barriers[i] = three;
        }
    }
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, 0, seed);

    std::array<double, 2> missed{};
    for (const Event& e : testing::events_of(events, EventKind::meeting_missed)) {
        const auto i = index(e.person);
        ++missed[i % 2];
        CHECK(world.persons.meeting_this_week[i] == MeetingOutcome::missed);
        CHECK(e.other == index(world.persons.coach[i]));
    }
    CHECK(testing::count_events(events, EventKind::meeting) +
              testing::count_events(events, EventKind::meeting_missed) ==
          n);
    const double p_none = 1.0 - params.attendance_probability;
    const double p_three =
        1.0 - (params.attendance_probability - 3.0 * params.attendance_loss_per_barrier);
    CHECK(missed[0] / (n / 2) == Approx(p_none).margin(mc_tolerance(p_none, n / 2)));
    CHECK(missed[1] / (n / 2) == Approx(p_three).margin(mc_tolerance(p_three, n / 2)));
    CHECK(missed[1] > missed[0]);
}

TEST_CASE("coach_meeting: a claimant meets every interval_weeks", "[mechanism][coach_meeting]") {
    const std::uint32_t interval = GENERATE(1u, 2u, 3u, 5u);
    INFO("interval " << interval);
    Scenario scenario = testing::small_scenario(40, 1);
    scenario.regime.coach_meeting.interval_weeks = interval;
    World world = testing::tiny_world(scenario, 40);
    for (std::uint32_t i = 0; i < 40; ++i) {
        testing::start_claim(world, i, 10);
        // Stagger the first meeting: person i is first due in week i % interval.
        world.persons.weeks_to_meeting[i] = static_cast<std::uint8_t>(i % interval);
    }
    for (Week week = 0; week < 15; ++week) {
        (void)testing::run_step(&m::coach_meeting, scenario, world, week, seed);
        for (std::uint32_t i = 0; i < 40; ++i) {
            INFO("week " << week << ", person " << i);
            const bool due = week % interval == i % interval;
            CHECK((world.persons.meeting_this_week[i] != MeetingOutcome::none) == due);
        }
    }
}

TEST_CASE("coach_meeting: the lift from a meeting decays week by week",
          "[mechanism][coach_meeting]") {
    const Scenario scenario = testing::small_scenario(100, 1);
    const auto& params = scenario.regime.coach_meeting;
    World world = testing::tiny_world(scenario, 100);
    for (std::uint32_t i = 0; i < 100; ++i) {
        world.persons.meeting_boost[i] = 0.8f;
        if (i % 2 == 0) {
            testing::start_claim(world, i, 10);
            world.persons.weeks_to_meeting[i] = 1;  // claimants with no meeting this week
        }
    }
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, 0, seed);
    CHECK(events.empty());
    for (std::uint32_t i = 0; i < 100; ++i) {
        INFO("person " << i);
        CHECK(world.persons.meeting_boost[i] ==
              Approx(0.8 * (1.0 - params.boost_weekly_decay)).epsilon(1e-6));
        CHECK(world.persons.meeting_this_week[i] == MeetingOutcome::none);
        CHECK(world.persons.weeks_to_meeting[i] ==
              0);  // non-claimants' stay 0; claimants count down
    }
}

TEST_CASE("coach_meeting: each person follows their own arm's regime",
          "[mechanism][coach_meeting]") {
    const Scenario scenario = testing::small_scenario(20'000, 4);
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[1].name = "no_meetings";
    arms[1].coach_meeting.enabled = false;
    World world = testing::tiny_world(scenario, 20'000);
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
        testing::start_claim(world, i, 10);
        world.persons.meeting_boost[i] = 0.4f;
    }
    const World before = world;
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, 0, seed, 1, arms);
    CHECK(events.size() == 10'000);
    for (const Event& e : events) {
        CHECK(index(e.person) % 2 == 0);
    }
    for (std::uint32_t i = 1; i < 20'000; i += 2) {
        CHECK(world.persons.meeting_boost[i] == 0.4f);
        CHECK(world.persons.weeks_to_meeting[i] == before.persons.weeks_to_meeting[i]);
        CHECK(world.persons.meeting_this_week[i] == MeetingOutcome::none);
    }
    // Only arm 0's meetings take the coaches' time; caseloads count every claimant.
    std::uint32_t due = 0;
    std::uint32_t caseload = 0;
    for (std::uint32_t c = 0; c < world.coaches.size(); ++c) {
        due += world.coaches.meetings_due[c];
        caseload += world.coaches.caseload[c];
    }
    CHECK(due == 10'000);
    CHECK(caseload == 20'000);
}

TEST_CASE("coach_meeting: switched off, no meetings are held and no one's state moves",
          "[mechanism][coach_meeting]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "coach_meeting", 6, seed);
    const auto on =
        testing::outcome_of(&m::coach_meeting, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::count_events(on.events, EventKind::meeting) > 0);

    scenario.regime.coach_meeting.enabled = false;
    World world = prepared.world;
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::coach_meeting, scenario, world, prepared.week, seed);
    CHECK(events.empty());
    for (std::uint32_t c = 0; c < world.coaches.size(); ++c) {
        CHECK(world.coaches.meetings_due[c] == 0);
        CHECK(world.coaches.minutes_per_meeting[c] == 0.0f);
    }
    for (const auto outcome : world.persons.meeting_this_week) {
        CHECK(outcome == MeetingOutcome::none);  // "no meeting this week" for conditionality
    }
    // Besides this week's outcome and the coaches' weekly counts, nothing moves: no countdown,
    // no decay of the meeting boost.
    CHECK(testing::changed_columns(
              before, testing::snapshot(world),
              {"persons.meeting_this_week", "persons.meeting_minutes", "coaches.caseload",
               "coaches.meetings_due", "coaches.minutes_per_meeting"}) == "");
}

TEST_CASE("coach_meeting: the same key gives the same result, at any thread count",
          "[mechanism][coach_meeting]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "coach_meeting", 6, seed);
    const auto reference =
        testing::outcome_of(&m::coach_meeting, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::meeting) > 0);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::coach_meeting, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_coach_meeting
