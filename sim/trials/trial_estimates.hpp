// What a replication's trial estimates, and the truth each estimate is judged against. The
// estimators (analysis/) see only what the trial would see: the realised world's outcomes of the
// people who responded, their assignment and clusters. The truths compare the realised and
// counterfactual worlds person by person, over everyone enrolled.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "sim/trials/trial.hpp"
#include "sim/trials/trial_worlds.hpp"

namespace jobsim::trials {

/// What to estimate, and from which people: by default every outcome and horizon, from the
/// people who responded.
struct EstimationScope {
    /// Row-major, a flag per person and horizon: whether the trial sees that outcome (empty: the
    /// replication's responders). Power curves pass a subsample here.
    std::span<const std::uint8_t> observed;
    std::optional<TrialOutcome> outcome;  ///< only this outcome
    std::optional<std::size_t> horizon;   ///< only this horizon (index into the horizons)
    bool randomisation_inference = true;  ///< with the spec's re-randomisations
};

/// Every estimate of every estimand, outcome and horizon the design supports, within `scope`.
[[nodiscard]] std::vector<TrialDraw> estimate_replication(const TrialSpec& spec,
                                                          const TrialReplication& replication,
                                                          rng::ReplicationKey key,
                                                          std::uint32_t replication_index,
                                                          const EstimationScope& scope = {});

}  // namespace jobsim::trials
