#include "sim/trials/trial_outcomes.hpp"

#include <algorithm>
#include <bit>
#include <limits>

#include "sim/observe/public_cost.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

/// Sustained work looks back at most six months (seed P10).
constexpr std::uint32_t sustained_window_weeks = 26;
constexpr std::uint32_t sustained_window_mask = (1u << sustained_window_weeks) - 1u;

double flag(bool value) {
    return value ? 1.0 : 0.0;
}

}  // namespace

std::uint32_t OutcomeTable::add_row() {
    values_.resize(values_.size() + horizons_ * trial_outcome_count,
                   std::numeric_limits<double>::quiet_NaN());
    return static_cast<std::uint32_t>(people_++);
}

std::vector<double> OutcomeTable::column(std::size_t horizon, TrialOutcome outcome) const {
    std::vector<double> out(people_);
    for (std::size_t row = 0; row < people_; ++row) {
        out[row] = at(horizon, outcome, row);
    }
    return out;
}

TrialOutcomeTracker::TrialOutcomeTracker(const Scenario& scenario, std::uint32_t persons,
                                         std::span<const std::uint32_t> horizons)
    : scenario_(scenario),
      horizons_(horizons.begin(), horizons.end()),
      row_of_person_(persons, not_enrolled),
      table_(horizons.size()) {}

void TrialOutcomeTracker::enrol(std::uint32_t person, Week week) {
    row_of_person_[person] = table_.add_row();
    person_of_row_.push_back(person);
    enrol_week_.push_back(week);
    first_job_week_.push_back(not_enrolled);
    weeks_in_work_.push_back(0);
    recent_work_.push_back(0);
    earnings_.push_back(0.0);
    sanctions_.push_back(0);
    cost_.push_back(0.0);
}

void TrialOutcomeTracker::observe_week(Week week, const World& world, std::span<const Event> events,
                                       std::span<const double> weekly_benefit_gbp) {
    const Persons& p = world.persons;
    for (const Event& event : events) {
        const std::uint32_t row = row_of_person_[index(event.person)];
        if (row == not_enrolled || week < enrol_week_[row]) {
            continue;  // before enrolment nothing counts
        }
        switch (event.kind) {
            case EventKind::hire:
            case EventKind::self_employment_start:  // a business start is a job entry (D7)
                first_job_week_[row] = std::min(first_job_week_[row], week - enrol_week_[row] + 1);
                break;
            case EventKind::sanction:
                ++sanctions_[row];
                break;
            default:
                break;
        }
        cost_[row] += service_cost_gbp(event, scenario_);
    }
    for (std::uint32_t row = 0; row < person_of_row_.size(); ++row) {
        if (week < enrol_week_[row]) {
            continue;
        }
        const std::uint32_t i = person_of_row_[row];
        const bool employed = p.status[i] == LabourStatus::employed;
        recent_work_[row] =
            ((recent_work_[row] << 1u) | (employed ? 1u : 0u)) & sustained_window_mask;
        if (employed) {
            ++weeks_in_work_[row];
            earnings_[row] += static_cast<double>(p.wage_per_hour[i]) * p.hours_per_week[i];
        }
        if (p.claim[i] == ClaimState::claiming) {
            cost_[row] += weekly_benefit_gbp[p.arm[i]];
        }
        const std::uint32_t weeks_since_enrolment = week - enrol_week_[row] + 1;
        for (std::size_t h = 0; h < horizons_.size(); ++h) {
            if (horizons_[h] == weeks_since_enrolment) {
                measure(h, row, i, world);
            }
        }
    }
}

void TrialOutcomeTracker::measure(std::size_t h, std::uint32_t row, std::uint32_t i,
                                  const World& world) {
    const Persons& p = world.persons;
    const bool employed = p.status[i] == LabourStatus::employed;
    const std::uint32_t window = std::min(horizons_[h], sustained_window_weeks);
    const auto weeks_worked = static_cast<std::uint32_t>(std::popcount(recent_work_[row]));
    const auto set = [&](TrialOutcome outcome, double value) {
        table_.at(h, outcome, row) = value;
    };
    set(TrialOutcome::employed, flag(employed));
    const bool entered = first_job_week_[row] <= horizons_[h];
    set(TrialOutcome::entered_work, flag(entered));
    set(TrialOutcome::weeks_in_work, weeks_in_work_[row]);
    set(TrialOutcome::sustained_work, flag(2 * weeks_worked >= window));
    set(TrialOutcome::earnings, earnings_[row]);
    set(TrialOutcome::low_paid, flag(employed && p.low_paid[i] != 0));
    set(TrialOutcome::off_benefit_not_working, flag(!employed && p.claim[i] == ClaimState::none));
    set(TrialOutcome::sanctions, sanctions_[row]);
    set(TrialOutcome::wellbeing, p.wellbeing[i]);
    set(TrialOutcome::loneliness, p.loneliness[i]);
    set(TrialOutcome::public_cost, cost_[row]);
    set(TrialOutcome::weeks_to_work, entered ? first_job_week_[row] : horizons_[h]);
}

}  // namespace jobsim
