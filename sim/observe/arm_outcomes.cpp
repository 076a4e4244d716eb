#include "sim/observe/arm_outcomes.hpp"

#include <cmath>

#include "sim/observe/public_cost.hpp"
#include "sim/observe/share.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

/// Sustained work is six months in a job (seed P10); employment is read at 26 and 52 weeks.
constexpr std::uint16_t sustained_weeks = 26;
constexpr Week early_horizon = 26;
constexpr Week late_horizon = 52;

/// One block of persons' share of the weekly scan.
struct PersonBlock {
    std::uint32_t claiming = 0;
    std::vector<double> cohort_earnings;  ///< in person order, for the serial sum
};

}  // namespace

ArmOutcomeTracker::ArmOutcomeTracker(const Scenario& scenario, const World& world, std::uint8_t arm,
                                     std::uint32_t replication)
    : scenario_(scenario), survey_(world.persons, scenario.survey) {
    // Held by value: all_arms returns a temporary (a reference into it dangled; found by TSan).
    const std::vector<Regime> arms = all_arms(scenario);
    const Regime& regime = arms.at(arm);
    weekly_benefit_gbp_ = regime.benefit_claim.weekly_benefit_gbp;
    sanctions_back_plans_ = regime.conditionality.enabled;
    const Persons& p = world.persons;
    outcomes_.arm = arm;
    outcomes_.replication = replication;
    outcomes_.employed_26w = not_measured;
    outcomes_.employed_52w = not_measured;
    in_cohort_.assign(p.size(), 0);
    hired_.assign(p.size(), 0);
    sustained_.assign(p.size(), 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        in_cohort_[i] = is_out_of_work(p, i) ? 1 : 0;
        outcomes_.cohort += in_cohort_[i];
    }
}

void ArmOutcomeTracker::observe_week(Week week, const World& world, std::span<const Event> events) {
    const Persons& p = world.persons;
    for (const Event& event : events) {
        const auto i = index(event.person);
        const bool cohort = in_cohort_[i] != 0;
        survey_.observe(event, p);
        outcomes_.service_cost_gbp += service_cost_gbp(event, scenario_);
        switch (event.kind) {
            case EventKind::self_employment_start:  // a business start is a job entry (D7)
            case EventKind::hire:
                hired_[i] = 1;
                if (cohort) {
                    ++cohort_hires_;
                    cohort_low_paid_hires_ +=
                        p.low_paid[i] != 0 || event.value < world.low_pay_threshold_per_hour;
                }
                break;
            case EventKind::claim_end:
                if (cohort) {
                    ++cohort_claim_ends_;
                    cohort_claim_ends_not_work_ +=
                        event.detail != static_cast<std::uint8_t>(ClaimEndReason::found_work);
                }
                break;
            case EventKind::sanction:
                cohort_sanctions_ += cohort;
                break;
            default:
                break;
        }
    }
    // Blocks of persons in parallel: flags per person and integer counts, which add up in any
    // order; earnings are collected in person order and added serially, as one loop would.
    std::vector<PersonBlock> blocks(block_count(p.size()));
    for_each_numbered_block(p.size(), [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end) {
        PersonBlock& block = blocks[b];
        for (std::uint32_t i = begin; i < end; ++i) {
            block.claiming += p.claim[i] == ClaimState::claiming;
            const bool employed = p.status[i] == LabourStatus::employed;
            if (employed && hired_[i] != 0 && p.tenure_weeks[i] >= sustained_weeks) {
                sustained_[i] = 1;
            }
            if (employed && in_cohort_[i] != 0) {
                block.cohort_earnings.push_back(static_cast<double>(p.wage_per_hour[i]) *
                                                p.hours_per_week[i]);
            }
        }
    });
    std::uint32_t claiming = 0;
    std::uint32_t cohort_employed = 0;
    for (const PersonBlock& block : blocks) {
        claiming += block.claiming;
        cohort_employed += static_cast<std::uint32_t>(block.cohort_earnings.size());
        for (const double earnings : block.cohort_earnings) {
            cohort_earnings_ += earnings;
        }
    }
    outcomes_.benefit_cost_gbp += claiming * weekly_benefit_gbp_;
    if (week + 1 == early_horizon) {
        outcomes_.employed_26w = share(cohort_employed, outcomes_.cohort);
    }
    if (week + 1 == late_horizon) {
        outcomes_.employed_52w = share(cohort_employed, outcomes_.cohort);
    }
    weeks_seen_ = week + 1;
}

