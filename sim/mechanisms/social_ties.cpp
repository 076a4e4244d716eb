#include "sim/mechanisms/social_ties.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/parallel_sort.h>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// A session attendee proposes at most this many ties a week.
constexpr std::uint32_t max_ties_per_session = 8;

}  // namespace

ProposalSlots::ProposalSlots(std::uint32_t owners, std::uint32_t per_owner)
    : per_owner_(per_owner),
      slots_(std::make_unique_for_overwrite<TieProposal[]>(static_cast<std::size_t>(owners) *
                                                           per_owner)),
      count_(owners, 0) {}

std::uint32_t session_of(std::uint16_t area, std::uint8_t arm) {
    return static_cast<std::uint32_t>(area) * 256u + arm;
}

std::uint32_t add_proposed_ties(World& world, std::span<const TieProposal> proposals) {
    std::uint32_t added = 0;
    for (const TieProposal& proposal : proposals) {
        const std::uint8_t flags =
            tie_flags_between(world.persons, proposal.person, proposal.contact, proposal.flags);
        added += world.network.add_tie(proposal.person, proposal.contact, flags, world.persons.area)
                     ? 1u
                     : 0u;
    }
    return added;
}

std::uint32_t mix_sessions(const WeekContext& context, World& world,
                           std::vector<Attendee>& attendees, std::uint8_t flags,
                           rng::Purpose purpose) {
    // Total orders (an attendee is a person once), so parallel sorts give the one sorted list.
    tbb::parallel_sort(
        attendees.begin(), attendees.end(), [](const Attendee& a, const Attendee& b) {
            return a.session != b.session ? a.session < b.session : a.person < b.person;
        });
    const auto count = static_cast<std::uint32_t>(attendees.size());
    // Bounds of each attendee's session in the sorted list.
    std::vector<std::uint32_t> session_begin(count);
    std::vector<std::uint32_t> session_end(count);
    for (std::uint32_t k = 0; k < count;) {
        std::uint32_t end = k;
        while (end < count && attendees[end].session == attendees[k].session) {
            ++end;
        }
        for (std::uint32_t m = k; m < end; ++m) {
            session_begin[m] = k;
            session_end[m] = end;
        }
        k = end;
    }
    ProposalSlots proposals(count, max_ties_per_session);
    parallel_for_each(count, [&](std::uint32_t k) {
        const std::uint32_t others = session_end[k] - session_begin[k] - 1;
        if (others == 0) {
            return;
        }
        const std::uint32_t i = attendees[k].person;
        auto stream = context.person_stream(i, purpose);
        const double ties_each = std::max(0.0, attendees[k].ties_each);
        const double whole = std::floor(ties_each);
        const auto wanted = std::min<std::uint32_t>(
            max_ties_per_session,
            static_cast<std::uint32_t>(whole) + (stream.bernoulli(ties_each - whole) ? 1u : 0u));
        const std::span<TieProposal> room = proposals.room(k);
        for (std::uint32_t t = 0; t < wanted; ++t) {
            std::uint32_t m = session_begin[k] + stream.below(others);
            m += m >= k ? 1u : 0u;  // skip oneself
            room[t] = {i, attendees[m].person, flags};
        }
        proposals.set_count(k, wanted);
    });
    // Resolve in person order across sessions.
    std::vector<std::uint32_t> order(count);
    parallel_for_each(count, [&order](std::uint32_t k) { order[k] = k; });
    tbb::parallel_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return attendees[a].person != attendees[b].person
                   ? attendees[a].person < attendees[b].person
                   : a < b;
    });
    std::uint32_t added = 0;
    for (const std::uint32_t k : order) {
        added += add_proposed_ties(world, proposals.of(k));
    }
    return added;
}

void apply_session_effects(const WeekContext& context, Persons& p, EventSink& events,
                           std::uint32_t i, const SessionEffects& effects, CostItem cost_item) {
    p.loneliness[i] =
        static_cast<float>(std::clamp(p.loneliness[i] - effects.loneliness_relief, 0.0, 1.0));
    p.confidence[i] =
        static_cast<float>(std::clamp(p.confidence[i] + effects.confidence_boost, 0.0, 1.0));
    p.wellbeing[i] =
        static_cast<float>(std::clamp(p.wellbeing[i] + effects.wellbeing_boost, 0.0, 10.0));
    if (effects.cost_gbp > 0.0) {
        events.emit({.week = context.week,
                     .kind = EventKind::public_cost,
                     .detail = static_cast<std::uint8_t>(cost_item),
                     .person = static_cast<PersonId>(i),
                     .value = static_cast<float>(effects.cost_gbp)});
    }
}

}  // namespace jobsim::mechanisms
