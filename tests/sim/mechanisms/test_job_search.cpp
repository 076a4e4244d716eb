// job_search: unemployed people search with an effort that falls with the spell and barriers and
// rises after meetings and towards a search requirement; each application goes to an open vacancy
// in the home area or, less often, a nearby one.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "sim/mechanisms/job_search.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_job_search {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;
using testing::mc_tolerance_of_mean;

constexpr std::uint64_t seed = 7301;

/// Mean applications sent by the persons selected by `in_group`.
template <class InGroup>
double mean_applications(const Persons& p, InGroup in_group) {
    double sent = 0.0;
    double members = 0.0;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if (in_group(i)) {
            sent += p.applications[i];
            members += 1.0;
        }
    }
    return sent / members;
}

double distance_km(const Areas& areas, std::size_t a, std::size_t b) {
    const double dx = areas.x_km[a] - areas.x_km[b];
    const double dy = areas.y_km[a] - areas.y_km[b];
    return std::sqrt(dx * dx + dy * dy);
}

/// `per_employer` open vacancies at every employer, indexed by area.
void open_vacancies(World& world, std::uint32_t per_employer) {
    for (std::uint32_t e = 0; e < world.employers.size(); ++e) {
        for (std::uint32_t k = 0; k < per_employer; ++k) {
            testing::add_vacancy(world, e, 14.0f);
        }
    }
    testing::index_vacancies(world);
}

}  // namespace

TEST_CASE("job_search: a search requirement raises applications", "[mechanism][job_search]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.job_search;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 1; i < n; i += 2) {
        world.persons.search_requirement[i] = 3;  // odd persons: the default requirement
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);

    const double effort = m::search_effort(params, 1.0f, 0, 0, 0.0f);
    CHECK(effort == Approx(1.0));
    const double free_mean = m::expected_applications(params, effort, 0);
    const double required_mean = m::expected_applications(params, effort, 3);
    CHECK(free_mean == Approx(params.applications_per_week));
    CHECK(required_mean ==
          Approx(free_mean + params.requirement_pull * (3.0 - params.applications_per_week)));
    // A requirement below what a person sends anyway changes nothing.
    CHECK(m::expected_applications(params, effort, 1) == free_mean);

    // Applications are Poisson (variance = mean); the cap of 20 is out of reach at these means.
    const double free =
        mean_applications(world.persons, [](std::uint32_t i) { return i % 2 == 0; });
    const double required =
        mean_applications(world.persons, [](std::uint32_t i) { return i % 2 == 1; });
    CHECK(free == Approx(free_mean).margin(mc_tolerance_of_mean(free_mean, n / 2)));
    // Under a requirement the perceived sanction risk adds effort too (the threat effect).
    const double threatened_mean =
        m::expected_applications(params, effort + params.sanction_threat_effort, 3);
    CHECK(threatened_mean > required_mean);
    CHECK(required == Approx(threatened_mean).margin(mc_tolerance_of_mean(threatened_mean, n / 2)));
    CHECK(required > free);
}

TEST_CASE("job_search: a longer spell and barriers lower effort, a recent meeting raises it",
          "[mechanism][job_search]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.job_search;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    Persons& p = world.persons;
    const auto barriers =
        static_cast<std::uint8_t>(barrier_health | barrier_caring | barrier_basic_skills);
    for (std::uint32_t i = 0; i < n; ++i) {
        switch (i % 5) {
            case 1:
                p.spell_weeks[i] = 104;
                break;
            case 2:
                p.barriers[i] = barriers;
                break;
            case 3:
                p.meeting_boost[i] = 0.6f;
                break;
            case 4:
                p.search_disposition[i] = 0.5f;
                break;
            default:
                break;
        }
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);

    const std::array<double, 5> effort{
        m::search_effort(params, 1.0f, 0, 0, 0.0f), m::search_effort(params, 1.0f, 104, 0, 0.0f),
        m::search_effort(params, 1.0f, 0, barriers, 0.0f),
        m::search_effort(params, 1.0f, 0, 0, 0.6f), m::search_effort(params, 0.5f, 0, 0, 0.0f)};
    CHECK(effort[1] == Approx(std::exp(-2.0 * params.discouragement_per_year)));
    CHECK(effort[2] == Approx(std::pow(1.0 - params.effort_per_barrier, 3)));
    CHECK(effort[3] == Approx(1.6));
    CHECK(effort[4] == Approx(0.5));

    for (std::uint32_t group = 0; group < 5; ++group) {
        INFO("group " << group);
        const double mean = m::expected_applications(params, effort[group], 0);
        const double sent =
            mean_applications(p, [group](std::uint32_t i) { return i % 5 == group; });
        CHECK(sent == Approx(mean).margin(mc_tolerance_of_mean(mean, n / 5)));
        CHECK(p.search_effort[group] == static_cast<float>(effort[group]));
    }
    const auto group_mean = [&p](std::uint32_t group) {
        return mean_applications(p, [group](std::uint32_t i) { return i % 5 == group; });
    };
    CHECK(group_mean(1) < group_mean(0));
    CHECK(group_mean(2) < group_mean(0));
    CHECK(group_mean(3) > group_mean(0));
    CHECK(group_mean(4) < group_mean(0));
}

