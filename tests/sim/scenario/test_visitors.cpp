// The visitors over describe() with a test-only parameter struct that uses every supported value
// type, an enum choice, a nested block and a list: read, write back, and document.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_visitors {

using Catch::Matchers::Contains;

namespace visitor_test {

enum class Colour : std::uint8_t { red, green, blue };

inline constexpr std::array<jobsim::scenario::Choice<Colour>, 3> colours{{
    {.name = "red", .value = Colour::red, .doc = "Warm."},
    {.name = "green", .value = Colour::green, .doc = "Leafy."},
    {.name = "blue", .value = Colour::blue, .doc = "Cool."},
}};

struct Item {
    std::string label;
    float weight = 0.5F;
};

struct Inner {
    std::int32_t offset = -3;
};

struct Everything {
    bool flag = true;
    std::uint16_t small = 7;
    std::uint32_t medium = 70;
    std::uint64_t large = 700;
    std::int32_t signed_count = -7;
    double ratio = 0.25;
    float scale = 1.5F;
    std::string label = "plain";
    Colour colour = Colour::green;
    Inner inner;
    std::vector<Item> items;
};

template <class Visitor>
void describe(Visitor& v, Item& item) {
    v.field("label", item.label, {.doc = "Label.", .required = true});
    v.field("weight", item.weight, {.doc = "Weight.", .min = 0.0, .max = 1.0});
}

template <class Visitor>
void describe(Visitor& v, Inner& inner) {
    v.field("offset", inner.offset, {.doc = "Offset.", .min = -10, .max = 10, .unit = "steps"});
}

template <class Visitor>
void describe(Visitor& v, Everything& e) {
    v.field("flag", e.flag, {.doc = "A switch."});
    v.field("small", e.small, {.doc = "16 bits.", .min = 1});
    v.field("medium", e.medium, {.doc = "32 bits."});
    v.field("large", e.large, {.doc = "64 bits."});
    v.field("signed_count", e.signed_count, {.doc = "Signed."});
    v.field("ratio", e.ratio, jobsim::scenario::probability("A probability."));
    v.field("scale", e.scale, {.doc = "Single precision.", .min = 0.0});
    v.field("label", e.label, {.doc = "Text."});
    v.choice("colour", e.colour, std::span<const jobsim::scenario::Choice<Colour>>(colours),
             {.doc = "A colour."});
    v.section("inner", e.inner, "A nested block.");
    v.records("items", e.items, {.doc = "A list.", .min_items = 0, .max_items = 3});
}

}  // namespace visitor_test

namespace {

using jobsim::scenario::detail::Finding;
using visitor_test::Colour;
using visitor_test::Everything;

/// Reads `yaml` into `value`; returns the findings.
std::vector<Finding> read(const std::string& yaml, Everything& value) {
    return jobsim::scenario::testing::read_params(yaml, value);
}

std::string write(Everything value) {
    return jobsim::scenario::detail::emit_yaml(jobsim::scenario::detail::Writer::to_tree(value));
}

Finding only_finding(const std::string& yaml) {
    Everything value;
    const auto findings = read(yaml, value);
    REQUIRE(findings.size() == 1);
    return findings.front();
}

}  // namespace

TEST_CASE("visitors: every value type is read", "[scenario][visitors]") {
    Everything value;
    const auto findings = read(
        "flag: false\nsmall: 65535\nmedium: 4294967295\nlarge: 18446744073709551615\n"
        "signed_count: -2147483648\nratio: 1\nscale: 3.25\nlabel: hello world\ncolour: blue\n"
        "inner:\n  offset: 10\nitems:\n  - label: a\n  - {label: b, weight: 0.125}\n",
        value);
    CHECK(findings.empty());
    CHECK_FALSE(value.flag);
    CHECK(value.small == 65535);
    CHECK(value.medium == 4294967295U);
    CHECK(value.large == 18446744073709551615ULL);
    CHECK(value.signed_count == -2147483647 - 1);
    CHECK(value.ratio == 1.0);
    CHECK(value.scale == 3.25F);
    CHECK(value.label == "hello world");
    CHECK(value.colour == Colour::blue);
    CHECK(value.inner.offset == 10);
    REQUIRE(value.items.size() == 2);
    CHECK(value.items[0].weight == 0.5F);
    CHECK(value.items[1].weight == 0.125F);
}

