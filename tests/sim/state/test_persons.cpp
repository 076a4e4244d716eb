#include <catch2/catch.hpp>

#include "sim/state/persons.hpp"

namespace test_persons {

using namespace jobsim;

TEST_CASE("persons: state fits the 128-byte-per-person budget", "[state]") {
    // ARCHITECTURE-SKETCH 7.2 and issue 5: at most 128 bytes of state per person.
    CHECK(Persons::bytes_per_person() <= 128);
    CHECK(Persons::bytes_per_person() >= 40);  // the sum really covers the columns
}

TEST_CASE("persons: resize gives every column n neutral entries", "[state]") {
    Persons persons;
    persons.resize(10);
    std::size_t columns = 0;
    persons.for_each_column([&columns](auto& column) {
        CHECK(column.size() == 10);
        ++columns;
    });
    CHECK(columns > 20);
    CHECK(persons.employer[3] == none<EmployerId>);
    CHECK(persons.coach[3] == none<CoachId>);
    CHECK(persons.status[3] == LabourStatus::employed);
    CHECK(persons.claim[3] == ClaimState::none);
}

TEST_CASE("persons: barriers count bits", "[state]") {
    CHECK(count_barriers(0) == 0);
    CHECK(count_barriers(barrier_health | barrier_housing) == 2);
}

}  // namespace test_persons
