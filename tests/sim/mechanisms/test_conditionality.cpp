// conditionality: claimants carry a search requirement; at a meeting a missed appointment may be
// sanctioned and a search shortfall may be found and sanctioned; sanctions escalate (first,
// second, later), run on from one another, and stop benefit until they run out.
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/conditionality.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_conditionality {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7901;

/// Everyone claiming for 10 weeks, with `outcome` at this week's meeting.
World claiming_world(const Scenario& scenario, std::uint32_t persons, MeetingOutcome outcome) {
    World world = testing::tiny_world(scenario, persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.meeting_this_week[i] = outcome;
    }
    return world;
}

/// A scenario whose simulated weeks have plenty of missed meetings and sanctions.
Scenario sanction_heavy_scenario() {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.coach_meeting.attendance_probability = 0.8;
    scenario.regime.conditionality.shortfall_detection_probability = 0.1;
    return scenario;
}

}  // namespace

TEST_CASE("conditionality: a missed meeting can be sanctioned and repeat sanctions last longer",
          "[mechanism][conditionality]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.regime.conditionality;
    constexpr std::uint32_t n = 90'000;
    World world = claiming_world(scenario, n, MeetingOutcome::missed);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.sanction_count[i] = static_cast<std::uint8_t>(i % 3);  // 0, 1 or 2 before
    }
    const World before = world;
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed);

    const std::array<std::uint32_t, 3> length{
        params.first_sanction_weeks, params.second_sanction_weeks, params.later_sanction_weeks};
    CHECK(length[0] < length[1]);
    CHECK(length[1] < length[2]);
    std::array<double, 3> sanctioned{};
    std::vector<std::uint8_t> hit(n, 0);
    for (const Event& e : events) {
        REQUIRE(e.kind == EventKind::sanction);
        const auto i = index(e.person);
        INFO("person " << i);
        hit[i] = 1;
        ++sanctioned[i % 3];
        CHECK(e.detail == static_cast<std::uint8_t>(SanctionReason::missed_meeting));
        CHECK(e.value == static_cast<float>(length[i % 3]));
        CHECK(e.other == index(world.persons.coach[i]));
        CHECK(world.persons.claim[i] == ClaimState::sanctioned);
        CHECK(world.persons.sanction_weeks_left[i] == length[i % 3]);
        CHECK(world.persons.sanction_count[i] == before.persons.sanction_count[i] + 1);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        if (hit[i] == 0) {
            CHECK(world.persons.claim[i] == ClaimState::claiming);
            CHECK(world.persons.sanction_count[i] == before.persons.sanction_count[i]);
        }
    }
    const double p = params.missed_meeting_sanction_probability;
    for (std::size_t group = 0; group < 3; ++group) {
        INFO("sanctions before " << group);
        CHECK(sanctioned[group] / (n / 3) == Approx(p).margin(mc_tolerance(p, n / 3)));
    }
}

TEST_CASE(
    "conditionality: sanction lengths follow first, second and later, and run on from one "
    "being served",
    "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    params.missed_meeting_sanction_probability = 1.0;
    World world = claiming_world(scenario, 7, MeetingOutcome::missed);
    Persons& p = world.persons;
    p.sanction_count = {0, 1, 2, 9, 2, 3, 255};
    // Persons 4 and 5 are already serving a sanction: it counts down a week, then the new one
    // runs on from it, up to 156 weeks in all.
    p.claim[4] = ClaimState::sanctioned;
    p.sanction_weeks_left[4] = 10;
    p.claim[5] = ClaimState::sanctioned;
    p.sanction_weeks_left[5] = 150;
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed);
    REQUIRE(events.size() == 7);

    const std::uint32_t first = params.first_sanction_weeks;
    const std::uint32_t second = params.second_sanction_weeks;
    const std::uint32_t later = params.later_sanction_weeks;
    CHECK(events[0].value == static_cast<float>(first));
    CHECK(events[1].value == static_cast<float>(second));
    CHECK(events[2].value == static_cast<float>(later));
    CHECK(events[3].value == static_cast<float>(later));
    CHECK(p.sanction_weeks_left[0] == first);
    CHECK(p.sanction_weeks_left[1] == second);
    CHECK(p.sanction_weeks_left[2] == later);
    CHECK(p.sanction_weeks_left[3] == later);
    CHECK(p.sanction_weeks_left[4] == 10 - 1 + later);
    CHECK(p.sanction_weeks_left[5] == 156);
    CHECK(p.sanction_count == std::vector<std::uint8_t>{1, 2, 3, 10, 3, 4, 255});
    for (std::uint32_t i = 0; i < 7; ++i) {
        CHECK(p.claim[i] == ClaimState::sanctioned);
    }
}

