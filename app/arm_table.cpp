#include "app/arm_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <ostream>
#include <string_view>

#include "app/table.hpp"

namespace jobsim::app {

namespace {

/// How an outcome reads best: shares as percentages, money in whole pounds.
struct Format {
    double scale = 1.0;
    int decimals = 2;
    std::string_view suffix;
};

Format format_of(std::string_view name) {
    constexpr std::array<std::string_view, 8> shares{
        "sustained_work",    "low_paid_entries",      "off_benefit_not_working",
        "would_recommend",   "relationship_positive", "relationship_negative",
        "plan_personalised", "felt_forced_to_sign"};
    if (name.starts_with("employed") || std::ranges::find(shares, name) != shares.end()) {
        return {.scale = 100.0, .decimals = 1, .suffix = "%"};
    }
    if (name.ends_with("_gbp") || name == "cost_per_sustained_job" || name == "weekly_earnings") {
        return {.scale = 1.0, .decimals = 0, .suffix = ""};
    }
    return {};
}

std::string cell(double mean, double error, const Format& format) {
    if (std::isnan(mean)) {
        return "-";
    }
    std::string text = fixed(mean * format.scale, format.decimals) + std::string(format.suffix);
    if (!std::isnan(error)) {
        text += " (" + fixed(error * format.scale, format.decimals) + ")";
    }
    return text;
}

}  // namespace

void print_arm_summary(std::ostream& out, const std::vector<std::string>& arm_names,
                       std::span<const ArmSummary> summary) {
    std::vector<std::string> header{"outcome"};
    for (const ArmSummary& row : summary) {
        header.push_back(arm_names.at(row.arm));
    }
    TextTable table(header);
    std::vector<std::string> cohort{"cohort (out of work at start)"};
    for (const ArmSummary& row : summary) {
        cohort.push_back(std::to_string(row.mean.cohort));
    }
    table.add_row(cohort);
    for_each_outcome([&](const char* name, double ArmOutcomes::*member, const char*) {
        const Format format = format_of(name);
        std::vector<std::string> cells{name};
        for (const ArmSummary& row : summary) {
            cells.push_back(cell(row.mean.*member, row.standard_error.*member, format));
        }
        table.add_row(cells);
    });
    table.print(out);
    const bool several = !summary.empty() && summary.front().replications > 1;
    out << "Outcomes of the cohort out of work when recording starts; costs over everyone"
        << (several ? "; mean over replications (standard error)." : ".") << '\n';
}

}  // namespace jobsim::app