TEST_CASE("job_search: only the unemployed search", "[mechanism][job_search]") {
    const Scenario scenario = testing::small_scenario();
    World world = testing::tiny_world(scenario, 3000);
    open_vacancies(world, 1);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < 3000; ++i) {
        p.search_effort[i] = 9.0f;  // last week's, to be overwritten
        p.applications[i] = 9;
        if (i % 3 == 0) {
            testing::employ(world, i, 0, 15.0f);
        } else if (i % 3 == 1) {
            p.status[i] = LabourStatus::inactive;
            p.wants_work[i] = 1;  // wanting work is not searching
        }
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);
    std::size_t searchers_sending = 0;
    for (std::uint32_t i = 0; i < 3000; ++i) {
        INFO("person " << i);
        if (p.status[i] == LabourStatus::unemployed) {
            CHECK(p.search_effort[i] > 0.0f);
            searchers_sending += p.applications[i] > 0;
        } else {
            CHECK(p.search_effort[i] == 0.0f);
            CHECK(p.applications[i] == 0);
            CHECK(world.applications.offsets[i + 1] == world.applications.offsets[i]);
        }
    }
    CHECK(searchers_sending > 500);
}

TEST_CASE("job_search: applications go only to open vacancies within reach, within the cap",
          "[mechanism][job_search]") {
    Scenario scenario = testing::small_scenario(20'000, 9);
    // A requirement beyond the cap makes the cap bind for many.
    scenario.regime.conditionality.required_applications_per_week = 40;
    auto& params = scenario.labour_market.job_search;
    params.max_applications_per_week = 6;
    // Areas 12 km apart on a 3x3 grid: with a 2.5 km decay (horizon 17.5 km) the far corners are
    // out of reach of one another.
    params.commute_decay_km = 2.5;
    const auto prepared = testing::prepared_world(scenario, "job_search", 6, seed);
    World world = prepared.world;
    const World before = world;
    (void)testing::run_step(&m::job_search, scenario, world, prepared.week, seed);

    const Persons& p = world.persons;
    const Applications& applications = world.applications;
    REQUIRE(applications.offsets.size() == p.size() + 1);
    CHECK(applications.offsets.front() == 0);
    CHECK(applications.offsets.back() == applications.vacancy.size());
    const double horizon = 7.0 * params.commute_decay_km;  // documented in job_search.cpp
    std::size_t at_cap = 0;
    std::size_t to_vacancy = 0;
    std::size_t away = 0;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        INFO("person " << i);
        const std::uint32_t first = applications.offsets[i];
        const std::uint32_t last = applications.offsets[i + 1];
        REQUIRE(first <= last);
        CHECK(last - first == p.applications[i]);
        CHECK(p.applications[i] <= params.max_applications_per_week);
        at_cap += p.applications[i] == params.max_applications_per_week;
        if (p.status[i] != LabourStatus::unemployed) {
            CHECK(first == last);
        }
        for (std::uint32_t k = first; k < last; ++k) {
            const std::uint32_t v = applications.vacancy[k];
            if (v == Applications::no_vacancy) {
                continue;
            }
            ++to_vacancy;
            REQUIRE(v < world.vacancies.size());
            CHECK(world.vacancies.filled[v] == 0);
            const std::size_t home = index(p.area[i]);
            const std::size_t there = index(world.vacancies.area[v]);
            CHECK(distance_km(world.areas, home, there) <= horizon);
            away += home != there;
        }
    }
    CHECK(at_cap > 100);
    CHECK(to_vacancy > 1000);
    CHECK(away > 0);  // neighbours are searched too
    // The vacancies themselves are only read.
    CHECK(testing::changed_columns(
              testing::snapshot(before), testing::snapshot(world),
              {"persons.search_effort", "persons.applications",
               "persons.applications_since_meeting", "applications.*", "search_areas.*"}) == "");
}