TEST_CASE(
    "conditionality: a search shortfall is sanctioned only sometimes, only at an attended "
    "meeting and never early in a claim",
    "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    params.shortfall_detection_probability = 0.2;  // a sharper estimate than the default 1%
    params.wrongful_sanction_probability = 0.0;    // only real shortfalls here
    const std::uint32_t interval = scenario.regime.coach_meeting.interval_weeks;
    const std::uint32_t required = params.required_applications_per_week * interval;
    constexpr std::uint32_t n = 80'000;
    World world = claiming_world(scenario, n, MeetingOutcome::attended);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < n; ++i) {
        switch (i % 4) {
            case 0:  // short of the requirement
                p.applications_since_meeting[i] = static_cast<std::uint16_t>(required - 1);
                break;
            case 1:  // met it exactly
                p.applications_since_meeting[i] = static_cast<std::uint16_t>(required);
                break;
            case 2:  // short, but the claim is younger than one interval
                p.claim_weeks[i] = static_cast<std::uint16_t>(interval - 1);
                break;
            default:  // short, but no meeting this week
                p.meeting_this_week[i] = MeetingOutcome::none;
                break;
        }
    }
    // A week after the run's first interval: search since the last meeting is on record.
    const auto events = testing::run_step(&m::conditionality, scenario, world, interval, seed);
    double shortfall_sanctions = 0.0;
    for (const Event& e : events) {
        INFO("person " << index(e.person));
        REQUIRE(e.kind == EventKind::sanction);
        CHECK(index(e.person) % 4 == 0);
        CHECK(e.detail == static_cast<std::uint8_t>(SanctionReason::insufficient_search));
        CHECK(e.value == static_cast<float>(params.first_sanction_weeks));
        shortfall_sanctions += 1.0;
    }
    const double detect = params.shortfall_detection_probability;
    CHECK(shortfall_sanctions / (n / 4) == Approx(detect).margin(mc_tolerance(detect, n / 4)));
}

TEST_CASE("conditionality: sanction time counts down and benefit resumes when it runs out",
          "[mechanism][conditionality]") {
    const Scenario scenario = testing::small_scenario();
    World world = claiming_world(scenario, 3, MeetingOutcome::none);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < 3; ++i) {
        p.claim[i] = ClaimState::sanctioned;
    }
    p.sanction_weeks_left = {3, 1, 0};
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(p.sanction_weeks_left == std::vector<std::uint16_t>{2, 0, 0});
    CHECK(p.claim == std::vector<ClaimState>{ClaimState::sanctioned, ClaimState::claiming,
                                             ClaimState::claiming});

    // A four-week sanction keeps benefit stopped for four weekly calls, then it resumes.
    Scenario certain = scenario;
    certain.regime.conditionality.missed_meeting_sanction_probability = 1.0;
    World one = claiming_world(certain, 1, MeetingOutcome::missed);
    (void)testing::run_step(&m::conditionality, certain, one, 0, seed);
    std::vector<ClaimState> claim_by_week{one.persons.claim[0]};
    one.persons.meeting_this_week[0] = MeetingOutcome::none;
    for (Week week = 1; week < 6; ++week) {
        (void)testing::run_step(&m::conditionality, certain, one, week, seed);
        claim_by_week.push_back(one.persons.claim[0]);
    }
    const auto s = ClaimState::sanctioned;
    const auto c = ClaimState::claiming;
    CHECK(certain.regime.conditionality.first_sanction_weeks == 4);
    CHECK(claim_by_week == std::vector<ClaimState>{s, s, s, s, c, c});
}

