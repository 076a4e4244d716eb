#include "sim/mechanisms/wage_progression.hpp"

#include <boost/random/exponential_distribution.hpp>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

void wage_progression(const WeekContext& context, World& world, EventSink& /*events*/) {
    const WageProgressionParams& params = context.scenario.labour_market.wage_progression;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    const float threshold = world.low_pay_threshold_per_hour;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        // A business's earnings move in self_employment; there is no employer to review pay.
        if (p.status[i] != LabourStatus::employed || p.self_employed[i] != 0) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::wage_progression);
        if (!stream.bernoulli(params.weekly_review_probability)) {
            return;
        }
        double raise = p.low_paid[i] != 0 ? params.low_paid_raise_bonus : 0.0;
        if (params.mean_raise > 0.0) {
            raise +=
                boost::random::exponential_distribution<double>(1.0 / params.mean_raise)(stream);
        }
        p.wage_per_hour[i] = static_cast<float>(p.wage_per_hour[i] * (1.0 + raise));
        p.low_paid[i] = p.wage_per_hour[i] < threshold;
    });
}

}  // namespace jobsim::mechanisms
