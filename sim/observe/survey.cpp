#include "sim/observe/survey.hpp"

#include <limits>

#include "sim/mechanisms/action_plan.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/persons.hpp"

namespace jobsim {

namespace {

double share(std::uint32_t part, std::uint32_t whole) {
    return whole == 0 ? std::numeric_limits<double>::quiet_NaN()
                      : static_cast<double>(part) / whole;
}

}  // namespace

SurveyTracker::SurveyTracker(const Persons& persons)
    : met_coach_(persons.size(), 0),
      trust_(persons.size(), 0.0f),
      alliance_(persons.size(), 0.0f),
      plan_(persons.plan.begin(), persons.plan.end()) {}

void SurveyTracker::observe(const Event& event, const Persons& persons) {
    const auto i = index(event.person);
    if (event.kind == EventKind::meeting || event.kind == EventKind::group_consultation) {
        met_coach_[i] = 1;
        trust_[i] = persons.trust[i];
        alliance_[i] = persons.alliance[i];
    } else if (event.kind == EventKind::plan_agreed) {
        plan_[i] = event.detail;
    }
}

SurveyAnswers SurveyTracker::ask(const SurveySpec& survey, bool sanctions_back_plans,
                                 std::span<const std::uint8_t> only) const {
    using mechanisms::PlanType;
    std::uint32_t recommend = 0;
    std::uint32_t positive = 0;
    std::uint32_t negative = 0;
    std::uint32_t personalised = 0;
    std::uint32_t forced = 0;
    SurveyAnswers answers;
    for (std::size_t i = 0; i < met_coach_.size(); ++i) {
        if (met_coach_[i] == 0 || (!only.empty() && only[i] == 0)) {
            continue;
        }
        const double trust = trust_[i];
        const double alliance = alliance_[i];
        ++answers.met_coach;
        recommend += 0.5 * (trust + alliance) >= survey.recommend_threshold;
        positive += alliance >= survey.positive_relationship_alliance;
        negative += alliance < survey.negative_relationship_alliance;
        const auto plan = static_cast<PlanType>(plan_[i]);
        if (plan == PlanType::none) {
            continue;
        }
        ++answers.agreed_plan;
        // Co-produced and strengths-based plans are personal by construction (seed D1, D2).
        personalised +=
            plan != PlanType::compliance || alliance >= survey.personalised_plan_alliance;
        // Without sanctions nothing forces a signature (R9 asks about risking one's benefit).
        forced += sanctions_back_plans && trust < survey.forced_to_sign_trust;
    }
    answers.would_recommend = share(recommend, answers.met_coach);
    answers.relationship_positive = share(positive, answers.met_coach);
    answers.relationship_negative = share(negative, answers.met_coach);
    answers.plan_personalised = share(personalised, answers.agreed_plan);
    answers.felt_forced_to_sign = share(forced, answers.agreed_plan);
    return answers;
}

}  // namespace jobsim
