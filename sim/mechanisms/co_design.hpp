// Service-user participation and co-design (seed 000 L7-11; 004 L3121-3125): service users take
// part in participation panels that help design and deliver the service. Panel members of an
// (area, arm) meet and form ties and gain confidence (the seed's "strengthen social connections,
// build individuals' confidence"). Each week a panel meets, the local service's design score
// (World::service_design, 0-1) closes part of its gap to a fully co-designed service, and drifts
// back without panels; every service user with a coach there gains a little trust in the service
// in proportion to it ("improve service design"; trust feeds the would-recommend measure). Panel
// expenses are public costs. Seed E16. YAML: regime.co_design. Phase: social_capital.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct CoDesignParams {
    bool enabled = false;
    double participation_probability = 0.02;
    double ties_per_session = 0.5;
    double confidence_boost = 0.02;
    double expenses_per_session_gbp = 15.0;
    double design_gain_per_panel_week = 0.05;
    double design_weekly_decay = 0.02;
    double trust_lift_at_full_design = 0.002;
};

template <class Visitor>
void describe(Visitor& v, CoDesignParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Service users take part in panels that co-design the service (off: none)."});
    v.field("participation_probability", p.participation_probability,
            probability("Weekly chance that a service user with a coach takes part in a panel.",
                        "assumption; seed 000 L7-11 (involving users in service design)"));
    v.field("ties_per_session", p.ties_per_session,
            {.doc = "New ties a panel member proposes with other members (mean).",
             .min = 0.0,
             .max = 8.0,
             .unit = "ties",
             .source = "assumption; seed 004 L3121-3125 (strengthens social connections)"});
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to confidence (0-1) at each panel session.",
                        "assumption; seed 004 L3121-3125 (builds confidence; direction)"));
    v.field("expenses_per_session_gbp", p.expenses_per_session_gbp,
            non_negative("Public cost of one member at one panel session (expenses, facilitation).",
                         "GBP", "assumption; seed L7"));
    v.field("design_gain_per_panel_week", p.design_gain_per_panel_week,
            probability("Share of the gap to a fully co-designed local service closed in a week "
                        "when a panel meets there.",
                        "assumption; seed 004 L3121-3125 (improves service design; direction)"));
    v.field("design_weekly_decay", p.design_weekly_decay,
            probability("Share of the local design score lost each week (staff change, drift), so "
                        "improvements need continued participation.",
                        "assumption"));
    v.field("trust_lift_at_full_design", p.trust_lift_at_full_design,
            probability("Weekly trust (0-1) added to each service user with a coach where the "
                        "design score is 1 (in proportion below); trust drifts back at "
                        "working_alliance.trust_adjustment_rate, so the lasting lift is this over "
                        "that rate.",
                        "assumption; seed 000 L9 (user feedback and satisfaction; direction)"));
}

/// Holds this week's panels and updates each (area, arm)'s design score and its users' trust.
/// Draws Purpose::co_design and co_design_ties.
void co_design(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
