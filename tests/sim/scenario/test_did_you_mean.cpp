// did_you_mean: the suggestion offered for an unknown key.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/did_you_mean.hpp"

namespace test_did_you_mean {

using jobsim::scenario::did_you_mean;
using jobsim::scenario::edit_distance;

TEST_CASE("did_you_mean: edit distance counts insertions, deletions, changes and swaps",
          "[scenario][did_you_mean]") {
    CHECK(edit_distance("persons", "persons") == 0);
    CHECK(edit_distance("persns", "persons") == 1);    // deletion
    CHECK(edit_distance("personss", "persons") == 1);  // insertion
    CHECK(edit_distance("persona", "persons") == 1);   // change
    CHECK(edit_distance("pesrons", "persons") == 1);   // swap of neighbours
    CHECK(edit_distance("", "weeks") == 5);
    CHECK(edit_distance("areas", "") == 5);
}

TEST_CASE("did_you_mean: a close typo finds the intended key", "[scenario][did_you_mean]") {
    const std::vector<std::string> keys{"persons", "areas", "share_aged_16_24"};
    CHECK(did_you_mean("persns", keys) == "persons");
    CHECK(did_you_mean("aeras", keys) == "areas");
    CHECK(did_you_mean("share_aged_1624", keys) == "share_aged_16_24");
    CHECK(did_you_mean("Persons", keys) == "persons");
}

TEST_CASE("did_you_mean: a word far from every key gets no suggestion",
          "[scenario][did_you_mean]") {
    const std::vector<std::string> keys{"persons", "areas", "weeks"};
    CHECK_FALSE(did_you_mean("colour", keys).has_value());
    CHECK_FALSE(did_you_mean("x", keys).has_value());
    CHECK_FALSE(did_you_mean("persons", std::vector<std::string>{}).has_value());
}

TEST_CASE("did_you_mean: the closest of several candidates wins", "[scenario][did_you_mean]") {
    const std::vector<std::string> keys{"weeks", "burn_in_weeks", "seed"};
    CHECK(did_you_mean("week", keys) == "weeks");
    CHECK(did_you_mean("burn_in_week", keys) == "burn_in_weeks");
    CHECK(did_you_mean("sed", keys) == "seed");
}

TEST_CASE("did_you_mean: a shortened key finds the one key it starts", "[scenario][did_you_mean]") {
    const std::vector<std::string> keys{"median_wage_per_hour", "skill_need", "skill_dispersion"};
    CHECK(did_you_mean("median_wage", keys) == "median_wage_per_hour");
    CHECK_FALSE(did_you_mean("skill_", keys).has_value());  // two keys start so: no guess
    CHECK_FALSE(did_you_mean("med", keys).has_value());     // too short to guess from
}

}  // namespace test_did_you_mean
