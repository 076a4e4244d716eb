// Job leads through personal networks: each week an unemployed person's employed contacts may
// pass on news of a vacancy at their own employer (word of mouth) or put the person forward to
// their employer (a referral, which employer_choice scores higher); a contact whose employer has
// nothing open may pass on a vacancy they heard of in their employer's area. Each lead becomes an
// extra application flagged with its channel, so hires record HireChannel::word_of_mouth or
// ::referral. More employed contacts, more leads (dose-response, E2); bridging ties carry more
// new information (N8); strong ties refer more often. Deprived areas with local networks give
// fewer leads because fewer contacts work and fewer vacancies are open nearby (E4, N4, emergent).
// Seeds E1, E2, E3, E4, F1, N3, N5; calibration.md C9, C10. YAML: labour_market.job_leads.
// Phase: search_and_matching, after job_search and before employer_choice.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct JobLeadsParams {
    bool enabled = true;
    double lead_probability = 0.18;
    double bridging_information_ratio = 1.5;
    double strong_referral_share = 0.5;
    double weak_referral_share = 0.2;
    double area_news_share = 0.5;
    std::uint32_t max_leads_per_week = 3;
};

template <class Visitor>
void describe(Visitor& v, JobLeadsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Employed contacts pass on vacancies and refer (off: only advertised "
                    "applications)."});
    v.field("lead_probability", p.lead_probability,
            probability("Weekly chance that one employed (bonding) contact passes on a vacancy "
                        "to an unemployed person.",
                        "calibrated to calibration.md C10 (30-60% of hires through contacts) and "
                        "C9 (+3.7 points a year per employed close friend)"));
    v.field("bridging_information_ratio", p.bridging_information_ratio,
            {.doc = "Leads from a bridging contact relative to a bonding one: weak, bridging ties "
                    "carry more new information.",
             .min = 0.0,
             .max = 20.0,
             .unit = "ratio",
             .source = "assumption; seed E3, N8 (ordering only: bridging > bonding)"});
    v.field("strong_referral_share", p.strong_referral_share,
            probability("Share of a strong contact's leads at their own employer that are "
                        "referrals (the contact puts the person forward).",
                        "assumption; seed E1 (\"put me forward\")"));
    v.field("weak_referral_share", p.weak_referral_share,
            probability("Share of a weak contact's leads at their own employer that are "
                        "referrals.",
                        "assumption; seed E1, E3"));
    v.field("area_news_share", p.area_news_share,
            probability("Chance that a contact whose employer has nothing open passes on a "
                        "vacancy elsewhere in their employer's area instead.",
                        "assumption; seed F1 (word of mouth)"));
    v.field("max_leads_per_week", p.max_leads_per_week,
            {.doc = "Cap on leads one person can act on in a week.",
             .min = 0,
             .max = 16,
             .unit = "leads",
             .source = "assumption"});
}

/// Weekly chance that a contact with these TieFlag bits passes on a lead.
[[nodiscard]] double lead_chance(const JobLeadsParams& params, std::uint8_t tie_flags);

/// Appends this week's leads to world.applications (flagged word_of_mouth or referral) for
/// everyone unemployed. Per-person proposals in parallel; draws Purpose::job_leads.
void job_leads(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