TEST_CASE("visitors: each integer type rejects what it cannot hold", "[scenario][visitors]") {
    CHECK(only_finding("small: 65536\n").message ==
          "65536 is out of range; expected a whole number from 1 to 65535");
    CHECK(only_finding("small: 0\n").message ==
          "0 is out of range; expected a whole number from 1 to 65535");
    CHECK(only_finding("medium: 4294967296\n").message ==
          "4294967296 is out of range; expected a whole number from 0 to 4294967295");
    CHECK(only_finding("medium: -1\n").message ==
          "-1 is negative; expected a whole number from 0 to 4294967295");
    CHECK(only_finding("signed_count: 2147483648\n").message ==
          "2147483648 is out of range; expected a whole number from -2147483648 to 2147483647");
    CHECK(only_finding("inner:\n  offset: -11\n").message ==
          "-11 is out of range; expected a whole number from -10 to 10 (steps)");
    CHECK(only_finding("large: 1e3\n").message ==
          "1e3 is not a whole number; expected a whole number from 0 to 18446744073709551615");
}

TEST_CASE("visitors: numbers reject words, infinities and values out of range",
          "[scenario][visitors]") {
    CHECK(only_finding("ratio: .inf\n").message ==
          "'.inf' is not a number; expected a number from 0 to 1 (probability)");
    CHECK(only_finding("ratio: nan\n").message ==
          "'nan' is not a number; expected a number from 0 to 1 (probability)");
    CHECK(only_finding("ratio: -0.5\n").message ==
          "-0.5 is out of range; expected a number from 0 to 1 (probability)");
    CHECK(only_finding("scale: 1e39\n").message ==
          "1e39 is too large for a number here; expected a number at least 0");
    Everything value;
    CHECK(read("ratio: +.5\nscale: 2e-3\n", value).empty());
    CHECK(value.ratio == 0.5);
    CHECK(value.scale == 2e-3F);
}

TEST_CASE("visitors: a choice takes one of its names, with a suggestion otherwise",
          "[scenario][visitors]") {
    const Finding finding = only_finding("colour: gren\n");
    CHECK(finding.key_path == "colour");
    CHECK(finding.message ==
          "'gren' is not a choice here; did you mean 'green'? expected one of: red, green, blue");
    CHECK_THAT(only_finding("colour: [red]\n").message,
               Contains("found a list; expected one of: red, green, blue"));
}

TEST_CASE("visitors: written values read back exactly", "[scenario][visitors]") {
    Everything original;
    original.flag = false;
    original.small = 9;
    original.large = 18446744073709551615ULL;
    original.signed_count = -2147483647 - 1;
    original.ratio = 0.1 + 0.2;
    original.scale = 0.1F;
    original.label = "null";
    original.colour = Colour::red;
    original.inner.offset = -10;
    original.items = {{.label = "x", .weight = 1.0F / 3.0F}, {.label = "123", .weight = 0.0F}};
    const std::string yaml = write(original);
    Everything loaded;
    loaded.items = {{.label = "default", .weight = 0.5F}};
    REQUIRE(read(yaml, loaded).empty());
    CHECK(write(loaded) == yaml);
    CHECK(loaded.ratio == original.ratio);
    CHECK(loaded.scale == original.scale);
    CHECK(loaded.label == "null");
    CHECK(loaded.colour == Colour::red);
    REQUIRE(loaded.items.size() == 2);
    CHECK(loaded.items[0].weight == original.items[0].weight);
    CHECK(loaded.items[1].label == "123");
}

TEST_CASE("visitors: the key table documents types, ranges and choices", "[scenario][visitors]") {
    Everything value;
    value.items = {{.label = "first", .weight = 0.5F}};
    const auto blocks = jobsim::scenario::detail::KeyTable::of(value, "Top.");
    REQUIRE(blocks.size() == 3);  // top level, inner, items.<i>
    const auto& top = blocks[0].rows;
    REQUIRE(top.size() == 10);
    CHECK(top[0].type == "true/false");
    CHECK(top[1].type == "integer");
    CHECK(top[1].allowed == "from 1 to 65535");
    CHECK(top[5].allowed == "from 0 to 1");
    CHECK(top[5].unit == "probability");
    CHECK(top[7].default_value == "\"plain\"");
    CHECK(top[8].type == "choice");
    CHECK(top[8].default_value == "green");
    CHECK(top[8].allowed == "`red`: Warm.; `green`: Leafy.; `blue`: Cool.");
    CHECK(top[9].type == "list of blocks");
    CHECK(top[9].default_value == "1 item");
    CHECK(top[9].allowed == "at most 3 items");
    CHECK(blocks[1].path == "inner");
    CHECK(blocks[2].path == "items.<i>");
    CHECK(blocks[2].rows[0].required);
    CHECK_THAT(blocks[2].default_items_yaml, Contains("label: \"first\""));
}

}  // namespace test_visitors
