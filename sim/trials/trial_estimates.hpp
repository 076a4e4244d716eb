// What a replication's trial estimates, and the truth each estimate is judged against. The
// estimators (analysis/) see only what the trial would see: the realised world's outcomes of the
// people who responded, their assignment and clusters. The truths compare the realised and
// counterfactual worlds person by person, over everyone enrolled.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/trials/trial.hpp"
#include "sim/trials/trial_worlds.hpp"

namespace jobsim::trials {

/// Every estimate of every estimand, outcome and horizon the design supports.
[[nodiscard]] std::vector<TrialDraw> estimate_replication(const TrialSpec& spec,
                                                          const TrialReplication& replication,
                                                          rng::ReplicationKey key,
                                                          std::uint32_t replication_index);

}  // namespace jobsim::trials
