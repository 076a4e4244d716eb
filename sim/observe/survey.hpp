// The simulated survey: the questions the seeds' polls asked of people who had met a work coach
// (seed L1, R4, R9). The polls asked about contact over past years, so a respondent answers from
// their trust in the service and working alliance with the coach as they were after their last
// meeting (an alliance ends with the claim). Answers are cut-points on those 0-1 scales, the same
// in every arm (scenario key `survey`), so differences between arms come only from the people.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/observe/event.hpp"

namespace jobsim {

struct Persons;
struct SurveySpec;

/// Shares of respondents giving each answer (NaN when nobody was asked).
struct SurveyAnswers {
    std::uint32_t met_coach = 0;         ///< asked the relationship questions
    double would_recommend = 0.0;        ///< L1: would recommend the service
    double relationship_positive = 0.0;  ///< R4: the relationship was positive
    double relationship_negative = 0.0;  ///< R4: ... negative
    std::uint32_t agreed_plan = 0;       ///< asked the plan questions
    double plan_personalised = 0.0;      ///< R9: the plan was personalised
    double felt_forced_to_sign = 0.0;    ///< R9: signed it for fear of losing benefit
};

/// Follows who met a coach while recorded (one-to-one or in a group consultation), with the
/// answers their state after their last meeting gives, and the last plan they agreed. Serial; fed
/// the week's events after the week has run. The answers are kept as bits, not the trust and
/// alliance behind them: the cut-points are fixed, and two bytes a person instead of ten count
/// towards issue 5's memory budget.
class SurveyTracker {
public:
    SurveyTracker(const Persons& persons, const SurveySpec& survey);

    void observe(const Event& event, const Persons& persons);

    /// Asks everyone who met a coach, or only those with `only[i] != 0` when `only` is not empty.
    /// `sanctions_back_plans`: the regime can sanction (conditionality), so a plan is signed
    /// under threat.
    [[nodiscard]] SurveyAnswers ask(bool sanctions_back_plans,
                                    std::span<const std::uint8_t> only = {}) const;

private:
    double recommend_threshold_;
    double positive_relationship_alliance_;
    double negative_relationship_alliance_;
    double personalised_plan_alliance_;
    double forced_to_sign_trust_;
    std::vector<std::uint8_t> answers_;  ///< Answer bits after the last meeting (0: never met)
    std::vector<std::uint8_t> plan_;  ///< PlanType of the last plan agreed (or held at the start)
};

}  // namespace jobsim
