#include "sim/trials/trial_checks.hpp"

#include <algorithm>
#include <numeric>

#include "sim/core/message.hpp"

namespace jobsim::trials {

namespace {

/// The weeks the trial needs after the checkpoint: enrolment plus the longest follow-up.
std::uint64_t weeks_needed(const TrialSpec& t) {
    if (t.design == TrialDesign::stepped_wedge) {
        return static_cast<std::uint64_t>(t.steps + 1) * t.step_weeks;
    }
    const std::uint32_t longest =
        t.horizons.empty() ? 0 : *std::max_element(t.horizons.begin(), t.horizons.end());
    return longest + (t.enrolment == TrialEnrolment::inflow ? t.enrolment_weeks : 0);
}

}  // namespace

void check_trial(const Scenario& scenario, std::vector<ConsistencyProblem>& problems) {
    const TrialSpec& t = scenario.trial;
    if (t.design == TrialDesign::none) {
        return;
    }
    const std::size_t arms = scenario.arms.size() + 1;
    const std::uint32_t areas = scenario.population.areas;
    const auto problem = [&](std::string_view key, std::string text) {
        problems.push_back({message("trial.", key), std::move(text)});
    };
    if (arms < 2) {
        problem("design",
                "a trial compares arms, but the scenario has only the baseline regime; "
                "expected at least one entry under `arms:`");
    }
    const bool one_treatment = t.design == TrialDesign::saturation ||
                               t.design == TrialDesign::stepped_wedge ||
                               t.design == TrialDesign::matched_pair_cluster;
    if (one_treatment && arms > 2) {
        problem(
            "design",
            message("a ", trial_design_choices[static_cast<std::size_t>(t.design)].name,
                    " trial has one treatment arm; the scenario has ", arms - 1, ", expected 1"));
    }
    if (!t.allocation.empty()) {
        if (t.allocation.size() != arms) {
            problem("allocation", message(t.allocation.size(), " ratios for ", arms,
                                          " arms (baseline first); expected one per arm"));
        } else if (std::any_of(t.allocation.begin(), t.allocation.end(),
                               [](double r) { return r <= 0.0; })) {
            problem("allocation", "every arm needs a positive ratio");
        }
    }
    if (t.horizons.empty() && t.design != TrialDesign::stepped_wedge) {
        problem("horizons", "no horizons; expected at least one week after enrolment to measure");
    }
    const std::uint64_t needed = weeks_needed(t);
    if (needed > scenario.weeks) {
        const char* key = t.design == TrialDesign::stepped_wedge ? "step_weeks" : "horizons";
        problem(key, message("the trial needs ", needed,
                             " weeks after the checkpoint but "
                             "`weeks` is ",
                             scenario.weeks,
                             "; expected weeks at least the enrolment window plus the longest "
                             "horizon (stepped wedge: (steps + 1) x step_weeks)"));
    }
    if (t.design == TrialDesign::cluster && t.cluster_unit == ClusterUnit::area && areas < arms) {
        problem("design", message(areas, " areas for ", arms,
                                  " arms; expected at least one area "
                                  "per arm"));
    }
    if (t.design == TrialDesign::matched_pair_cluster && areas < 2) {
        problem("design", "a matched-pair design needs at least two areas");
    }
    if (t.design == TrialDesign::saturation) {
        const bool pure_control =
            std::find(t.saturations.begin(), t.saturations.end(), 0.0) != t.saturations.end();
        const bool some_treated = std::any_of(t.saturations.begin(), t.saturations.end(),
                                              [](double s) { return s > 0.0; });
        if (!pure_control || !some_treated) {
            problem("saturations",
                    "expected a 0 (pure control areas) and at least one share "
                    "above 0");
        } else if (t.saturations.size() > areas) {
            problem("saturations", message(t.saturations.size(), " saturations for ", areas,
                                           " areas; expected at most one per area"));
        }
    }
    if (t.design == TrialDesign::stepped_wedge) {
        if (t.steps > areas) {
            problem("steps", message(t.steps, " steps for ", areas,
                                     " areas; expected at most "
                                     "one step per area"));
        }
        if (t.enrolment != TrialEnrolment::stock) {
            problem("enrolment", "a stepped wedge follows a closed cohort; expected stock");
        }
    }
    const std::uint64_t clusters =
        t.design == TrialDesign::cluster && t.cluster_unit == ClusterUnit::coach
            ? static_cast<std::uint64_t>(scenario.service.coaches_per_area) * areas
            : areas;
    for (const std::uint32_t c : t.power_grid_clusters) {
        if (c > clusters) {
            problem("power_grid_clusters",
                    message(c, " clusters in the power grid but the trial has ", clusters,
                            "; expected at most the number simulated"));
            break;
        }
    }
}

}  // namespace jobsim::trials
