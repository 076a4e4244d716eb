// The key reference (sim/scenario/reference.md), printed from the same describe() functions the
// loader reads, so it cannot fall behind the schema. A test compares the committed file with it.
#include <sstream>

#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::scenario {

namespace {

/// Table cells: a '|' would end the cell.
std::string cell(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        if (c == '|') {
            escaped += "\\|";
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string code(std::string_view text) {
    if (text.empty()) {
        return {};
    }
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted += '`';
    quoted += cell(text);
    quoted += '`';
    return quoted;
}

}  // namespace

std::string reference_markdown() {
    Scenario scenario = default_scenario();
    const std::vector<detail::KeyBlock> blocks =
        detail::KeyTable::of(scenario, "Keys at the top of a scenario file.");
    std::ostringstream out;
    out << "# Scenario key reference\n\n"
           "<!-- Generated from the describe() functions (sim/scenario/scenario.hpp, "
           "sim/mechanisms/*.hpp) by\n"
           "     reference_markdown() in sim/scenario/reference.cpp. Do not edit by hand; "
           "regenerate with\n"
           "         jobsim reference > sim/scenario/reference.md\n"
           "     or, without the executable,\n"
           "         JOBSIM_UPDATE_REFERENCE=1 <build>/tests/sim/scenario/test_scenario "
           "\"[reference]\"\n"
           "     The test \"reference: sim/scenario/reference.md matches the schema\" fails when "
           "it is stale. -->\n\n"
           "Every key a scenario file may contain, with its type, its default (what applies "
           "when the key is left out), the values allowed, its unit, where the default comes "
           "from, and what it means. A key marked *required* must be written in the file.\n\n"
           "Any key can also be set on the command line, validated the same way: "
           "`--set population.persons=20000`. Items of a list are addressed by their number, "
           "from 0: `--set labour_market.sectors.0.employment_share=0.2`.\n\n"
           "A key whose type is a list of numbers is written in brackets, `[13, 26, 52]` (or one "
           "`- 13` line per number); each number must be in the allowed range, and `[]` is an "
           "empty list. On the command line, `--set key=[13,26]` replaces the list, "
           "`--set key=13` makes it a one-number list, and `--set key.1=30` changes one "
           "number.\n\n"
           "Two top-level keys are not in the tables below because they hold other keys:\n\n"
           "- `extends: <file>` names a scenario file (relative to this one) that this file "
           "starts from: its keys are read first and this file's keys are laid over them, block "
           "by block (a list is replaced whole). Scenarios that differ from the baseline in a few "
           "levers say only those.\n"
           "- `arms:` is a block of named regimes, each written as changes to `regime`: "
           "`arms: {no_conditionality: {conditionality: {enabled: false}}}`. Every `regime.*` "
           "key below may appear under `arms.<name>.*` (except `name`: an arm's name is its "
           "key). `jobsim run` runs the same people under `regime` and under every arm, with "
           "common random numbers, and prints a summary table of arms. Arms can be changed "
           "on the command line too: `--set "
           "arms.no_conditionality.coach_meeting.interval_weeks=4`.\n";
    for (const detail::KeyBlock& block : blocks) {
        if (block.rows.empty()) {
            continue;
        }
        out << "\n## " << (block.path.empty() ? std::string("Top level") : code(block.path))
            << "\n\n";
        if (!block.doc.empty()) {
            out << block.doc << "\n\n";
        }
        out << "| key | type | default | allowed | unit | source | description |\n"
               "|---|---|---|---|---|---|---|\n";
        for (const detail::KeyRow& row : block.rows) {
            out << "| " << code(row.path) << " | " << cell(row.type) << " | "
                << (row.required ? std::string("*required*") : code(row.default_value)) << " | "
                << cell(row.allowed) << " | " << cell(row.unit) << " | " << cell(row.source)
                << " | " << cell(row.doc) << " |\n";
        }
        if (!block.default_items_yaml.empty()) {
            out << "\nThe default list:\n\n```yaml\n" << block.default_items_yaml << "```\n";
        }
    }
    return out.str();
}

}  // namespace jobsim::scenario
