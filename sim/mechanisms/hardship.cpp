#include "sim/mechanisms/hardship.hpp"

#include <algorithm>

#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double debt_search_factor(const HardshipParams& params, float debt_gbp) {
    if (!params.enabled || debt_gbp <= 0.0f) {
        return 1.0;
    }
    const double debt = debt_gbp;
    return 1.0 - params.max_search_loss * debt / (debt + params.debt_for_half_search_loss_gbp);
}

void hardship(const WeekContext& context, World& world, EventSink& /*events*/) {
    const HardshipParams& params = context.scenario.labour_market.hardship;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        if (p.status[i] == LabourStatus::employed) {
            const double repaid =
                std::min<double>(p.debt_gbp[i], params.in_work_repayment_gbp_per_week);
            p.debt_gbp[i] = static_cast<float>(p.debt_gbp[i] - repaid);
            return;
        }
        // Non-claimants' money (partners, savings) is not modelled: no households yet.
        if (p.claim[i] == ClaimState::none) {
            return;
        }
        const BenefitClaimParams& claim = context.regime(p.arm[i]).benefit_claim;
        const bool waiting = p.claim_weeks[i] < claim.first_payment_delay_weeks;  // C12
        const bool paid = p.claim[i] == ClaimState::claiming && !waiting;
        const double income = paid ? claim.weekly_benefit_gbp : 0.0;
        const double shortfall = std::max(0.0, params.weekly_essential_costs_gbp - income);
        const double borrowed = shortfall * params.borrowed_share_of_shortfall;
        if (borrowed <= 0.0) {
            return;
        }
        p.debt_gbp[i] = static_cast<float>(p.debt_gbp[i] + borrowed);
        p.wellbeing[i] = static_cast<float>(
            std::max(0.0, p.wellbeing[i] - params.wellbeing_loss_per_100_gbp * borrowed / 100.0));
    });
}

}  // namespace jobsim::mechanisms
