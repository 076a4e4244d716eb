#include "analysis/survival.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/chi_squared.hpp>

namespace jobsim::analysis {

namespace {

void check_lengths(std::size_t n, std::size_t other, const char* what) {
    if (n != other) {
        throw std::invalid_argument(std::string("survival: one ") + what + " per time");
    }
}

/// Unit indices in time order; at a tie, events come before censorings (a unit censored at t was
/// at risk at t).
std::vector<std::size_t> time_order(std::span<const double> time,
                                    std::span<const std::uint8_t> event) {
    std::vector<std::size_t> order(time.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return time[a] < time[b] || (time[a] == time[b] && event[a] > event[b]);
    });
    return order;
}

/// Calls f(t, at_risk[2], events[2]) for each distinct event time, with counts per group.
template <class F>
void for_each_event_time(std::span<const double> time, std::span<const std::uint8_t> event,
                         std::span<const std::uint8_t> group, F&& f) {
    const std::vector<std::size_t> order = time_order(time, event);
    double at_risk[2] = {0.0, 0.0};
    for (std::size_t i = 0; i < time.size(); ++i) {
        at_risk[group.empty() || group[i] == 0 ? 0 : 1] += 1.0;
    }
    std::size_t k = 0;
    while (k < order.size()) {
        const double t = time[order[k]];
        double events[2] = {0.0, 0.0};
        double leaving[2] = {0.0, 0.0};
        for (; k < order.size() && time[order[k]] == t; ++k) {
            const std::size_t i = order[k];
            const int g = group.empty() || group[i] == 0 ? 0 : 1;
            events[g] += event[i] != 0 ? 1.0 : 0.0;
            leaving[g] += 1.0;
        }
        if (events[0] + events[1] > 0.0) {
            f(t, at_risk, events);
        }
        at_risk[0] -= leaving[0];
        at_risk[1] -= leaving[1];
    }
}

}  // namespace

std::vector<SurvivalStep> kaplan_meier(std::span<const double> time,
                                       std::span<const std::uint8_t> event) {
    check_lengths(time.size(), event.size(), "event flag");
    std::vector<SurvivalStep> steps;
    double survival = 1.0;
    for_each_event_time(time, event, {},
                        [&](double t, const double* at_risk, const double* events) {
                            survival *= 1.0 - events[0] / at_risk[0];
                            steps.push_back({.time = t,
                                             .at_risk = static_cast<std::uint32_t>(at_risk[0]),
                                             .events = static_cast<std::uint32_t>(events[0]),
                                             .survival = survival});
                        });
    return steps;
}

LogRank log_rank(std::span<const double> time, std::span<const std::uint8_t> event,
                 std::span<const std::uint8_t> group) {
    check_lengths(time.size(), event.size(), "event flag");
    check_lengths(time.size(), group.size(), "group flag");
    LogRank result;
    for_each_event_time(
        time, event, group, [&](double, const double* at_risk, const double* events) {
            const double n = at_risk[0] + at_risk[1];
            const double d = events[0] + events[1];
            result.observed += events[1];
            result.expected += d * at_risk[1] / n;
            if (n > 1.0) {
                result.variance += d * (at_risk[1] / n) * (at_risk[0] / n) * (n - d) / (n - 1.0);
            }
        });
    if (result.variance > 0.0) {
        const double difference = result.observed - result.expected;
        result.chi_square = difference * difference / result.variance;
        const boost::math::chi_squared chi_square(1.0);
        result.p_value = boost::math::cdf(boost::math::complement(chi_square, result.chi_square));
    }
    return result;
}

}  // namespace jobsim::analysis
