// Random assignment designs of trials, as pure functions of their inputs and a counter-based
// stream: complete and block (stratified) randomisation of units to arms (Gerber and Green 2012,
// ch. 2-3), pair-matched cluster randomisation (Imai, King and Nall 2009), randomised saturation
// (Baird, Bohren, McIntosh and Ozler 2018) and the stepped wedge (Hussey and Hughes 2007).
// Arm 0 is control. Draw 0 of trial_stream is the realised assignment; draw k > 0 is the k-th
// re-randomisation under the same design, for randomisation inference.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/rng/stream.hpp"

namespace jobsim::trials {

/// The stream of a trial's randomisation: `draw` 0 is the realised assignment, draw k the k-th
/// re-randomisation; `purpose` is trial_assignment, trial_rerandomisation or trial_attrition
/// (e.g. the realised arms from (trial_assignment, 0), randomisation inference from
/// (trial_rerandomisation, 1..K)). Keyed by entity kind `trial`, entity = draw, week 0.
[[nodiscard]] rng::Stream trial_stream(rng::ReplicationKey key, std::uint64_t draw,
                                       rng::Purpose purpose);

/// Complete randomisation of `units` units to arms in proportion to `ratios` (one entry per arm).
/// Arm j gets floor(e_j) or ceil(e_j) units, e_j = units x share_j, ceil with probability equal to
/// the fractional part of e_j exactly (systematic rounding, Madow 1949: one uniform u, arm j gets
/// floor(u + E_j) - floor(u + E_{j-1}) units for the cumulative expected counts E), so the counts
/// always add up to `units` and every unit is in arm j with probability share_j. Positions are
/// then shuffled (Fisher-Yates). Throws std::invalid_argument for empty, negative, non-finite or
/// all-zero ratios, or more than max_arms arms.
[[nodiscard]] std::vector<std::uint8_t> complete_assignment(std::size_t units,
                                                            std::span<const double> ratios,
                                                            rng::Stream& stream);

/// Block (stratified) randomisation: complete randomisation within each block, blocks taken in
/// increasing order of id (ids need not be contiguous). Throws as complete_assignment.
[[nodiscard]] std::vector<std::uint8_t> block_assignment(
    std::span<const std::uint32_t> block_of_unit, std::span<const double> ratios,
    rng::Stream& stream);

/// A pair-matched cluster assignment: arm (0 or 1) and pair id of each cluster.
struct MatchedPairs {
    std::vector<std::uint8_t> arm;
    std::vector<std::uint32_t> pair;
};

/// Pair-matched cluster design (Imai, King and Nall 2009): clusters sorted by `covariate` (ties by
/// index), neighbours paired (pair k = sorted positions 2k and 2k + 1), one of each pair treated
/// (arm 1) by a fair coin. With an odd count the cluster with the largest covariate is left
/// alone in the last pair and treated by a fair coin. Throws for a non-finite covariate.
[[nodiscard]] MatchedPairs matched_pair_assignment(std::span<const double> covariate,
                                                   rng::Stream& stream);

/// A randomised-saturation assignment: the saturation of each cluster, and whether each unit is
/// treated (1) or not (0).
struct SaturationAssignment {
    std::vector<double> cluster_saturation;
    std::vector<std::uint8_t> unit_treated;
};

/// Randomised saturation (Baird, Bohren, McIntosh and Ozler 2018): clusters get saturations from
/// the list by complete randomisation with equal shares (list order is the arm order), then in a
/// cluster of n units exactly round(saturation x n) units (halves rounded up) are treated, chosen
/// by complete randomisation. Throws for an empty list, more than max_arms saturations, a
/// saturation outside [0, 1], or a unit whose cluster is not below `clusters`.
[[nodiscard]] SaturationAssignment saturation_assignment(
    std::span<const std::uint32_t> cluster_of_unit, std::uint32_t clusters,
    std::span<const double> saturations, rng::Stream& stream);

/// Stepped wedge (Hussey and Hughes 2007): clusters put in a uniformly random order and split
/// over `steps` steps in that order, the first clusters % steps steps taking one cluster more
/// than the others; returns the step (1..steps) at which each cluster switches to treatment.
/// Throws when steps is 0 or exceeds clusters.
[[nodiscard]] std::vector<std::uint32_t> stepped_wedge_assignment(std::uint32_t clusters,
                                                                  std::uint32_t steps,
                                                                  rng::Stream& stream);

}  // namespace jobsim::trials
