#include "sim/mechanisms/support_effects.hpp"

#include <algorithm>

#include "sim/scenario/scenario.hpp"
#include "sim/state/persons.hpp"

namespace jobsim::mechanisms {

std::uint8_t pick_bit(std::uint8_t bits, rng::Stream& stream) {
    const int count = count_barriers(bits);
    if (count == 0) {
        return 0;
    }
    auto k = stream.below(static_cast<std::uint32_t>(count));
    for (int b = 0; b < 8; ++b) {
        const auto bit = static_cast<std::uint8_t>(1u << b);
        if ((bits & bit) != 0 && k-- == 0) {
            return bit;
        }
    }
    return 0;
}

std::uint8_t coach_assessed_needs(std::uint8_t disclosed, std::uint8_t candidates,
                                  double misjudge_probability, rng::Stream& stream) {
    std::uint8_t needs = disclosed & candidates;
    if (stream.bernoulli(misjudge_probability)) {
        needs |= pick_bit(candidates, stream);
    }
    return needs;
}

namespace {

/// The programme a person is on this week, if the arm runs referrals.
const ProgrammeSpec* current_programme(const Regime& regime, const Persons& p, std::uint32_t i) {
    if (!regime.provider_referral.enabled || p.provider_weeks[i] == 0) {
        return nullptr;
    }
    return programme(regime.provider_referral, provider_of(p.provider[i]));
}

}  // namespace

double support_effort_factor(const Regime& regime, const Persons& p, std::uint32_t i) {
    double factor = 1.0;
    if (regime.personal_budget.enabled && on_budget_course(p.budget_order[i], p.budget_weeks[i])) {
        factor *= 1.0 - regime.personal_budget.course_search_time_loss;
    }
    if (const ProgrammeSpec* spec = current_programme(regime, p, i)) {
        factor *= 1.0 + spec->effort_lift * programme_quality(regime, p, i);
    }
    if (regime.work_placement.enabled && p.placement_weeks[i] > 0) {
        factor *= 1.0 - regime.work_placement.search_time_loss;
    }
    return factor;
}

double support_separation_factor(const Regime& regime, const Persons& p, std::uint32_t i) {
    const ProgrammeSpec* spec = current_programme(regime, p, i);
    if (spec == nullptr) {
        return 1.0;
    }
    // A better provider keeps more of the reduction (or adds to it), never below no risk.
    return std::max(0.0, 1.0 - (1.0 - spec->separation_factor) * programme_quality(regime, p, i));
}

double support_assessment_lift(const Regime& regime, const Persons& p, std::uint32_t i) {
    double lift = 0.0;
    if (regime.personal_budget.enabled && has_work_kit(p.budget_order[i])) {
        lift += regime.personal_budget.work_kit_assessment_lift;
    }
    if (const ProgrammeSpec* spec = current_programme(regime, p, i)) {
        lift += spec->assessment_lift * programme_quality(regime, p, i);
    }
    return lift;
}

}  // namespace jobsim::mechanisms
