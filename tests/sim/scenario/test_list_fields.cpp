// List-valued keys (std::vector<double>, std::vector<std::uint32_t>) through every visitor, with a
// test-only parameter struct: reading flow and block sequences with each element checked against
// the key's range, the messages for wrong shapes, writing back on one line, --set overrides of
// the whole list or one element, and the key table's row.
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_list_fields {

namespace list_test {

struct Lists {
    std::vector<std::uint32_t> horizons{13, 26, 52};
    std::vector<double> quantiles{0.1, 0.5, 0.9};
    std::vector<double> shifts;
    std::vector<std::uint32_t> strata{1};
    std::uint32_t weeks = 10;
};

template <class Visitor>
void describe(Visitor& v, Lists& lists) {
    v.field(
        "horizons", lists.horizons,
        {.doc = "Weeks at which outcomes are measured.", .min = 1, .max = 5200, .unit = "weeks"});
    v.field("quantiles", lists.quantiles, jobsim::scenario::probability("Quantiles reported."));
    v.field("shifts", lists.shifts, {.doc = "Any numbers."});
    v.field("strata", lists.strata,
            {.doc = "One to four stratum numbers.",
             .min = 1,
             .max = 9,
             .min_items = 1,
             .max_items = 4});
    v.field("weeks", lists.weeks, {.doc = "One number.", .min = 1, .max = 5200, .unit = "weeks"});
}

}  // namespace list_test

namespace {

using jobsim::scenario::detail::Finding;
using jobsim::scenario::testing::overrides_of;
using jobsim::scenario::testing::read_params;
using list_test::Lists;

Finding only_finding(const std::string& yaml) {
    Lists lists;
    const std::vector<Finding> findings = read_params(yaml, lists);
    REQUIRE(findings.size() == 1);
    return findings.front();
}

std::string write(Lists lists) {
    return jobsim::scenario::detail::emit_yaml(jobsim::scenario::detail::Writer::to_tree(lists));
}

/// Reads `yaml` with the "--set" texts applied, expecting no problem.
Lists read_with(const std::string& yaml, std::initializer_list<std::string_view> sets) {
    const auto overrides = overrides_of(sets);
    Lists lists;
    const std::vector<Finding> findings = read_params(yaml, lists, overrides);
    CHECK(findings.empty());
    return lists;
}

Finding only_override_finding(std::initializer_list<std::string_view> sets) {
    const auto overrides = overrides_of(sets);
    Lists lists;
    const std::vector<Finding> findings = read_params("weeks: 10\n", lists, overrides);
    REQUIRE(findings.size() == 1);
    CHECK(lists.horizons == std::vector<std::uint32_t>{13, 26, 52});  // the default stands
    return findings.front();
}

}  // namespace

TEST_CASE("lists: a flow or a block sequence is read element by element", "[scenario][lists]") {
    Lists lists;
    const auto findings = read_params(
        "horizons: [4, 8, 5200]\nquantiles:\n  - 0.25\n  - 1\nshifts: [-1.5, +2e3]\n", lists);
    CHECK(findings.empty());
    CHECK(lists.horizons == std::vector<std::uint32_t>{4, 8, 5200});
    CHECK(lists.quantiles == std::vector<double>{0.25, 1.0});
    CHECK(lists.shifts == std::vector<double>{-1.5, 2000.0});
}

TEST_CASE("lists: an empty list is read as empty; the key's own checks decide if that is valid",
          "[scenario][lists]") {
    Lists lists;
    CHECK(read_params("horizons: []\nquantiles: []\n", lists).empty());
    CHECK(lists.horizons.empty());
    CHECK(lists.quantiles.empty());
}

TEST_CASE("lists: an element out of range is reported at its own line and index",
          "[scenario][lists]") {
    const Finding negative = only_finding("weeks: 10\nhorizons: [13, 26, -3]\n");
    CHECK(negative.key_path == "horizons.2");
    CHECK(negative.position.line == 2);
    CHECK(negative.position.column == 20);
    CHECK(negative.message == "-3 is negative; expected a whole number from 1 to 5200 (weeks)");

    const Finding in_block = only_finding("quantiles:\n  - 0.5\n  - 1.5\n");
    CHECK(in_block.key_path == "quantiles.1");
    CHECK(in_block.position.line == 3);
    CHECK(in_block.message == "1.5 is out of range; expected a number from 0 to 1 (probability)");

    CHECK(only_finding("horizons: [13.5]\n").message ==
          "13.5 is not a whole number; expected a whole number from 1 to 5200 (weeks)");
    CHECK(only_finding("horizons: [13, abc]\n").message ==
          "'abc' is not a number; expected a whole number from 1 to 5200 (weeks)");
    CHECK(only_finding("horizons: [\"13\"]\n").message ==
          "\"13\" is text in quotes; expected a whole number from 1 to 5200 (weeks)");
    CHECK(only_finding("horizons: [[13]]\n").message ==
          "found a list; expected a whole number from 1 to 5200 (weeks)");
}

TEST_CASE("lists: every bad element is reported and the default list stands", "[scenario][lists]") {
    Lists lists;
    const auto findings = read_params("horizons: [0, 26, 5201]\n", lists);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].key_path == "horizons.0");
    CHECK(findings[1].key_path == "horizons.2");
    CHECK(findings[1].message ==
          "5201 is out of range; expected a whole number from 1 to 5200 (weeks)");
    CHECK(lists.horizons == std::vector<std::uint32_t>{13, 26, 52});
}

