// People as columns (structure of arrays), indexed by PersonId. One vector per attribute, so a
// mechanism's loop streams only the columns it touches. Bytes per person are listed beside each
// column; a test keeps the total within the 128-byte budget (issue 5).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/ids.hpp"

namespace jobsim {

/// Where a person stands in the labour market.
enum class LabourStatus : std::uint8_t { employed = 0, unemployed = 1, inactive = 2 };

/// A person's benefit claim. Sanctioned claimants stay attached to the service but are not paid.
enum class ClaimState : std::uint8_t { none = 0, claiming = 1, sanctioned = 2 };

/// What happened about a coach meeting this week.
/// group: the due meeting was a group consultation, attended (seed E9; not a one-to-one meeting).
enum class MeetingOutcome : std::uint8_t { none = 0, attended = 1, missed = 2, group = 3 };

/// Why a person without a claim is with a coach (issue 3, access): voluntary users of a universal
/// service and people in work. none for claimants and for people without a coach.
enum class ServiceRoute : std::uint8_t {
    none = 0,
    voluntary_search = 1,  ///< unemployed or inactive, joined without a claim (G1)
    more_hours = 2,        ///< in work, wants more hours (H5)
    preventive = 3,        ///< in work, at risk of losing the job (H6)
    in_work = 4,           ///< after job entry, the coach stays in touch (H1)
};

/// Barriers to work, as bits: a person may have several.
enum Barrier : std::uint8_t {
    barrier_health = 1u << 0,        ///< health condition or disability
    barrier_caring = 1u << 1,        ///< caring responsibilities, childcare
    barrier_basic_skills = 1u << 2,  ///< literacy, numeracy, ESOL
    barrier_housing = 1u << 3,       ///< insecure housing
    barrier_confidence = 1u << 4,    ///< low confidence / self-esteem
};
inline constexpr int barrier_count = 5;

/// Number of barriers a person has.
[[nodiscard]] constexpr int count_barriers(std::uint8_t barriers) {
    return __builtin_popcount(barriers);
}

struct Persons {
    // traits, fixed during a replication
    std::vector<AreaId> area;               // 2  home area (local labour market)
    std::vector<std::uint8_t> age_years;    // 1  age at the start
    std::vector<float> skill;               // 4  0..1, compared with a vacancy's skill need
    std::vector<std::uint8_t> barriers;     // 1  Barrier bits
    std::vector<float> search_disposition;  // 4  personal multiplier on search effort (mean 1)
    std::vector<std::uint8_t> arm;          // 1  index into the arm table (regime)
    // labour-market state
    std::vector<LabourStatus> status;          // 1
    std::vector<std::uint8_t> wants_work;      // 1  inactive but would like a job (ONS P1)
    std::vector<EmployerId> employer;          // 4  none unless employed
    std::vector<std::uint8_t> sector;          // 1  sector of the current or last job
    std::vector<float> wage_per_hour;          // 4  current or last wage
    std::vector<std::uint8_t> hours_per_week;  // 1
    std::vector<std::uint8_t> low_paid;        // 1  wage below the low-pay threshold
    std::vector<float> match_quality;          // 4  0..1 fit of skill to the job's need
    std::vector<std::uint16_t> tenure_weeks;   // 2  weeks in the current job
    std::vector<std::uint16_t> spell_weeks;    // 2  weeks in the current spell out of work
    // service and benefits
    std::vector<ClaimState> claim;                   // 1
    std::vector<std::uint16_t> claim_weeks;          // 2  weeks since the claim started
    std::vector<std::uint16_t> sanction_weeks_left;  // 2
    std::vector<std::uint8_t> sanction_count;        // 1  sanctions so far (escalation)
    std::vector<CoachId> coach;                      // 4  none unless attached to the service
    std::vector<std::uint8_t> weeks_to_meeting;      // 1  0 = a meeting is due this week
    std::vector<MeetingOutcome>
        meeting_this_week;             // 1  set by coach_meeting, read by conditionality
    std::vector<float> meeting_boost;  // 4  lift to search effort from recent meetings
    std::vector<std::uint8_t> search_requirement;  // 1  applications a week required (0 = none)
    // search, recomputed weekly
    std::vector<float> search_effort;                       // 4
    std::vector<std::uint8_t> applications;                 // 1  applications sent this week
    std::vector<std::uint16_t> applications_since_meeting;  // 2
    // relationship, wellbeing and money (issue 3); each mechanism that moves one says so
    std::vector<float> trust;                      // 4  0..1 trust in the service (B2, C13)
    std::vector<float> alliance;                   // 4  0..1 working alliance with the coach (B1)
    std::vector<std::uint8_t> barriers_disclosed;  // 1  Barrier bits the coach knows of (B3, I2)
    std::vector<float> confidence;                 // 4  0..1 self-confidence (K6)
    std::vector<float> wellbeing;                  // 4  0..10 life satisfaction (K1, K2)
    std::vector<float> loneliness;                 // 4  0..1 (E5, K3)
    std::vector<float> debt_gbp;                   // 4  arrears and borrowing (K5, C12)
    std::vector<std::uint8_t> sanctions_felt;      // 1  sanctions trust has reacted to (B2)
    std::vector<std::uint8_t> met_stand_in;        // 1  this week's meeting is with a stand-in (B5)

