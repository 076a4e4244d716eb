// coach_continuity: at a due meeting a claimant sees another coach of the area with chance
// 1 - same_coach_probability, losing most of the alliance and every disclosure; a coach who
// leaves hands the caseload to a replacement; a new claimant who may choose meets several coaches
// and starts with a better-fitting one.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/coach_continuity.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_coach_continuity {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;
using testing::mc_tolerance_of_mean;

constexpr std::uint64_t seed = 9301;

/// n claimants 10 weeks into their claim, a meeting due, alliance 0.5, the caring barrier known.
World established_claimants(Scenario& scenario, std::uint32_t n) {
    scenario.service.coaches_per_area = 4;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.alliance[i] = 0.5f;
        world.persons.barriers[i] = barrier_caring;
        world.persons.barriers_disclosed[i] = barrier_caring;
    }
    return world;
}

}  // namespace

TEST_CASE("coach_continuity: more continuity, fewer switches", "[mechanism][coach_continuity]") {
    constexpr std::uint32_t n = 40'000;
    Scenario scenario = testing::small_scenario(n, 4);
    scenario.regime.coach_continuity.coach_leaving_probability = 0.0;
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[1].coach_continuity.same_coach_probability = 0.95;
    World world = established_claimants(scenario, n);
    const World before = world;
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
    }
    const auto events = testing::run_step(&m::coach_continuity, scenario, world, 5, seed, 1, arms);

    std::array<double, 2> other_coach{};
    std::array<double, 2> moved{};
    const double kept = scenario.regime.coach_continuity.alliance_kept_on_switch;
    for (const Event& e : events) {
        REQUIRE(e.kind == EventKind::coach_switch);
        const auto i = index(e.person);
        INFO("person " << i);
        ++other_coach[i % 2];
        CHECK(e.other != index(before.persons.coach[i]));
        CHECK(world.coaches.area[e.other] == world.persons.area[i]);  // a coach of the area
        if (e.detail == static_cast<std::uint8_t>(CoachSwitchReason::stand_in)) {
            // One meeting with a stand-in: the own coach, alliance and disclosures stay.
            CHECK(world.persons.met_stand_in[i] == 1);
            CHECK(world.persons.coach[i] == before.persons.coach[i]);
            CHECK(world.persons.alliance[i] == 0.5f);
            CHECK(world.persons.barriers_disclosed[i] == barrier_caring);
            continue;
        }
        ++moved[i % 2];
        CHECK(e.detail == static_cast<std::uint8_t>(CoachSwitchReason::rotation));
        CHECK(world.persons.met_stand_in[i] == 0);
        CHECK(e.other == index(world.persons.coach[i]));
        CHECK(world.persons.alliance[i] == Approx(0.5 * kept));
        CHECK(world.persons.barriers_disclosed[i] == 0);
    }
    const double stand_in = scenario.regime.coach_continuity.stand_in_share;
    for (std::uint32_t arm = 0; arm < 2; ++arm) {
        const double p = 1.0 - arms[arm].coach_continuity.same_coach_probability;
        INFO("arm " << arm);
        CHECK(other_coach[arm] / (n / 2) == Approx(p).margin(mc_tolerance(p, n / 2)));
        const double q = p * (1.0 - stand_in);
        CHECK(moved[arm] / (n / 2) == Approx(q).margin(mc_tolerance(q, n / 2)));
    }
    CHECK(other_coach[1] < other_coach[0]);
    CHECK(moved[1] < moved[0]);
}

TEST_CASE("coach_continuity: only due meetings bring a new coach",
          "[mechanism][coach_continuity]") {
    Scenario scenario = testing::small_scenario(1000, 2);
    scenario.regime.coach_continuity.same_coach_probability = 0.0;
    scenario.regime.coach_continuity.coach_leaving_probability = 0.0;
    World world = established_claimants(scenario, 1000);
    for (std::uint32_t i = 0; i < 1000; i += 2) {
        world.persons.weeks_to_meeting[i] = 1;
    }
    const auto events = testing::run_step(&m::coach_continuity, scenario, world, 5, seed);
    CHECK(events.size() == 500);
    for (const Event& e : events) {
        CHECK(index(e.person) % 2 == 1);
    }
}

TEST_CASE("coach_continuity: a departing coach's caseload moves to a replacement",
          "[mechanism][coach_continuity]") {
    Scenario scenario = testing::small_scenario(400, 2);
    scenario.regime.coach_continuity.same_coach_probability = 1.0;
    scenario.regime.coach_continuity.coach_leaving_probability = 1.0;
    World world = established_claimants(scenario, 400);
    const World before = world;
    const auto events = testing::run_step(&m::coach_continuity, scenario, world, 5, seed);
    CHECK(events.size() == 400);
    for (const Event& e : events) {
        const auto i = index(e.person);
        CHECK(e.detail == static_cast<std::uint8_t>(CoachSwitchReason::coach_left));
        CHECK(world.persons.coach[i] == before.persons.coach[i]);  // the slot is refilled
        CHECK(world.persons.barriers_disclosed[i] == 0);
    }
}

