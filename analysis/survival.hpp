// Time to an event with right-censoring (issue 4: time to work by arm): the Kaplan-Meier
// estimate of the survival curve and the log-rank test of two groups (Mantel-Haenszel form, as
// R's survival::survdiff with rho = 0).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace jobsim::analysis {

/// One step of a Kaplan-Meier curve: at `time`, `events` of the `at_risk` units had the event.
struct SurvivalStep {
    double time = 0.0;
    std::uint32_t at_risk = 0;
    std::uint32_t events = 0;
    double survival = 1.0;  ///< share still without the event just after `time`
};

/// The curve's steps at each distinct event time, in time order. `event[i]` nonzero: unit i had
/// the event at `time[i]`; zero: it was censored then (still at risk at that time, as usual).
[[nodiscard]] std::vector<SurvivalStep> kaplan_meier(std::span<const double> time,
                                                     std::span<const std::uint8_t> event);

/// The log-rank comparison of group 1 (`group[i]` nonzero) with group 0.
struct LogRank {
    double observed = 0.0;  ///< events in group 1
    double expected = 0.0;  ///< events expected in group 1 if the hazards were equal
    double variance = 0.0;  ///< hypergeometric variance of observed - expected
    double chi_square = 0.0;
    double p_value = 1.0;  ///< chi-square with one degree of freedom
};

[[nodiscard]] LogRank log_rank(std::span<const double> time, std::span<const std::uint8_t> event,
                               std::span<const std::uint8_t> group);

}  // namespace jobsim::analysis
