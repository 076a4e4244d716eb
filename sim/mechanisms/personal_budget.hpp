// Personal budgets: an eligible claimant is given a budget (e.g. GBP 500) that is spent at
// meetings, one item at a time, on a menu: an ESOL or literacy course (basic skills barrier),
// childcare (caring barrier), a confidence course (confidence barrier), work kit (clothes, DBS
// check, CSCS card, travel to interviews: a better employer assessment) or a qualification
// (skill). Items arrive after a delay; courses take time out of search meanwhile. Who controls
// the budget decides which item is bought: the person knows their barriers (and sometimes spends
// on things that do not help), a joint decision buys what is needed, and a coach knows only the
// disclosed barriers and misjudges needs (B13): a wrong item costs time and money and lowers trust.
// Seeds D3, D4, B13, I1, P5, P6. YAML: regime.personal_budget. Phase: service_contact.
#pragma once

#include <array>
#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// Who decides what the budget buys (D4).
enum class BudgetControl : std::uint8_t { person = 0, joint = 1, coach = 2 };

inline constexpr std::array<scenario::Choice<BudgetControl>, 3> budget_control_choices{{
    {"person", BudgetControl::person, "the citizen alone"},
    {"joint", BudgetControl::joint, "citizen and coach agree each item"},
    {"coach", BudgetControl::coach, "the coach decides from the needs they know of"},
}};

/// Who is given a budget (D4: "only for the most co-operative clients").
enum class BudgetEligibility : std::uint8_t { all_claimants = 0, most_cooperative = 1 };

inline constexpr std::array<scenario::Choice<BudgetEligibility>, 2> budget_eligibility_choices{{
    {"all_claimants", BudgetEligibility::all_claimants, "every claimant at a meeting"},
    {"most_cooperative", BudgetEligibility::most_cooperative,
     "claimants never sanctioned whose working alliance reaches the threshold"},
}};

/// Items on the menu, stored in the low bits of Persons::budget_order. Values are written to the
/// event log: append only.
enum class BudgetItem : std::uint8_t {
    none = 0,
    esol_course = 1,        ///< ESOL / literacy course: removes the basic skills barrier
    childcare = 2,          ///< childcare: removes the caring barrier
    confidence_course = 3,  ///< confidence course: removes the confidence barrier
    work_kit = 4,           ///< clothes, DBS check, CSCS card, travel: better employer assessment
    qualification = 5,      ///< a vocational qualification: raises skill
    unhelpful = 6,          ///< something that does not help find work (person-only spending)
};

/// Price and delay of one menu item.
struct BudgetItemSpec {
    double price_gbp = 0.0;
    std::uint32_t delay_weeks = 1;
};

struct PersonalBudgetParams {
    bool enabled = false;
    double budget_gbp = 500.0;
    BudgetControl control = BudgetControl::joint;
    BudgetEligibility eligibility = BudgetEligibility::all_claimants;
    double cooperative_alliance_threshold = 0.6;
    double coach_misjudge_probability = 0.3;
    double person_unhelpful_spend_probability = 0.1;
    double wrong_item_trust_loss = 0.1;
    double course_search_time_loss = 0.3;
    double confidence_course_gain = 0.1;
    double qualification_skill_gain = 0.05;
    double work_kit_assessment_lift = 0.3;
    BudgetItemSpec esol_course{300.0, 12};
    BudgetItemSpec childcare{400.0, 2};
    BudgetItemSpec confidence_course{250.0, 6};
    BudgetItemSpec work_kit{150.0, 2};
    BudgetItemSpec qualification{450.0, 10};
    BudgetItemSpec unhelpful{100.0, 1};
};

template <class Visitor>
void describe(Visitor& v, BudgetItemSpec& s) {
    using scenario::non_negative;
    v.field("price_gbp", s.price_gbp,
            non_negative("Price of the item.", "GBP",
                         "assumption; seed P5 (menu of a GBP 500 budget)"));
    v.field("delay_weeks", s.delay_weeks,
            {.doc = "Weeks from purchase until the item takes effect (a course's length).",
             .min = 1,
             .max = 255,
             .unit = "weeks",
             .source = "assumption; seed S9 (a six-week confidence course)"});
}

