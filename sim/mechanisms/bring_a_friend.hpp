// Bring a friend or family member to an early meeting: at the start of a claim a service user may
// bring someone along; the coach maps their social connections, which activates latent ties
// (friends of friends who are in work become contacts) and helps the user disclose barriers
// (childcare and the like) that the companion knows about. Off in the baseline.
// Seed E12. YAML: regime.bring_a_friend. Phase: social_capital.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct BringAFriendParams {
    bool enabled = false;
    double take_up = 0.3;
    std::uint32_t latent_ties_activated = 2;
    double disclosure_probability = 0.5;
};

template <class Visitor>
void describe(Visitor& v, BringAFriendParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "New claimants are invited to bring a friend or family member to an early "
                    "meeting (off: no invitation)."});
    v.field("take_up", p.take_up,
            probability("Chance that a new claimant brings someone.", "assumption; seed E12"));
    v.field("latent_ties_activated", p.latent_ties_activated,
            {.doc = "Friends of friends in work who become contacts when the network is mapped "
                    "(at most).",
             .min = 0,
             .max = 8,
             .unit = "ties",
             .source = "assumption; seed E12 (map social connections; direction)"});
    v.field("disclosure_probability", p.disclosure_probability,
            probability("Chance that the user discloses all their barriers at that meeting.",
                        "assumption; seed E12 (discuss childcare etc.; direction)"));
}

/// Invites this week's new claimants. Draws Purpose::bring_a_friend.
void bring_a_friend(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
