// What a mechanism sees of the week besides the world: the frozen scenario, the regime of each
// arm, the replication's random key and the week number.
#pragma once

#include <algorithm>
#include <span>

#include "sim/core/ids.hpp"
#include "sim/rng/stream.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

class EventSink;
struct World;

struct WeekContext {
    const Scenario& scenario;
    std::span<const Regime> arms;  ///< indexed by Persons::arm
    rng::ReplicationKey key;
    Week week = 0;
    /// Each person's (key, week) prefix, indexed by person, when run_week has computed them;
    /// empty, or shorter than Persons after an entry, means person_stream hashes in full.
    std::span<const rng::EntityWeekKey> person_keys{};

    /// The regime a person's arm runs under.
    [[nodiscard]] const Regime& regime(std::uint8_t arm) const { return arms[arm]; }

    /// Whether any arm switches on a service lever (Regime::*lever).enabled. A mechanism whose
    /// every per-person step begins by returning when its arm's switch is off does nothing at all
    /// when this is false, so it returns before scanning everyone (issue 5).
    template <class Params>
    [[nodiscard]] bool any_arm_enables(Params Regime::*lever) const {
        return std::any_of(arms.begin(), arms.end(),
                           [lever](const Regime& arm) { return (arm.*lever).enabled; });
    }

    /// A person's stream for this week and purpose (the same numbers with or without person_keys).
    [[nodiscard]] rng::Stream person_stream(std::uint32_t person, rng::Purpose purpose) const {
        if (person < person_keys.size()) {
            return rng::Stream(person_keys[person], purpose);
        }
        return rng::Stream(key, rng::EntityKind::person, person, week, purpose);
    }
};

/// The one shape of a mechanism: read the context, update the world, emit events.
using MechanismFn = void (*)(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim
