// Events the model emits: plain structs, written out by whichever recorder is attached.
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"

namespace jobsim {

/// What happened. Values are stored in output files: never renumber, only append.
enum class EventKind : std::uint8_t {
    hire = 1,            ///< other = employer, value = wage per hour, detail = HireChannel
    separation = 2,      ///< other = employer, value = tenure weeks, detail = destination status
    claim_start = 3,     ///< other = coach
    claim_end = 4,       ///< value = claim weeks, detail = ClaimEndReason
    meeting = 5,         ///< other = coach, value = minutes
    meeting_missed = 6,  ///< other = coach
    sanction = 7,        ///< value = weeks, detail = SanctionReason
    exit_to_inactivity = 8,  ///< value = spell weeks
    return_to_search = 9,    ///< value = 0
    public_cost = 10,        ///< value = GBP spent on the person, detail = CostItem
    coach_switch = 20,       ///< other = new coach, detail = CoachSwitchReason, value = alliance
    barrier_disclosed = 21,  ///< other = coach, detail = Barrier bit index (0-4)
    coach_chosen = 22,       ///< other = chosen coach, value = fit (0-1), detail = coaches met
    // conditionality helper (issue 3): 30-39
    application_unread = 30,        ///< other = employer, value = 1: beyond its sift capacity (F2)
    application_screened_out = 31,  ///< other = employer, value = 1: low fit, rejected at sift (C5)
    service_join =
        60,  ///< a non-claimant starts with a coach; other = coach, detail = ServiceRoute
    service_leave = 61,  ///< a non-claimant leaves the coach; other = coach, detail = ServiceRoute
    plan_agreed = 40,    ///< other = coach, detail = PlanType
    budget_item = 41,    ///< detail = BudgetItem, other = 1 if it met a need, value = GBP
    referral = 42,       ///< detail = ProviderKind, other = ReferralOutcome
    placement_start = 43,  ///< value = weeks
    mentor_match = 50,     ///< person = mentee, other = mentor (person id); seed E6
    // coach targets and information (issue 3): 80-84
    information_passed = 80,  ///< other = coach, value = the chance it had (B9)
    // routes and choice (issue 3, routes): 75-79
    self_employment_start = 75,  ///< value = hourly earnings (GBP); seed D7
    business_closed = 76,        ///< value = weeks traded, detail = destination status; seed D7
    provider_chosen = 77,  ///< detail = ProviderKind, other = provider slot, value = reputation; D6
    // employer links (issue 3): 70-74
    put_forward = 70,  ///< other = employer, value = link strength, detail = PutForwardOutcome
    // group consultations (issue 3): 85-89
    group_consultation = 85,  ///< a due meeting held in a group; other = coach, value = coach
                              ///< minutes per attendee (E9)
};

/// How a hire came about (seed F1, calibration.md C10: hires through contacts).
enum class HireChannel : std::uint8_t {
    advert = 0,         ///< an open application to an advertised vacancy
    word_of_mouth = 1,  ///< a contact passed on news of the vacancy (network channel)
    referral = 2,       ///< an employed contact put the person forward to their employer (network)
    coach_link = 3,  ///< the coach or provider placed the person through an employer link (F3, F4)
    placement = 4,   ///< a paid work placement converted into a job (F7)
};

/// True for the channels that count as "through social connections" (C10, N1).
[[nodiscard]] constexpr bool is_network_channel(HireChannel channel) {
    return channel == HireChannel::word_of_mouth || channel == HireChannel::referral;
}

/// What public money was spent on, for EventKind::public_cost (seed L7). Benefit payments and
/// coach meeting time are costed from state and meetings, not from these events.
enum class CostItem : std::uint8_t {
    personal_budget = 0,  ///< an item bought from a personal budget (D3)
    provider = 1,         ///< a specialist or contracted provider's fee (G3, G7, G10)
    mentoring = 2,        ///< mentor recruitment, training and expenses (E6)
    peer_group = 3,       ///< a peer-group or group session place (E8, E9)
    placement = 4,        ///< wage subsidy for a work placement (F7)
    in_work_support = 5,  ///< coach time after job entry (H1)
    hub_event = 6,        ///< events, hubs and social prescribing (E10, E11, E13, E15)
    other = 7,
    employer_engagement = 8,   ///< coach hours keeping up links with employers (F3, F4)
    enterprise_allowance = 9,  ///< weekly allowance of a new self-employed person (D7, NEA)
    business_mentoring = 10,   ///< a business mentor for a new self-employed person (D7)
    group_session = 11,  ///< group-consultation room and guest, co-design panel expenses (E9, E16)
};

/// What came of a coach putting a person forward to a linked employer (EventKind::put_forward).
enum class PutForwardOutcome : std::uint8_t {
    employer_declined = 0,  ///< the employer did not take the person on
    offered = 1,            ///< the employer took them on (hired unless someone took it first)
    person_declined = 2,    ///< the wage is below the person's reservation wage
};

/// Why a claimant's coach changed (seed B5, B11).
enum class CoachSwitchReason : std::uint8_t {
    rotation = 0,    ///< seen by another coach at a due meeting (no continuity)
    coach_left = 1,  ///< the coach left the service; a replacement took over the caseload
    stand_in = 2,    ///< one meeting with another coach; the claimant's own coach stays
};

/// Why a claim ended (calibration.md C2: found work / failed to sign / other).
enum class ClaimEndReason : std::uint8_t {
    found_work = 0,
    stopped_claiming = 1,
    left_labour_force = 2
};

/// Why a sanction was imposed (calibration.md C5: most are for missed appointments).
enum class SanctionReason : std::uint8_t {
    missed_meeting = 0,
    insufficient_search = 1,
    missed_signing = 2,  ///< a missed daily signing (R8)
    no_failure = 3,      ///< a wrongful sanction: recorded as a failure, but none occurred (C2)
};

struct Event {
    Week week = 0;
    EventKind kind = EventKind::hire;
    std::uint8_t detail = 0;
    PersonId person{};
    std::uint32_t other = 0;
    float value = 0.0f;
};

/// A total order on events, so the log is identical whatever order threads produced it in.
[[nodiscard]] inline bool event_order(const Event& a, const Event& b) {
    if (a.week != b.week) {
        return a.week < b.week;
    }
    if (a.kind != b.kind) {
        return a.kind < b.kind;
    }
    if (a.person != b.person) {
        return a.person < b.person;
    }
    if (a.other != b.other) {
        return a.other < b.other;
    }
    if (a.detail != b.detail) {
        return a.detail < b.detail;
    }
    return a.value < b.value;
}

}  // namespace jobsim
