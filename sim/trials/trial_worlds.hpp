// One replication of a trial: burn-in, checkpoint, the design's assignment, then the realised
// world and its counterfactuals run from the checkpoint with the same random key (common random
// numbers: a person's draws do not depend on the arm, so worlds differ only where treatment made
// them differ).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/rng/stream.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/trials/trial_assignment.hpp"
#include "sim/trials/trial_outcomes.hpp"

namespace jobsim::trials {

/// Baseline covariates of an enrolled person, read at enrolment (for covariate adjustment).
inline constexpr std::size_t covariate_count = 5;  // age, barriers, spell, claiming, skill

/// Who the trial enrolled in the realised world, in enrolment order.
struct TrialSample {
    std::vector<std::uint32_t> person;
    std::vector<std::uint32_t> week;     ///< trial week at whose start the person was enrolled
    std::vector<std::uint8_t> arm;       ///< assigned arm (stepped wedge: 0)
    std::vector<std::uint32_t> cluster;  ///< area, or coach at enrolment for coach caseloads
    std::vector<double> covariates;      ///< row-major, covariate_count per person

    [[nodiscard]] std::size_t size() const { return person.size(); }
};

/// Everything one replication produced.
struct TrialReplication {
    AssignmentFrame frame;
    Assignment assignment;
    TrialSample sample;
    std::vector<std::uint32_t> horizons;  ///< weeks after enrolment, as measured
    OutcomeTable realised;
    OutcomeTable nobody;
    std::vector<OutcomeTable> everybody;  ///< one per treatment arm (index arm - 1)
    std::vector<std::uint8_t> responded;  ///< row-major: horizons per person (attrition)
};

/// The weeks after enrolment at which the trial measures (stepped wedge: each period's end).
[[nodiscard]] std::vector<std::uint32_t> measured_horizons(const TrialSpec& spec);

/// Runs one replication; `week_done` is called after every simulated week.
[[nodiscard]] TrialReplication simulate_replication(const Scenario& scenario,
                                                    rng::ReplicationKey key,
                                                    const std::function<void()>& week_done);

}  // namespace jobsim::trials
