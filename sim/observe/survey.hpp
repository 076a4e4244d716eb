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

/// Follows who met a coach while recorded (one-to-one or in a group consultation), with their state
/// after their last meeting and the last plan they agreed. Serial; fed the week's events after the
/// week has run.
class SurveyTracker {
public:
    explicit SurveyTracker(const Persons& persons);

    void observe(const Event& event, const Persons& persons);

    /// Asks everyone who met a coach, or only those with `only[i] != 0` when `only` is not empty.
    /// `sanctions_back_plans`: the regime can sanction (conditionality), so a plan is signed
    /// under threat.
    [[nodiscard]] SurveyAnswers ask(const SurveySpec& survey, bool sanctions_back_plans,
                                    std::span<const std::uint8_t> only = {}) const;

private:
    std::vector<std::uint8_t> met_coach_;
    std::vector<float> trust_;        ///< after the last meeting
    std::vector<float> alliance_;     ///< after the last meeting
    std::vector<std::uint8_t> plan_;  ///< PlanType of the last plan agreed (or held at the start)
};

}  // namespace jobsim
