#include "sim/mechanisms/mentoring.hpp"

#include <algorithm>
#include <map>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

bool has_mentor(const Network& network, std::uint32_t i) {
    const auto ties = network.ties(i);
    return std::any_of(ties.begin(), ties.end(),
                       [](const Tie& t) { return (t.flags & tie_mentor) != 0; });
}

}  // namespace

void mentoring(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::mentoring)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    if (world.network.persons() != n) {
        return;
    }
    // Propose: who accepts a mentor role (entered work this week from the service) and who could
    // be mentored (a service user out of work with no mentor and a free slot).
    enum : std::uint8_t { neither = 0, mentor = 1, mentee = 2 };
    std::vector<std::uint8_t> role(n, neither);
    parallel_for_each(n, [&](std::uint32_t i) {
        const MentoringParams& params = context.regime(p.arm[i]).mentoring;
        if (!params.enabled || p.claim[i] == ClaimState::none) {
            return;
        }
        if (p.status[i] == LabourStatus::employed && p.tenure_weeks[i] == 0) {
            if (context.person_stream(i, rng::Purpose::mentoring)
                    .bernoulli(params.acceptance_probability)) {
                role[i] = mentor;
            }
        } else if (p.status[i] != LabourStatus::employed &&
                   world.network.degree[i] < Network::capacity && !has_mentor(world.network, i)) {
            role[i] = mentee;
        }
    });
    // Resolve serially: mentees waiting in each (area, arm), in person order; each mentor, in
    // person order, draws one of those still unmatched.
    // (The scans for each role run in parallel blocks and list people in person order.)
    std::map<std::uint32_t, std::vector<std::uint32_t>> waiting;
    for (const std::uint32_t i :
         select_in_order(n, [&role](std::uint32_t i) { return role[i] == mentee; })) {
        waiting[session_of(index(p.area[i]), p.arm[i])].push_back(i);
    }
    for (const std::uint32_t m :
         select_in_order(n, [&role](std::uint32_t i) { return role[i] == mentor; })) {
        if (world.network.degree[m] >= Network::capacity) {
            continue;
        }
        auto found = waiting.find(session_of(index(p.area[m]), p.arm[m]));
        if (found == waiting.end() || found->second.empty()) {
            continue;
        }
        std::vector<std::uint32_t>& pool = found->second;
        auto stream = context.person_stream(m, rng::Purpose::mentoring);
        (void)stream.uniform();  // the acceptance draw
        const std::uint32_t k = stream.below(static_cast<std::uint32_t>(pool.size()));
        const std::uint32_t i = pool[k];
        pool.erase(pool.begin() + k);
        const TieProposal proposal{m, i, static_cast<std::uint8_t>(tie_mentor | tie_bridging)};
        if (add_proposed_ties(world, std::span<const TieProposal>(&proposal, 1)) == 0) {
            continue;
        }
        const MentoringParams& params = context.regime(p.arm[i]).mentoring;
        p.loneliness[i] =
            static_cast<float>(std::clamp(p.loneliness[i] - params.loneliness_relief, 0.0, 1.0));
        p.confidence[i] =
            static_cast<float>(std::clamp(p.confidence[i] + params.confidence_boost, 0.0, 1.0));
        events.emit({.week = context.week,
                     .kind = EventKind::mentor_match,
                     .person = static_cast<PersonId>(i),
                     .other = m});
        if (params.cost_per_match_gbp > 0.0) {
            events.emit({.week = context.week,
                         .kind = EventKind::public_cost,
                         .detail = static_cast<std::uint8_t>(CostItem::mentoring),
                         .person = static_cast<PersonId>(i),
                         .value = static_cast<float>(params.cost_per_match_gbp)});
        }
    }
}

}  // namespace jobsim::mechanisms
