// Shared helpers for mechanisms that add ties (not a mechanism): mixing among the attendees of a
// session (peer groups, mixed events, community activities) and serial resolution of proposed
// ties. Every helper proposes in parallel from per-person streams and adds ties serially in person
// order, so the network is the same at any thread count.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/rng/purpose.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// A person at a session this week; attendees of the same session mix.
struct Attendee {
    std::uint32_t person;
    std::uint32_t session;  ///< e.g. area * arms + arm, so arms of a trial never mix
};

/// A proposed tie from person to contact, with the TieFlag bits it should carry.
struct TieProposal {
    std::uint32_t person;
    std::uint32_t contact;
    std::uint8_t flags;
};

/// Session key that keeps arms apart: one session per (area, arm).
[[nodiscard]] std::uint32_t session_of(std::uint16_t area, std::uint8_t arm);

/// Adds proposed ties in the order given (callers pass them in person order); the flags are
/// completed with tie_flags_between. Returns how many were added. Serial.
std::uint32_t add_proposed_ties(World& world, std::span<const TieProposal> proposals);

/// Each attendee proposes about `ties_each` ties (a stochastic round) with other attendees of the
/// same session, drawn from their stream of `purpose`; the ties are added serially in person
/// order with `flags`. `attendees` is sorted here (by session, then person). Returns the number
/// of ties added.
std::uint32_t mix_sessions(const WeekContext& context, World& world,
                           std::vector<Attendee>& attendees, double ties_each, std::uint8_t flags,
                           rng::Purpose purpose);

}  // namespace jobsim::mechanisms
