// group_consultations: a share of due meetings is held in groups, which take less coach time per
// person (freeing time for one-to-ones, or saving money), add ties among attendees and to guests
// in work, and lift confidence.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/coach_meeting.hpp"
#include "sim/mechanisms/group_consultations.hpp"
#include "sim/mechanisms/working_alliance.hpp"
#include "sim/observe/arm_outcomes.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_group_consultations {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 23001;

Scenario group_scenario(std::uint32_t n, bool enabled) {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.group_consultations.enabled = enabled;
    scenario.regime.coach_meeting.attendance_probability = 1.0;
    return scenario;
}

/// Every third person is in work; the others claim with a meeting due this week (all with the
/// first coach of their area); confidence and alliance 0.5.
World group_world(const Scenario& scenario, std::uint32_t n) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.confidence[i] = 0.5f;
        world.persons.alliance[i] = 0.5f;
        world.persons.trust[i] = 0.5f;
        if (i % 3 == 0) {
            testing::employ(world, i, index(world.persons.area[i]) * 40, 12.0f);
        } else {
            testing::start_claim(world, i, 10);
        }
    }
    return world;
}

struct WeekRun {
    World world;
    std::vector<Event> events;
};

/// coach_meeting, working_alliance and group_consultations, as in the week plan.
WeekRun run_week(const Scenario& scenario, std::uint32_t n, int threads = 1) {
    WeekRun out{group_world(scenario, n), {}};
    for (const MechanismFn step :
         {&m::coach_meeting, &m::working_alliance, &m::group_consultations}) {
        const auto events = testing::run_step(step, scenario, out.world, 0, seed, threads);
        out.events.insert(out.events.end(), events.begin(), events.end());
    }
    return out;
}

double service_cost(const Scenario& scenario, const WeekRun& week) {
    ArmOutcomeTracker tracker(scenario, week.world, 0, 0);
    tracker.observe_week(0, week.world, week.events);
    return tracker.finish(week.world).service_cost_gbp;
}

}  // namespace

TEST_CASE(
    "group_consultations: a share of due meetings is held in groups, with ties and "
    "confidence",
    "[mechanism][group_consultations]") {
    constexpr std::uint32_t n = 30'000;
    const Scenario scenario = group_scenario(n, true);
    const auto& params = scenario.regime.group_consultations;
    const WeekRun week = run_week(scenario, n);
    const Persons& p = week.world.persons;
    CHECK(testing::network_problems(week.world) == "");

    const auto groups = testing::events_of(week.events, EventKind::group_consultation);
    const auto attendees = static_cast<double>(groups.size());
    const double due = 2.0 * n / 3.0;
    const double share = params.share_of_meetings;
    CHECK(attendees / due == Approx(share).margin(mc_tolerance(share, due)));
    std::uint32_t ties_in_group = 0;
    std::uint32_t ties_to_employed = 0;
    for (const Event& e : groups) {
        const auto i = index(e.person);
        REQUIRE(p.meeting_this_week[i] == MeetingOutcome::group);
        CHECK(p.confidence[i] == Approx(0.5 + params.confidence_boost));
        for (const Tie& t : week.world.network.ties(i)) {
            if (p.status[t.contact] == LabourStatus::employed) {
                ++ties_to_employed;
                CHECK((t.flags & tie_bridging) != 0);
            } else {
                ++ties_in_group;
                CHECK(p.meeting_this_week[t.contact] == MeetingOutcome::group);
                CHECK(p.coach[t.contact] == p.coach[i]);
            }
        }
    }
    CHECK(ties_in_group > attendees / 4);
    // About guest_probability * guest_tie_probability of attendees tie to a guest.
    const double guest_share = params.guest_probability * params.guest_tie_probability;
    CHECK(ties_to_employed / attendees == Approx(guest_share).margin(0.03));
    // Costs: room and guest, shared over each group.
    for (const Event& e : testing::events_of(week.events, EventKind::public_cost)) {
        CHECK(e.detail == static_cast<std::uint8_t>(CostItem::group_session));
        CHECK(p.meeting_this_week[index(e.person)] == MeetingOutcome::group);
        CHECK(e.value >= params.room_cost_per_session_gbp / params.group_size - 1e-4);
    }
    // One-to-one attendees are untouched by the mechanism.
    for (std::uint32_t i = 1; i < n; i += 3) {
        if (p.meeting_this_week[i] == MeetingOutcome::attended) {
            CHECK(p.confidence[i] == 0.5f);
        }
    }
}

