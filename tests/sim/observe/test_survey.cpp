// The simulated survey answers from each respondent's state after their last meeting, with the
// scenario's cut-points: checked on hand-made people whose answers can be worked out by hand.
#include <cmath>

#include <catch2/catch.hpp>

#include "sim/mechanisms/action_plan.hpp"
#include "sim/observe/survey.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/persons.hpp"

namespace test_survey {

using namespace jobsim;
using mechanisms::PlanType;

namespace {

Event meeting(std::uint32_t person) {
    return {.kind = EventKind::meeting, .person = static_cast<PersonId>(person), .value = 10.0f};
}

Event plan_agreed(std::uint32_t person, PlanType plan) {
    return {.kind = EventKind::plan_agreed,
            .detail = static_cast<std::uint8_t>(plan),
            .person = static_cast<PersonId>(person)};
}

SurveySpec cut_points() {
    SurveySpec survey;
    survey.recommend_threshold = 0.5;
    survey.positive_relationship_alliance = 0.6;
    survey.negative_relationship_alliance = 0.2;
    survey.personalised_plan_alliance = 0.4;
    survey.forced_to_sign_trust = 0.5;
    return survey;
}

}  // namespace

TEST_CASE("survey: people answer from their state after their last meeting", "[observe][survey]") {
    Persons persons;
    persons.resize(4);
    SurveyTracker tracker(persons, cut_points());
    // Person 0: a strong alliance at the meeting, lost when the claim ends afterwards.
    persons.alliance[0] = 0.8f;
    persons.trust[0] = 0.7f;
    // Person 1: a weak alliance and low trust. Person 2: in between. Person 3 never meets a coach.
    persons.alliance[1] = 0.1f;
    persons.trust[1] = 0.3f;
    persons.alliance[2] = 0.45f;
    persons.trust[2] = 0.45f;
    for (std::uint32_t i = 0; i < 3; ++i) {
        tracker.observe(meeting(i), persons);
    }
    tracker.observe(plan_agreed(0, PlanType::compliance), persons);
    tracker.observe(plan_agreed(1, PlanType::compliance), persons);
    tracker.observe(plan_agreed(2, PlanType::co_produced), persons);
    persons.alliance[0] = 0.0f;  // the claim ended: no coach, no alliance
    persons.alliance[3] = 0.9f;

    const SurveyAnswers answers = tracker.ask(true);
    CHECK(answers.met_coach == 3);
    CHECK(answers.agreed_plan == 3);
    // Recommend: mean of trust and alliance 0.75, 0.2, 0.45 against 0.5.
    CHECK(answers.would_recommend == Approx(1.0 / 3.0));
    CHECK(answers.relationship_positive == Approx(1.0 / 3.0));  // 0.8 only
    CHECK(answers.relationship_negative == Approx(1.0 / 3.0));  // 0.1 only
    // Personalised: person 0 (alliance 0.8), person 2 (co-produced, whatever the alliance).
    CHECK(answers.plan_personalised == Approx(2.0 / 3.0));
    // Forced: trust below 0.5 under sanctions: persons 1 and 2.
    CHECK(answers.felt_forced_to_sign == Approx(2.0 / 3.0));
}

TEST_CASE(
    "survey: nobody is forced to sign where there are no sanctions; only whom it is told "
    "to ask answers",
    "[observe][survey]") {
    Persons persons;
    persons.resize(3);
    SurveyTracker tracker(persons, cut_points());
    for (std::uint32_t i = 0; i < 3; ++i) {
        persons.trust[i] = 0.1f;
        tracker.observe(meeting(i), persons);
        tracker.observe(plan_agreed(i, PlanType::compliance), persons);
    }
    CHECK(tracker.ask(true).felt_forced_to_sign == Approx(1.0));
    CHECK(tracker.ask(false).felt_forced_to_sign == Approx(0.0));

    const std::vector<std::uint8_t> only_first{1, 0, 0};
    const SurveyAnswers first = tracker.ask(true, only_first);
    CHECK(first.met_coach == 1);
    CHECK(first.agreed_plan == 1);
}

TEST_CASE("survey: a share of nobody is not a number", "[observe][survey]") {
    Persons persons;
    persons.resize(2);
    const SurveyAnswers answers = SurveyTracker(persons, cut_points()).ask(true);
    CHECK(answers.met_coach == 0);
    CHECK(std::isnan(answers.relationship_positive));
    CHECK(std::isnan(answers.felt_forced_to_sign));
}

}  // namespace test_survey
