#include "sim/trials/trial_estimates.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/cluster_difference_in_means.hpp"
#include "analysis/covariate_adjustment.hpp"
#include "analysis/difference_in_means.hpp"
#include "analysis/randomisation_inference.hpp"
#include "analysis/saturation.hpp"
#include "analysis/stepped_wedge.hpp"
#include "analysis/survival.hpp"
#include "sim/trials/assignment.hpp"

namespace jobsim::trials {

namespace {

constexpr double not_available = std::numeric_limits<double>::quiet_NaN();

/// The mean over rows `include` accepts of world - nobody; NaN when there are none.
template <class Include>
double mean_effect(const std::vector<double>& world, const std::vector<double>& nobody,
                   Include&& include) {
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t row = 0; row < world.size(); ++row) {
        if (include(row) && std::isfinite(world[row]) && std::isfinite(nobody[row])) {
            sum += world[row] - nobody[row];
            ++count;
        }
    }
    return count == 0 ? not_available : sum / static_cast<double>(count);
}

/// A test without its own interval: the estimate of `e` with another p-value.
analysis::Draw test_only(double estimate, double p_value, double truth) {
    return {.estimate = estimate,
            .std_error = not_available,
            .p_value = p_value,
            .ci_low = not_available,
            .ci_high = not_available,
            .truth = truth};
}

/// The arm each enrolled person would have had under another draw of the design.
std::vector<std::uint8_t> row_arms(const Assignment& assignment, const TrialSample& sample) {
    std::vector<std::uint8_t> arms(sample.size(), 0);
    for (std::size_t row = 0; row < sample.size(); ++row) {
        if (!assignment.person_arm.empty()) {
            arms[row] = assignment.person_arm[sample.person[row]];
        } else if (!assignment.cluster_arm.empty()) {
            arms[row] = assignment.cluster_arm[sample.cluster[row]];
        }
    }
    return arms;
}

/// Treated mean minus control mean among rows in arm 0 or `arm` that responded.
double mean_difference(const std::vector<double>& y, const std::vector<std::uint8_t>& arms,
                       const std::vector<std::uint8_t>& responded, std::uint8_t arm) {
    double sums[2] = {0.0, 0.0};
    double counts[2] = {0.0, 0.0};
    for (std::size_t row = 0; row < y.size(); ++row) {
        if (responded[row] == 0 || (arms[row] != 0 && arms[row] != arm)) {
            continue;
        }
        const int group = arms[row] == arm ? 1 : 0;
        sums[group] += y[row];
        counts[group] += 1.0;
    }
    if (counts[0] == 0.0 || counts[1] == 0.0) {
        return not_available;
    }
    return sums[1] / counts[1] - sums[0] / counts[0];
}

/// Builds the draws of one replication.
class ReplicationEstimates {
public:
    ReplicationEstimates(const TrialSpec& spec, const TrialReplication& rep,
                         const EstimationScope& scope, rng::ReplicationKey key,
                         std::uint32_t replication)
        : spec_(spec),
          rep_(rep),
          scope_(scope),
          observed_(scope.observed.empty() ? std::span<const std::uint8_t>(rep.responded)
                                           : scope.observed),
          replication_(replication) {
        const std::size_t draws =
            spec.design == TrialDesign::stepped_wedge || !scope.randomisation_inference
                ? 0
                : spec.randomisation_draws;
        for (std::size_t d = 1; d <= draws; ++d) {
            rng::Stream stream = trial_stream(key, d, rng::Purpose::trial_rerandomisation);
            rerandomised_.push_back(row_arms(draw_assignment(rep.frame, stream), rep.sample));
        }
    }

    std::vector<TrialDraw> run() {
        const auto in_scope = [&](TrialOutcome outcome) {
            return !scope_.outcome || *scope_.outcome == outcome;
        };
        if (spec_.design == TrialDesign::stepped_wedge) {
            for (const TrialOutcomeInfo& info : trial_outcomes) {
                if (in_scope(info.outcome)) {
                    stepped_wedge(info.outcome);
                }
            }
            return std::move(out_);
        }
        for (std::size_t h = 0; h < rep_.horizons.size(); ++h) {
            if (scope_.horizon && *scope_.horizon != h) {
                continue;
            }
            responded_.assign(rep_.sample.size(), 0);
            for (std::size_t row = 0; row < rep_.sample.size(); ++row) {
                responded_[row] = observed_[row * rep_.horizons.size() + h];
            }
            for (const TrialOutcomeInfo& info : trial_outcomes) {
                if (in_scope(info.outcome)) {
                    horizon_outcome(h, info.outcome);
                }
            }
        }
        return std::move(out_);
    }

private:
    void push(Estimand estimand, Estimator estimator, TrialOutcome outcome, std::uint32_t horizon,
              std::uint8_t arm, double saturation, const analysis::Draw& draw) {
        out_.push_back({.replication = replication_,
                        .key = {.estimand = estimand,
                                .estimator = estimator,
                                .outcome = outcome,
                                .horizon = horizon,
                                .arm = arm,
                                .saturation = saturation},
                        .draw = draw});
    }

