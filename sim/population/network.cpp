#include "sim/population/network.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/schedule/parallel.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

/// Proposals per person are capped here: with ties counted at both ends, 8 proposals fill 16.
constexpr std::uint32_t max_proposals = Network::capacity / 2;
/// Tries to find a same-status contact before settling for anyone.
constexpr int homophily_tries = 8;
/// Persons whose proposals are drawn at once: 4 MiB of proposals, enough for the threads.
constexpr std::uint32_t proposal_batch = std::uint32_t{1} << 16;

struct Proposal {
    std::uint32_t contact;
    std::uint8_t flags;
};

bool in_work(const Persons& p, std::uint32_t i) {
    return p.status[i] == LabourStatus::employed;
}

}  // namespace

std::uint32_t draw_contact(const World& world, std::uint32_t i, std::uint16_t area,
                           double homophily, rng::Stream& stream) {
    const Network& network = world.network;
    const std::uint32_t members = network.members_of_area(area);
    if (members == 0) {
        return i;
    }
    const bool same_status = stream.bernoulli(homophily);
    std::uint32_t candidate = network.area_member(area, stream.below(members));
    for (int t = 1; same_status && t < homophily_tries &&
                    in_work(world.persons, candidate) != in_work(world.persons, i);
         ++t) {
        candidate = network.area_member(area, stream.below(members));
    }
    return candidate;
}

void generate_network(const NetworkSpec& spec, std::uint16_t areas, rng::ReplicationKey key,
                      World& world) {
    const Persons& p = world.persons;
    const std::uint32_t n = p.size();
    world.network.reset(p.area, areas);
    if (!spec.enabled || n < 2) {
        return;
    }
    const double per_person = spec.mean_ties / 2.0;
    const double strong_share = spec.mean_ties > 0.0 ? spec.strong_ties / spec.mean_ties : 0.0;
    // Proposals are drawn in parallel and resolved serially, a batch of persons at a time: all of
    // them at once were 64 bytes a person, the peak of a run (issue 5's memory budget). Each
    // person's draws are their own, so the batches change nothing.
    const std::uint32_t batch = std::min(n, proposal_batch);
    std::vector<Proposal> proposals(static_cast<std::size_t>(batch) * max_proposals);
    std::vector<std::uint8_t> count(batch, 0);
    for (std::uint32_t first = 0; first < n; first += batch) {
        const std::uint32_t size = std::min(batch, n - first);
        parallel_for_each(size, [&](std::uint32_t b) {
            const std::uint32_t i = first + b;
            rng::Stream stream(key, rng::EntityKind::person, i, 0,
                               rng::Purpose::network_generation);
            const double whole = std::floor(per_person);
            const auto k = std::min<std::uint32_t>(
                max_proposals, static_cast<std::uint32_t>(whole) +
                                   (stream.bernoulli(per_person - whole) ? 1u : 0u));
            const auto home = static_cast<std::uint16_t>(index(p.area[i]));
            for (std::uint32_t s = 0; s < k; ++s) {
                const bool strong = stream.bernoulli(strong_share);
                std::uint16_t area = home;
                if (!strong && areas > 1 && !stream.bernoulli(spec.weak_local_share)) {
                    // Any other area, uniformly.
                    area =
                        static_cast<std::uint16_t>((home + 1u + stream.below(areas - 1u)) % areas);
                }
                const std::uint32_t j = draw_contact(world, i, area, spec.status_homophily, stream);
                proposals[static_cast<std::size_t>(b) * max_proposals + s] = {
                    j, tie_flags_between(p, i, j, strong ? tie_strong : 0)};
            }
            count[b] = static_cast<std::uint8_t>(k);
        });
        // Resolve in person order: a proposal fails when either side is full or they are tied.
        for (std::uint32_t b = 0; b < size; ++b) {
            for (std::uint32_t s = 0; s < count[b]; ++s) {
                const Proposal& proposal =
                    proposals[static_cast<std::size_t>(b) * max_proposals + s];
                (void)world.network.add_tie(first + b, proposal.contact, proposal.flags, p.area);
            }
        }
    }
}

}  // namespace jobsim
