#include "analysis/diagnosis.hpp"

#include <cmath>
#include <stdexcept>

#include "analysis/power.hpp"
#include "analysis/running_moments.hpp"

namespace jobsim::analysis {

namespace {

/// Monte Carlo standard error of a mean: sd / sqrt(n).
double mean_mc_se(const RunningMoments& m) {
    return m.standard_deviation() / std::sqrt(m.n);
}

/// Monte Carlo standard error of a share of n draws: sqrt(share (1 - share) / n).
double share_mc_se(const RunningMoments& indicator) {
    const double share = indicator.mean_or_nan();
    return std::sqrt(share * (1.0 - share) / indicator.n);
}

/// The per-statistic accumulators: each sees only the draws whose fields it needs are finite.
struct Accumulators {
    RunningMoments estimate, truth, error, squared_error, std_error, rejected, covered;

    void add(const Draw& d, double alpha) {
        if (!std::isfinite(d.estimate)) {
            return;
        }
        estimate.add(d.estimate);
        if (std::isfinite(d.truth)) {
            truth.add(d.truth);
            const double e = d.estimate - d.truth;
            error.add(e);
            squared_error.add(e * e);
        }
        if (std::isfinite(d.std_error)) {
            std_error.add(d.std_error);
        }
        if (!std::isnan(d.p_value)) {
            rejected.add(d.p_value < alpha ? 1.0 : 0.0);
        }
        // An infinite bound is a valid (unbounded) interval; only a missing one skips the draw.
        if (!std::isnan(d.ci_low) && !std::isnan(d.ci_high) && std::isfinite(d.truth)) {
            covered.add(d.ci_low <= d.truth && d.truth <= d.ci_high ? 1.0 : 0.0);
        }
    }
};

}  // namespace

Draw make_draw(const Estimate& estimate, double truth) {
    return {.estimate = estimate.estimate,
            .std_error = estimate.std_error,
            .p_value = estimate.p_value,
            .ci_low = estimate.ci_low,
            .ci_high = estimate.ci_high,
            .truth = truth};
}

Diagnosis diagnose(std::span<const Draw> draws, double alpha, double target_power) {
    if (!(alpha > 0.0 && alpha < 1.0) || !(target_power > 0.0 && target_power < 1.0)) {
        throw std::invalid_argument("diagnose: alpha and target_power must be in (0, 1)");
    }
    Accumulators acc;
    for (const Draw& d : draws) {
        acc.add(d, alpha);
    }
    Diagnosis out;
    out.draws = static_cast<std::size_t>(acc.estimate.n);
    out.mean_estimate = acc.estimate.mean_or_nan();
    out.mean_truth = acc.truth.mean_or_nan();
    out.bias = acc.error.mean_or_nan();
    out.sd_estimate = acc.estimate.standard_deviation();
    out.rmse = std::sqrt(acc.squared_error.mean_or_nan());
    out.power = acc.rejected.mean_or_nan();
    out.coverage = acc.covered.mean_or_nan();
    out.mean_std_error = acc.std_error.mean_or_nan();

    out.bias_mc_se = mean_mc_se(acc.error);
    out.sd_estimate_mc_se = out.sd_estimate / std::sqrt(2.0 * (acc.estimate.n - 1.0));
    out.rmse_mc_se = mean_mc_se(acc.squared_error) / (2.0 * out.rmse);
    out.power_mc_se = share_mc_se(acc.rejected);
    out.coverage_mc_se = share_mc_se(acc.covered);
    if (std::isfinite(out.sd_estimate)) {
        // The MDE is linear in the standard error, so its MC error scales by the same multiplier.
        const double multiplier = minimum_detectable_effect(1.0, alpha, target_power);
        out.mde = multiplier * out.sd_estimate;
        out.mde_mc_se = multiplier * out.sd_estimate_mc_se;
    }
    return out;
}

}  // namespace jobsim::analysis
