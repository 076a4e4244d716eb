// The bad-input corpus (tests/data/bad): each file has one problem, and its first comment lines
// say what the message must contain:
//     # expect-line: N          the message starts "<file>:N:"
//     # expect-key: a.b.c       the key path (may be empty for a problem with the whole file)
//     # expect-text: ...        optional: a phrase of the message
// An empty (0-byte) file cannot carry comments; it expects line 1 and "the scenario is empty".
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/load.hpp"

namespace test_bad_inputs {

using Catch::Matchers::Contains;

namespace {

const std::filesystem::path bad_dir = std::filesystem::path(JOBSIM_TEST_DATA_DIR) / "bad";

struct Expectation {
    int line = 1;
    std::string key;
    std::string text = "the scenario is empty";
};

Expectation expectation_of(const std::filesystem::path& file) {
    Expectation expected;
    std::ifstream in(file);
    std::string line;
    const auto value_after = [&line](std::string_view tag) -> std::optional<std::string> {
        if (!line.starts_with(tag)) {
            return std::nullopt;
        }
        std::string value = line.substr(tag.size());
        value.erase(0, value.find_first_not_of(' '));
        return value;
    };
    while (std::getline(in, line) && line.starts_with("#")) {
        if (auto value = value_after("# expect-line:")) {
            expected.line = std::stoi(*value);
            expected.text.clear();
        } else if (auto key = value_after("# expect-key:")) {
            expected.key = *key;
        } else if (auto text = value_after("# expect-text:")) {
            expected.text = *text;
        }
    }
    return expected;
}

std::vector<std::filesystem::path> bad_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(bad_dir)) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("bad inputs: the corpus holds at least 70 broken scenarios", "[scenario][bad_inputs]") {
    CHECK(bad_files().size() >= 70);
}

TEST_CASE("bad inputs: each broken scenario gives one problem naming its line and key",
          "[scenario][bad_inputs]") {
    for (const std::filesystem::path& file : bad_files()) {
        DYNAMIC_SECTION(file.filename().string()) {
            const Expectation expected = expectation_of(file);
            try {
                (void)jobsim::scenario::load_scenario_file(file);
                FAIL(file.string() << " loaded without a problem");
            } catch (const jobsim::ScenarioError& error) {
                const std::string text = error.what();
                INFO(text);
                CHECK(error.problems().size() == 1);
                CHECK_THAT(text,
                           Contains(file.string() + ":" + std::to_string(expected.line) + ":"));
                if (!expected.key.empty()) {
                    CHECK(error.problems().front().key_path == expected.key);
                    CHECK_THAT(text, Contains(": " + expected.key + ": "));
                }
                CHECK_THAT(text, Contains(expected.text));
            }
        }
    }
}

}  // namespace test_bad_inputs