    // conditionality (issue 3)
    std::vector<std::uint8_t> compliance_failures;   // 1  failures not yet sanctioned (C9)
    std::vector<std::uint8_t> weeks_since_sanction;  // 1  0 never, 1 this week, k: k-1 weeks ago
    // service access and work after entry (issue 3, access)
    std::vector<std::uint8_t> aware_of_service;       // 1  knows the service exists (G2)
    std::vector<ServiceRoute> service_route;          // 1  why a non-claimant has a coach
    std::vector<std::uint8_t> in_work_support_weeks;  // 1  weeks of in-work support left (H1)
    std::vector<std::uint8_t> wants_more_hours;       // 1  employed, would work more hours (H5)
    // plans and personal budgets (issue 3, support group)
    std::vector<std::uint8_t> plan;              // 1  PlanType of this claim's plan (D1, D2)
    std::vector<std::uint16_t> budget_left_gbp;  // 2  personal budget not yet spent (D3)
    std::vector<std::uint8_t> budget_order;      // 1  BudgetItem on order + granted, kit flags
    std::vector<std::uint8_t> budget_weeks;      // 1  weeks until the item on order arrives
    std::vector<std::uint8_t> provider;          // 1  ProviderKind of the last referral + flag
    std::vector<std::uint8_t> provider_weeks;    // 1  weeks left on the provider's programme
    std::vector<std::uint8_t> placement_weeks;   // 1  weeks left on a paid work placement (F7)
    // coach targets and information (issue 3)
    std::vector<std::uint8_t> informed_weeks;  // 1  weeks the coach's information stays useful (B9)
    // calibration (issue 3)
    std::vector<std::uint8_t> meeting_minutes;  // 1  length of this week's attended meeting (R7)
    // routes and choice (issue 3, routes)
    std::vector<std::uint8_t> self_employed;  // 1  trading on their own: employed, no employer (D7)
    std::vector<std::uint8_t> provider_choice;  // 1  chosen provider's slot + 1 (0: none) (D6)

    /// Calls f(name, column) for every column, in declaration order. The one list of columns:
    /// resizing, byte counts, test snapshots and checks all go through it.
    template <class F>
    void for_each_named_column(F&& f) {
        f("area", area);
        f("age_years", age_years);
        f("skill", skill);
        f("barriers", barriers);
        f("search_disposition", search_disposition);
        f("arm", arm);
        f("status", status);
        f("wants_work", wants_work);
        f("employer", employer);
        f("sector", sector);
        f("wage_per_hour", wage_per_hour);
        f("hours_per_week", hours_per_week);
        f("low_paid", low_paid);
        f("match_quality", match_quality);
        f("tenure_weeks", tenure_weeks);
        f("spell_weeks", spell_weeks);
        f("claim", claim);
        f("claim_weeks", claim_weeks);
        f("sanction_weeks_left", sanction_weeks_left);
        f("sanction_count", sanction_count);
        f("coach", coach);
        f("weeks_to_meeting", weeks_to_meeting);
        f("meeting_this_week", meeting_this_week);
        f("meeting_boost", meeting_boost);
        f("search_requirement", search_requirement);
        f("search_effort", search_effort);
        f("applications", applications);
        f("applications_since_meeting", applications_since_meeting);
        f("trust", trust);
        f("alliance", alliance);
        f("barriers_disclosed", barriers_disclosed);
        f("confidence", confidence);
        f("wellbeing", wellbeing);
        f("loneliness", loneliness);
        f("debt_gbp", debt_gbp);
        f("sanctions_felt", sanctions_felt);
        f("met_stand_in", met_stand_in);
        f("compliance_failures", compliance_failures);
        f("weeks_since_sanction", weeks_since_sanction);
        f("aware_of_service", aware_of_service);
        f("service_route", service_route);
        f("in_work_support_weeks", in_work_support_weeks);
        f("wants_more_hours", wants_more_hours);
        f("plan", plan);
        f("budget_left_gbp", budget_left_gbp);
        f("budget_order", budget_order);
        f("budget_weeks", budget_weeks);
        f("provider", provider);
        f("provider_weeks", provider_weeks);
        f("placement_weeks", placement_weeks);
        f("informed_weeks", informed_weeks);
        f("meeting_minutes", meeting_minutes);
        f("self_employed", self_employed);
        f("provider_choice", provider_choice);
    }

    /// Calls f(column) for every column, in declaration order.
    template <class F>
    void for_each_column(F&& f) {
        for_each_named_column([&f](const char* /*name*/, auto& column) { f(column); });
    }

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(area.size()); }

    /// Sets every column to n entries of its neutral value.
    void resize(std::uint32_t n);

    /// Sum of bytes per person over all columns.
    [[nodiscard]] static std::size_t bytes_per_person();
};

/// Out of work and someone the service exists for: unemployed, inactive but wanting work, or
/// claiming (a claimant in a few hours of work included).
[[nodiscard]] inline bool is_out_of_work(const Persons& p, std::uint32_t i) {
    return p.status[i] == LabourStatus::unemployed ||
           (p.status[i] == LabourStatus::inactive && p.wants_work[i] != 0) ||
           p.claim[i] != ClaimState::none;
}

}  // namespace jobsim