TEST_CASE("conditionality: claimants carry the search requirement, others none",
          "[mechanism][conditionality]") {
    const Scenario scenario = testing::small_scenario();
    const auto required = scenario.regime.conditionality.required_applications_per_week;
    World world = claiming_world(scenario, 30, MeetingOutcome::none);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < 30; ++i) {
        p.search_requirement[i] = 9;  // stale
        if (i % 3 == 1) {
            p.claim[i] = ClaimState::sanctioned;
            p.sanction_weeks_left[i] = 5;
        } else if (i % 3 == 2) {
            p.claim[i] = ClaimState::none;
            p.coach[i] = none<CoachId>;
        }
    }
    (void)testing::run_step(&m::conditionality, scenario, world, 0, seed);
    for (std::uint32_t i = 0; i < 30; ++i) {
        INFO("person " << i);
        CHECK(p.search_requirement[i] == (i % 3 == 2 ? 0u : required));
    }
}

TEST_CASE("conditionality: each person follows their own arm's regime",
          "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    scenario.regime.conditionality.missed_meeting_sanction_probability = 1.0;
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[1].name = "no_sanctions";
    arms[1].conditionality.enabled = false;
    World world = claiming_world(scenario, 1000, MeetingOutcome::missed);
    for (std::uint32_t i = 0; i < 1000; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
    }
    const World before = world;
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed, 1, arms);
    CHECK(events.size() == 500);
    for (const Event& e : events) {
        CHECK(index(e.person) % 2 == 0);
    }
    for (std::uint32_t i = 1; i < 1000; i += 2) {
        CHECK(world.persons.claim[i] == ClaimState::claiming);
        CHECK(world.persons.search_requirement[i] == before.persons.search_requirement[i]);
        CHECK(world.persons.sanction_count[i] == 0);
    }
}

TEST_CASE("conditionality: switched off, no requirement, no sanction and nothing changes",
          "[mechanism][conditionality]") {
    Scenario scenario = sanction_heavy_scenario();
    const auto prepared = testing::prepared_world(scenario, "conditionality", 6, seed);
    const auto on =
        testing::outcome_of(&m::conditionality, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::count_events(on.events, EventKind::sanction) > 0);

    scenario.regime.conditionality.enabled = false;
    const auto off =
        testing::outcome_of(&m::conditionality, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    // Only sanctions already imposed move on (they run their course; see the next test).
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state,
                                   {"persons.sanction_weeks_left", "persons.claim"}) == "");
}

TEST_CASE("conditionality: a sanction already imposed runs its course when conditionality is off",
          "[mechanism][conditionality]") {
    Scenario scenario = sanction_heavy_scenario();
    scenario.regime.conditionality.enabled = false;
    World world = testing::tiny_world(scenario, 3);
    for (std::uint32_t i = 0; i < 3; ++i) {
        testing::start_claim(world, i, 0);
        world.persons.claim[i] = ClaimState::sanctioned;
    }
    world.persons.sanction_weeks_left = {3, 1, 0};
    const auto out = testing::outcome_of(&m::conditionality, scenario, world, 10, seed);
    CHECK(out.events.empty());
    testing::run_step(&m::conditionality, scenario, world, 10, seed);
    CHECK(world.persons.sanction_weeks_left == std::vector<std::uint16_t>{2, 0, 0});
    CHECK(world.persons.claim[0] == ClaimState::sanctioned);
    CHECK(world.persons.claim[1] == ClaimState::claiming);
    CHECK(world.persons.claim[2] == ClaimState::claiming);
}

TEST_CASE("conditionality: the same key gives the same result, at any thread count",
          "[mechanism][conditionality]") {
    const Scenario scenario = sanction_heavy_scenario();
    const auto prepared = testing::prepared_world(scenario, "conditionality", 6, seed);
    const auto reference =
        testing::outcome_of(&m::conditionality, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::sanction) > 0);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::conditionality, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

