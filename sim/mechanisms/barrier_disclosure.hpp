// Telling the coach of barriers to work. At each attended meeting a claimant tells the coach of
// each barrier the coach does not yet know with a chance that rises with trust and the alliance,
// falls with the fear of sanctions (who holds sanction power) and for sensitive barriers (health,
// literacy), and rises in remote or community settings. Only disclosed barriers can be worked on:
// other mechanisms read them through known_barriers(); the alliance grows faster with them.
// A new coach starts knowing nothing (seed B5; coach_continuity clears them). Seeds B3, B7, B15,
// C4, I2. YAML: regime.barrier_disclosure. Phase: service_contact.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"
#include "sim/state/persons.hpp"

namespace jobsim {
struct Regime;
}  // namespace jobsim

namespace jobsim::mechanisms {

struct BarrierDisclosureParams {
    bool enabled = true;
    double disclosure_per_meeting = 0.4;
    double trust_weight = 0.5;
    double coach_sanction_fear = 0.5;
    double agency_sanction_fear = 0.2;
    double sensitive_barrier_disclosure = 0.6;
    double remote_disclosure = 1.2;
    double community_venue_disclosure = 1.2;
};

template <class Visitor>
void describe(Visitor& v, BarrierDisclosureParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Claimants tell their coach of barriers (off: the coach learns nothing new, "
                    "and what it knows stays)."});
    v.field("disclosure_per_meeting", p.disclosure_per_meeting,
            probability("Chance per meeting of telling the coach of a hidden barrier with full "
                        "trust and alliance and no fear of sanctions.",
                        "assumption; seed B3"));
    v.field("trust_weight", p.trust_weight,
            probability("Openness = w x trust + (1 - w) x alliance; the chance scales with it.",
                        "assumption; seed B3 (trust drives disclosure)"));
    v.field("coach_sanction_fear", p.coach_sanction_fear,
            probability("Share by which the chance falls when the coach can sanction "
                        "(working_alliance.sanction_power = coach).",
                        "assumption; seed B3, C4 (holding back concerns)"));
    v.field("agency_sanction_fear", p.agency_sanction_fear,
            probability("Share by which the chance falls when a separate agency can sanction.",
                        "assumption; seed C8"));
    v.field("sensitive_barrier_disclosure", p.sensitive_barrier_disclosure,
            probability("Relative chance for health and basic-skills barriers (fear of being "
                        "found not to qualify; hiding illiteracy).",
                        "assumption; seed B3 (004 L1296-1324)"));
    v.field("remote_disclosure", p.remote_disclosure,
            non_negative("Relative chance at phone or video meetings (working_alliance.channel).",
                         "ratio", "assumption; seed B7 (remote 'no fear')"));
    v.field("community_venue_disclosure", p.community_venue_disclosure,
            non_negative("Relative chance at in-person meetings in a community venue "
                         "(working_alliance.venue).",
                         "ratio", "assumption; seed B15"));
}

/// Barriers person i has that their coach knows of: what support, plans and referrals can work on.
[[nodiscard]] inline std::uint8_t known_barriers(const Persons& p, std::uint32_t i) {
    return static_cast<std::uint8_t>(p.barriers[i] & p.barriers_disclosed[i]);
}

/// Chance that a claimant with this trust and alliance tells the coach of one hidden barrier at a
/// meeting under the regime (sensitive: a health or basic-skills barrier).
[[nodiscard]] double disclosure_probability(const Regime& regime, double trust, double alliance,
                                            bool sensitive);

/// Sets barriers_disclosed: new disclosures at attended meetings; none without a coach.
/// Thread-safe over persons; draws Purpose::barrier_disclosure.
void barrier_disclosure(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