    void horizon_outcome(std::size_t h, TrialOutcome outcome) {
        const TrialSample& sample = rep_.sample;
        const std::vector<double> real = rep_.realised.column(h, outcome);
        const std::vector<double> none = rep_.nobody.column(h, outcome);
        const std::uint32_t horizon = rep_.horizons[h];
        for (std::size_t a = 1; a <= rep_.everybody.size(); ++a) {
            const auto arm = static_cast<std::uint8_t>(a);
            const std::vector<double> every = rep_.everybody[a - 1].column(h, outcome);
            const double total = mean_effect(every, none, [](std::size_t) { return true; });
            const double direct =
                mean_effect(real, none, [&](std::size_t r) { return sample.arm[r] == arm; });
            // What the trial sees: responders in this arm or the control arm.
            std::vector<double> y;
            std::vector<std::uint8_t> treated;
            std::vector<std::uint32_t> cluster;
            std::vector<double> covariates;
            std::vector<std::size_t> rows;
            for (std::size_t r = 0; r < sample.size(); ++r) {
                if (responded_[r] == 0 || (sample.arm[r] != 0 && sample.arm[r] != arm) ||
                    !std::isfinite(real[r])) {
                    continue;
                }
                rows.push_back(r);
                y.push_back(real[r]);
                treated.push_back(sample.arm[r] == arm ? 1 : 0);
                cluster.push_back(sample.cluster[r]);
                covariates.insert(
                    covariates.end(),
                    sample.covariates.begin() + static_cast<std::ptrdiff_t>(r * covariate_count),
                    sample.covariates.begin() +
                        static_cast<std::ptrdiff_t>((r + 1) * covariate_count));
            }
            if (y.size() < 4) {
                continue;
            }
            const analysis::Estimate naive = analysis::difference_in_means(y, treated, spec_.alpha);
            push(Estimand::total, Estimator::difference_in_means, outcome, horizon, arm, -1.0,
                 analysis::make_draw(naive, total));
            const double ri_p = rerandomised_p_value(real, naive.estimate, arm);
            if (std::isfinite(ri_p)) {
                push(Estimand::total, Estimator::randomisation_inference, outcome, horizon, arm,
                     -1.0, test_only(naive.estimate, ri_p, total));
            }
            switch (spec_.design) {
                case TrialDesign::individual: {
                    push(Estimand::direct, Estimator::difference_in_means, outcome, horizon, arm,
                         -1.0, analysis::make_draw(naive, direct));
                    push(Estimand::total, Estimator::covariate_adjusted, outcome, horizon, arm,
                         -1.0,
                         analysis::make_draw(covariate_adjusted(y, treated, covariates), total));
                    if (outcome == TrialOutcome::entered_work) {
                        log_rank(h, rows, treated, naive.estimate, total, arm);
                    }
                    break;
                }
                case TrialDesign::cluster:
                case TrialDesign::matched_pair_cluster: {
                    const analysis::Estimate robust =
                        analysis::cluster_difference_in_means(y, treated, cluster, spec_.alpha);
                    push(Estimand::total, Estimator::cluster_robust, outcome, horizon, arm, -1.0,
                         analysis::make_draw(robust, total));
                    push(Estimand::direct, Estimator::cluster_robust, outcome, horizon, arm, -1.0,
                         analysis::make_draw(robust, direct));
                    break;
                }
                case TrialDesign::saturation:
                    saturation(real, none, y, treated, cluster, rows, outcome, horizon);
                    break;
                case TrialDesign::stepped_wedge:
                case TrialDesign::none:
                    break;
            }
        }
    }

