// Direct and spillover effects in a randomised saturation design (Baird, Bohren, McIntosh and
// Ozler 2018): clusters are assigned a treated share (saturation), 0 for pure control clusters,
// and individuals within them are randomised at that share. Each effect compares a group of
// people in clusters of saturation s with everyone in pure control clusters by the cluster
// difference in means (CR2, Bell-McCaffrey df): treated people give the direct effect (treatment
// on the treated at s), untreated people the spillover on the non-treated at s; pooled effects
// use all clusters with s > 0.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/estimate.hpp"

namespace jobsim::analysis {

struct SaturationEffect {
    double saturation;
    Estimate direct;     ///< treated at this saturation vs pure control
    Estimate spillover;  ///< untreated at this saturation vs pure control (NaN when s = 1)
};

struct SaturationEstimates {
    std::vector<SaturationEffect> by_saturation;  ///< ascending saturation, s > 0 only
    Estimate pooled_direct;
    Estimate pooled_spillover;
};

/// Per person: outcome, treatment flag and cluster id; cluster_saturation[c] is cluster c's
/// treated share. An estimate is all NaN unless both its groups span at least two clusters.
/// Throws std::invalid_argument when sizes disagree, a cluster id has no saturation, a saturation
/// is outside [0, 1], someone in a pure control cluster is treated, or alpha is not in (0, 1).
[[nodiscard]] SaturationEstimates saturation_effects(std::span<const double> outcome,
                                                     std::span<const std::uint8_t> treated,
                                                     std::span<const std::uint32_t> cluster,
                                                     std::span<const double> cluster_saturation,
                                                     double alpha = 0.05);

}  // namespace jobsim::analysis
