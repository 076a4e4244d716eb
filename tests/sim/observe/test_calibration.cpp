// The calibration tracker measures what its table says, checked on hand-made weeks of events
// where every figure can be worked out by hand.
#include <cmath>

#include <catch2/catch.hpp>

#include "sim/observe/calibration.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/world.hpp"

namespace test_calibration {

using namespace jobsim;

namespace {

World people(std::uint32_t n) {
    World world;
    world.persons.resize(n);
    world.low_pay_threshold_per_hour = 10.0f;
    return world;
}

Event event(EventKind kind, std::uint32_t person, std::uint8_t detail = 0, float value = 0.0f,
            std::uint32_t other = 0) {
    return {.week = 0,
            .kind = kind,
            .detail = detail,
            .person = static_cast<PersonId>(person),
            .other = other,
            .value = value};
}

double simulated(const std::vector<CalibrationRow>& rows, const std::string& what) {
    for (const CalibrationRow& row : rows) {
        if (row.target.what == what) {
            return row.simulated;
        }
    }
    FAIL("no calibration row '" << what << "'");
    return 0.0;
}

}  // namespace

TEST_CASE("calibration: claim exits, leaver destinations, hires and meetings are counted",
          "[observe][calibration]") {
    const Scenario scenario = default_scenario();
    World world = people(4);
    CalibrationTracker tracker(scenario, world);
    AreaWeek area;
    area.persons = 4;
    area.employed = 3;
    area.unemployed = 1;
    const std::vector<AreaWeek> areas(1, area);
    for (Week week = 0; week < 30; ++week) {
        std::vector<Event> events;
        events.reserve(4);  // (also keeps GCC 12's -Wstringop-overflow false positive away)
        if (week == 0) {    // two new claims
            events = {event(EventKind::claim_start, 0), event(EventKind::claim_start, 1)};
        }
        if (week == 5) {  // one ends into work after 5 weeks, through a referral, low-paid
            events = {
                event(EventKind::hire, 0, static_cast<std::uint8_t>(HireChannel::referral), 9.0f),
                event(EventKind::claim_end, 0, 0)};
        }
        if (week == 20) {  // the other stops claiming after 20 weeks
            events = {event(EventKind::claim_end, 1, 1)};
        }
        if (week == 1 || week == 3 || week == 5) {  // person 2 meets coach 7, 7, then 8
            events.push_back(
                event(EventKind::meeting, 2, 0, week == 5 ? 20.0f : 10.0f, week == 5 ? 8 : 7));
        }
        tracker.observe_week(week, world, events, areas);
    }
    const std::vector<CalibrationRow> rows = tracker.finish(world);
    CHECK(simulated(rows, "new claims ended within 13 weeks") == Approx(0.5));
    CHECK(simulated(rows, "new claims ended within 26 weeks") == Approx(1.0));
    CHECK(std::isnan(simulated(rows, "new claims ended within 52 weeks")));  // run too short
    CHECK(simulated(rows, "claim ends that were into work") == Approx(0.5));
    CHECK(simulated(rows, "hires through a network channel (word of mouth, referral)") ==
          Approx(1.0));
    CHECK(simulated(rows, "job entries that are low-paid") == Approx(1.0));
    // Person 2 met coach 7 twice, then 8: one of two later meetings with the same coach.
    CHECK(simulated(rows, "people who usually saw the same coach (half their meetings or more)") ==
          Approx(1.0));
    CHECK(simulated(rows, "meetings of 10 minutes or less") == Approx(2.0 / 3.0));
    CHECK(simulated(rows, "employment rate (of all persons)") == Approx(0.75));
    CHECK(simulated(rows, "ILO unemployment rate (of the labour force)") == Approx(0.25));
}

TEST_CASE("calibration: the exit hazard after a sanction is relative to other claim-weeks",
          "[observe][calibration]") {
    const Scenario scenario = default_scenario();
    World world = people(2);
    world.persons.claim[0] = ClaimState::claiming;
    world.persons.claim[1] = ClaimState::claiming;
    CalibrationTracker tracker(scenario, world);
    AreaWeek area;
    area.persons = 2;
    area.unemployed = 2;
    area.claimants = 2;
    const std::vector<AreaWeek> areas(1, area);
    // Person 0 is sanctioned in week 0 and leaves in week 1; person 1 leaves in week 3.
    tracker.observe_week(0, world, std::vector<Event>{event(EventKind::sanction, 0)}, areas);
    world.persons.claim[0] = ClaimState::none;
    tracker.observe_week(1, world, std::vector<Event>{event(EventKind::claim_end, 0, 1)}, areas);
    tracker.observe_week(2, world, std::vector<Event>{}, areas);
    world.persons.claim[1] = ClaimState::none;
    tracker.observe_week(3, world, std::vector<Event>{event(EventKind::claim_end, 1, 1)}, areas);
    const std::vector<CalibrationRow> rows = tracker.finish(world);
    // After a sanction: 1 exit in 2 claim-weeks (weeks 0, 1); others: 1 exit in 4 (weeks 0-3).
    CHECK(simulated(rows, "claim exit hazard within 13 weeks of a sanction, relative to others") ==
          Approx((1.0 / 2.0) / (1.0 / 4.0)));
}

TEST_CASE("calibration: C9 regresses being in work a year on on employed close friends",
          "[observe][calibration]") {
    const Scenario scenario = default_scenario();
    World world = people(6);
    Persons& p = world.persons;
    p.status = {LabourStatus::unemployed, LabourStatus::unemployed, LabourStatus::employed,
                LabourStatus::employed,   LabourStatus::employed,   LabourStatus::employed};
    world.network.reset(p.area, 1);
    // Person 0 has two employed close friends and a weak employed tie (not counted); person 1
    // has none.
    world.network.add_tie(0, 2, tie_strong, p.area);
    world.network.add_tie(0, 3, tie_strong, p.area);
    world.network.add_tie(0, 4, 0, p.area);
    CalibrationTracker tracker(scenario, world);
    AreaWeek area;
    area.persons = 6;
    area.employed = 4;
    area.unemployed = 2;
    const std::vector<AreaWeek> areas(1, area);
    for (Week week = 0; week <= 52; ++week) {
        if (week == 30) {
            p.status[0] = LabourStatus::employed;  // in work a year on; person 1 is not
        }
        tracker.observe_week(week, world, {}, areas);
    }
    // The week-0 cohort: x = (2, 0), y = (1, 0), slope 0.5 per employed close friend.
    CHECK(simulated(tracker.finish(world),
                    "job-finding gain per employed close friend (unemployed, in work a year on)") ==
          Approx(0.5));
}

TEST_CASE(
    "calibration: R4 asks about the relationship as it was after each person's latest meeting",
    "[observe][calibration]") {
    const Scenario scenario = default_scenario();
    World world = people(3);
    CalibrationTracker tracker(scenario, world);
    AreaWeek area;
    area.persons = 3;
    area.employed = 3;
    const std::vector<AreaWeek> areas(1, area);
    Persons& p = world.persons;
    // Week 0: person 0 leaves a meeting trusting (positive); person 1 distrustful (negative).
    p.trust = {0.8f, 0.1f, 0.3f};
    p.alliance = {0.4f, 0.0f, 0.2f};
    tracker.observe_week(0, world,
                         std::vector<Event>{event(EventKind::meeting, 0, 0, 10.0f),
                                            event(EventKind::meeting, 1, 0, 10.0f)},
                         areas);
    // Week 1: person 0 has left the service (no alliance) with no meeting: the rating stays the
    // one of the last meeting; person 2 never met a coach and is not asked.
    p.alliance[0] = 0.0f;
    p.trust[0] = 0.1f;
    tracker.observe_week(1, world, {}, areas);
    const std::vector<CalibrationRow> rows = tracker.finish(world);
    CHECK(simulated(rows, "people who met a coach calling the relationship positive") ==
          Approx(0.5));
    CHECK(simulated(rows, "people who met a coach calling the relationship negative") ==
          Approx(0.5));
}

TEST_CASE("calibration: re-claims are counted within 26 weeks of a claim's end (M2)",
          "[observe][calibration]") {
    const Scenario scenario = default_scenario();
    World world = people(3);
    CalibrationTracker tracker(scenario, world);
    const std::vector<AreaWeek> areas(1, AreaWeek{});
    for (Week week = 0; week < 40; ++week) {
        std::vector<Event> events;
        events.reserve(4);
        if (week == 0) {  // three claims end
            events = {event(EventKind::claim_end, 0, 1), event(EventKind::claim_end, 1, 1),
                      event(EventKind::claim_end, 2, 1)};
        }
        if (week == 10) {  // person 0 is back within six months
            events = {event(EventKind::claim_start, 0)};
        }
        if (week == 27) {  // person 1 is back, but later than 26 weeks after
            events = {event(EventKind::claim_start, 1)};
        }
        if (week == 30) {  // person 0's second claim ends too late to be followed for 26 weeks
            events = {event(EventKind::claim_end, 0, 1)};
        }
        tracker.observe_week(week, world, events, areas);
    }
    const std::vector<CalibrationRow> rows = tracker.finish(world);
    CHECK(simulated(rows, "claims ended followed by a new claim within 26 weeks") ==
          Approx(1.0 / 3.0));
}

}  // namespace test_calibration