TEST_CASE("job_search: applications spread over areas by commuting weight",
          "[mechanism][job_search]") {
    // 2x2 grid, 12 km apart: from each area two neighbours at 12 km and one at 12*sqrt(2) km.
    const Scenario scenario = testing::small_scenario(40'000, 4);
    const auto& params = scenario.labour_market.job_search;
    World world = testing::tiny_world(scenario, 40'000);
    open_vacancies(world, 2);
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        world.persons.search_requirement[i] = 8;
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);

    // Documented weights: 1 for the home area, exp(-distance / decay) for another.
    std::array<double, 3> weight{};  // home, neighbour, diagonal
    weight[0] = 1.0;
    weight[1] = std::exp(-distance_km(world.areas, 0, 1) / params.commute_decay_km);
    weight[2] = std::exp(-distance_km(world.areas, 0, 3) / params.commute_decay_km);
    const double total = weight[0] + 2.0 * weight[1] + weight[2];

    std::array<double, 3> count{};
    double sent = 0.0;
    const Applications& applications = world.applications;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        const std::size_t home = index(world.persons.area[i]);
        for (std::uint32_t k = applications.offsets[i]; k < applications.offsets[i + 1]; ++k) {
            const std::uint32_t v = applications.vacancy[k];
            REQUIRE(v != Applications::no_vacancy);  // every area has vacancies open
            const std::size_t there = index(world.vacancies.area[v]);
            const std::size_t kind = home == there ? 0 : (home ^ there) == 3 ? 2 : 1;
            count[kind] += 1.0;
            sent += 1.0;
        }
    }
    REQUIRE(sent > 100'000);
    const double home_share = weight[0] / total;
    const double neighbour_share = 2.0 * weight[1] / total;
    const double diagonal_share = weight[2] / total;
    CHECK(count[0] / sent == Approx(home_share).margin(mc_tolerance(home_share, sent)));
    CHECK(count[1] / sent == Approx(neighbour_share).margin(mc_tolerance(neighbour_share, sent)));
    CHECK(count[2] / sent == Approx(diagonal_share).margin(mc_tolerance(diagonal_share, sent)));
    CHECK(count[0] > count[1]);
    CHECK(count[1] / 2.0 > count[2]);
}

TEST_CASE("job_search: a search in an area with nothing open spends the application",
          "[mechanism][job_search]") {
    Scenario scenario = testing::small_scenario(2000, 4);
    scenario.labour_market.job_search.commute_decay_km = 1.0;  // home area only
    World world = testing::tiny_world(scenario, 2000);
    testing::add_vacancy(world, 0, 14.0f);  // one vacancy, in area 0
    testing::index_vacancies(world);
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);
    const Applications& applications = world.applications;
    std::size_t sent = 0;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        for (std::uint32_t k = applications.offsets[i]; k < applications.offsets[i + 1]; ++k) {
            ++sent;
            const bool home_is_area_0 = index(world.persons.area[i]) == 0;
            CHECK(applications.vacancy[k] == (home_is_area_0 ? 0u : Applications::no_vacancy));
        }
    }
    CHECK(sent > 1000);
}

TEST_CASE("job_search: applications since the last meeting add up and restart at a meeting",
          "[mechanism][job_search]") {
    const Scenario scenario = testing::small_scenario();
    World world = testing::tiny_world(scenario, 3000);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < 3000; ++i) {
        p.applications_since_meeting[i] = 7;
        p.meeting_this_week[i] = static_cast<MeetingOutcome>(i % 3);  // none, attended, missed
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);
    for (std::uint32_t i = 0; i < 3000; ++i) {
        INFO("person " << i);
        const std::uint32_t expected = i % 3 == 0 ? 7u + p.applications[i] : p.applications[i];
        CHECK(p.applications_since_meeting[i] == expected);
    }
}

TEST_CASE("job_search: switched off, nobody applies and the rest is untouched",
          "[mechanism][job_search]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_search", 6, seed);
    const auto on =
        testing::outcome_of(&m::job_search, scenario, prepared.world, prepared.week, seed);
    const auto before = testing::snapshot(prepared.world);
    REQUIRE(testing::changed_columns(before, on.state).find("applications.vacancy") !=
            std::string::npos);

    scenario.labour_market.job_search.enabled = false;
    World world = prepared.world;
    const auto events = testing::run_step(&m::job_search, scenario, world, prepared.week, seed);
    CHECK(events.empty());
    CHECK(world.applications.vacancy.empty());
    const Persons& p = world.persons;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        INFO("person " << i);
        CHECK(world.applications.offsets[i + 1] == 0);
        CHECK(p.applications[i] == 0);
        CHECK(p.search_effort[i] == 0.0f);
        CHECK(p.applications_since_meeting[i] <=
              prepared.world.persons.applications_since_meeting[i]);
    }
    // This week's search columns read "no search"; nothing else moves.
    CHECK(testing::changed_columns(before, testing::snapshot(world),
                                   {"persons.search_effort", "persons.applications",
                                    "persons.applications_since_meeting", "applications.*"}) == "");
}

TEST_CASE("job_search: the same key gives the same result, at any thread count",
          "[mechanism][job_search]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_search", 6, seed);
    const auto reference =
        testing::outcome_of(&m::job_search, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::changed_columns(testing::snapshot(prepared.world), reference.state) != "");

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::job_search, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_job_search
