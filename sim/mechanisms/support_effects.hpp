// Helpers shared by the support mechanisms (plans, budgets, providers): clamped nudges to 0-1
// person state, the coach's noisy needs assessment, and the effects their state has on search
// time and the employer's assessment, read by job_search and employer_choice.
#pragma once

#include <algorithm>
#include <cstdint>

#include "sim/rng/stream.hpp"

namespace jobsim {
struct Regime;
struct Persons;
}  // namespace jobsim

namespace jobsim::mechanisms {

/// value + gain, kept within 0-1.
[[nodiscard]] inline float raise_share(float value, double gain) {
    return static_cast<float>(std::clamp(value + gain, 0.0, 1.0));
}

/// A uniformly chosen set bit of `bits` (0 if none is set).
[[nodiscard]] std::uint8_t pick_bit(std::uint8_t bits, rng::Stream& stream);

/// What a coach believes a person needs help with among `candidates` (Barrier bits): the disclosed
/// barriers, plus, with `misjudge_probability`, one candidate barrier at random that the coach
/// wrongly or rightly sees (seed B13: a noisy needs assessment).
[[nodiscard]] std::uint8_t coach_assessed_needs(std::uint8_t disclosed, std::uint8_t candidates,
                                                double misjudge_probability, rng::Stream& stream);

/// Multiplier on a person's search effort from support: time lost to budget courses and
/// placements, lift from a provider's programme.
[[nodiscard]] double support_effort_factor(const Regime& regime, const Persons& p, std::uint32_t i);

/// Lift to the employer's assessment from support (work kit, a provider's job development), in
/// score units.
[[nodiscard]] double support_assessment_lift(const Regime& regime, const Persons& p,
                                             std::uint32_t i);

/// Multiplier on a person's job-ending hazard from in-work support by a provider.
[[nodiscard]] double support_separation_factor(const Regime& regime, const Persons& p,
                                               std::uint32_t i);

}  // namespace jobsim::mechanisms
