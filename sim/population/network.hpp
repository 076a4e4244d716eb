// The social network at the start of a replication (seed 1E): each person proposes about half
// their ties (the other half arrive from others' proposals); strong ties (family, close friends)
// are local and bond, weak ties reach other areas and other employment statuses (E3, E4), with
// homophily by employment status. Proposals are drawn in parallel from each person's stream and
// resolved serially in person order, so the network is the same at any thread count.
// YAML: population.network.
#pragma once

#include <cstdint>

#include "sim/rng/stream.hpp"
#include "sim/scenario/describe.hpp"

namespace jobsim {

struct World;

struct NetworkSpec {
    bool enabled = true;
    double mean_ties = 12.0;
    double strong_ties = 3.0;
    double weak_local_share = 0.7;
    double status_homophily = 0.3;
};

template <class Visitor>
void describe(Visitor& v, NetworkSpec& s) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", s.enabled,
            {.doc = "People start with social ties (off: everyone starts with none; ties still "
                    "form later through the mechanisms that add them)."});
    v.field("mean_ties", s.mean_ties,
            {.doc = "Mean number of ties a person starts with (at most 16 per person).",
             .min = 0.0,
             .max = 16.0,
             .unit = "ties",
             .source = "assumption; seed E19 (degree as a measure), about a dozen regular "
                       "contacts"});
    v.field("strong_ties", s.strong_ties,
            {.doc = "Of those, mean strong ties (close friends, family): local and bonding.",
             .min = 0.0,
             .max = 16.0,
             .unit = "ties",
             .source = "calibration.md C9 (three best friends in the BHPS)"});
    v.field("weak_local_share", s.weak_local_share,
            probability("Share of weak ties with someone in the same area; the rest are spread "
                        "over other areas (a dispersed network, seed E4, N4).",
                        "assumption; seed N4 (direction)"));
    v.field("status_homophily", s.status_homophily,
            probability("Share of ties deliberately drawn among people of the same employment "
                        "status (in work or not); the rest are drawn at random in the area.",
                        "assumption; seed E3, E5 (networks of the unemployed hold fewer employed "
                        "people)"));
}

/// Builds the starting network into world.network. Needs persons' area and status; runs
/// parallel loops (call inside the run's task arena). Draws Purpose::network_generation.
void generate_network(const NetworkSpec& spec, std::uint16_t areas, rng::ReplicationKey key,
                      World& world);

/// Draws a contact for person i in area `area`: with probability `homophily` someone of the same
/// employment status (up to a few tries), else anyone there. Returns i when the area is empty.
std::uint32_t draw_contact(const World& world, std::uint32_t i, std::uint16_t area,
                           double homophily, rng::Stream& stream);

}  // namespace jobsim
