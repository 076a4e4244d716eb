// The fixed-effects estimator of a stepped-wedge cluster-randomised trial (Hussey and Hughes 2007
// for the design; Hemming, Haines, Chilton, Girling and Lilford 2015 for its reporting): OLS of
// cluster-period mean outcomes on cluster and period dummies plus the treatment indicator, so the
// effect is identified from within-cluster changes net of secular trend, with the CR2 standard
// error clustered by cluster and Bell-McCaffrey degrees of freedom (Pustejovsky and Tipton 2018
// for CR2 with cluster fixed effects).
#pragma once

#include <cstdint>
#include <span>

#include "analysis/estimate.hpp"

namespace jobsim::analysis {

/// One row per cluster-period (incomplete designs allowed): its mean outcome, cluster id, period
/// id (ids need not be contiguous) and whether the cluster was treated in that period. Throws
/// std::invalid_argument when sizes disagree, a cluster-period appears twice, there are fewer than
/// two clusters or periods, rows do not exceed parameters, treatment is collinear with the cluster
/// and period effects (e.g. every cluster switches in the same period), or alpha is not in (0, 1).
[[nodiscard]] Estimate stepped_wedge_fixed_effects(std::span<const double> cluster_period_outcome,
                                                   std::span<const std::uint32_t> cluster,
                                                   std::span<const std::uint32_t> period,
                                                   std::span<const std::uint8_t> treated,
                                                   double alpha = 0.05);

/// The exposure-time estimator (Kenny, Voldal, Xia and Heagerty 2022): the same cluster and period
/// effects, with a separate effect for each length of exposure (`exposure[i]` = 0 for a control
/// cluster-period, e >= 1 for the e-th treated period of that cluster), reported as their mean
/// over the treated cluster-periods, sum_e w_e beta_e / sum_e w_e with w_e the rows at exposure e.
/// That is the average effect over treated cluster-periods when effects grow or fade with
/// exposure, where the one-indicator estimator above is biased. Estimated directly as one
/// coefficient by reparametrising the exposure indicators D_e (treated T = sum_e D_e, and
/// D_e - (w_e / w_1) D_1 for the others), so its CR2 standard error and Bell-McCaffrey df come
/// from the same OLS. Throws as stepped_wedge_fixed_effects.
[[nodiscard]] Estimate stepped_wedge_exposure_time(std::span<const double> cluster_period_outcome,
                                                   std::span<const std::uint32_t> cluster,
                                                   std::span<const std::uint32_t> period,
                                                   std::span<const std::uint32_t> exposure,
                                                   double alpha = 0.05);

}  // namespace jobsim::analysis