TEST_CASE(
    "conditionality: no shortfall is sanctioned before a full interval of search is on "
    "record",
    "[mechanism][conditionality]") {
    Scenario scenario = sanction_heavy_scenario();
    scenario.regime.conditionality.shortfall_detection_probability = 1.0;
    scenario.regime.conditionality.wrongful_sanction_probability = 0.0;
    const std::uint32_t interval = scenario.regime.coach_meeting.interval_weeks;
    World world = testing::tiny_world(scenario, 2);
    for (std::uint32_t i = 0; i < 2; ++i) {
        testing::start_claim(world, i, 30);
        world.persons.meeting_this_week[i] = MeetingOutcome::attended;
        world.persons.applications_since_meeting[i] = 0;  // far short of the requirement
    }
    CHECK(testing::run_step(&m::conditionality, scenario, world, 0, seed).empty());
    const auto later = testing::run_step(&m::conditionality, scenario, world, interval, seed);
    CHECK(testing::count_events(later, EventKind::sanction) == 2);
}

TEST_CASE(
    "conditionality: a requirement set without regard to barriers is failed by people with "
    "barriers; cutting it per barrier avoids those sanctions",
    "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    params.shortfall_detection_probability = 1.0;
    params.wrongful_sanction_probability = 0.0;
    const std::uint32_t interval = scenario.regime.coach_meeting.interval_weeks;
    constexpr std::uint32_t n = 100;
    World world = claiming_world(scenario, n, MeetingOutcome::attended);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.barriers[i] = barrier_caring | barrier_basic_skills;
        // What two barriers let a person manage: one application a week, short of the 3 asked.
        world.persons.applications_since_meeting[i] = static_cast<std::uint16_t>(interval);
    }
    CHECK(m::search_requirement_for(params, barrier_caring | barrier_basic_skills) ==
          params.required_applications_per_week);
    const auto blind =
        testing::outcome_of(&m::conditionality, scenario, world, interval, seed).events;
    CHECK(testing::count_events(blind, EventKind::sanction) == n);

    params.requirement_cut_per_barrier = 0.5;
    CHECK(m::search_requirement_for(params, 0) == params.required_applications_per_week);
    CHECK(m::search_requirement_for(params, barrier_caring | barrier_basic_skills) == 1);
    const auto tailored = testing::run_step(&m::conditionality, scenario, world, interval, seed);
    CHECK(tailored.empty());
    CHECK(world.persons.search_requirement[0] == 1);
}

TEST_CASE(
    "conditionality: with the exemption on, people with a health barrier have no requirement and "
    "are never sanctioned",
    "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    scenario.regime.conditionality.missed_meeting_sanction_probability = 1.0;
    constexpr std::uint32_t n = 200;
    World world = claiming_world(scenario, n, MeetingOutcome::missed);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.barriers[i] = barrier_health;
    }
    const auto without = testing::outcome_of(&m::conditionality, scenario, world, 0, seed).events;
    CHECK(testing::count_events(without, EventKind::sanction) == n);

    scenario.regime.conditionality.exempt_health_barrier = true;
    const auto with = testing::run_step(&m::conditionality, scenario, world, 0, seed);
    CHECK(testing::count_events(with, EventKind::sanction) == n / 2);
    for (const Event& e : with) {
        CHECK(index(e.person) % 2 == 1);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        INFO("person " << i);
        CHECK(world.persons.search_requirement[i] ==
              (i % 2 == 0 ? 0u : scenario.regime.conditionality.required_applications_per_week));
    }
}

