// libFuzzer target over the scenario loader, validator and --set overrides (issue 6). The input's
// first line, when it starts with "#set ", holds overrides separated by ';'; the rest is the YAML
// file's text. The loader may only answer with its documented errors: ScenarioError (an invalid
// scenario) or UsageError (an unreadable file). Anything else (a crash, a sanitizer report, another
// exception, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/scenario/load.hpp"

namespace {

/// Splits the optional first line "#set a.b=1;c=2" into overrides; the YAML follows it.
std::vector<std::string> take_overrides(std::string_view& text) {
    std::vector<std::string> overrides;
    constexpr std::string_view tag = "#set ";
    if (!text.starts_with(tag)) {
        return overrides;
    }
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(
        tag.size(), end == std::string_view::npos ? std::string_view::npos : end - tag.size());
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    while (!line.empty()) {
        const std::size_t semicolon = line.find(';');
        overrides.emplace_back(line.substr(0, semicolon));
        line.remove_prefix(semicolon == std::string_view::npos ? line.size() : semicolon + 1);
    }
    return overrides;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string> override_texts = take_overrides(text);
    std::vector<jobsim::scenario::Override> overrides;
    for (const std::string& override_text : override_texts) {
        try {
            overrides.push_back(jobsim::scenario::parse_override(override_text));
        } catch (const jobsim::ScenarioError&) {
            // a malformed --set is reported like a scenario problem: documented
        }
    }
    try {
        // A label without a directory: `extends:` then names files relative to the working
        // directory, which the fuzzing script runs in an empty folder.
        const jobsim::Scenario scenario =
            jobsim::scenario::load_scenario_text(text, "fuzz.yaml", overrides);
        // A scenario that loads must also resolve and load back (resolve's promise).
        (void)jobsim::scenario::load_scenario_text(jobsim::scenario::to_yaml(scenario),
                                                   "resolved.yaml");
    } catch (const jobsim::ScenarioError& error) {
        if (error.problems().empty()) {
            std::fputs("a ScenarioError without problems\n", stderr);
            std::abort();
        }
    } catch (const jobsim::UsageError&) {
        // documented: a file named by extends: cannot be read
    }
    return 0;
}
