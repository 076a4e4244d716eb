// Who may use the service, and how non-claimants come to it. Under `eligibility: claimants` only
// benefit claimants have a coach; under `universal`, unemployed non-claimants and inactive people
// who want work may join voluntarily: they first learn the service exists (branding and Work Hubs
// raise awareness), then join at a rate that falls with distrust of the service and with the
// hand-off loss between first contact and a coach (lower where services share a hub). Voluntary
// users get a coach, no benefit and no conditionality; they drop out more when they distrust the
// service, and leave on finding work (unless in-work support takes over) or on no longer wanting
// work. An inactive person who joins starts looking for work. The helpers below are shared by the
// other routes into the service (in-work support, more hours, preventive support).
// Seeds G1, G2, G4, G9, L6, C13 (take-up), B16, P1, P3. YAML: regime.service_access.
// Phase: service_contact (after benefit_claim, before coach_meeting).
#pragma once

#include <array>
#include <cstdint>

#include "sim/rng/stream.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"
#include "sim/state/persons.hpp"

namespace jobsim::mechanisms {

/// Who may use the service (seed G1).
enum class Eligibility : std::uint8_t { claimants = 0, universal = 1 };

struct ServiceAccessParams {
    bool enabled = true;
    Eligibility eligibility = Eligibility::claimants;
    double weekly_awareness = 0.01;
    bool national_brand = false;
    double brand_awareness_multiplier = 2.0;
    bool work_hubs = false;
    double hubs_awareness_multiplier = 1.5;
    double handoff_loss = 0.3;
    double hubs_handoff_loss = 0.1;
    double weekly_join_if_aware = 0.06;
    double distrust_weight = 0.8;
    double weekly_drop_out = 0.02;
    std::uint32_t contact_interval_weeks = 4;
    double contact_minutes = 20.0;
    bool digital_channel = false;
    double digital_share_of_contacts = 0.5;
    double digital_cost_ratio = 0.4;
};

inline constexpr std::array<scenario::Choice<Eligibility>, 2> eligibility_choices{{
    {"claimants", Eligibility::claimants, "Only benefit claimants have a coach (current system)."},
    {"universal", Eligibility::universal,
     "Anyone out of work who wants work, or in work and wanting help, may join (UWS)."},
}};

template <class Visitor>
void describe(Visitor& v, ServiceAccessParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Non-claimants learn of the service and may join it where access is universal "
                    "(off: nobody learns of it or joins without a claim)."});
    v.choice("eligibility", p.eligibility, eligibility_choices,
             {.doc = "Who may use the service.", .source = "seed 004 L1564-1676 (G1)"});
    v.field("weekly_awareness", p.weekly_awareness,
            probability("Weekly chance a non-claimant who does not know the service learns of it.",
                        "assumption; seed G2 (low awareness of services)"));
    v.field("national_brand", p.national_brand,
            {.doc = "The service has one national brand (raises awareness).",
             .source = "seed 004 L3977-3995 (L6)"});
    v.field("brand_awareness_multiplier", p.brand_awareness_multiplier,
            {.doc = "Awareness rate multiplier under a national brand.",
             .min = 0.0,
             .unit = "ratio",
             .source = "assumption; seed L6 (direction)"});
    v.field("work_hubs", p.work_hubs,
            {.doc = "Services share local Work Hubs (one stop, no wrong door).",
             .source = "seed 004 L262-282, L3214-3308 (G4)"});
    v.field("hubs_awareness_multiplier", p.hubs_awareness_multiplier,
            {.doc = "Awareness rate multiplier where there are Work Hubs.",
             .min = 0.0,
             .unit = "ratio",
             .source = "assumption; seed G4 (direction)"});
    v.field("handoff_loss", p.handoff_loss,
            probability("Share of people who set out to join but are lost between first contact "
                        "and a coach, without Work Hubs.",
                        "assumption; seed G5 (hand-off loss)"));
    v.field("hubs_handoff_loss", p.hubs_handoff_loss,
            probability("The same loss where services share Work Hubs.",
                        "assumption; seed G4 (lower hand-off loss)"));
    v.field("weekly_join_if_aware", p.weekly_join_if_aware,
            probability("Weekly chance an eligible non-claimant who knows the service and fully "
                        "trusts it sets out to join.",
                        "assumption; calibrate to seed P3 (42% of users not on benefit)"));
    v.field("distrust_weight", p.distrust_weight,
            probability("Joining falls, and dropping out rises, by this share times (1 - trust).",
                        "assumption; seed C13 (distrust of DWP offers)"));
    v.field("weekly_drop_out", p.weekly_drop_out,
            probability("Weekly chance a voluntary user with full trust stops using the service.",
                        "assumption; seed B16 (voluntary programmes lose some people)"));
    v.field("contact_interval_weeks", p.contact_interval_weeks,
            {.doc = "Weeks between a coach's contacts with a service user in work.",
             .min = 1,
             .max = 52,
             .unit = "weeks"});
    v.field("contact_minutes", p.contact_minutes,
            non_negative("Length of a contact with a service user in work (costed at "
                         "accounting.coach_cost_per_hour_gbp).",
                         "minutes"));
    v.field("digital_channel", p.digital_channel,
            {.doc = "Some contacts are remote or online (cheaper).",
             .source = "seed 004 L3491-3527 (G9)"});
    v.field("digital_share_of_contacts", p.digital_share_of_contacts,
            probability("Share of in-work contacts made through the digital channel."));
    v.field("digital_cost_ratio", p.digital_cost_ratio,
            probability("Cost of a digital contact relative to one in person.",
                        "assumption; seed G9 (lower cost per contact)"));
}

/// Weekly chance an unaware person learns of the service (brand and hubs raise it).
[[nodiscard]] double awareness_rate(const ServiceAccessParams& params);

/// Weekly chance an aware, eligible non-claimant with this trust joins, at a base rate.
[[nodiscard]] double join_probability(const ServiceAccessParams& params, double base, float trust);

/// True where non-claimants may join the service in this regime.
[[nodiscard]] bool open_to_non_claimants(const ServiceAccessParams& params);

/// Gives non-claimant i a coach in their area for `route`; emits service_join.
void attach_without_claim(const WeekContext& context, Persons& p, std::uint32_t i,
                          ServiceRoute route, EventSink& events);

/// Ends non-claimant i's use of the service; emits service_leave.
void detach_from_service(const WeekContext& context, Persons& p, std::uint32_t i,
                         EventSink& events);

/// A coach's contact with service user i in work, when one is due this week: emits its cost as
/// public_cost (in_work_support); digital contacts cost less. Contacts are staggered by person.
void contact_in_work(const WeekContext& context, Persons& p, std::uint32_t i, EventSink& events);

/// Learning of the service, voluntary joining and dropping out. Thread-safe over persons; draws
/// Purpose::service_access and Purpose::service_coach_assignment.
void service_access(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
