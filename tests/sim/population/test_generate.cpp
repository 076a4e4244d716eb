// The starting world: rates as declared, consistent links, same world at any thread count.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>
#include <tbb/task_arena.h>

#include "sim/population/generate.hpp"
#include "tests/support/simulate.hpp"

namespace test_generate {

using namespace jobsim;

namespace {

World generate(const Scenario& scenario, int threads, std::uint64_t seed = 5) {
    tbb::task_arena arena(threads);
    World world;
    arena.execute([&] { world = generate_world(scenario, rng::ReplicationKey::make(seed, 0)); });
    return world;
}

/// 5-sigma binomial tolerance for a share p estimated from n draws.
double tolerance(double p, std::size_t n) {
    return 5.0 * std::sqrt(p * (1.0 - p) / static_cast<double>(n));
}

}  // namespace

TEST_CASE("generate: starting rates match the scenario within Monte Carlo error", "[population]") {
    Scenario scenario = testing::small_scenario(20000, 8);
    const World world = generate(scenario, 2);
    const auto n = world.persons.size();
    const auto& population = scenario.population;
    CHECK(testing::share_with(world.persons, LabourStatus::employed) ==
          Approx(population.initial_employment_rate)
              .margin(tolerance(population.initial_employment_rate, n)));
    CHECK(testing::share_with(world.persons, LabourStatus::unemployed) ==
          Approx(population.initial_unemployment_rate)
              .margin(tolerance(population.initial_unemployment_rate, n)));
    std::size_t young = 0;
    for (const auto age : world.persons.age_years) {
        REQUIRE(age >= 16);
        REQUIRE(age <= 64);
        young += age < 25;
    }
    CHECK(static_cast<double>(young) / n ==
          Approx(population.share_aged_16_24).margin(tolerance(population.share_aged_16_24, n)));
}

TEST_CASE("generate: every job, coach and area link is consistent", "[population]") {
    Scenario scenario = testing::small_scenario(6000, 5);
    const World world = generate(scenario, 2);
    const Persons& p = world.persons;
    std::vector<std::uint32_t> headcount(world.employers.size(), 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        REQUIRE(index(p.area[i]) < 5);
        if (p.status[i] == LabourStatus::employed) {
            REQUIRE(p.employer[i] != none<EmployerId>);
            REQUIRE(world.employers.area[index(p.employer[i])] == p.area[i]);
            ++headcount[index(p.employer[i])];
        } else {
            REQUIRE(p.employer[i] == none<EmployerId>);
        }
        if (p.claim[i] != ClaimState::none) {
            REQUIRE(p.status[i] == LabourStatus::unemployed);
            REQUIRE(world.coaches.area[index(p.coach[i])] == p.area[i]);
        }
    }
    CHECK(headcount == world.employers.headcount);
    // Persons are stored in contiguous area blocks.
    CHECK(std::is_sorted(p.area.begin(), p.area.end()));
}

TEST_CASE("generate: the low-pay line is two thirds of the median hourly wage", "[population]") {
    const World world = generate(testing::small_scenario(8000, 4), 1);
    std::vector<float> wages;
    std::size_t low_paid = 0;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        if (world.persons.status[i] == LabourStatus::employed) {
            wages.push_back(world.persons.wage_per_hour[i]);
            low_paid += world.persons.low_paid[i];
        }
    }
    std::nth_element(wages.begin(), wages.begin() + static_cast<std::ptrdiff_t>(wages.size() / 2),
                     wages.end());
    CHECK(world.low_pay_threshold_per_hour == Approx(wages[wages.size() / 2] * 2.0f / 3.0f));
    CHECK(low_paid > 0);
    CHECK(low_paid < wages.size() / 2);
}

TEST_CASE("generate: the world is the same at 1 and 4 threads", "[population][system]") {
    const Scenario scenario = testing::small_scenario(10000, 4);
    World one = generate(scenario, 1);
    World four = generate(scenario, 4);
    CHECK(one.persons.skill == four.persons.skill);
    CHECK(one.persons.status == four.persons.status);
    CHECK(one.persons.employer == four.persons.employer);
    CHECK(one.persons.wage_per_hour == four.persons.wage_per_hour);
    CHECK(one.employers.target_size == four.employers.target_size);
}

TEST_CASE("generate: a different seed gives a different world", "[population]") {
    const Scenario scenario = testing::small_scenario(2000, 2);
    CHECK(generate(scenario, 1, 1).persons.skill != generate(scenario, 1, 2).persons.skill);
}

}  // namespace test_generate
