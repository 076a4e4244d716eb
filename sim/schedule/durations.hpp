// End of week bookkeeping: tenure, spell and claim clocks advance by one week.
#pragma once

#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {

/// Advances tenure (employed), spell (not employed) and claim weeks (claimants), saturating.
/// Thread-safe over persons; draws nothing.
void advance_durations(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim
