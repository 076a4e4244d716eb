#include "sim/mechanisms/labour_market_shocks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

bool shock_active(const SectorShockSpec& shock, std::uint32_t week) {
    return week >= shock.start_week && (shock.end_week == 0 || week < shock.end_week);
}

void labour_market_shocks(const WeekContext& context, World& world, EventSink& /*events*/) {
    const LabourMarketShocksParams& params = context.scenario.labour_market.labour_market_shocks;
    if (!params.enabled) {
        return;
    }
    const auto& sectors = context.scenario.labour_market.sectors;
    world.sector_separation_multiplier.assign(sectors.size(), 1.0f);
    world.sector_demand_multiplier.assign(sectors.size(), 1.0f);
    for (const SectorShockSpec& shock : params.sector_shocks) {
        if (!shock_active(shock, context.week)) {
            continue;
        }
        // Names are checked against the sector list when the scenario is loaded.
        const auto it = std::find_if(sectors.begin(), sectors.end(),
                                     [&](const SectorSpec& s) { return s.name == shock.sector; });
        if (it == sectors.end()) {
            continue;
        }
        const auto s = static_cast<std::size_t>(it - sectors.begin());
        world.sector_separation_multiplier[s] *= static_cast<float>(shock.separation_multiplier);
        world.sector_demand_multiplier[s] *= static_cast<float>(shock.vacancy_multiplier);
    }
    const double cycle =
        1.0 + params.business_cycle_amplitude *
                  std::sin(2.0 * std::numbers::pi *
                           static_cast<double>(context.week + params.business_cycle_phase_weeks) /
                           params.business_cycle_period_weeks);
    std::fill(world.areas.demand_multiplier.begin(), world.areas.demand_multiplier.end(),
              static_cast<float>(cycle));
}

}  // namespace jobsim::mechanisms
