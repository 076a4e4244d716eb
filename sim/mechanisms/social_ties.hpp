// Shared helpers for mechanisms that add ties (not a mechanism): mixing among the attendees of a
// session (peer groups, mixed events, community activities) and serial resolution of proposed
// ties. Every helper proposes in parallel from per-person streams and adds ties serially in person
// order, so the network is the same at any thread count.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "sim/observe/event.hpp"
#include "sim/rng/purpose.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct Persons;
}

namespace jobsim::mechanisms {

/// A person at a session this week; attendees of the same session mix.
struct Attendee {
    std::uint32_t person;
    std::uint32_t session;  ///< session_of(area, arm), so arms of a trial never mix
    double ties_each;       ///< ties this attendee proposes (a stochastic round)
};

/// A proposed tie from person to contact, with the TieFlag bits it should carry.
struct TieProposal {
    std::uint32_t person;
    std::uint32_t contact;
    std::uint8_t flags;
};

/// Up to `per_owner` proposals for each of `owners` (persons or attendees), written in parallel,
/// each owner to its own slots, then read back per owner in the caller's order. The slots are
/// left unfilled: only an owner's first count(k) are read, so a week's buffer costs no serial
/// zeroing of owners x per_owner entries (tens of MB at 1e6 persons, once per mechanism).
class ProposalSlots {
public:
    ProposalSlots(std::uint32_t owners, std::uint32_t per_owner);

    /// Owner k's per_owner slots, written only by the thread handling k; then set_count.
    [[nodiscard]] std::span<TieProposal> room(std::uint32_t k) {
        return {slots_.get() + static_cast<std::size_t>(k) * per_owner_, per_owner_};
    }
    void set_count(std::uint32_t k, std::uint32_t count) {
        count_[k] = static_cast<std::uint8_t>(count);
    }
    [[nodiscard]] std::span<const TieProposal> of(std::uint32_t k) const {
        return {slots_.get() + static_cast<std::size_t>(k) * per_owner_, count_[k]};
    }

private:
    std::uint32_t per_owner_;
    std::unique_ptr<TieProposal[]> slots_;
    std::vector<std::uint8_t> count_;
};

/// Session key that keeps arms apart: one session per (area, arm).
[[nodiscard]] std::uint32_t session_of(std::uint16_t area, std::uint8_t arm);

/// Adds proposed ties in the order given (callers pass them in person order); the flags are
/// completed with tie_flags_between. Returns how many were added. Serial.
std::uint32_t add_proposed_ties(World& world, std::span<const TieProposal> proposals);

/// Each attendee proposes about `ties_each` ties with other attendees of the same session, drawn
/// from their stream of `purpose`; the ties are added serially in person order with `flags`.
/// `attendees` is sorted here (by session, then person). Returns the number of ties added.
std::uint32_t mix_sessions(const WeekContext& context, World& world,
                           std::vector<Attendee>& attendees, std::uint8_t flags,
                           rng::Purpose purpose);

}  // namespace jobsim::mechanisms

namespace jobsim::mechanisms {

/// What one attendance at a session does for the attendee (K3, K6, K7) and costs (L7).
struct SessionEffects {
    double ties_each = 0.0;          ///< ties proposed per attendee (a stochastic round)
    double loneliness_relief = 0.0;  ///< taken off loneliness (0-1)
    double confidence_boost = 0.0;   ///< added to confidence (0-1)
    double wellbeing_boost = 0.0;    ///< added to wellbeing (0-10)
    double cost_gbp = 0.0;           ///< public cost per attendance
};

/// Applies one attendance's effects to person i (clamped to each column's range) and emits its
/// public_cost event of `cost_item` when it costs anything. Writes only person i's slots.
void apply_session_effects(const WeekContext& context, Persons& p, EventSink& events,
                           std::uint32_t i, const SessionEffects& effects, CostItem cost_item);

/// This week's attendees in person order: person i attends with chance attend_chance(i) (0 = not
/// eligible), drawn from their stream of `attend_purpose`, in session session_of(area, arm), and
/// proposes ties_of(i) ties there.
template <class AttendChance, class TiesOf>
std::vector<Attendee> draw_attendees(const WeekContext& context, const World& world,
                                     const AttendChance& attend_chance, const TiesOf& ties_of,
                                     rng::Purpose attend_purpose);

/// Runs one week of sessions: person i attends with chance attend_chance(i) (0 = not eligible),
/// drawn from their stream of `attend_purpose`; attendees of the same (area, arm) mix through
/// mix_sessions (stream of `mix_purpose`) with TieFlag bits `flags`; each attendee gets
/// effects_of(i) and a public_cost event of `cost_item`. Returns the number of attendees.
template <class AttendChance, class EffectsOf>
std::uint32_t run_sessions(const WeekContext& context, World& world, EventSink& events,
                           const AttendChance& attend_chance, const EffectsOf& effects_of,
                           std::uint8_t flags, rng::Purpose attend_purpose,
                           rng::Purpose mix_purpose, CostItem cost_item);

}  // namespace jobsim::mechanisms

#include "sim/mechanisms/social_ties.ipp"
