// Choice of provider (voucher: the money follows the person). Instead of being dispatched to the
// one contracted provider, a person whose programme starts (provider_referral) chooses among
// `providers_per_kind` providers of that kind in their area, by reputation and personal fit: the
// chance of a provider is proportional to exp(reputation_weight x reputation / mean reputation)
// times a taste shock (multinomial logit). Providers differ in quality, which scales what their
// programme does (search effort, the employer's assessment, retention: see support_effects).
// Reputation is each provider's record of job entries per week its clients spend out of work,
// shrunk towards a prior and fading with `memory_weeks`, so providers compete: good results bring
// clients. Counts are gathered in parallel as integers and reputations updated serially. Choosing
// raises trust a little (agency). Off: the contracted provider as before (quality 1).
// Seed D6 (003 L21, 004 L3478-3489), D8. YAML: regime.provider_choice. Phase: service_contact,
// right after provider_referral.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct Persons;
struct Regime;
}  // namespace jobsim

namespace jobsim::mechanisms {

struct ProviderChoiceParams {
    bool enabled = false;
    std::uint32_t providers_per_kind = 3;
    double quality_spread = 0.5;
    double reputation_weight = 2.0;
    double prior_entry_rate = 0.03;
    double prior_person_weeks = 50.0;
    double memory_weeks = 52.0;
    double choice_trust_gain = 0.02;
};

template <class Visitor>
void describe(Visitor& v, ProviderChoiceParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "People choose their provider with a voucher (off: dispatched to the one "
                    "contracted provider, of average quality).",
             .source = "seed 003 L21, 004 L3478-3489 (D6)"});
    v.field("providers_per_kind", p.providers_per_kind,
            {.doc = "Providers of each kind (IPS, third sector, prime) in each area.",
             .min = 1,
             .max = 15,
             .unit = "providers",
             .source = "assumption"});
    v.field(
        "quality_spread", p.quality_spread,
        probability("Providers' quality is spread evenly from 1 - spread to 1 + spread; quality "
                    "multiplies their programme's effects.",
                    "assumption; seed D6 (providers differ; direction)"));
    v.field("reputation_weight", p.reputation_weight,
            non_negative("How strongly choice follows reputation (logit weight on reputation "
                         "relative to the area's mean); 0 = choice by fit alone.",
                         "logit units", "assumption; seed D6 (choice by reputation and fit)"));
    v.field("prior_entry_rate", p.prior_entry_rate,
            probability("Weekly job-entry rate a provider is credited with before it has a "
                        "record.",
                        "assumption"));
    v.field("prior_person_weeks", p.prior_person_weeks,
            non_negative("Weight of that prior, in client weeks out of work.", "person-weeks",
                         "assumption"));
    v.field("memory_weeks", p.memory_weeks,
            {.doc = "Reputation forgets old results with this time constant.",
             .min = 1.0,
             .unit = "weeks",
             .source = "assumption"});
    v.field("choice_trust_gain", p.choice_trust_gain,
            probability("Added to trust (0-1) when a person chooses their provider.",
                        "assumption; seed D8 (choice gives agency; direction)"));
}

/// Quality of the given provider slot (1 when there is one provider per kind).
[[nodiscard]] double provider_quality(const ProviderChoiceParams& params, std::uint32_t slot);

/// Multiplier on the effects of person i's programme from the quality of the provider they chose
/// (1 when choice is off or no provider was chosen).
[[nodiscard]] double programme_quality(const Regime& regime, const Persons& p, std::uint32_t i);

/// Reputation (weekly job-entry rate) from a provider's faded job entries and client weeks.
[[nodiscard]] double provider_reputation(const ProviderChoiceParams& params, double entries,
                                         double client_weeks);

/// Lets people whose programme has started choose their provider, records each provider's
/// outcomes and updates reputations. Thread-safe over persons; draws Purpose::provider_choice.
void provider_choice(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