TEST_CASE("coach_continuity: choosing one's coach gives a better start",
          "[mechanism][coach_continuity]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[1].coach_continuity.choose_coach = true;
    World world = established_claimants(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.claim_weeks[i] = 0;  // claims that started this week
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
    }
    const auto events = testing::run_step(&m::coach_continuity, scenario, world, 5, seed, 1, arms);
    CHECK(testing::count_events(events, EventKind::coach_chosen) == n / 2);
    CHECK(testing::count_events(events, EventKind::coach_switch) == 0);

    std::array<double, 2> alliance{};
    for (std::uint32_t i = 0; i < n; ++i) {
        alliance[i % 2] += world.persons.alliance[i];
        CHECK(world.persons.barriers_disclosed[i] == 0);  // a new coach knows nothing yet
    }
    const double w = scenario.regime.coach_continuity.fit_alliance;
    // Fit is uniform: the best of three has mean 3/4 and variance 3/80; one has 1/2 and 1/12.
    CHECK(alliance[0] / (n / 2) ==
          Approx(w * 0.5).margin(mc_tolerance_of_mean(w * w / 12.0, n / 2)));
    CHECK(alliance[1] / (n / 2) ==
          Approx(w * 0.75).margin(mc_tolerance_of_mean(w * w * 3.0 / 80.0, n / 2)));
    for (const Event& e : testing::events_of(events, EventKind::coach_chosen)) {
        const auto i = index(e.person);
        CHECK(e.detail == 3);
        CHECK(index(world.persons.coach[i]) == e.other);
        CHECK(world.coaches.area[e.other] == world.persons.area[i]);
    }
}

TEST_CASE("coach_continuity: switched off, claimants keep their coach and nothing moves",
          "[mechanism][coach_continuity]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.service.coaches_per_area = 3;
    const auto prepared = testing::prepared_world(scenario, "coach_continuity", 6, seed);
    Scenario off = scenario;
    off.regime.coach_continuity.enabled = false;
    testing::check_switched_off_changes_nothing(&m::coach_continuity, scenario, off, prepared.world,
                                                prepared.week, seed, EventKind::coach_switch);
}

TEST_CASE("coach_continuity: the same key gives the same result, at any thread count",
          "[mechanism][coach_continuity]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.service.coaches_per_area = 3;
    scenario.regime.coach_continuity.choose_coach = true;
    const auto prepared = testing::prepared_world(scenario, "coach_continuity", 6, seed);
    const auto reference =
        testing::outcome_of(&m::coach_continuity, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::coach_switch) > 0);
    REQUIRE(testing::count_events(reference.events, EventKind::coach_chosen) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::coach_continuity, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

TEST_CASE("coach_continuity: coach switches accumulate with the length of a claim",
          "[mechanism][coach_continuity]") {
    // Seed R6: people supported for longer had seen three or four coaches, one "my fourth work
    // coach now in the last year".
    constexpr Week weeks = 52;
    Scenario scenario = testing::small_scenario(8000, 2);
    scenario.service.coaches_per_area = 3;
    const auto& params = scenario.regime.coach_continuity;
    const auto run = testing::simulate(scenario, seed, weeks);
    const auto& p = run.world.persons;
    // Weeks of each current claim seen during the run, and the lasting switches in them.
    std::vector<std::uint32_t> seen(p.size(), 0);
    std::vector<std::uint32_t> switches(p.size(), 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        seen[i] =
            p.claim[i] == ClaimState::none ? 0 : std::min<std::uint32_t>(p.claim_weeks[i], weeks);
    }
    for (const Event& e : testing::events_of(run.events, EventKind::coach_switch)) {
        const auto i = index(e.person);
        if (e.detail != static_cast<std::uint8_t>(CoachSwitchReason::stand_in) && seen[i] > 0 &&
            e.week >= weeks - seen[i]) {
            ++switches[i];
        }
    }
    std::array<double, 2> sum{};
    std::array<double, 2> count{};
    double all_switches = 0.0;
    double all_weeks = 0.0;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if (seen[i] < 4) {
            continue;
        }
        const std::size_t longer = seen[i] >= 13 ? 1 : 0;
        sum[longer] += switches[i];
        count[longer] += 1.0;
        all_switches += switches[i];
        all_weeks += seen[i];
    }
    REQUIRE(count[0] > 20);
    REQUIRE(count[1] > 20);
    const double shorter_mean = sum[0] / count[0];
    const double longer_mean = sum[1] / count[1];
    INFO("switches: claims seen 4-12 weeks " << shorter_mean << ", 13+ weeks " << longer_mean);
    CHECK(longer_mean > 2.0 * shorter_mean);
    // Lasting switches a week: a move at a due meeting (one every interval) or a coach leaving.
    const double per_week = (1.0 - params.same_coach_probability) * (1.0 - params.stand_in_share) /
                                scenario.regime.coach_meeting.interval_weeks +
                            params.coach_leaving_probability;
    INFO("switches a year " << 52.0 * all_switches / all_weeks);
    CHECK(all_switches / all_weeks ==
          Approx(per_week).margin(5.0 * std::sqrt(per_week * all_weeks) / all_weeks));
    CHECK(52.0 * per_week > 2.0);  // three or more coaches in a year (R6)
    CHECK(52.0 * per_week < 4.0);
}

}  // namespace test_coach_continuity
