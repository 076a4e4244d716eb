#include "sim/schedule/durations.hpp"

#include <limits>

#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

void tick(std::uint16_t& clock) {
    if (clock < std::numeric_limits<std::uint16_t>::max()) {
        ++clock;
    }
}

}  // namespace

void advance_durations(const WeekContext& /*context*/, World& world, EventSink& /*events*/) {
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&p](std::uint32_t i) {
        if (p.status[i] == LabourStatus::employed) {
            tick(p.tenure_weeks[i]);
        } else {
            tick(p.spell_weeks[i]);
        }
        if (p.claim[i] != ClaimState::none) {
            tick(p.claim_weeks[i]);
        }
        // 0 means never sanctioned; the clock saturates rather than wrapping to "never".
        if (p.weeks_since_sanction[i] != 0 && p.weeks_since_sanction[i] < 255) {
            ++p.weeks_since_sanction[i];
        }
    });
}

}  // namespace jobsim