TEST_CASE("conditionality: as a last resort, a sanction needs repeated failures",
          "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    params.missed_meeting_sanction_probability = 1.0;
    params.failures_before_sanction = 3;
    World world = claiming_world(scenario, 1, MeetingOutcome::missed);
    std::vector<std::size_t> sanctions_by_week;
    for (Week week = 0; week < 4; ++week) {
        sanctions_by_week.push_back(testing::count_events(
            testing::run_step(&m::conditionality, scenario, world, week, seed),
            EventKind::sanction));
    }
    CHECK(sanctions_by_week == std::vector<std::size_t>{0, 0, 1, 0});
    CHECK(world.persons.compliance_failures[0] == 1);  // counting again after the sanction
    CHECK(world.persons.sanction_count[0] == 1);
    CHECK(world.persons.weeks_since_sanction[0] == 1);  // durations advance it, not this step
}

TEST_CASE("conditionality: wrongful sanctions hit compliant claimants at the false-positive rate",
          "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    const std::uint32_t interval = scenario.regime.coach_meeting.interval_weeks;
    constexpr std::uint32_t n = 40'000;
    World world = claiming_world(scenario, n, MeetingOutcome::attended);
    for (std::uint32_t i = 0; i < n; ++i) {  // everyone met the requirement
        world.persons.applications_since_meeting[i] =
            static_cast<std::uint16_t>(params.required_applications_per_week * interval);
    }
    params.wrongful_sanction_probability = 0.0;
    CHECK(testing::outcome_of(&m::conditionality, scenario, world, interval, seed).events.empty());

    params.wrongful_sanction_probability = 0.05;
    const auto events = testing::run_step(&m::conditionality, scenario, world, interval, seed);
    for (const Event& e : events) {
        CHECK(e.detail == static_cast<std::uint8_t>(SanctionReason::no_failure));
    }
    const double rate = static_cast<double>(events.size()) / n;
    CHECK(rate == Approx(0.05).margin(mc_tolerance(0.05, n)));
}

TEST_CASE("conditionality: daily signing adds failures and sanctions",
          "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.regime.conditionality;
    params.missed_meeting_sanction_probability = 1.0;
    params.missed_signing_probability = 0.1;
    constexpr std::uint32_t n = 40'000;
    World world = claiming_world(scenario, n, MeetingOutcome::none);
    CHECK(testing::outcome_of(&m::conditionality, scenario, world, 0, seed).events.empty());

    params.signings_per_week = 5;
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed);
    for (const Event& e : events) {
        CHECK(e.detail == static_cast<std::uint8_t>(SanctionReason::missed_signing));
    }
    const double expected = 1.0 - std::pow(0.9, 5);  // at least one of five missed; one sanction
    CHECK(static_cast<double>(events.size()) / n ==
          Approx(expected).margin(mc_tolerance(expected, n)));
}

TEST_CASE(
    "conditionality: with every lever on, the same key gives the same result at any "
    "thread count",
    "[mechanism][conditionality]") {
    Scenario scenario = sanction_heavy_scenario();
    auto& params = scenario.regime.conditionality;
    params.signings_per_week = 5;
    params.wrongful_sanction_probability = 0.05;
    params.failures_before_sanction = 2;
    params.requirement_cut_per_barrier = 0.3;
    params.exempt_health_barrier = true;
    const auto prepared = testing::prepared_world(scenario, "conditionality", 6, seed);
    const auto reference =
        testing::outcome_of(&m::conditionality, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::sanction) > 0);
    testing::check_same_key_same_outcome(reference, &m::conditionality, scenario, prepared.world,
                                         prepared.week, seed, 4);
}

TEST_CASE(
    "conditionality: a claimant in work (benefit guarantee) has no requirement and no "
    "sanction",
    "[mechanism][conditionality]") {
    Scenario scenario = testing::small_scenario();
    scenario.regime.conditionality.missed_meeting_sanction_probability = 1.0;
    World world = claiming_world(scenario, 2, MeetingOutcome::missed);
    testing::employ(world, 0, 0, 11.0f, 20);
    const auto events = testing::run_step(&m::conditionality, scenario, world, 0, seed);
    REQUIRE(events.size() == 1);
    CHECK(index(events[0].person) == 1);
    CHECK(world.persons.search_requirement[0] == 0);
    CHECK(world.persons.claim[0] == ClaimState::claiming);
}

}  // namespace test_conditionality
