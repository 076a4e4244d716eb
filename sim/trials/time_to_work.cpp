#include "sim/trials/time_to_work.hpp"

#include <cmath>
#include <limits>

#include "analysis/survival.hpp"

namespace jobsim::trials {

std::vector<double> time_to_work_curves(const TrialSpec& spec, const TrialReplication& rep,
                                        std::size_t arms) {
    if (spec.design == TrialDesign::stepped_wedge || rep.horizons.empty()) {
        return {};
    }
    const std::size_t last = rep.horizons.size() - 1;
    const std::uint32_t weeks = rep.horizons[last];
    const std::vector<double> time = rep.realised.column(last, TrialOutcome::weeks_to_work);
    const std::vector<double> entered = rep.realised.column(last, TrialOutcome::entered_work);
    std::vector<double> curves(arms * weeks, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t arm = 0; arm < arms; ++arm) {
        std::vector<double> arm_time;
        std::vector<std::uint8_t> arm_event;
        for (std::size_t row = 0; row < rep.sample.size(); ++row) {
            if (rep.sample.arm[row] == arm &&
                rep.responded[row * rep.horizons.size() + last] != 0 && std::isfinite(time[row])) {
                arm_time.push_back(time[row]);
                arm_event.push_back(entered[row] == 1.0 ? 1 : 0);
            }
        }
        if (arm_time.empty()) {
            continue;
        }
        const std::vector<analysis::SurvivalStep> steps =
            analysis::kaplan_meier(arm_time, arm_event);
        std::size_t next = 0;
        double survival = 1.0;
        for (std::uint32_t week = 1; week <= weeks; ++week) {
            for (; next < steps.size() && steps[next].time <= week; ++next) {
                survival = steps[next].survival;
            }
            curves[arm * weeks + (week - 1)] = survival;
        }
    }
    return curves;
}

std::vector<TimeToWork> mean_time_to_work(const std::vector<std::vector<double>>& curves,
                                          std::size_t arms, std::uint32_t weeks) {
    std::vector<TimeToWork> out;
    for (std::size_t arm = 0; arm < arms; ++arm) {
        for (std::uint32_t week = 1; week <= weeks; ++week) {
            double sum = 0.0;
            double count = 0.0;
            for (const std::vector<double>& curve : curves) {
                const double value = curve.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                   : curve[arm * weeks + (week - 1)];
                if (std::isfinite(value)) {
                    sum += value;
                    count += 1.0;
                }
            }
            if (count > 0.0) {
                out.push_back({.arm = static_cast<std::uint8_t>(arm),
                               .week = week,
                               .still_out_of_work = sum / count});
            }
        }
    }
    return out;
}

}  // namespace jobsim::trials
