// Information asymmetry (seed B9): the coach has a "map" the claimant cannot see. At an attended
// meeting the coach tells the person about local vacancies and other services with a chance that
// rises with the working alliance and trust; the person is then informed for a few weeks. Informed
// people search more (they know where vacancies are: job_search reads information_search_factor)
// and ask for the services they need (provider_referral sees their referrable needs:
// informed_needs), instead of only what they told the coach. YAML: regime.coach_information.
// Phase: service_contact (after barrier_disclosure, before the support mechanisms).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct CoachInformationParams {
    bool enabled = false;
    double base_probability = 0.1;
    double alliance_gain = 0.3;
    double trust_gain = 0.1;
    std::uint32_t informed_weeks = 2;
    double search_lift = 0.1;
    bool ask_for_services = true;
};

template <class Visitor>
void describe(Visitor& v, CoachInformationParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Coaches pass on information about local vacancies and services (off: nobody "
                    "is told anything)."});
    v.field("base_probability", p.base_probability,
            probability("Chance the coach passes information on at an attended meeting with no "
                        "alliance and no trust.",
                        "assumption; seed 004 L1220-1234, L1845-1849 (not told about local jobs "
                        "or other support)"));
    v.field("alliance_gain", p.alliance_gain,
            probability("Added to that chance per unit of working alliance (0-1).",
                        "assumption; seed B9, 001 L25 (relationship of equals, direction)"));
    v.field("trust_gain", p.trust_gain,
            probability("Added to that chance per unit of trust in the service (0-1).",
                        "assumption; seed B9 (direction)"));
    v.field("informed_weeks", p.informed_weeks,
            {.doc = "Weeks the information stays useful after the meeting (vacancies fill, plans "
                    "change).",
             .min = 1,
             .max = 255,
             .unit = "weeks",
             .source = "assumption"});
    v.field("search_lift", p.search_lift,
            non_negative("Search effort rises by this share while informed: the person knows of "
                         "vacancies they would not have found.",
                         "share", "assumption; seed 004 L1220-1234 (direction)"));
    v.field("ask_for_services", p.ask_for_services,
            {.doc = "While informed, a person asks for the services that fit their own needs, so "
                    "a referral can address needs they have not told the coach of.",
             .source = "seed 001 L25 (informed users take responsibility), 004 L1843-1849 (found "
                       "the charity herself)"});
}

/// Multiplier on search effort of a person informed for `weeks_left` more weeks.
[[nodiscard]] double information_search_factor(const CoachInformationParams& params,
                                               std::uint8_t weeks_left);

/// Barrier bits a person asks the coach for help with because they know the services exist (0 when
/// not informed).
[[nodiscard]] std::uint8_t informed_needs(const CoachInformationParams& params,
                                          std::uint8_t barriers, std::uint8_t weeks_left);

/// Counts information down and informs people at attended meetings. Thread-safe over persons;
/// draws Purpose::coach_information.
void coach_information(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
