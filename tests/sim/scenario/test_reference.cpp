// The key reference: complete, documented, and the committed sim/scenario/reference.md is exactly
// what reference_markdown() prints (so it cannot go stale).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/load.hpp"

namespace test_reference {

using Catch::Matchers::Contains;

namespace {

const std::filesystem::path reference_file =
    std::filesystem::path(JOBSIM_SOURCE_DIR) / "sim" / "scenario" / "reference.md";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("reference: sim/scenario/reference.md matches the schema", "[scenario][reference]") {
    const std::string expected = jobsim::scenario::reference_markdown();
    const char* update = std::getenv("JOBSIM_UPDATE_REFERENCE");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(reference_file, std::ios::binary) << expected;
        WARN("rewrote " << reference_file.string());
    }
    const std::string committed = read_file(reference_file);
    if (committed == expected) {
        SUCCEED();
        return;
    }
    // Show the first line that differs, not two pages of Markdown.
    std::istringstream committed_lines(committed);
    std::istringstream expected_lines(expected);
    std::string committed_line;
    std::string expected_line;
    int line = 0;
    while (true) {
        ++line;
        const bool more_committed =
            static_cast<bool>(std::getline(committed_lines, committed_line));
        const bool more_expected = static_cast<bool>(std::getline(expected_lines, expected_line));
        if (committed_line != expected_line || more_committed != more_expected) {
            break;
        }
        if (!more_committed) {
            break;
        }
    }
    FAIL(
        reference_file.string()
        << " is stale (first difference at line " << line << ").\n  in the file: " << committed_line
        << "\n  expected:    " << expected_line
        << "\nRegenerate it with `jobsim reference > sim/scenario/reference.md`, or with "
           "`JOBSIM_UPDATE_REFERENCE=1 <build>/tests/sim/scenario/test_scenario \"[reference]\"`.");
}

TEST_CASE("reference: every key has documentation and a row", "[scenario][reference]") {
    jobsim::Scenario scenario = jobsim::default_scenario();
    const std::string markdown = jobsim::scenario::reference_markdown();
    std::size_t keys = 0;
    for (const auto& block : jobsim::scenario::detail::KeyTable::of(scenario, "")) {
        for (const auto& row : block.rows) {
            INFO(row.path);
            CHECK_FALSE(row.doc.empty());
            CHECK_FALSE(row.type.empty());
            CHECK_THAT(markdown, Contains("| `" + row.path + "` |"));
            ++keys;
        }
    }
    CHECK(keys > 100);
}

TEST_CASE("reference: a row shows type, default, range, unit, source and description",
          "[scenario][reference]") {
    const std::string markdown = jobsim::scenario::reference_markdown();
    CHECK_THAT(markdown,
               Contains("| `population.areas` | integer | `8` | from 1 to 65000 | areas | "
                        "assumption | Number of local labour markets"));
    CHECK_THAT(markdown, Contains("| `population.persons` | integer | *required* |"));
    CHECK_THAT(markdown, Contains("## `labour_market.sectors.<i>`"));
    CHECK_THAT(markdown, Contains("1 - \\|skill - need\\|"));  // '|' escaped inside a cell
}

}  // namespace test_reference
