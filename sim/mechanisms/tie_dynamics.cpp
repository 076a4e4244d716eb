#include "sim/mechanisms/tie_dynamics.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <utility>

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
static_assert(tie_strong == 1, "propose_lapses indexes loss rates by the strong bit");

/// Persons whose streams are made side by side: each stream key is a chain of dependent
/// multiplies, and making several together lets the processor overlap the chains.
constexpr std::uint32_t stream_batch = 8;

bool in_work(const Persons& p, std::uint32_t i) {
    return p.status[i] == LabourStatus::employed;
}

template <std::size_t... k>
std::array<rng::Stream, sizeof...(k)> make_streams(const WeekContext& context, std::uint32_t first,
                                                   rng::Purpose purpose,
                                                   std::index_sequence<k...> /*unused*/) {
    return {context.person_stream(first + static_cast<std::uint32_t>(k), purpose)...};
}

/// Calls body(i, stream of i) for every person of [0, n) that `wanted(i)`, in parallel blocks,
/// making the streams a batch at a time (the draws are exactly those of person_stream). The body
/// gets its own copy of the stream, which the compiler can keep in a register. Streams past the
/// block's end are made and dropped: making a stream draws nothing.
template <class Wanted, class Body>
void for_each_person_stream(const WeekContext& context, std::uint32_t n, rng::Purpose purpose,
                            const Wanted& wanted, const Body& body) {
    for_each_block(n, [&](std::uint32_t begin, std::uint32_t end) {
        for (std::uint32_t first = begin; first < end; first += stream_batch) {
            auto streams =
                make_streams(context, first, purpose, std::make_index_sequence<stream_batch>{});
            const std::uint32_t last = std::min(end, first + stream_batch);
            for (std::uint32_t i = first; i < last; ++i) {
                if (wanted(i)) {
                    body(i, streams[i - first]);
                }
            }
        }
    });
}

/// Each person marks the ties they let lapse this week (their own decision, their own stream).
std::vector<SlotMask> propose_lapses(const WeekContext& context, const TieDynamicsParams& params,
                                     const World& world) {
    const Network& network = world.network;
    std::vector<SlotMask> lapse(network.persons(), 0);
    // Loss rate by [in work][strong]; indexing avoids a hard-to-predict branch per tie.
    const double loss[2][2] = {{params.weak_tie_loss_out_of_work,
                                params.weak_tie_loss_out_of_work * params.strong_tie_loss_ratio},
                               {params.weak_tie_loss_in_work,
                                params.weak_tie_loss_in_work * params.strong_tie_loss_ratio}};
    for_each_person_stream(
        context, network.persons(), rng::Purpose::tie_loss,
        [&](std::uint32_t i) { return network.degree[i] != 0; },
        [&](std::uint32_t i, rng::Stream stream) {
            const double* rate = loss[in_work(world.persons, i) ? 1 : 0];
            SlotMask mask = 0;
            const auto ties = network.ties(i);
            for (std::uint32_t s = 0; s < ties.size(); ++s) {
                const bool lapses = stream.bernoulli(rate[ties[s].flags & tie_strong]);
                mask = static_cast<SlotMask>(mask | (static_cast<unsigned>(lapses) << s));
            }
            lapse[i] = mask;
        });
    return lapse;
}

/// Removes the slots of person i marked in `drop`, keeping the order of the rest.
void drop_slots(Network& network, std::uint32_t i, SlotMask drop) {
    const auto ties = network.ties(i);
    std::uint32_t kept = 0;
    for (std::uint32_t s = 0; s < ties.size(); ++s) {
        if ((drop & (1u << s)) == 0) {
            ties[kept++] = ties[s];
        }
    }
    network.degree[i] = static_cast<std::uint8_t>(kept);
}

/// A tie lapses when either end lets it. Each person who lets a tie lapse marks the slot at the
/// other end too; marks are OR-ed in atomically, and OR does not depend on the order, so this runs
/// in parallel and gives the same marks at any thread count. The lists are only read while
/// marking, then each marked list is compacted by the thread that owns its person.
void remove_lapsed(World& world, const std::vector<SlotMask>& lapse) {
    Network& network = world.network;
    std::vector<SlotMask> drop(lapse);
    const Network& lists = network;
    parallel_for_each(network.persons(), [&](std::uint32_t j) {
        if (lapse[j] == 0) {
            return;
        }
        const auto ties = lists.ties(j);
        for (std::uint32_t r = 0; r < ties.size(); ++r) {
            if ((lapse[j] & (1u << r)) == 0) {
                continue;
            }
            const std::uint32_t i = ties[r].contact;
            const auto back = lists.ties(i);
            for (std::uint32_t s = 0; s < back.size(); ++s) {
                if (back[s].contact == j) {
                    std::atomic_ref<SlotMask>(drop[i]).fetch_or(static_cast<SlotMask>(1u << s),
                                                                std::memory_order_relaxed);
                }
            }
        }
    });
    parallel_for_each(network.persons(), [&](std::uint32_t i) {
        if (drop[i] != 0) {
            drop_slots(network, i, drop[i]);
        }
    });
}

/// Each person may propose one new tie; they are added in person order.
void form_ties(const WeekContext& context, const TieDynamicsParams& params, World& world) {
    const Persons& p = world.persons;
    const std::uint32_t n = p.size();
    const auto areas = static_cast<std::uint16_t>(world.network.area_offsets.size() - 1);
    std::vector<std::uint32_t> contact(n, no_contact);
    for_each_person_stream(
        context, n, rng::Purpose::tie_formation, [](std::uint32_t /*i*/) { return true; },
        [&](std::uint32_t i, rng::Stream stream) {
            const double rate =
                in_work(p, i) ? params.formation_in_work : params.formation_out_of_work;
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
    const std::vector<std::uint32_t> proposers =
        select_in_order(n, [&contact](std::uint32_t i) { return contact[i] != no_contact; });
    std::vector<TieProposal> proposals(proposers.size());
    parallel_for_each(static_cast<std::uint32_t>(proposers.size()), [&](std::uint32_t k) {
        proposals[k] = {proposers[k], contact[proposers[k]], 0};
    });
    (void)add_proposed_ties(world, proposals);
}

/// loneliness_target for every (in work, ties) a person can have, indexed [in work][ties].
std::array<std::array<double, Network::capacity + 1>, 2> loneliness_targets(
    const TieDynamicsParams& params) {
    std::array<std::array<double, Network::capacity + 1>, 2> targets{};
    for (std::uint32_t ties = 0; ties <= Network::capacity; ++ties) {
        targets[0][ties] = loneliness_target(params, false, ties);
        targets[1][ties] = loneliness_target(params, true, ties);
    }
    return targets;
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
    const auto targets = loneliness_targets(params);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const double target = targets[in_work(p, i) ? 1 : 0][world.network.degree[i]];
        p.loneliness[i] = static_cast<float>(std::clamp(
            p.loneliness[i] + params.loneliness_adjustment * (target - p.loneliness[i]), 0.0, 1.0));
    });
}

}  // namespace jobsim::mechanisms