ArmOutcomes ArmOutcomeTracker::finish(const World& world) const {
    const Persons& p = world.persons;
    ArmOutcomes out = outcomes_;
    std::uint32_t cohort_sustained = 0;
    double wellbeing = 0.0;
    double loneliness = 0.0;
    double trust = 0.0;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        out.sustained_jobs += sustained_[i];
        if (in_cohort_[i] == 0) {
            continue;
        }
        cohort_sustained += sustained_[i];
        wellbeing += p.wellbeing[i];
        loneliness += p.loneliness[i];
        trust += p.trust[i];
    }
    const double cohort = out.cohort == 0 ? not_measured : static_cast<double>(out.cohort);
    out.sustained_work = share(cohort_sustained, out.cohort);
    out.weekly_earnings =
        weeks_seen_ == 0 ? not_measured : cohort_earnings_ / (cohort * weeks_seen_);
    out.low_paid_entries = share(cohort_low_paid_hires_, cohort_hires_);
    out.sanctions_per_100 = 100.0 * cohort_sanctions_ / cohort;
    out.off_benefit_not_working = share(cohort_claim_ends_not_work_, cohort_claim_ends_);
    out.wellbeing = wellbeing / cohort;
    out.loneliness = loneliness / cohort;
    out.trust = trust / cohort;
    const SurveyAnswers survey = survey_.ask(sanctions_back_plans_, in_cohort_);
    out.would_recommend = survey.would_recommend;
    out.relationship_positive = survey.relationship_positive;
    out.relationship_negative = survey.relationship_negative;
    out.plan_personalised = survey.plan_personalised;
    out.felt_forced_to_sign = survey.felt_forced_to_sign;
    out.cost_per_sustained_job =
        out.sustained_jobs == 0 ? not_measured : out.service_cost_gbp / out.sustained_jobs;
    return out;
}

std::vector<ArmSummary> summarise_arms(std::span<const ArmOutcomes> runs, std::size_t arms) {
    std::vector<ArmSummary> summary(arms);
    for (std::size_t a = 0; a < arms; ++a) {
        ArmSummary& row = summary[a];
        row.arm = static_cast<std::uint8_t>(a);
        std::vector<const ArmOutcomes*> mine;
        for (const ArmOutcomes& run : runs) {
            if (run.arm == a) {
                mine.push_back(&run);
            }
        }
        row.replications = static_cast<std::uint32_t>(mine.size());
        row.mean.arm = row.standard_error.arm = row.arm;
        const double n = static_cast<double>(mine.size());
        double cohort = 0.0;
        double sustained_jobs = 0.0;
        for (const ArmOutcomes* run : mine) {
            cohort += run->cohort;
            sustained_jobs += run->sustained_jobs;
        }
        row.mean.cohort = n == 0 ? 0 : static_cast<std::uint32_t>(std::lround(cohort / n));
        row.mean.sustained_jobs =
            n == 0 ? 0 : static_cast<std::uint32_t>(std::lround(sustained_jobs / n));
        for_each_outcome([&](const char*, double ArmOutcomes::*member, const char*) {
            double sum = 0.0;
            for (const ArmOutcomes* run : mine) {
                sum += run->*member;
            }
            const double mean = n == 0 ? not_measured : sum / n;
            double squares = 0.0;
            for (const ArmOutcomes* run : mine) {
                squares += (run->*member - mean) * (run->*member - mean);
            }
            row.mean.*member = mean;
            row.standard_error.*member = n < 2 ? not_measured : std::sqrt(squares / (n - 1.0) / n);
        });
    }
    return summary;
}

}  // namespace jobsim
