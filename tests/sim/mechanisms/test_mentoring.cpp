// mentoring: service users entering work mentor someone still looking; mentees get a bridging tie
// to an employed mentor, are less lonely, and find work more often through the mentor's leads.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/job_leads.hpp"
#include "sim/mechanisms/mentoring.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_mentoring {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;

constexpr std::uint64_t seed = 16401;
constexpr std::uint32_t entrants = 2'000;
constexpr std::uint32_t n = 8'000;

/// One area: persons 0..1999 claimants who entered work this week (vacancies open at their
/// employers), persons 2000.. claimants out of work, with loneliness 0.5.
World entry_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    const std::uint32_t employers = world.employers.size();
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.loneliness[i] = 0.5f;
        world.persons.confidence[i] = 0.5f;
    }
    for (std::uint32_t i = 0; i < entrants; ++i) {
        testing::employ(world, i, i % employers, 12.0f);
    }
    for (std::uint32_t e = 0; e < employers; ++e) {
        testing::add_vacancy(world, e, 12.0f);
    }
    testing::index_vacancies(world);
    return world;
}

Scenario mentoring_scenario(bool enabled) {
    Scenario scenario = testing::small_scenario(n, 1);
    scenario.labour_market.employers_per_area = 500;
    scenario.regime.mentoring.enabled = enabled;
    return scenario;
}

}  // namespace

TEST_CASE("mentoring: mentees gain an employed mentor, feel less lonely and find work more",
          "[mechanism][mentoring]") {
    const Scenario scenario = mentoring_scenario(true);
    const auto& params = scenario.regime.mentoring;
    World world = entry_world(scenario);
    const auto events = testing::run_step(&m::mentoring, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");

    const auto matches = testing::events_of(events, EventKind::mentor_match);
    const double p = params.acceptance_probability;
    CHECK(static_cast<double>(matches.size()) / entrants ==
          Approx(p).margin(testing::mc_tolerance(p, entrants)));
    CHECK(testing::events_of(events, EventKind::public_cost).size() == matches.size());
    std::vector<std::uint8_t> mentored(n, 0);
    for (const Event& e : matches) {
        const auto i = index(e.person);
        mentored[i] = 1;
        CHECK(i >= entrants);
        CHECK(e.other < entrants);
        CHECK(world.network.connected(i, e.other));
        CHECK(world.persons.loneliness[i] == Approx(0.5 - params.loneliness_relief));
        CHECK(world.persons.confidence[i] == Approx(0.5 + params.confidence_boost));
    }
    // Nobody is mentored twice.
    CHECK(std::count(mentored.begin(), mentored.end(), 1) == static_cast<long>(matches.size()));

    // Entry: the mentor's leads reach the mentee; unmentored claimants here have no contacts.
    Scenario leads = scenario;
    leads.labour_market.job_leads.lead_probability = 0.5;
    (void)testing::run_step(&m::job_leads, leads, world, 0, seed);
    const auto hires = testing::run_step(&m::employer_choice, leads, world, 0, seed);
    double mentored_hires = 0;
    double other_hires = 0;
    for (const Event& e : testing::events_of(hires, EventKind::hire)) {
        (mentored[index(e.person)] != 0 ? mentored_hires : other_hires) += 1;
    }
    CHECK(mentored_hires > 10);
    CHECK(other_hires == 0);
}

TEST_CASE("mentoring: switched off, nothing changes", "[mechanism][mentoring]") {
    const Scenario scenario = mentoring_scenario(false);
    World world = entry_world(scenario);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::mentoring, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("mentoring: the same key gives the same result, at any thread count",
          "[mechanism][mentoring]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.mentoring.enabled = true;
    scenario.regime.mentoring.acceptance_probability = 0.8;
    const auto prepared = testing::prepared_world(scenario, "mentoring", 6, seed);
    const auto reference =
        testing::outcome_of(&m::mentoring, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::mentor_match) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::mentoring, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_mentoring
