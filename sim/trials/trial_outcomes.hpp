// The outcomes a trial measures on each enrolled person, at each horizon after that person's
// enrolment (issue 4), in one world. Every world of a replication (the realised assignment,
// nobody treated, everybody treated) is followed by its own tracker over the same enrolled people,
// so person-level differences between worlds are the causal effects the estimands average.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/observe/event.hpp"
#include "sim/scenario/describe.hpp"

namespace jobsim {

struct Scenario;
struct World;

/// Person-level outcomes; values are written to the output: append only.
enum class TrialOutcome : std::uint8_t {
    employed = 0,                 ///< in work at the horizon (0/1)
    entered_work = 1,             ///< started a job since enrolment (0/1): time to work
    weeks_in_work = 2,            ///< weeks in work since enrolment
    sustained_work = 3,           ///< in work at least half the last min(h, 26) weeks (0/1)
    earnings = 4,                 ///< GBP earned since enrolment
    low_paid = 5,                 ///< in a low-paid job at the horizon (0/1)
    off_benefit_not_working = 6,  ///< neither claiming nor in work at the horizon (0/1, C6)
    sanctions = 7,                ///< sanctions since enrolment
    wellbeing = 8,                ///< life satisfaction at the horizon (0-10)
    loneliness = 9,               ///< loneliness at the horizon (0-1)
    public_cost = 10,             ///< benefit and service spending on the person since enrolment
    weeks_to_work = 11,           ///< weeks from enrolment to the first job start, or the horizon
};
inline constexpr std::size_t trial_outcome_count = 12;

struct TrialOutcomeInfo {
    TrialOutcome outcome;
    std::string_view name;
    std::string_view description;
};

inline constexpr std::array<TrialOutcomeInfo, trial_outcome_count> trial_outcomes{{
    {TrialOutcome::employed, "employed", "share in work at the horizon"},
    {TrialOutcome::entered_work, "entered_work", "share who started work since enrolment"},
    {TrialOutcome::weeks_in_work, "weeks_in_work", "weeks in work since enrolment"},
    {TrialOutcome::sustained_work, "sustained_work",
     "share in work at least half the last min(h, 26) weeks"},
    {TrialOutcome::earnings, "earnings", "GBP earned since enrolment"},
    {TrialOutcome::low_paid, "low_paid", "share in a low-paid job at the horizon"},
    {TrialOutcome::off_benefit_not_working, "off_benefit_not_working",
     "share neither claiming nor in work at the horizon"},
    {TrialOutcome::sanctions, "sanctions", "sanctions per person since enrolment"},
    {TrialOutcome::wellbeing, "wellbeing", "life satisfaction at the horizon (0-10)"},
    {TrialOutcome::loneliness, "loneliness", "loneliness at the horizon (0-1)"},
    {TrialOutcome::public_cost, "public_cost", "GBP of benefit and services since enrolment"},
    {TrialOutcome::weeks_to_work, "weeks_to_work",
     "weeks to the first job start, censored at the horizon"},
}};

/// The outcome names as scenario choices (trial.primary_outcome).
inline constexpr std::array<scenario::Choice<TrialOutcome>, trial_outcome_count>
    trial_outcome_choices = [] {
        std::array<scenario::Choice<TrialOutcome>, trial_outcome_count> choices{};
        for (std::size_t k = 0; k < trial_outcome_count; ++k) {
            choices[k] = {trial_outcomes[k].name, trial_outcomes[k].outcome,
                          trial_outcomes[k].description};
        }
        return choices;
    }();

/// Outcome values of enrolled people: one row per person in enrolment order, one value per
/// (horizon, outcome). NaN until measured.
class OutcomeTable {
public:
    explicit OutcomeTable(std::size_t horizons = 0) : horizons_(horizons) {}

    [[nodiscard]] std::size_t people() const { return people_; }
    [[nodiscard]] std::size_t horizons() const { return horizons_; }
    /// Appends a row of NaN; returns its index.
    std::uint32_t add_row();
    [[nodiscard]] double& at(std::size_t horizon, TrialOutcome outcome, std::size_t row) {
        return values_[slot(horizon, outcome, row)];
    }
    [[nodiscard]] double at(std::size_t horizon, TrialOutcome outcome, std::size_t row) const {
        return values_[slot(horizon, outcome, row)];
    }
    /// Every person's value of one outcome at one horizon, in row order.
    [[nodiscard]] std::vector<double> column(std::size_t horizon, TrialOutcome outcome) const;

private:
    [[nodiscard]] std::size_t slot(std::size_t horizon, TrialOutcome outcome,
                                   std::size_t row) const {
        return (row * horizons_ + horizon) * trial_outcome_count +
               static_cast<std::size_t>(outcome);
    }
    std::size_t horizons_ = 0;
    std::size_t people_ = 0;
    std::vector<double> values_;
};

/// Follows enrolled people through one world. Serial and order-fixed (results do not depend on
/// the thread count).
class TrialOutcomeTracker {
public:
    /// `persons` in the world; `horizons` in weeks after each person's enrolment.
    TrialOutcomeTracker(const Scenario& scenario, std::uint32_t persons,
                        std::span<const std::uint32_t> horizons);

    /// Enrols a person at the start of trial week `week`; rows are numbered in call order.
    void enrol(std::uint32_t person, Week week);

    /// After trial week `week` (0-based) has run; `weekly_benefit_gbp[arm]` is each arm's rate.
    void observe_week(Week week, const World& world, std::span<const Event> events,
                      std::span<const double> weekly_benefit_gbp);

    [[nodiscard]] const OutcomeTable& table() const { return table_; }

private:
    static constexpr std::uint32_t not_enrolled = 0xffffffffu;
    void measure(std::size_t horizon, std::uint32_t row, std::uint32_t person, const World& world);

    const Scenario& scenario_;
    std::vector<std::uint32_t> horizons_;
    std::vector<std::uint32_t> row_of_person_;
    std::vector<std::uint32_t> person_of_row_;
    std::vector<Week> enrol_week_;
    std::vector<std::uint32_t> first_job_week_;  ///< weeks from enrolment to the first job start
    std::vector<std::uint16_t> weeks_in_work_;
    std::vector<std::uint32_t> recent_work_;  ///< bit k: in work k weeks ago (last 26 weeks)
    std::vector<double> earnings_;
    std::vector<std::uint16_t> sanctions_;
    std::vector<double> cost_;
    OutcomeTable table_;
};

}  // namespace jobsim
