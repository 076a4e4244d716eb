// memory_estimate: the memory a run needs, checked before anything is allocated (issue 6).
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/run/memory_estimate.hpp"
#include "sim/state/world.hpp"

namespace test_memory_estimate {

using Catch::Matchers::Contains;
using jobsim::MemoryLimit;

TEST_CASE("memory_estimate: a person costs at least their columns and network slots",
          "[run][memory]") {
    CHECK(jobsim::bytes_per_person() >=
          jobsim::Persons::bytes_per_person() + jobsim::Network::bytes_per_person());
    CHECK(jobsim::bytes_per_employer() > 0);
}

TEST_CASE("memory_estimate: the estimate grows with persons, employers and arms", "[run][memory]") {
    jobsim::Scenario scenario = jobsim::default_scenario();
    scenario.population.persons = 1'000'000;
    const std::uint64_t base = jobsim::estimate_memory(scenario).total();
    CHECK(base >= 1'000'000ULL * jobsim::bytes_per_person());

    jobsim::Scenario more_persons = scenario;
    more_persons.population.persons = 2'000'000;
    CHECK(jobsim::estimate_memory(more_persons).total() - base ==
          1'000'000ULL * jobsim::bytes_per_person());

    jobsim::Scenario more_employers = scenario;
    more_employers.labour_market.employers_per_area *= 2;
    CHECK(jobsim::estimate_memory(more_employers).employers_bytes ==
          2 * jobsim::estimate_memory(scenario).employers_bytes);

    jobsim::Scenario with_arm = scenario;
    with_arm.burn_in_weeks = 26;  // arms restore the world after burn-in from a snapshot
    with_arm.arms.push_back(scenario.regime);
    with_arm.arms.back().name = "arm";
    CHECK(jobsim::estimate_memory(with_arm).total() > base);

    jobsim::Scenario with_arm_no_burn_in = with_arm;
    with_arm_no_burn_in.burn_in_weeks = 0;  // each arm generates its world again: no snapshot
    CHECK(jobsim::estimate_memory(with_arm_no_burn_in).total() ==
          jobsim::estimate_memory(scenario).total());
}

TEST_CASE("memory_estimate: a run that does not fit names the key that sizes it", "[run][memory]") {
    jobsim::Scenario scenario = jobsim::default_scenario();
    scenario.population.persons = 1'000'000;
    const std::uint64_t needed = jobsim::estimate_memory(scenario).total();
    CHECK_FALSE(jobsim::memory_problem(scenario, MemoryLimit{.bytes = needed}).has_value());

    const auto problem = jobsim::memory_problem(scenario, MemoryLimit{.bytes = needed - 1});
    REQUIRE(problem.has_value());
    CHECK(problem->key_path == "population.persons");
    CHECK_THAT(problem->message, Contains("1000000 persons x"));
    CHECK_THAT(problem->message, Contains("this machine has"));
    CHECK_THAT(problem->message, Contains("JOBSIM_MEMORY_BYTES"));

    scenario.population.areas = 1000;
    scenario.labour_market.employers_per_area = 1'000'000;  // a billion employers
    const auto employers = jobsim::memory_problem(
        scenario, MemoryLimit{.bytes = 1ULL << 30, .from_environment = true});
    REQUIRE(employers.has_value());
    CHECK(employers->key_path == "labour_market.employers_per_area");
    CHECK_THAT(employers->message, Contains("JOBSIM_MEMORY_BYTES allows 1 GiB"));
}

TEST_CASE("memory_estimate: JOBSIM_MEMORY_BYTES states the memory, or turns the check off",
          "[run][memory]") {
    ::unsetenv("JOBSIM_MEMORY_BYTES");
    const auto machine = jobsim::memory_available();
    REQUIRE(machine.has_value());
    CHECK(machine->bytes > (64ULL << 20));
    CHECK_FALSE(machine->from_environment);

    ::setenv("JOBSIM_MEMORY_BYTES", "64G", 1);
    CHECK(jobsim::memory_available()->bytes == (64ULL << 30));
    CHECK(jobsim::memory_available()->from_environment);
    ::setenv("JOBSIM_MEMORY_BYTES", "1000", 1);
    CHECK(jobsim::memory_available()->bytes == 1000);
    ::setenv("JOBSIM_MEMORY_BYTES", "unlimited", 1);
    CHECK_FALSE(jobsim::memory_available().has_value());
    for (const char* bad : {"lots", "12Q", "-5", "99999999999T", "5GB"}) {
        ::setenv("JOBSIM_MEMORY_BYTES", bad, 1);
        CHECK_THROWS_AS(jobsim::memory_available(), jobsim::UsageError);
    }
    ::unsetenv("JOBSIM_MEMORY_BYTES");
}

}  // namespace test_memory_estimate
