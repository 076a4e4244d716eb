#include "sim/mechanisms/area_conditions.hpp"

#include <cmath>
#include <numeric>

#include <boost/random/normal_distribution.hpp>

#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

double factor(const AreaConditionsParams& params, const std::vector<float>& multipliers, AreaId a) {
    const auto k = index(a);
    return params.enabled && k < multipliers.size() ? static_cast<double>(multipliers[k]) : 1.0;
}

/// exp(sd x z) per area, scaled so the areas' factors average 1: the areas differ from each other,
/// not all together from the nation (the national flows stay where the other targets put them).
std::vector<float> mean_one_factors(const std::vector<double>& z, double sd) {
    std::vector<double> raw(z.size());
    for (std::size_t a = 0; a < z.size(); ++a) {
        raw[a] = std::exp(sd * z[a]);
    }
    const double mean =
        std::accumulate(raw.begin(), raw.end(), 0.0) / static_cast<double>(z.size());
    std::vector<float> out(z.size());
    for (std::size_t a = 0; a < z.size(); ++a) {
        out[a] = static_cast<float>(raw[a] / mean);
    }
    return out;
}

}  // namespace

double area_separation_factor(const AreaConditionsParams& params, const Areas& areas, AreaId a) {
    return factor(params, areas.separation_multiplier, a);
}

double area_inactivity_factor(const AreaConditionsParams& params, const Areas& areas, AreaId a) {
    return factor(params, areas.inactivity_multiplier, a);
}

void area_conditions(const WeekContext& context, World& world, EventSink& /*events*/) {
    const AreaConditionsParams& params = context.scenario.labour_market.area_conditions;
    Areas& areas = world.areas;
    if (!params.enabled || areas.size() == 0 ||
        areas.separation_multiplier.size() == areas.size()) {
        return;
    }
    std::vector<double> strain(areas.size());
    boost::random::normal_distribution<double> normal;
    for (std::uint16_t a = 0; a < areas.size(); ++a) {
        rng::Stream stream(context.key, rng::EntityKind::area, a, 0, rng::Purpose::area_conditions);
        strain[a] = normal(stream);
    }
    areas.separation_multiplier = mean_one_factors(strain, params.separation_log_sd);
    areas.inactivity_multiplier = mean_one_factors(strain, params.participation_log_sd);
}

}  // namespace jobsim::mechanisms
