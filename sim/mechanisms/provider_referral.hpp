// Referral to specialist providers. At an attended meeting the coach refers a claimant by assessed
// need (the disclosed barriers plus a noisy guess): a health barrier to a health-led IPS provider
// (intensive, continues in work: more search, a better employer assessment through job
// development, and lower separation while on the programme), insecure housing to a third-sector
// partner (which may resolve it). Fragmentation loses a share of referrals in the hand-off; under
// payment by results providers cream-skim (decline people with more barriers). In the old regime,
// claimants still on the claim after a year are referred to a prime provider. Provider fees are a
// public cost (at the start, or at job entry under payment by results).
// Seeds G3, G5, G6, G7, G10, G11, I3, B13, B17, P4. YAML: regime.provider_referral.
// Phase: service_contact.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// A provider, stored in the low bits of Persons::provider. Values are written to the event log:
/// append only.
enum class ProviderKind : std::uint8_t { none = 0, ips = 1, third_sector = 2, prime = 3 };

/// What became of a referral (EventKind::referral's `other`).
enum class ReferralOutcome : std::uint8_t { started = 0, lost_in_handoff = 1, declined = 2 };

/// One provider's programme.
struct ProgrammeSpec {
    std::uint32_t weeks = 52;
    double fee_gbp = 1000.0;
    double effort_lift = 0.0;
    double assessment_lift = 0.0;
    double separation_factor = 1.0;
};

struct ProviderReferralParams {
    bool enabled = false;
    double referral_probability = 0.3;
    double misjudge_probability = 0.1;
    double handoff_loss = 0.2;
    bool payment_by_results = false;
    double cream_skim_per_barrier = 0.15;
    double housing_resolution_per_week = 0.06;
    bool prime_provider = false;
    std::uint32_t prime_after_claim_weeks = 52;
    ProgrammeSpec ips{52, 2500.0, 0.3, 0.6, 0.7};
    ProgrammeSpec third_sector{26, 500.0, 0.0, 0.0, 1.0};
    ProgrammeSpec prime{104, 1500.0, 0.1, 0.1, 0.9};
};

template <class Visitor>
void describe(Visitor& v, ProgrammeSpec& s) {
    using scenario::non_negative;
    v.field("weeks", s.weeks,
            {.doc = "Length of the programme, in or out of work.",
             .min = 1,
             .max = 255,
             .unit = "weeks",
             .source = "assumption; seed I3 (IPS continues in work), P4 (Work Programme 2 years)"});
    v.field("fee_gbp", s.fee_gbp,
            non_negative("Fee paid to the provider per person (at the start, or at job entry "
                         "under payment by results).",
                         "GBP", "assumption"));
    v.field("effort_lift", s.effort_lift,
            non_negative("Search effort rises by this share while on the programme.", "share",
                         "assumption; seed G10, I3 (direction)"));
    v.field("assessment_lift", s.assessment_lift,
            non_negative("Employer assessment lift while on the programme (job development, "
                         "employer support).",
                         "score", "assumption; seed I3 (IPS supports the employer)"));
    v.field("separation_factor", s.separation_factor,
            non_negative("Job-ending hazard is multiplied by this while on the programme "
                         "(in-work support).",
                         "ratio", "assumption; seed G10, I3 (retention)"));
}

template <class Visitor>
void describe(Visitor& v, ProviderReferralParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Coaches refer claimants to specialist providers (off: no referrals)."});
    v.field("referral_probability", p.referral_probability,
            probability("Chance a claimant with an assessed need is referred at an attended "
                        "meeting.",
                        "assumption; seed G3 (navigator role)"));
    v.field("misjudge_probability", p.misjudge_probability,
            probability("Chance the coach's assessment sees a health or housing need at random "
                        "(which the person may not have); only disclosed barriers are seen "
                        "otherwise.",
                        "assumption; seed B13, B17 (referrals for target, not fit)"));
    v.field("handoff_loss", p.handoff_loss,
            probability("Share of referrals that never start (fragmented providers).",
                        "assumption; seed G5 (hand-off loss)"));
    v.field("payment_by_results", p.payment_by_results,
            {.doc = "Providers are paid at job entry instead of at the start, and cream-skim.",
             .source = "seed 004 L3478-3489 (G7)"});
    v.field("cream_skim_per_barrier", p.cream_skim_per_barrier,
            probability("Under payment by results, chance per barrier that a provider declines a "
                        "referral.",
                        "assumption; seed G7 (cream-skimming)"));
    v.field("housing_resolution_per_week", p.housing_resolution_per_week,
            probability("Weekly chance a third-sector partner resolves insecure housing.",
                        "assumption; seed G11"));
    v.field("prime_provider", p.prime_provider,
            {.doc = "Old regime: claimants still claiming after prime_after_claim_weeks are "
                    "referred to a prime provider.",
             .source = "seed P4 (12 months at Jobcentre Plus, then a prime provider)"});
    v.field("prime_after_claim_weeks", p.prime_after_claim_weeks,
            {.doc = "Weeks on the claim before referral to the prime provider.",
             .min = 1,
             .max = 65535,
             .unit = "weeks",
             .source = "seed P4, G6 (12 months)"});
    v.section("ips", p.ips, "Health-led Individual Placement and Support (health barrier).");
    v.section("third_sector", p.third_sector, "Third-sector partner for housing (and advice).");
    v.section("prime", p.prime, "Prime provider of the old regime (Work Programme).");
}

/// Provider a person is with, and whether the programme is still running.
[[nodiscard]] ProviderKind provider_of(std::uint8_t provider);

/// The programme spec of a provider kind (nullptr for none).
[[nodiscard]] const ProgrammeSpec* programme(const ProviderReferralParams& params,
                                             ProviderKind kind);

/// Counts programmes down, resolves housing, pays outcome fees, refers at meetings and refers
/// long claims to the prime provider. Thread-safe over persons; draws
/// Purpose::provider_referral and Purpose::provider_progress.
void provider_referral(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
