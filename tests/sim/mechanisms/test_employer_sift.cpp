// employer_sift: an employer reads at most its sift capacity a week (small firms fewer), in random
// order; low-fit applications that are read are mostly screened out; both are recorded.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_sift.hpp"
#include "sim/mechanisms/job_search.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_employer_sift {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 13011;

/// `persons` people each sending one application to one vacancy at employer 0 (of `size` jobs);
/// the odd ones marked low fit when `low_fit_odd`.
World flooded_world(const Scenario& scenario, std::uint32_t persons, float size,
                    bool low_fit_odd = false) {
    World world = testing::tiny_world(scenario, persons);
    world.employers.target_size[0] = size;
    const std::uint32_t v = testing::add_vacancy(world, 0, 12.0f);
    testing::index_vacancies(world);
    Applications& a = world.applications;
    a.offsets.assign(persons + 1, 0);
    for (std::uint32_t i = 0; i < persons; ++i) {
        a.offsets[i + 1] = i + 1;
        a.vacancy.push_back(v);
        a.low_fit.push_back(low_fit_odd && i % 2 == 1 ? 1 : 0);
    }
    return world;
}

std::uint32_t still_read(const World& world) {
    std::uint32_t n = 0;
    for (const std::uint32_t v : world.applications.vacancy) {
        n += v != Applications::no_vacancy;
    }
    return n;
}

Scenario strict_scenario() {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.conditionality.required_applications_per_week = 12;
    return scenario;
}

}  // namespace

TEST_CASE(
    "employer_sift: a lower sift capacity leaves more applications unread; larger firms "
    "read more",
    "[mechanism][employer_sift]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.employer_sift;
    params.sift_capacity_base = 10.0;
    params.sift_capacity_per_job = 0.5;
    CHECK(m::sift_capacity(params, 1.0f) == 10);
    CHECK(m::sift_capacity(params, 40.0f) == 30);

    World small = flooded_world(scenario, 100, 1.0f);
    const auto events = testing::run_step(&m::employer_sift, scenario, small, 0, seed);
    CHECK(still_read(small) == 10);
    CHECK(testing::count_events(events, EventKind::application_unread) == 90);
    for (const Event& e : events) {
        CHECK(e.other == 0);
        CHECK(small.applications.vacancy[index(e.person)] == Applications::no_vacancy);
    }

    World large = flooded_world(scenario, 100, 40.0f);
    (void)testing::run_step(&m::employer_sift, scenario, large, 0, seed);
    CHECK(still_read(large) == 30);

    params.sift_capacity_base = 2.0;
    World lower = flooded_world(scenario, 100, 1.0f);
    (void)testing::run_step(&m::employer_sift, scenario, lower, 0, seed);
    CHECK(still_read(lower) == 2);
}

TEST_CASE("employer_sift: which applications are read is random, not by person id",
          "[mechanism][employer_sift]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.employer_sift.sift_capacity_base = 1.0;
    scenario.labour_market.employer_sift.sift_capacity_per_job = 0.0;
    constexpr int trials = 400;
    constexpr std::uint32_t n = 4;
    std::vector<double> read(n, 0.0);
    for (int t = 0; t < trials; ++t) {
        World world = flooded_world(scenario, n, 1.0f);
        (void)testing::run_step(&m::employer_sift, scenario, world, static_cast<Week>(t), seed);
        REQUIRE(still_read(world) == 1);
        for (std::uint32_t i = 0; i < n; ++i) {
            read[i] += world.applications.vacancy[i] != Applications::no_vacancy;
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        CHECK(read[i] / trials == Approx(0.25).margin(mc_tolerance(0.25, trials)));
    }
}

TEST_CASE("employer_sift: low-fit applications are screened out when read",
          "[mechanism][employer_sift]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.employer_sift;
    params.sift_capacity_base = 100'000.0;  // everything is read
    constexpr std::uint32_t n = 40'000;
    World world = flooded_world(scenario, n, 1.0f, true);
    const auto events = testing::run_step(&m::employer_sift, scenario, world, 0, seed);
    const double screened =
        static_cast<double>(testing::count_events(events, EventKind::application_screened_out));
    const double q = params.low_fit_screen_out_probability;
    CHECK(screened / (n / 2) == Approx(q).margin(mc_tolerance(q, n / 2)));
    for (std::uint32_t i = 0; i < n; i += 2) {
        CHECK(world.applications.vacancy[i] != Applications::no_vacancy);  // suitable: kept
    }
}

TEST_CASE("employer_sift: applications sent only to meet a requirement are marked low fit",
          "[mechanism][employer_sift][job_search]") {
    const Scenario scenario = testing::small_scenario();
    const auto& search = scenario.labour_market.job_search;
    constexpr std::uint32_t n = 40'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 1; i < n; i += 2) {
        world.persons.search_requirement[i] = 10;
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);
    const Applications& a = world.applications;
    REQUIRE(a.low_fit.size() == a.vacancy.size());
    double low = 0.0;
    double sent = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
        for (std::uint32_t k = a.offsets[i]; k < a.offsets[i + 1]; ++k) {
            if (i % 2 == 0) {
                CHECK(a.low_fit[k] == 0);
            } else {
                low += a.low_fit[k];
                sent += 1.0;
            }
        }
    }
    const double effort = 1.0 + search.sanction_threat_effort;
    const double share = 1.0 - m::expected_applications(search, effort, 0) /
                                   m::expected_applications(search, effort, 10);
    CHECK(share > 0.3);
    CHECK(low / sent == Approx(share).margin(mc_tolerance(share, sent)));
}

TEST_CASE("employer_sift: switched off, every application is considered",
          "[mechanism][employer_sift]") {
    Scenario scenario = strict_scenario();
    const auto prepared = testing::prepared_world(scenario, "employer_sift", 8, seed);
    const auto on =
        testing::outcome_of(&m::employer_sift, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::count_events(on.events, EventKind::application_screened_out) > 0);
    scenario.labour_market.employer_sift.enabled = false;
    const auto off =
        testing::outcome_of(&m::employer_sift, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
}

TEST_CASE("employer_sift: the same key gives the same result, at any thread count",
          "[mechanism][employer_sift]") {
    Scenario scenario = strict_scenario();
    scenario.labour_market.employer_sift.sift_capacity_base = 1.0;
    const auto prepared = testing::prepared_world(scenario, "employer_sift", 8, seed);
    const auto reference =
        testing::outcome_of(&m::employer_sift, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::application_unread) > 0);
    const int threads = GENERATE(1, 4);
    testing::check_same_key_same_outcome(reference, &m::employer_sift, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_employer_sift