    /// Lin's estimator on the covariates that vary among the people compared (a claimant trial's
    /// claiming flag does not). A replication whose covariates are collinear within an arm has no
    /// adjusted estimate: it counts as missing, not as an error.
    analysis::Estimate covariate_adjusted(const std::vector<double>& y,
                                          const std::vector<std::uint8_t>& treated,
                                          const std::vector<double>& covariates) const {
        const std::size_t n = y.size();
        std::vector<std::size_t> varying;
        for (std::size_t c = 0; c < covariate_count; ++c) {
            for (std::size_t r = 1; r < n; ++r) {
                if (covariates[r * covariate_count + c] != covariates[c]) {
                    varying.push_back(c);
                    break;
                }
            }
        }
        analysis::DesignMatrix x{.rows = n, .cols = varying.size(), .values = {}};
        x.values.reserve(n * varying.size());
        for (std::size_t r = 0; r < n; ++r) {
            for (const std::size_t c : varying) {
                x.values.push_back(covariates[r * covariate_count + c]);
            }
        }
        try {
            return analysis::lin_adjusted(y, treated, x, spec_.alpha);
        } catch (const std::invalid_argument&) {
            return analysis::unidentified_estimate();
        }
    }

    /// Randomisation inference: the naive difference under each re-randomisation.
    double rerandomised_p_value(const std::vector<double>& real, double observed,
                                std::uint8_t arm) const {
        if (rerandomised_.empty() || !std::isfinite(observed)) {
            return not_available;
        }
        std::vector<double> statistics;
        statistics.reserve(rerandomised_.size());
        for (const std::vector<std::uint8_t>& arms : rerandomised_) {
            statistics.push_back(mean_difference(real, arms, responded_, arm));
        }
        return analysis::randomisation_p_value(observed, statistics);
    }

    void log_rank(std::size_t h, const std::vector<std::size_t>& rows,
                  const std::vector<std::uint8_t>& treated, double estimate, double total,
                  std::uint8_t arm) {
        const std::vector<double> weeks = rep_.realised.column(h, TrialOutcome::weeks_to_work);
        const std::vector<double> entered = rep_.realised.column(h, TrialOutcome::entered_work);
        std::vector<double> time;
        std::vector<std::uint8_t> event;
        for (const std::size_t r : rows) {
            time.push_back(weeks[r]);
            event.push_back(entered[r] == 1.0 ? 1 : 0);
        }
        const analysis::LogRank test = analysis::log_rank(time, event, treated);
        push(Estimand::total, Estimator::log_rank, TrialOutcome::entered_work, rep_.horizons[h],
             arm, -1.0, test_only(estimate, test.p_value, total));
    }

    /// Randomised saturation: direct and spillover effects against pure control clusters, pooled
    /// and at each saturation; the overall effect of being in a treated cluster.
    void saturation(const std::vector<double>& real, const std::vector<double>& none,
                    const std::vector<double>& y, const std::vector<std::uint8_t>& treated,
                    const std::vector<std::uint32_t>& cluster, const std::vector<std::size_t>& rows,
                    TrialOutcome outcome, std::uint32_t horizon) {
        const TrialSample& sample = rep_.sample;
        const std::vector<double>& saturation_of = rep_.assignment.cluster_saturation;
        const auto in_treated_cluster = [&](std::size_t r) {
            return saturation_of[sample.cluster[r]] > 0.0;
        };
        const analysis::SaturationEstimates estimates =
            analysis::saturation_effects(y, treated, cluster, saturation_of, spec_.alpha);
        const auto truth = [&](bool treated_people, double level) {
            return mean_effect(real, none, [&](std::size_t r) {
                const double s = saturation_of[sample.cluster[r]];
                return (sample.arm[r] != 0) == treated_people && s > 0.0 &&
                       (level < 0.0 || s == level);
            });
        };
        push(Estimand::direct, Estimator::saturation, outcome, horizon, 1, -1.0,
             analysis::make_draw(estimates.pooled_direct, truth(true, -1.0)));
        push(Estimand::spillover, Estimator::saturation, outcome, horizon, 1, -1.0,
             analysis::make_draw(estimates.pooled_spillover, truth(false, -1.0)));
        for (const analysis::SaturationEffect& level : estimates.by_saturation) {
            push(Estimand::direct, Estimator::saturation, outcome, horizon, 1, level.saturation,
                 analysis::make_draw(level.direct, truth(true, level.saturation)));
            push(Estimand::spillover, Estimator::saturation, outcome, horizon, 1, level.saturation,
                 analysis::make_draw(level.spillover, truth(false, level.saturation)));
        }
        std::vector<std::uint8_t> in_treated(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k) {
            in_treated[k] = in_treated_cluster(rows[k]) ? 1 : 0;
        }
        push(Estimand::overall, Estimator::saturation, outcome, horizon, 1, -1.0,
             analysis::make_draw(
                 analysis::cluster_difference_in_means(y, in_treated, cluster, spec_.alpha),
                 mean_effect(real, none, in_treated_cluster)));
    }

