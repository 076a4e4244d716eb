// Action plans: at an attended meeting a claimant without a plan may agree one. A compliance-led
// plan (the claimant commitment) only records duties; a co-produced plan, or a strengths-based one
// ("I can; I am; I will; I want"), raises confidence and the working alliance when agreed, and is
// reviewed at every later meeting, lifting follow-through (search effort). The plan ends with the
// claim. Seeds D1, D2, D8. YAML: regime.action_plan. Phase: service_contact.
#pragma once

#include <array>
#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// How a plan is made. Stored in Persons::plan (none = no plan on this claim).
enum class PlanType : std::uint8_t { none = 0, compliance = 1, co_produced = 2, strengths = 3 };

inline constexpr std::array<scenario::Choice<PlanType>, 3> plan_type_choices{{
    {"compliance", PlanType::compliance, "the coach sets duties (claimant commitment)"},
    {"co_produced", PlanType::co_produced, "goals, barriers and support agreed together (D1)"},
    {"strengths", PlanType::strengths, "starts from strengths: I can; I am; I will; I want (D2)"},
}};

struct ActionPlanParams {
    bool enabled = true;
    PlanType plan_type = PlanType::compliance;
    double agree_probability = 0.9;
    double co_produced_confidence_gain = 0.05;
    double strengths_confidence_gain = 0.1;
    double co_produced_alliance_gain = 0.05;
    double strengths_alliance_gain = 0.08;
    double co_produced_follow_through = 0.1;
    double strengths_follow_through = 0.15;
};

template <class Visitor>
void describe(Visitor& v, ActionPlanParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Claimants agree an action plan at a meeting (off: no plans)."});
    v.choice("plan_type", p.plan_type, plan_type_choices,
             {.doc = "How plans are made: compliance, co_produced or strengths.",
              .source = "seed 001 L21, 003 L15, 004 L2976-2987 (D1, D2)"});
    v.field("agree_probability", p.agree_probability,
            probability("Chance a claimant without a plan agrees one at an attended meeting."));
    v.field("co_produced_confidence_gain", p.co_produced_confidence_gain,
            probability("Confidence (0-1) gained when a co-produced plan is agreed.",
                        "assumption; seed D1, D8 (direction)"));
    v.field("strengths_confidence_gain", p.strengths_confidence_gain,
            probability("Confidence (0-1) gained when a strengths-based plan is agreed.",
                        "assumption; seed D2 (raises confidence, agency)"));
    v.field("co_produced_alliance_gain", p.co_produced_alliance_gain,
            probability("Working alliance (0-1) gained when a co-produced plan is agreed.",
                        "assumption; seed D1 (co-produced plans add to alliance)"));
    v.field("strengths_alliance_gain", p.strengths_alliance_gain,
            probability("Working alliance (0-1) gained when a strengths-based plan is agreed "
                        "(commitments by both sides).",
                        "assumption; seed D2"));
    v.field("co_produced_follow_through", p.co_produced_follow_through,
            non_negative("Added to the meeting boost of search effort at each attended meeting "
                         "that reviews a co-produced plan.",
                         "share of effort", "assumption; seed D1, D8 (follow-through)"));
    v.field("strengths_follow_through", p.strengths_follow_through,
            non_negative("Added to the meeting boost of search effort at each attended meeting "
                         "that reviews a strengths-based plan.",
                         "share of effort", "assumption; seed D2, D8"));
}

/// Confidence gained, alliance gained and follow-through of a plan type under these params
/// (all zero for a compliance-led plan).
struct PlanEffects {
    double confidence_gain = 0.0;
    double alliance_gain = 0.0;
    double follow_through = 0.0;
};
[[nodiscard]] PlanEffects plan_effects(const ActionPlanParams& params, PlanType type);

/// Ends plans with the claim, agrees new ones at attended meetings and adds plan follow-through to
/// the meeting boost. Thread-safe over persons; draws Purpose::plan_agreement.
void action_plan(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