template <class Visitor>
void describe(Visitor& v, PersonalBudgetParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Claimants get a personal budget spent on work-related items (off: none)."});
    v.field("budget_gbp", p.budget_gbp,
            {.doc = "Budget per claim; what is unspent lapses when the claim ends.",
             .min = 0.0,
             .max = 65535.0,
             .unit = "GBP",
             .source = "seed P5 (GBP 500 per participant, Liverpool City Region)"});
    v.choice("control", p.control, budget_control_choices,
             {.doc = "Who decides what is bought: person, joint or coach.",
              .source = "seed 001 L21, 003 L21 (D4)"});
    v.choice("eligibility", p.eligibility, budget_eligibility_choices,
             {.doc = "Who gets a budget: all_claimants or most_cooperative.",
              .source = "seed 001 L21 (D4)"});
    v.field("cooperative_alliance_threshold", p.cooperative_alliance_threshold,
            probability("Working alliance (0-1) a claimant needs to count as most co-operative."));
    v.field("coach_misjudge_probability", p.coach_misjudge_probability,
            probability("Chance the coach's needs assessment sees a barrier at random (which the "
                        "person may not have) besides the disclosed ones.",
                        "assumption; seed B13 (Jean's confidence course)"));
    v.field("person_unhelpful_spend_probability", p.person_unhelpful_spend_probability,
            probability("Chance a person spending alone buys something that does not help; a "
                        "joint decision avoids it.",
                        "assumption; seed D4 (joint agreement lowers waste)"));
    v.field("wrong_item_trust_loss", p.wrong_item_trust_loss,
            probability("Trust (0-1) lost when the budget buys a remedy for a barrier the person "
                        "does not have.",
                        "assumption; seed B13 (wrong referrals lower trust)"));
    v.field("course_search_time_loss", p.course_search_time_loss,
            probability("Share of search effort lost while attending a course bought from the "
                        "budget.",
                        "assumption; seed B13 (time out of search)"));
    v.field("confidence_course_gain", p.confidence_course_gain,
            probability("Confidence (0-1) gained on finishing a confidence course."));
    v.field("qualification_skill_gain", p.qualification_skill_gain,
            probability("Skill (0-1) gained on finishing a qualification."));
    v.field("work_kit_assessment_lift", p.work_kit_assessment_lift,
            non_negative("Employer assessment lift of someone with work kit (clothes, DBS check, "
                         "CSCS card, fares to interviews).",
                         "score", "assumption; seed D3 (direction)"));
    v.section("esol_course", p.esol_course, "ESOL or literacy course: removes basic skills.");
    v.section("childcare", p.childcare, "Childcare: removes the caring barrier.");
    v.section("confidence_course", p.confidence_course,
              "Confidence course: removes the confidence barrier.");
    v.section("work_kit", p.work_kit, "Work clothes, DBS check, CSCS card, travel to interviews.");
    v.section("qualification", p.qualification, "A vocational qualification: raises skill.");
    v.section("unhelpful", p.unhelpful, "Spending that does not help find work.");
}

/// The barrier an item removes (0 for items that remove none).
[[nodiscard]] std::uint8_t barrier_removed_by(BudgetItem item);

/// True while a course bought from the budget takes the person's time.
[[nodiscard]] bool on_budget_course(std::uint8_t budget_order, std::uint8_t budget_weeks);

/// True once the person has work kit.
[[nodiscard]] bool has_work_kit(std::uint8_t budget_order);

/// Grants budgets at meetings, buys one item at a time, delivers items whose delay has run out,
/// and lets unspent budgets lapse when the claim ends. Thread-safe over persons; draws
/// Purpose::budget_spending.
void personal_budget(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