TEST_CASE("lists: one value, no value or a block where a list is expected says so",
          "[scenario][lists]") {
    const Finding single = only_finding("horizons: 13\n");
    CHECK(single.key_path == "horizons");
    CHECK(single.message ==
          "'13' is one value, not a list; expected a list of whole numbers from 1 to 5200 "
          "(weeks), in brackets: [13]");
    CHECK(
        only_finding("horizons:\n").message ==
        "no value given; expected a list of whole numbers from 1 to 5200 (weeks), or [] for none");
    CHECK(only_finding("quantiles: {a: 1}\n").message ==
          "found a block of keys; expected a list of numbers from 0 to 1 (probability)");
    CHECK(only_finding("shifts: \"1, 2\"\n").message ==
          "found \"1, 2\"; expected a list of numbers");
}

TEST_CASE("lists: a list where one value is expected says so", "[scenario][lists]") {
    const Finding finding = only_finding("weeks: [1, 2]\n");
    CHECK(finding.key_path == "weeks");
    CHECK(finding.message == "found a list; expected a whole number from 1 to 5200 (weeks)");
}

TEST_CASE("lists: min_items and max_items bound the number of elements", "[scenario][lists]") {
    const Finding empty = only_finding("strata: []\n");
    CHECK(empty.key_path == "strata");
    CHECK(empty.message ==
          "the list has 0 items; expected a list of whole numbers from 1 to 9, from 1 to 4 items");
    CHECK(only_finding("strata: [1, 2, 3, 4, 5]\n").message ==
          "the list has 5 items; expected a list of whole numbers from 1 to 9, from 1 to 4 items");
    Lists lists;
    CHECK(read_params("strata: [9, 1, 2, 3]\n", lists).empty());
    CHECK(lists.strata == std::vector<std::uint32_t>{9, 1, 2, 3});
}

TEST_CASE("lists: written on one line, they read back to the same values", "[scenario][lists]") {
    Lists original;
    original.horizons = {1, 5200};
    original.quantiles = {0.1 + 0.2, 1.0 / 3.0, 0.0};
    original.shifts = {};
    original.strata = {2, 3};
    const std::string yaml = write(original);
    CHECK_THAT(yaml, Catch::Matchers::Contains("horizons: [1, 5200]\n"));
    CHECK_THAT(yaml, Catch::Matchers::Contains(
                         "quantiles: [0.30000000000000004, 0.3333333333333333, 0]\n"));
    CHECK_THAT(yaml, Catch::Matchers::Contains("shifts: []\n"));
    Lists loaded;
    loaded.shifts = {7.0};  // the file's empty list replaces it
    REQUIRE(read_params(yaml, loaded).empty());
    CHECK(write(loaded) == yaml);
    CHECK(loaded.horizons == original.horizons);
    CHECK(loaded.quantiles == original.quantiles);
    CHECK(loaded.shifts.empty());
    CHECK(loaded.strata == original.strata);
}

TEST_CASE("lists: --set replaces the list, one element, or gives a one-element list",
          "[scenario][lists]") {
    CHECK(read_with("horizons: [4]\n", {"horizons=[13,26]"}).horizons ==
          std::vector<std::uint32_t>{13, 26});
    CHECK(read_with("", {"horizons=13"}).horizons == std::vector<std::uint32_t>{13});
    CHECK(read_with("", {"horizons=[]"}).horizons.empty());
    // An element of the default list (the file does not name the key), and of the file's list.
    CHECK(read_with("weeks: 10\n", {"horizons.1=30"}).horizons ==
          std::vector<std::uint32_t>{13, 30, 52});
    CHECK(read_with("quantiles: [0.2, 0.4]\n", {"quantiles.0=0.3"}).quantiles ==
          std::vector<double>{0.3, 0.4});
}

TEST_CASE("lists: a bad --set names the override, the key and the element", "[scenario][lists]") {
    const Finding element = only_override_finding({"horizons=[13,-1]"});
    CHECK(element.position.origin == 0);
    CHECK(element.key_path == "horizons.1");
    CHECK(element.message == "-1 is negative; expected a whole number from 1 to 5200 (weeks)");

    const Finding single = only_override_finding({"horizons=0"});
    CHECK(single.key_path == "horizons");
    CHECK(single.message == "0 is out of range; expected a whole number from 1 to 5200 (weeks)");

    CHECK(only_override_finding({"horizons.3=4"}).message ==
          "item 3 does not exist: the list 'horizons' has 3 items; expected an item number from "
          "0 to 2");
    CHECK_THAT(only_override_finding({"horizons=[13,26"}).message,
               Catch::Matchers::StartsWith("cannot read the value '[13,26': YAML syntax error"));
}

TEST_CASE("lists: the key table shows the element type, range, count and default list",
          "[scenario][lists]") {
    Lists lists;
    const auto blocks = jobsim::scenario::detail::KeyTable::of(lists, "Top.");
    REQUIRE(blocks.size() == 1);
    const auto& rows = blocks[0].rows;
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].type == "list of integers");
    CHECK(rows[0].allowed == "each from 1 to 5200");
    CHECK(rows[0].unit == "weeks");
    CHECK(rows[0].default_value == "[13, 26, 52]");
    CHECK(rows[1].type == "list of numbers");
    CHECK(rows[1].allowed == "each from 0 to 1");
    CHECK(rows[1].unit == "probability");
    CHECK(rows[1].default_value == "[0.1, 0.5, 0.9]");
    CHECK(rows[2].allowed.empty());
    CHECK(rows[2].default_value == "[]");
    CHECK(rows[3].allowed == "each from 1 to 9; from 1 to 4 items");
    CHECK(rows[4].type == "integer");
}

}  // namespace test_list_fields
