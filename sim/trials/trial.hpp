// Running a declared trial and diagnosing its design (issue 4). Each replication burns the world
// in, checkpoints it, draws the design's assignment, and runs from the checkpoint with common
// random numbers the world as randomised plus the counterfactual worlds (nobody treated, and
// everybody given each treatment arm). The counterfactuals give each replication's true effects;
// the estimators see only what a real trial would (the realised world, the assignment, responders)
// and the diagnosis sets the one against the other over replications.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/diagnosis.hpp"
#include "sim/run/runner.hpp"
#include "sim/trials/trial_outcomes.hpp"

namespace jobsim::trials {

/// What is being estimated. Values are written to the output: append only.
enum class Estimand : std::uint8_t {
    total = 0,      ///< everybody eligible given the arm vs nobody: the effect of rolling it out
    direct = 1,     ///< on people assigned the arm: as randomised vs nobody treated
    spillover = 2,  ///< on enrolled people not treated (in treated clusters where there are any)
    overall = 3,    ///< on everyone enrolled: the trial as run vs nobody treated
    treated_periods = 4,  ///< stepped wedge: on the cluster-periods under treatment
};

inline constexpr std::array<std::string_view, 5> estimand_names{"total", "direct", "spillover",
                                                                "overall", "treated_periods"};
static_assert(!estimand_names.back().empty(), "a name for every estimand");

/// How it is estimated. Values are written to the output: append only.
enum class Estimator : std::uint8_t {
    difference_in_means = 0,          ///< HC2 (Neyman) standard error
    covariate_adjusted = 1,           ///< Lin (2013) interacted regression, HC2
    cluster_robust = 2,               ///< difference in means, CR2 by cluster, Bell-McCaffrey df
    randomisation_inference = 3,      ///< p-value from re-randomising the design
    saturation = 4,                   ///< Baird et al. (2018): vs pure control clusters, CR2
    stepped_wedge_fixed_effects = 5,  ///< cluster and period fixed effects, CR2
    log_rank = 6,                     ///< time to work; estimate is the difference in entries
    stepped_wedge_exposure_time = 7,  ///< Kenny et al. (2022): an effect per exposure length
};

inline constexpr std::size_t estimator_count = 8;
inline constexpr std::array<std::string_view, estimator_count> estimator_names{
    "difference_in_means",
    "covariate_adjusted",
    "cluster_robust",
    "randomisation_inference",
    "saturation",
    "stepped_wedge_fixed_effects",
    "log_rank",
    "stepped_wedge_exposure_time"};
static_assert(!estimator_names.back().empty(), "a name for every estimator");

/// Which estimate: one row of the diagnosis.
struct DrawKey {
    Estimand estimand = Estimand::total;
    Estimator estimator = Estimator::difference_in_means;
    TrialOutcome outcome = TrialOutcome::employed;
    std::uint32_t horizon = 0;  ///< weeks after enrolment (stepped wedge: the whole roll-out)
    std::uint8_t arm = 1;       ///< the treatment arm compared with the baseline
    double saturation = -1.0;   ///< saturation designs: the treated share; -1 pooled or n/a

    friend bool operator==(const DrawKey&, const DrawKey&) = default;
};

/// One replication's estimate and the truth it is judged against.
struct TrialDraw {
    std::uint32_t replication = 0;
    DrawKey key;
    analysis::Draw draw;
};

struct DiagnosisRow {
    DrawKey key;
    analysis::Diagnosis diagnosis;
};

/// The size of one replication's trial.
struct TrialSize {
    std::uint32_t replication = 0;
    std::uint32_t enrolled = 0;
    std::uint32_t treated = 0;   ///< assigned a treatment arm (stepped wedge: every enrolled)
    std::uint32_t clusters = 0;  ///< clusters with enrolled people (individual designs: 1)
};

/// A size of trial on a power curve; 0 means all that were simulated.
struct PowerPoint {
    std::uint32_t clusters = 0;  ///< clusters kept (cluster designs)
    std::uint32_t persons = 0;   ///< enrolled people kept per cluster (individual: in all)
};

/// One estimate from one replication's subsample to a power point.
struct PowerDraw {
    std::uint32_t point = 0;  ///< index into the points
    double clusters = 0.0;    ///< clusters with anyone in the subsample
    double persons = 0.0;     ///< people in the subsample
    TrialDraw draw;
};

/// Power and the minimum detectable effect at one size, for one estimand and estimator.
struct PowerCurveRow {
    PowerPoint point;
    double mean_clusters = 0.0;  ///< over replications: clusters actually kept
    double mean_persons = 0.0;   ///< people actually kept (fewer when clusters are small)
    DrawKey key;
    analysis::Diagnosis diagnosis;
};

/// Share of an arm still out of work some weeks after enrolment (Kaplan-Meier, realised world).
struct TimeToWork {
    std::uint8_t arm = 0;
    std::uint32_t week = 0;
    double still_out_of_work = 1.0;  ///< mean over replications
};

struct TrialResult {
    std::vector<TrialSize> sizes;
    std::vector<TimeToWork> time_to_work;
    std::vector<TrialDraw> draws;
    std::vector<DiagnosisRow> diagnosis;
    std::vector<PowerCurveRow> power_curve;
};

/// Runs `spec.replications` replications of the scenario's trial in parallel (replications
/// spread over the threads; results do not depend on the thread count) and diagnoses the design.
/// `progress` is called from worker threads, one call at a time.
/// @throws ScenarioError when the scenario declares no trial; RunStopped when spec.stop was set
///         (checked every week of every replication).
[[nodiscard]] TrialResult run_trial(const Scenario& scenario, const RunSpec& spec,
                                    const ProgressFn& progress = {});

}  // namespace jobsim::trials
