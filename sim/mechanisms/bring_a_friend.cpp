#include "sim/mechanisms/bring_a_friend.hpp"

#include <algorithm>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t max_activated = 8;

}  // namespace

void bring_a_friend(const WeekContext& context, World& world, EventSink& /*events*/) {
    if (!context.any_arm_enables(&Regime::bring_a_friend)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    const Network& network = world.network;
    if (network.persons() != n) {
        return;
    }
    ProposalSlots proposals(n, max_activated);
    parallel_for_each(n, [&](std::uint32_t i) {
        const BringAFriendParams& params = context.regime(p.arm[i]).bring_a_friend;
        if (!params.enabled || p.claim[i] == ClaimState::none || p.claim_weeks[i] != 0) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::bring_a_friend);
        if (!stream.bernoulli(params.take_up)) {
            return;
        }
        if (stream.bernoulli(params.disclosure_probability)) {
            p.barriers_disclosed[i] =
                static_cast<std::uint8_t>(p.barriers_disclosed[i] | p.barriers[i]);
        }
        // Friends of friends in work, found through one's contacts in slot order.
        const std::uint32_t wanted = std::min(params.latent_ties_activated, max_activated);
        const std::span<TieProposal> room = proposals.room(i);
        std::uint32_t count = 0;
        for (const Tie& friend_tie : network.ties(i)) {
            for (const Tie& second : network.ties(friend_tie.contact)) {
                const std::uint32_t j = second.contact;
                if (count < wanted && j != i && p.status[j] == LabourStatus::employed &&
                    !network.connected(i, j)) {
                    room[count++] = {i, j, 0};
                }
            }
        }
        proposals.set_count(i, count);
    });
    for (std::uint32_t i = 0; i < n; ++i) {
        (void)add_proposed_ties(world, proposals.of(i));
    }
}

}  // namespace jobsim::mechanisms
