// Links between the employment service and local employers (seed F3, F4, F5). In each area the
// service's link holders (each provider separately under a fragmented regime, or one local broker
// under a single point of contact) spend coach hours contacting employers: a contact the employer
// takes up strengthens the link, links without contact decay, and an employer already dealing
// with other providers takes up a contact less often (duplication). Holders pick whom to contact
// by size, existing links and, with `growth_sector_share`, the sector's growth. At an attended
// meeting a coach may put a service user out of work (more often one with known barriers or a
// long spell) straight forward to an open vacancy of a linked employer, which takes them on the
// link's word, bypassing the advert sift and choice (hire channel coach_link). Engagement hours
// are a public cost (CostItem::employer_engagement), charged to the holder's meetings.
// YAML: regime.employer_links. Phase: search_and_matching (after employer_choice).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct World;
}  // namespace jobsim

namespace jobsim::mechanisms {

struct EmployerLinksParams {
    bool enabled = false;
    bool single_point_of_contact = false;
    std::uint32_t providers_per_area = 3;
    double engagement_hours_per_area = 15.0;
    double hours_per_contact = 1.5;
    double engagement_probability = 0.6;
    double duplicate_contact_burden = 1.0;
    double build_rate = 0.3;
    double decay_rate = 0.04;
    double upkeep_preference = 3.0;
    double growth_sector_share = 0.0;
    double put_forward_probability = 0.02;
    double priority_per_barrier = 0.5;
    double priority_long_spell = 1.0;
    std::uint32_t long_spell_weeks = 26;
    double acceptance_at_full_strength = 0.6;
};

template <class Visitor>
void describe(Visitor& v, EmployerLinksParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "The service keeps links with employers and coaches put people forward to "
                    "linked employers' vacancies (off: no links, no direct placements).",
             .source = "seed 004 L1838-1841 (links essential for people far from work)"});
    v.field("single_point_of_contact", p.single_point_of_contact,
            {.doc = "One local broker holds the area's links (true), instead of each provider "
                    "keeping its own (false: providers_per_area holders that duplicate effort).",
             .source = "seed 004 L3282-3291, L3443-3456 (UWS: one contact for employers)"});
    v.field("providers_per_area", p.providers_per_area,
            {.doc = "Organisations in an area that each keep their own employer links when there "
                    "is no single point of contact; service users are spread evenly over them "
                    "(person id modulo providers).",
             .min = 1,
             .max = 64,
             .unit = "providers",
             .source = "assumption (Jobcentre plus two contracted programmes); seed 004 "
                       "L2023-2031 (many different providers)"});
    v.field("engagement_hours_per_area", p.engagement_hours_per_area,
            non_negative("Coach hours a week the service spends on employers in an area, split "
                         "evenly between the holders (a public cost at "
                         "accounting.coach_cost_per_hour_gbp).",
                         "hours per week", "assumption (about 0.4 of a coach)"));
    v.field("hours_per_contact", p.hours_per_contact,
            {.doc = "Hours one contact with an employer takes; a holder makes its hours / this "
                    "contacts a week (the fraction by chance).",
             .min = 0.01,
             .unit = "hours",
             .source = "assumption"});
    v.field("engagement_probability", p.engagement_probability,
            probability("Chance an employer takes up a contact from a holder it deals with alone.",
                        "assumption"));
    v.field("duplicate_contact_burden", p.duplicate_contact_burden,
            non_negative("The take-up chance is divided by 1 + this x the summed strength of the "
                         "employer's links with other holders: employers tire of many providers.",
                         "per unit of link strength",
                         "assumption; seed 004 L2023-2045 (employers must talk to many providers; "
                         "duplication)"));
    v.field("build_rate", p.build_rate,
            probability("Share of the gap to full strength (1) a taken-up contact closes.",
                        "assumption"));
    v.field("decay_rate", p.decay_rate,
            probability("Share of a link's strength lost in a week without a taken-up contact.",
                        "assumption (a link lapses in about half a year without contact)"));
    v.field("upkeep_preference", p.upkeep_preference,
            non_negative("A holder's weight for contacting an employer is its size x (1 + this x "
                         "link strength): holders keep up the links they have.",
                         "per unit of link strength", "assumption"));
    v.field("growth_sector_share", p.growth_sector_share,
            probability("Share of the contact weight set by the sector's growth: the weight is "
                        "multiplied by (1 - share) + share x the sector's demand multiplier "
                        "(labour_market_shocks), so growing sectors are linked more.",
                        "assumption; seed 004 L272-274, L300-302 (local economic strategy, "
                        "growing sectors)"));
    v.field("put_forward_probability", p.put_forward_probability,
            probability("Chance a coach puts a service user out of work without barriers forward "
                        "to a linked employer at an attended meeting (if a linked vacancy is open "
                        "in the home area).",
                        "assumption"));
    v.field("priority_per_barrier", p.priority_per_barrier,
            non_negative("The put-forward chance is multiplied by 1 + this per barrier the coach "
                         "knows of (plus priority_long_spell): coaches use links for people far "
                         "from work.",
                         "per barrier", "assumption; seed 004 L3347-3350 (direction)"));
    v.field("priority_long_spell", p.priority_long_spell,
            non_negative("Added to the put-forward multiplier for a spell of long_spell_weeks or "
                         "more.",
                         "ratio", "assumption; seed 004 L1838-1841 (direction)"));
    v.field("long_spell_weeks", p.long_spell_weeks,
            {.doc = "Spell out of work from which a person counts as far from work.",
             .min = 0,
             .max = 5200,
             .unit = "weeks",
             .source = "assumption (six months)"});
    v.field("acceptance_at_full_strength", p.acceptance_at_full_strength,
            probability("Chance an employer takes on a person put forward through a link of "
                        "strength 1 (in proportion to the strength), whatever its advert "
                        "assessment would say; the person still needs the wage to clear their "
                        "reservation wage.",
                        "assumption; seed 004 L1838-1841 (direction)"));
}

/// Link holders in an area: 1 under a single point of contact, else providers_per_area.
[[nodiscard]] std::uint32_t link_holders(const EmployerLinksParams& params);

/// Which holder serves person i (service users are spread evenly over the holders).
[[nodiscard]] inline std::uint32_t link_holder_of(std::uint32_t person, std::uint32_t holders) {
    return person % holders;
}

/// Totals over an arm's links: summed strength over (holder, employer) pairs, and the number of
/// employers with a link of strength >= 0.5 to some holder.
struct LinkTotals {
    double strength = 0.0;
    std::uint32_t linked_employers = 0;
};
[[nodiscard]] LinkTotals link_totals(const World& world, std::uint8_t arm);

/// Keeps up links (parallel over areas), puts people forward and hires them (propose in
/// parallel, resolve in person order) and charges engagement costs. Draws Purpose::link_contacts
/// (area), link_targeting and link_take_up (employer), link_put_forward, link_vacancy and
/// link_acceptance (person).
void employer_links(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
