// The declared trial (issue 4): how a scenario's arms are randomised, to whom, when, and what is
// measured. The trial's arms are the scenario's regimes: the baseline regime is the control arm
// and each entry of `arms:` a treatment arm. jobsim trial runs the design after burn-in and
// compares what it would estimate with the truth from counterfactual worlds.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/scenario/describe.hpp"
#include "sim/trials/trial_outcomes.hpp"

namespace jobsim {

/// How units are randomised.
enum class TrialDesign : std::uint8_t {
    none = 0,
    individual = 1,  ///< people, by complete or blocked randomisation
    cluster = 2,     ///< whole areas or coach caseloads
    matched_pair_cluster =
        3,              ///< areas paired on their unemployment rate, one of each pair treated
    saturation = 4,     ///< areas get a treated share, people are randomised within
    stepped_wedge = 5,  ///< areas switch to treatment at random steps
};

inline constexpr std::array<scenario::Choice<TrialDesign>, 6> trial_design_choices{{
    {"none", TrialDesign::none, "no trial: jobsim trial refuses the scenario"},
    {"individual", TrialDesign::individual, "people randomised one by one (optionally in blocks)"},
    {"cluster", TrialDesign::cluster, "areas or coach caseloads randomised whole"},
    {"matched_pair_cluster", TrialDesign::matched_pair_cluster,
     "areas paired on their unemployment rate at the start, one of each pair treated"},
    {"saturation", TrialDesign::saturation,
     "areas draw a treated share from `saturations`, people are randomised within"},
    {"stepped_wedge", TrialDesign::stepped_wedge,
     "every area starts in control and switches at a random step of `step_weeks` weeks"},
}};

/// What a cluster design randomises.
enum class ClusterUnit : std::uint8_t { area = 0, coach = 1 };

inline constexpr std::array<scenario::Choice<ClusterUnit>, 2> cluster_unit_choices{{
    {"area", ClusterUnit::area, "local labour markets: everyone living there is treated"},
    {"coach", ClusterUnit::coach, "coach caseloads: people take their coach's arm when enrolled"},
}};

/// Blocks of an individual design: complete randomisation within each block.
enum class TrialBlocks : std::uint8_t { none = 0, area = 1, barriers = 2 };

inline constexpr std::array<scenario::Choice<TrialBlocks>, 3> trial_block_choices{{
    {"none", TrialBlocks::none, "one block: complete randomisation"},
    {"area", TrialBlocks::area, "one block per area"},
    {"barriers", TrialBlocks::barriers, "blocks by number of barriers to work (0, 1, 2, 3+)"},
}};

/// Who may be enrolled.
enum class TrialEligibility : std::uint8_t { claimants = 0, out_of_work = 1 };

inline constexpr std::array<scenario::Choice<TrialEligibility>, 2> trial_eligibility_choices{{
    {"claimants", TrialEligibility::claimants, "people with a benefit claim (sanctioned or not)"},
    {"out_of_work", TrialEligibility::out_of_work,
     "everyone who could come: claimants, the unemployed and inactive people who want work"},
}};

/// When people are enrolled.
enum class TrialEnrolment : std::uint8_t { stock = 0, inflow = 1 };

inline constexpr std::array<scenario::Choice<TrialEnrolment>, 2> trial_enrolment_choices{{
    {"stock", TrialEnrolment::stock, "everyone eligible when the trial starts"},
    {"inflow", TrialEnrolment::inflow,
     "people who become eligible during the first `enrolment_weeks` weeks, each when they do"},
}};

struct TrialSpec {
    TrialDesign design = TrialDesign::none;
    std::vector<double> allocation;  ///< ratio per arm, baseline first; empty: equal
    ClusterUnit cluster_unit = ClusterUnit::area;
    TrialBlocks blocks = TrialBlocks::none;
    TrialEligibility eligibility = TrialEligibility::claimants;
    TrialEnrolment enrolment = TrialEnrolment::stock;
    std::uint32_t enrolment_weeks = 13;
    std::vector<double> saturations{0.0, 0.25, 0.5, 0.75};
    std::uint32_t steps = 4;
    std::uint32_t step_weeks = 13;
    std::vector<std::uint32_t> horizons{13, 26, 52};
    double alpha = 0.05;
    double target_power = 0.8;
    double attrition = 0.0;
    double attrition_extra_out_of_work = 0.0;
    std::uint32_t randomisation_draws = 0;
    TrialOutcome primary_outcome = TrialOutcome::employed;
    std::vector<std::uint32_t> power_grid_clusters;
    std::vector<std::uint32_t> power_grid_persons;
};

template <class Visitor>
void describe(Visitor& v, TrialSpec& t) {
    using scenario::probability;
    v.choice("design", t.design, trial_design_choices,
             {.doc = "The randomisation design. The control arm is the baseline regime; each of "
                     "`arms` is a treatment arm (saturation and stepped-wedge designs take one)."});
    v.field("allocation", t.allocation,
            {.doc = "Allocation ratio of each arm, baseline first (individual and cluster "
                    "designs); empty means equal shares.",
             .min = 0.0,
             .unit = "ratio"});
    v.choice("cluster_unit", t.cluster_unit, cluster_unit_choices,
             {.doc = "What a cluster design randomises."});
    v.choice("blocks", t.blocks, trial_block_choices,
             {.doc = "Blocks of an individual design (stratified randomisation)."});
    v.choice("eligibility", t.eligibility, trial_eligibility_choices,
             {.doc = "Who may be enrolled in the trial."});
    v.choice("enrolment", t.enrolment, trial_enrolment_choices,
             {.doc = "The stock at the start of the trial, or the inflow over an enrolment "
                     "window."});
    v.field("enrolment_weeks", t.enrolment_weeks,
            {.doc = "Length of the enrolment window of an inflow trial.",
             .min = 1,
             .max = 520,
             .unit = "weeks"});
    v.field("saturations", t.saturations,
            probability("Treated shares areas draw from, equally often (saturation design); 0 "
                        "makes pure control areas, which the estimators need."));
    v.field("steps", t.steps,
            {.doc = "Steps of a stepped-wedge roll-out: after a first period with every area in "
                    "control, areas are split evenly over the steps and switch one group a step.",
             .min = 1,
             .max = 255,
             .unit = "steps"});
    v.field("step_weeks", t.step_weeks,
            {.doc = "Weeks in each period of a stepped-wedge roll-out; (steps + 1) x step_weeks "
                    "must fit in `weeks`.",
             .min = 1,
             .max = 520,
             .unit = "weeks"});
    v.field("horizons", t.horizons,
            {.doc = "Weeks after each person's enrolment at which outcomes are measured; "
                    "enrolment window plus the longest horizon must fit in `weeks`.",
             .min = 1,
             .max = 5200,
             .unit = "weeks"});
    v.field("alpha", t.alpha,
            {.doc = "Significance level of tests and 1 - confidence of intervals.",
             .min = 0.0001,
             .max = 0.5,
             .unit = "probability"});
    v.field("target_power", t.target_power,
            {.doc = "Power at which the minimum detectable effect is reported.",
             .min = 0.05,
             .max = 0.9999,
             .unit = "probability"});
    v.field("attrition", t.attrition,
            probability("Chance that an enrolled person's outcome is missing at a horizon "
                        "(survey non-response); estimators use only responders, the truth "
                        "everyone."));
    v.field("attrition_extra_out_of_work", t.attrition_extra_out_of_work,
            probability("Extra chance of non-response for people out of work at the horizon "
                        "(differential attrition)."));
    v.field("randomisation_draws", t.randomisation_draws,
            {.doc = "Re-randomisations for randomisation inference in each replication (0: "
                    "off).",
             .min = 0,
             .max = 100000,
             .unit = "draws"});
    v.choice("primary_outcome", t.primary_outcome, trial_outcome_choices,
             {.doc = "The outcome of the power curves, measured at the longest horizon (the "
                     "diagnosis covers every outcome)."});
    v.field("power_grid_clusters", t.power_grid_clusters,
            {.doc = "Numbers of clusters for power curves, each at most the number simulated: "
                    "each simulated trial is subsampled to that many clusters, kept in proportion "
                    "to its arms, saturations, pairs or steps; empty: all (cluster designs).",
             .min = 2,
             .unit = "clusters"});
    v.field("power_grid_persons", t.power_grid_persons,
            {.doc = "Enrolled people per cluster (individual designs: in all) for power curves, "
                    "by subsampling each simulated trial in proportion to its arms; empty: all.",
             .min = 2,
             .unit = "persons"});
}

}  // namespace jobsim
