#include "sim/observe/survey.hpp"

#include "sim/mechanisms/action_plan.hpp"
#include "sim/observe/share.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/persons.hpp"

namespace jobsim {

namespace {

// What a respondent would answer, as of their last meeting: bits of SurveyTracker::answers_.
constexpr unsigned met_coach = 1u << 0;
constexpr unsigned would_recommend = 1u << 1;
constexpr unsigned relationship_positive = 1u << 2;
constexpr unsigned relationship_negative = 1u << 3;
constexpr unsigned alliance_personalises_plan = 1u << 4;  // even a compliance plan felt personal
constexpr unsigned trust_below_forced = 1u << 5;  // would feel forced to sign under sanctions

}  // namespace

SurveyTracker::SurveyTracker(const Persons& persons, const SurveySpec& survey)
    : recommend_threshold_(survey.recommend_threshold),
      positive_relationship_alliance_(survey.positive_relationship_alliance),
      negative_relationship_alliance_(survey.negative_relationship_alliance),
      personalised_plan_alliance_(survey.personalised_plan_alliance),
      forced_to_sign_trust_(survey.forced_to_sign_trust),
      answers_(persons.size(), 0),
      plan_(persons.plan.begin(), persons.plan.end()) {}

void SurveyTracker::observe(const Event& event, const Persons& persons) {
    const auto i = index(event.person);
    if (event.kind == EventKind::meeting || event.kind == EventKind::group_consultation) {
        const double trust = persons.trust[i];
        const double alliance = persons.alliance[i];
        unsigned answers = met_coach;
        answers |= 0.5 * (trust + alliance) >= recommend_threshold_ ? would_recommend : 0u;
        answers |= alliance >= positive_relationship_alliance_ ? relationship_positive : 0u;
        answers |= alliance < negative_relationship_alliance_ ? relationship_negative : 0u;
        answers |= alliance >= personalised_plan_alliance_ ? alliance_personalises_plan : 0u;
        answers |= trust < forced_to_sign_trust_ ? trust_below_forced : 0u;
        answers_[i] = static_cast<std::uint8_t>(answers);
    } else if (event.kind == EventKind::plan_agreed) {
        plan_[i] = event.detail;
    }
}

SurveyAnswers SurveyTracker::ask(bool sanctions_back_plans,
                                 std::span<const std::uint8_t> only) const {
    using mechanisms::PlanType;
    std::uint32_t recommend = 0;
    std::uint32_t positive = 0;
    std::uint32_t negative = 0;
    std::uint32_t personalised = 0;
    std::uint32_t forced = 0;
    SurveyAnswers answers;
    for (std::size_t i = 0; i < answers_.size(); ++i) {
        const unsigned given = answers_[i];
        if ((given & met_coach) == 0 || (!only.empty() && only[i] == 0)) {
            continue;
        }
        ++answers.met_coach;
        recommend += (given & would_recommend) != 0 ? 1u : 0u;
        positive += (given & relationship_positive) != 0 ? 1u : 0u;
        negative += (given & relationship_negative) != 0 ? 1u : 0u;
        const auto plan = static_cast<PlanType>(plan_[i]);
        if (plan == PlanType::none) {
            continue;
        }
        ++answers.agreed_plan;
        // Co-produced and strengths-based plans are personal by construction (seed D1, D2).
        personalised +=
            plan != PlanType::compliance || (given & alliance_personalises_plan) != 0 ? 1u : 0u;
        // Without sanctions nothing forces a signature (R9 asks about risking one's benefit).
        forced += sanctions_back_plans && (given & trust_below_forced) != 0 ? 1u : 0u;
    }
    answers.would_recommend = share(recommend, answers.met_coach);
    answers.relationship_positive = share(positive, answers.met_coach);
    answers.relationship_negative = share(negative, answers.met_coach);
    answers.plan_personalised = share(personalised, answers.agreed_plan);
    answers.felt_forced_to_sign = share(forced, answers.agreed_plan);
    return answers;
}

}  // namespace jobsim
