#include "sim/mechanisms/personal_budget.hpp"

#include <algorithm>
#include <cmath>

#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

// Persons::budget_order: the item on order in the low bits, flags in the high ones.
constexpr std::uint8_t item_mask = 0x0F;
constexpr std::uint8_t work_kit_flag = 0x40;  // work kit owned (kept after the claim)
constexpr std::uint8_t granted_flag = 0x80;   // a budget was granted on this claim

/// Barriers a budget item can remove.
constexpr std::uint8_t remediable = barrier_basic_skills | barrier_caring | barrier_confidence;

BudgetItem item_on_order(std::uint8_t order) {
    return static_cast<BudgetItem>(order & item_mask);
}

const BudgetItemSpec& spec_of(const PersonalBudgetParams& params, BudgetItem item) {
    switch (item) {
        case BudgetItem::esol_course:
            return params.esol_course;
        case BudgetItem::childcare:
            return params.childcare;
        case BudgetItem::confidence_course:
            return params.confidence_course;
        case BudgetItem::work_kit:
            return params.work_kit;
        case BudgetItem::qualification:
            return params.qualification;
        case BudgetItem::none:
        case BudgetItem::unhelpful:
            break;
    }
    return params.unhelpful;
}

BudgetItem remedy_for(std::uint8_t barrier) {
    switch (barrier) {
        case barrier_basic_skills:
            return BudgetItem::esol_course;
        case barrier_caring:
            return BudgetItem::childcare;
        case barrier_confidence:
            return BudgetItem::confidence_course;
        default:
            return BudgetItem::none;
    }
}

bool eligible(const PersonalBudgetParams& params, const Persons& p, std::uint32_t i) {
    return params.eligibility == BudgetEligibility::all_claimants ||
           (p.sanction_count[i] == 0 && p.alliance[i] >= params.cooperative_alliance_threshold);
}

/// The item the budget's controller chooses: a remedy for a barrier they believe the person has,
/// else work kit, else a qualification.
BudgetItem choose_item(const PersonalBudgetParams& params, const Persons& p, std::uint32_t i,
                       rng::Stream& stream) {
    std::uint8_t believed = 0;
    switch (params.control) {
        case BudgetControl::person:
            if (stream.bernoulli(params.person_unhelpful_spend_probability)) {
                return BudgetItem::unhelpful;
            }
            believed = p.barriers[i] & remediable;
            break;
        case BudgetControl::joint:
            believed = p.barriers[i] & remediable;
            break;
        case BudgetControl::coach:
            believed = coach_assessed_needs(p.barriers_disclosed[i], remediable,
                                            params.coach_misjudge_probability, stream);
            break;
    }
    if (believed != 0) {
        return remedy_for(pick_bit(believed, stream));
    }
    if (!has_work_kit(p.budget_order[i])) {
        return BudgetItem::work_kit;
    }
    return p.skill[i] < 1.0f ? BudgetItem::qualification : BudgetItem::none;
}

void deliver(const PersonalBudgetParams& params, Persons& p, std::uint32_t i, BudgetItem item) {
    p.barriers[i] = static_cast<std::uint8_t>(p.barriers[i] & ~barrier_removed_by(item));
    switch (item) {
        case BudgetItem::confidence_course:
            p.confidence[i] = raise_share(p.confidence[i], params.confidence_course_gain);
            break;
        case BudgetItem::work_kit:
            p.budget_order[i] |= work_kit_flag;
            break;
        case BudgetItem::qualification:
            p.skill[i] = raise_share(p.skill[i], params.qualification_skill_gain);
            break;
        default:
            break;
    }
    p.budget_order[i] = static_cast<std::uint8_t>(p.budget_order[i] & ~item_mask);
}

void buy(const WeekContext& context, const PersonalBudgetParams& params, Persons& p,
         std::uint32_t i, EventSink& events) {
    auto stream = context.person_stream(i, rng::Purpose::budget_spending);
    const BudgetItem item = choose_item(params, p, i, stream);
    if (item == BudgetItem::none) {
        return;
    }
    const BudgetItemSpec& spec = spec_of(params, item);
    const auto price = static_cast<std::uint16_t>(std::lround(spec.price_gbp));
    if (price > p.budget_left_gbp[i]) {
        return;  // what is left does not pay for it
    }
    p.budget_left_gbp[i] = static_cast<std::uint16_t>(p.budget_left_gbp[i] - price);
    p.budget_order[i] = static_cast<std::uint8_t>((p.budget_order[i] & ~item_mask) |
                                                  static_cast<std::uint8_t>(item));
    p.budget_weeks[i] = static_cast<std::uint8_t>(spec.delay_weeks);
    const std::uint8_t target = barrier_removed_by(item);
    const bool needed = target == 0 ? item != BudgetItem::unhelpful : (p.barriers[i] & target) != 0;
    if (target != 0 && !needed) {
        p.trust[i] = raise_share(p.trust[i], -params.wrong_item_trust_loss);
    }
    events.emit({.week = context.week,
                 .kind = EventKind::budget_item,
                 .detail = static_cast<std::uint8_t>(item),
                 .person = static_cast<PersonId>(i),
                 .other = needed ? 1u : 0u,
                 .value = static_cast<float>(price)});
    events.emit({.week = context.week,
                 .kind = EventKind::public_cost,
                 .detail = static_cast<std::uint8_t>(CostItem::personal_budget),
                 .person = static_cast<PersonId>(i),
                 .value = static_cast<float>(price)});
}

}  // namespace

std::uint8_t barrier_removed_by(BudgetItem item) {
    switch (item) {
        case BudgetItem::esol_course:
            return barrier_basic_skills;
        case BudgetItem::childcare:
            return barrier_caring;
        case BudgetItem::confidence_course:
            return barrier_confidence;
        default:
            return 0;
    }
}

bool on_budget_course(std::uint8_t budget_order, std::uint8_t budget_weeks) {
    const BudgetItem item = item_on_order(budget_order);
    return budget_weeks > 0 &&
           (item == BudgetItem::esol_course || item == BudgetItem::confidence_course ||
            item == BudgetItem::qualification);
}

bool has_work_kit(std::uint8_t budget_order) {
    return (budget_order & work_kit_flag) != 0;
}

void personal_budget(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::personal_budget)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const PersonalBudgetParams& params = context.regime(p.arm[i]).personal_budget;
        if (!params.enabled) {
            return;
        }
        // An item on order arrives when its delay runs out, claim or not.
        if (item_on_order(p.budget_order[i]) != BudgetItem::none && --p.budget_weeks[i] == 0) {
            deliver(params, p, i, item_on_order(p.budget_order[i]));
        }
        if (p.coach[i] == none<CoachId>) {
            if ((p.budget_order[i] & granted_flag) != 0) {  // what is unspent lapses
                p.budget_order[i] = static_cast<std::uint8_t>(p.budget_order[i] & ~granted_flag);
                p.budget_left_gbp[i] = 0;
            }
            return;
        }
        if (p.meeting_this_week[i] != MeetingOutcome::attended) {
            return;
        }
        if ((p.budget_order[i] & granted_flag) == 0) {
            if (!eligible(params, p, i)) {
                return;
            }
            p.budget_order[i] |= granted_flag;
            p.budget_left_gbp[i] = static_cast<std::uint16_t>(std::lround(params.budget_gbp));
        }
        if (item_on_order(p.budget_order[i]) == BudgetItem::none && p.budget_left_gbp[i] > 0) {
            buy(context, params, p, i, events);
        }
    });
}

}  // namespace jobsim::mechanisms
