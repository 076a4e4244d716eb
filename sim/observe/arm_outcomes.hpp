// The outcomes a trial of arms is judged on (issue 3's summary table; seed section 4), measured
// on one run of one arm. The cohort is everyone out of work when recording starts (unemployed,
// or inactive and wanting work, or claiming): the people the service exists for, identical in
// every arm because arms start from the same world. Costs cover everyone, since a universal
// service spends on people outside the cohort too.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/observe/event.hpp"
#include "sim/observe/survey.hpp"

namespace jobsim {

struct World;
struct Scenario;

/// One arm's outcomes in one replication. Shares are 0..1; NaN when not measurable (e.g.
/// employment at 52 weeks in a 26-week run).
struct ArmOutcomes {
    std::uint8_t arm = 0;
    std::uint32_t replication = 0;
    std::uint32_t cohort = 0;       ///< people out of work at the start of recording
    double employed_26w = 0.0;      ///< share of the cohort in work after 26 recorded weeks
    double employed_52w = 0.0;      ///< ... after 52 recorded weeks
    double sustained_work = 0.0;    ///< share who started a job while recorded and kept it 26 weeks
                                    ///< (seed P10)
    double weekly_earnings = 0.0;   ///< GBP per cohort member per recorded week
    double low_paid_entries = 0.0;  ///< share of the cohort's job entries that are low-paid (M3)
    double sanctions_per_100 = 0.0;        ///< sanctions on the cohort per 100 members
    double off_benefit_not_working = 0.0;  ///< share of the cohort's claim ends not into work (C6)
    double wellbeing = 0.0;                ///< cohort mean at the end (0-10)
    double loneliness = 0.0;               ///< cohort mean at the end (0-1)
    double trust = 0.0;                    ///< cohort mean at the end (0-1)
    // The simulated survey (sim/observe/survey.hpp) of cohort members who met a coach
    double would_recommend = 0.0;         ///< would recommend the service (seed L1)
    double relationship_positive = 0.0;   ///< call the relationship with the coach positive (R4)
    double relationship_negative = 0.0;   ///< ... negative (R4)
    double plan_personalised = 0.0;       ///< of those who agreed a plan: it was personalised (R9)
    double felt_forced_to_sign = 0.0;     ///< ... they signed it for fear of losing benefit (R9)
    double benefit_cost_gbp = 0.0;        ///< benefit paid to everyone over the recorded weeks
    double service_cost_gbp = 0.0;        ///< coach time and other service spending on everyone
    std::uint32_t sustained_jobs = 0;     ///< over everyone, as sustained_work
    double cost_per_sustained_job = 0.0;  ///< service cost / sustained jobs (everyone)
};

/// Follows one run of one arm week by week. Sums over events are serial in log order; those over
/// persons run in blocks but come out as the serial sums, so results do not depend on the thread
/// count.
class ArmOutcomeTracker {
public:
    /// `world` is the state when recording starts.
    ArmOutcomeTracker(const Scenario& scenario, const World& world, std::uint8_t arm,
                      std::uint32_t replication);

    /// After recorded week `week` (0-based) has run.
    void observe_week(Week week, const World& world, std::span<const Event> events);

    /// The outcomes after the last recorded week.
    [[nodiscard]] ArmOutcomes finish(const World& world) const;

private:
    const Scenario& scenario_;
    double weekly_benefit_gbp_ = 0.0;  ///< the arm's benefit rate
    ArmOutcomes outcomes_;
    std::vector<std::uint8_t> in_cohort_;
    std::vector<std::uint8_t> hired_;      ///< started a job while recorded
    std::vector<std::uint8_t> sustained_;  ///< ... and has held it 26 weeks
    SurveyTracker survey_;
    bool sanctions_back_plans_ = false;  ///< the arm's conditionality can sanction
    std::uint32_t cohort_hires_ = 0;
    std::uint32_t cohort_low_paid_hires_ = 0;
    std::uint32_t cohort_claim_ends_ = 0;
    std::uint32_t cohort_claim_ends_not_work_ = 0;
    std::uint32_t cohort_sanctions_ = 0;
    double cohort_earnings_ = 0.0;
    Week weeks_seen_ = 0;
};

/// Mean and standard error of each outcome over replications, one row per arm.
struct ArmSummary {
    std::uint8_t arm = 0;
    std::uint32_t replications = 0;
    ArmOutcomes mean;
    ArmOutcomes standard_error;  ///< NaN with one replication
};

[[nodiscard]] std::vector<ArmSummary> summarise_arms(std::span<const ArmOutcomes> runs,
                                                     std::size_t arms);

/// Calls f(name, member pointer, description) for each numeric outcome, in table order.
template <class F>
void for_each_outcome(F&& f) {
    f("employed_26w", &ArmOutcomes::employed_26w, "share of the cohort in work at 26 weeks");
    f("employed_52w", &ArmOutcomes::employed_52w, "share of the cohort in work at 52 weeks");
    f("sustained_work", &ArmOutcomes::sustained_work,
      "share of the cohort who entered work and stayed 26 weeks");
    f("weekly_earnings", &ArmOutcomes::weekly_earnings, "GBP per cohort member per recorded week");
    f("low_paid_entries", &ArmOutcomes::low_paid_entries, "share of job entries that are low-paid");
    f("sanctions_per_100", &ArmOutcomes::sanctions_per_100,
      "sanctions on the cohort per 100 members");
    f("off_benefit_not_working", &ArmOutcomes::off_benefit_not_working,
      "share of claim ends not into work");
    f("wellbeing", &ArmOutcomes::wellbeing, "cohort mean life satisfaction at the end (0-10)");
    f("loneliness", &ArmOutcomes::loneliness, "cohort mean loneliness at the end (0-1)");
    f("trust", &ArmOutcomes::trust, "cohort mean trust in the service at the end (0-1)");
    f("would_recommend", &ArmOutcomes::would_recommend,
      "share of cohort members who met a coach and would recommend the service");
    f("relationship_positive", &ArmOutcomes::relationship_positive,
      "share of cohort members who met a coach calling the relationship positive");
    f("relationship_negative", &ArmOutcomes::relationship_negative,
      "share of cohort members who met a coach calling the relationship negative");
    f("plan_personalised", &ArmOutcomes::plan_personalised,
      "share of cohort members with a plan who call it personalised");
    f("felt_forced_to_sign", &ArmOutcomes::felt_forced_to_sign,
      "share of cohort members with a plan who felt forced to sign it");
    f("benefit_cost_gbp", &ArmOutcomes::benefit_cost_gbp, "benefit paid to everyone (GBP)");
    f("service_cost_gbp", &ArmOutcomes::service_cost_gbp,
      "coach time and service spending on everyone (GBP)");
    f("cost_per_sustained_job", &ArmOutcomes::cost_per_sustained_job,
      "service cost per sustained job (GBP)");
}

}  // namespace jobsim
