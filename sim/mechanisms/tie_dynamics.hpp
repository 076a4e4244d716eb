// Ties lapse and form week by week, and loneliness follows: out of work, ties lapse faster and
// fewer new ones form (work is where many are made), so networks erode and loneliness rises; in
// work they recover and loneliness falls (a negative feedback loop with job_leads). Loneliness
// moves towards a level set by being out of work and by how many ties a person has. The service
// itself forms no ties here (E17: the Jobcentre is socially barren; group mechanisms add them).
// Seeds E5, E17, K3, K4, N9. YAML: labour_market.tie_dynamics. Phase: social_capital.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct TieDynamicsParams {
    bool enabled = true;
    double weak_tie_loss_in_work = 0.002;
    double weak_tie_loss_out_of_work = 0.006;
    double strong_tie_loss_ratio = 0.25;
    double formation_in_work = 0.025;
    double formation_out_of_work = 0.01;
    double formation_local_share = 0.8;
    double formation_status_homophily = 0.3;
    double loneliness_base = 0.35;
    double loneliness_out_of_work = 0.15;
    double loneliness_relief_full_network = 0.15;
    std::uint32_t ties_for_full_relief = 12;
    double loneliness_adjustment = 0.05;
};

template <class Visitor>
void describe(Visitor& v, TieDynamicsParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Ties lapse and form and loneliness moves (off: networks and loneliness "
                    "stay as they are)."});
    v.field("weak_tie_loss_in_work", p.weak_tie_loss_in_work,
            probability("Weekly chance that a person in work lets a given weak tie lapse.",
                        "assumption (about 10% of weak ties a year)"));
    v.field("weak_tie_loss_out_of_work", p.weak_tie_loss_out_of_work,
            probability("Weekly chance that a person out of work lets a given weak tie lapse.",
                        "assumption; seed E5, N9 (unemployment erodes networks; direction)"));
    v.field("strong_tie_loss_ratio", p.strong_tie_loss_ratio,
            probability("Strong ties lapse at this share of the weak-tie rate.", "assumption"));
    v.field("formation_in_work", p.formation_in_work,
            probability("Weekly chance that a person in work forms a new tie (colleagues, "
                        "neighbours); it keeps networks stable in size.",
                        "assumption (balances tie loss at about a dozen ties)"));
    v.field("formation_out_of_work", p.formation_out_of_work,
            probability("Weekly chance that a person out of work forms a new tie.",
                        "assumption; seed E5, E17 (less social participation; direction)"));
    v.field("formation_local_share", p.formation_local_share,
            probability("Share of new ties formed in one's own area.", "assumption"));
    v.field("formation_status_homophily", p.formation_status_homophily,
            probability("Share of new ties deliberately formed with someone of the same "
                        "employment status.",
                        "assumption; as population.network.status_homophily"));
    v.field("loneliness_base", p.loneliness_base,
            probability("Loneliness (0-1) a person in work with no ties drifts towards.",
                        "assumption"));
    v.field("loneliness_out_of_work", p.loneliness_out_of_work,
            probability("Added to the level loneliness drifts towards while out of work.",
                        "assumption; seed K3, N9 (unemployment raises loneliness; direction)"));
    v.field("loneliness_relief_full_network", p.loneliness_relief_full_network,
            probability("Taken off that level by a full network; less in proportion to ties.",
                        "assumption; seed K3 (ties reduce loneliness)"));
    v.field("ties_for_full_relief", p.ties_for_full_relief,
            {.doc = "Ties that give the full relief from loneliness.",
             .min = 1,
             .max = 16,
             .unit = "ties",
             .source = "assumption (population.network.mean_ties)"});
    v.field("loneliness_adjustment", p.loneliness_adjustment,
            probability("Share of the gap to that level closed each week.",
                        "assumption (a half-life of about three months)"));
}

/// The level loneliness drifts towards for someone in or out of work with `ties` ties.
[[nodiscard]] double loneliness_target(const TieDynamicsParams& params, bool in_work,
                                       std::uint32_t ties);

/// Lapses and forms ties (proposed in parallel, resolved in person order) and moves loneliness.
/// Draws Purpose::tie_loss and Purpose::tie_formation.
void tie_dynamics(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