TEST_CASE("group_consultations: group time per person is lower, freeing minutes for one-to-ones",
          "[mechanism][group_consultations]") {
    // One coach per area with about 10,000 meetings due: far more than their hours allow.
    constexpr std::uint32_t n = 30'000;
    const WeekRun off = run_week(group_scenario(n, false), n);
    const WeekRun on = run_week(group_scenario(n, true), n);
    for (std::uint32_t a = 0; a < 2; ++a) {
        const auto c = *on.world.coaches_by_area.begin_of(a);
        INFO("coach " << c);
        CHECK(on.world.coaches.minutes_per_meeting[c] > off.world.coaches.minutes_per_meeting[c]);
    }
    for (const Event& e : testing::events_of(on.events, EventKind::group_consultation)) {
        const auto c = e.other;
        CHECK(e.value < on.world.coaches.minutes_per_meeting[c]);
    }
    // Group attendees get less alliance from the coach's time than one-to-one attendees.
    const Persons& p = on.world.persons;
    double group_alliance = 0;
    double one_to_one_alliance = 0;
    std::uint32_t groups = 0;
    std::uint32_t one_to_ones = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (p.meeting_this_week[i] == MeetingOutcome::group) {
            group_alliance += p.alliance[i];
            ++groups;
        } else if (p.meeting_this_week[i] == MeetingOutcome::attended) {
            one_to_one_alliance += p.alliance[i];
            ++one_to_ones;
        }
    }
    REQUIRE(groups > 0);
    REQUIRE(one_to_ones > 0);
    CHECK(group_alliance / groups < one_to_one_alliance / one_to_ones);
}

TEST_CASE(
    "group_consultations: with coach time to spare, group consultations cost less per "
    "person",
    "[mechanism][group_consultations]") {
    // About 70 meetings due per coach: within their hours, so every meeting is full length.
    constexpr std::uint32_t n = 300;
    const WeekRun off = run_week(group_scenario(n, false), n);
    const WeekRun on = run_week(group_scenario(n, true), n);
    REQUIRE(testing::count_events(on.events, EventKind::group_consultation) > 10);
    REQUIRE(testing::count_events(on.events, EventKind::public_cost) > 0);
    // Same attendees in both runs (attendance is certain): a lower cost is a lower cost per person.
    CHECK(service_cost(group_scenario(n, true), on) < service_cost(group_scenario(n, false), off));
}

TEST_CASE("group_consultations: switched off, nothing changes",
          "[mechanism][group_consultations]") {
    constexpr std::uint32_t n = 3000;
    const Scenario on = group_scenario(n, true);
    const Scenario off = group_scenario(n, false);
    // coach_meeting with the switch off meets everyone one to one.
    World world = group_world(off, n);
    (void)testing::run_step(&m::coach_meeting, off, world, 0, seed);
    for (std::uint32_t i = 1; i < n; i += 3) {
        CHECK(world.persons.meeting_this_week[i] == MeetingOutcome::attended);
    }
    // group_consultations itself, after a week of groups, changes nothing when off.
    WeekRun prepared{group_world(on, n), {}};
    (void)testing::run_step(&m::coach_meeting, on, prepared.world, 0, seed);
    testing::check_switched_off_changes_nothing(&m::group_consultations, on, off, prepared.world, 0,
                                                seed, EventKind::public_cost);
}

TEST_CASE("group_consultations: the same key gives the same result, at any thread count",
          "[mechanism][group_consultations]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.group_consultations.enabled = true;
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    for (const auto& [name, step] : {std::pair{"coach_meeting", &m::coach_meeting},
                                     std::pair{"group_consultations", &m::group_consultations}}) {
        INFO(name);
        const auto prepared = testing::prepared_world(scenario, name, 6, seed);
        const auto reference =
            testing::outcome_of(step, scenario, prepared.world, prepared.week, seed, 1);
        REQUIRE(!reference.events.empty());
        testing::check_same_key_same_outcome(reference, step, scenario, prepared.world,
                                             prepared.week, seed, threads);
    }
}

}  // namespace test_group_consultations
