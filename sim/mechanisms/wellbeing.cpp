#include "sim/mechanisms/wellbeing.hpp"

#include <algorithm>

#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double next_wellbeing(const WellbeingParams& params, double wellbeing, bool working, bool entered,
                      bool lost, double loneliness, double debt_gbp) {
    const double pressure = params.loneliness_weight * loneliness +
                            params.debt_weight * std::min(1.0, debt_gbp / params.debt_scale_gbp);
    double w = wellbeing + (entered ? params.entry_gain : 0.0) - (lost ? params.loss_drop : 0.0);
    if (working) {
        w += params.weekly_adjustment * (params.set_point_in_work - pressure - w);
    } else {
        const double set_point = params.set_point_out_of_work - pressure;
        if (w > set_point) {
            w += params.weekly_adjustment * (set_point - w);
        }
    }
    return std::clamp(w, 0.0, 10.0);
}

void wellbeing(const WeekContext& context, World& world, EventSink& /*events*/) {
    const WellbeingParams& params = context.scenario.labour_market.wellbeing;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const bool employed = p.status[i] == LabourStatus::employed;
        const bool working = employed && p.hours_per_week[i] >= params.min_hours_for_work_effect;
        // Durations advance at the week's end: tenure 0 in work is a job started this week, spell
        // 0 out of work a job lost this week.
        const bool entered = employed && p.tenure_weeks[i] == 0;
        const bool lost = !employed && p.spell_weeks[i] == 0;
        p.wellbeing[i] = static_cast<float>(next_wellbeing(params, p.wellbeing[i], working, entered,
                                                           lost, p.loneliness[i], p.debt_gbp[i]));
        const double c = p.confidence[i];
        if (working) {
            p.confidence[i] =
                static_cast<float>(c + params.confidence_weekly_gain_in_work * (1.0 - c));
        } else if (!employed && p.spell_weeks[i] >= params.confidence_grace_weeks) {
            p.confidence[i] =
                static_cast<float>(c * (1.0 - params.confidence_weekly_loss_out_of_work));
        }
    });
}

}  // namespace jobsim::mechanisms
