#include "sim/mechanisms/tie_dynamics.hpp"

#include <algorithm>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/population/network.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t no_contact = 0xFFFFFFFFu;
using SlotMask = std::uint16_t;
static_assert(Network::capacity <= 16, "a SlotMask has one bit per slot");

bool in_work(const Persons& p, std::uint32_t i) {
    return p.status[i] == LabourStatus::employed;
}

/// Each person marks the ties they let lapse this week (their own decision, their own stream).
std::vector<SlotMask> propose_lapses(const WeekContext& context, const TieDynamicsParams& params,
                                     const World& world) {
    const Network& network = world.network;
    std::vector<SlotMask> lapse(network.persons(), 0);
    parallel_for_each(network.persons(), [&](std::uint32_t i) {
        if (network.degree[i] == 0) {
            return;
        }
        const double weak = in_work(world.persons, i) ? params.weak_tie_loss_in_work
                                                      : params.weak_tie_loss_out_of_work;
        auto stream = context.person_stream(i, rng::Purpose::tie_loss);
        SlotMask mask = 0;
        const auto ties = network.ties(i);
        for (std::uint32_t s = 0; s < ties.size(); ++s) {
            const bool strong = (ties[s].flags & tie_strong) != 0;
            if (stream.bernoulli(strong ? weak * params.strong_tie_loss_ratio : weak)) {
                mask = static_cast<SlotMask>(mask | (1u << s));
            }
        }
        lapse[i] = mask;
    });
    return lapse;
}

/// A tie lapses when either end lets it: each person works out which of their own slots stay
/// (reading the other end's mark), then compacts their own list.
void remove_lapsed(World& world, const std::vector<SlotMask>& lapse) {
    Network& network = world.network;
    std::vector<SlotMask> drop(network.persons(), 0);
    parallel_for_each(network.persons(), [&](std::uint32_t i) {
        SlotMask mask = lapse[i];
        const auto ties = network.ties(i);
        for (std::uint32_t s = 0; s < ties.size(); ++s) {
            const std::uint32_t j = ties[s].contact;
            if (lapse[j] == 0) {
                continue;  // most people let nothing lapse in a given week
            }
            const auto back = network.ties(j);
            for (std::uint32_t r = 0; r < back.size(); ++r) {
                if (back[r].contact == i && (lapse[j] & (1u << r)) != 0) {
                    mask = static_cast<SlotMask>(mask | (1u << s));
                }
            }
        }
        drop[i] = mask;
    });
    parallel_for_each(network.persons(), [&](std::uint32_t i) {
        if (drop[i] == 0) {
            return;
        }
        const auto ties = network.ties(i);
        std::uint32_t kept = 0;
        for (std::uint32_t s = 0; s < ties.size(); ++s) {
            if ((drop[i] & (1u << s)) == 0) {
                ties[kept++] = ties[s];
            }
        }
        network.degree[i] = static_cast<std::uint8_t>(kept);
    });
}

/// Each person may propose one new tie; they are added in person order.
void form_ties(const WeekContext& context, const TieDynamicsParams& params, World& world) {
    const Persons& p = world.persons;
    const std::uint32_t n = p.size();
    const auto areas = static_cast<std::uint16_t>(world.network.area_offsets.size() - 1);
    std::vector<std::uint32_t> contact(n, no_contact);
    parallel_for_each(n, [&](std::uint32_t i) {
        auto stream = context.person_stream(i, rng::Purpose::tie_formation);
        const double rate = in_work(p, i) ? params.formation_in_work : params.formation_out_of_work;
        if (!stream.bernoulli(rate)) {
            return;
        }
        const auto home = static_cast<std::uint16_t>(index(p.area[i]));
        std::uint16_t area = home;
        if (areas > 1 && !stream.bernoulli(params.formation_local_share)) {
            area = static_cast<std::uint16_t>((home + 1u + stream.below(areas - 1u)) % areas);
        }
        contact[i] = draw_contact(world, i, area, params.formation_status_homophily, stream);
    });
    for (std::uint32_t i = 0; i < n; ++i) {
        if (contact[i] != no_contact) {
            const TieProposal proposal{i, contact[i], 0};
            (void)add_proposed_ties(world, std::span<const TieProposal>(&proposal, 1));
        }
    }
}

}  // namespace

double loneliness_target(const TieDynamicsParams& params, bool employed, std::uint32_t ties) {
    const double relief = params.loneliness_relief_full_network *
                          std::min(1.0, static_cast<double>(ties) / params.ties_for_full_relief);
    return std::clamp(
        params.loneliness_base + (employed ? 0.0 : params.loneliness_out_of_work) - relief, 0.0,
        1.0);
}

void tie_dynamics(const WeekContext& context, World& world, EventSink& /*events*/) {
    const TieDynamicsParams& params = context.scenario.labour_market.tie_dynamics;
    Persons& p = world.persons;
    if (!params.enabled || world.network.persons() != p.size()) {
        return;
    }
    remove_lapsed(world, propose_lapses(context, params, world));
    form_ties(context, params, world);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const double target = loneliness_target(params, in_work(p, i), world.network.degree[i]);
        p.loneliness[i] = static_cast<float>(std::clamp(
            p.loneliness[i] + params.loneliness_adjustment * (target - p.loneliness[i]), 0.0, 1.0));
    });
}

}  // namespace jobsim::mechanisms