    /// Stepped wedge: cluster-period means of the closed cohort, fixed-effects estimator; the
    /// truth is the mean effect over the cluster-periods under treatment.
    void stepped_wedge(TrialOutcome outcome) {
        const TrialSample& sample = rep_.sample;
        const std::size_t periods = rep_.horizons.size();
        const std::vector<std::uint32_t>& step = rep_.assignment.cluster_step;
        const std::size_t clusters = step.size();
        std::vector<double> observed_sum(clusters * periods, 0.0);
        std::vector<double> observed_count(clusters * periods, 0.0);
        std::vector<double> effect_sum(clusters * periods, 0.0);
        std::vector<double> effect_count(clusters * periods, 0.0);
        for (std::size_t p = 0; p < periods; ++p) {
            for (std::size_t r = 0; r < sample.size(); ++r) {
                const std::size_t cell = sample.cluster[r] * periods + p;
                const double real = rep_.realised.at(p, outcome, r);
                const double none = rep_.nobody.at(p, outcome, r);
                if (observed_[r * periods + p] != 0 && std::isfinite(real)) {
                    observed_sum[cell] += real;
                    observed_count[cell] += 1.0;
                }
                if (std::isfinite(real) && std::isfinite(none)) {
                    effect_sum[cell] += real - none;
                    effect_count[cell] += 1.0;
                }
            }
        }
        std::vector<double> mean;
        std::vector<std::uint32_t> cell_cluster;
        std::vector<std::uint32_t> cell_period;
        std::vector<std::uint8_t> cell_treated;
        std::vector<std::uint32_t> cell_exposure;  ///< periods under treatment so far (0: none)
        double truth_sum = 0.0;
        double truth_cells = 0.0;
        for (std::size_t c = 0; c < clusters; ++c) {
            for (std::size_t p = 0; p < periods; ++p) {
                const std::size_t cell = c * periods + p;
                const bool treated = p >= step[c];
                if (treated && effect_count[cell] > 0.0) {
                    truth_sum += effect_sum[cell] / effect_count[cell];
                    truth_cells += 1.0;
                }
                if (observed_count[cell] == 0.0) {
                    continue;
                }
                mean.push_back(observed_sum[cell] / observed_count[cell]);
                cell_cluster.push_back(static_cast<std::uint32_t>(c));
                cell_period.push_back(static_cast<std::uint32_t>(p));
                cell_treated.push_back(treated ? 1 : 0);
                cell_exposure.push_back(treated ? static_cast<std::uint32_t>(p - step[c] + 1) : 0);
            }
        }
        const double truth = truth_cells > 0.0 ? truth_sum / truth_cells : not_available;
        const analysis::Estimate estimate = analysis::stepped_wedge_fixed_effects(
            mean, cell_cluster, cell_period, cell_treated, spec_.alpha);
        const std::uint32_t roll_out = rep_.horizons.back();
        push(Estimand::treated_periods, Estimator::stepped_wedge_fixed_effects, outcome, roll_out,
             1, -1.0, analysis::make_draw(estimate, truth));
        // Effects that build up with time under the new service bias the estimator above; the
        // exposure-time estimator allows for them.
        const analysis::Estimate by_exposure = analysis::stepped_wedge_exposure_time(
            mean, cell_cluster, cell_period, cell_exposure, spec_.alpha);
        push(Estimand::treated_periods, Estimator::stepped_wedge_exposure_time, outcome, roll_out,
             1, -1.0, analysis::make_draw(by_exposure, truth));
    }

    const TrialSpec& spec_;
    const TrialReplication& rep_;
    const EstimationScope& scope_;
    std::span<const std::uint8_t> observed_;
    std::uint32_t replication_;
    std::vector<std::vector<std::uint8_t>> rerandomised_;
    std::vector<std::uint8_t> responded_;
    std::vector<TrialDraw> out_;
};

}  // namespace

std::vector<TrialDraw> estimate_replication(const TrialSpec& spec,
                                            const TrialReplication& replication,
                                            rng::ReplicationKey key,
                                            std::uint32_t replication_index,
                                            const EstimationScope& scope) {
    return ReplicationEstimates(spec, replication, scope, key, replication_index).run();
}

}  // namespace jobsim::trials
