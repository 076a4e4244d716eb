#include "sim/mechanisms/group_consultations.hpp"

#include <algorithm>
#include <vector>

#include <tbb/parallel_sort.h>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/mechanisms/working_alliance.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t no_guest = 0xFFFFFFFFu;

/// One group consultation this week.
struct Group {
    std::uint32_t first;             ///< its first attendee (keys the guest draw)
    std::uint32_t size;              ///< attendees
    std::uint32_t guest = no_guest;  ///< a person in work who joined as guest, or no_guest
};

/// People in work in each area, in person order: the guests' pool. Areas in parallel, each from
/// the network's (fixed, person-ordered) list of the area's members.
std::vector<std::vector<std::uint32_t>> employed_by_area(const World& world) {
    const Persons& p = world.persons;
    const Network& network = world.network;
    std::vector<std::vector<std::uint32_t>> employed(world.areas.size());
    parallel_for_each(
        world.areas.size(),
        [&](std::uint32_t a) {
            for (std::uint32_t k = network.area_offsets[a]; k < network.area_offsets[a + 1]; ++k) {
                const std::uint32_t i = network.area_members[k];
                if (p.status[i] == LabourStatus::employed) {
                    employed[a].push_back(i);
                }
            }
        },
        1);
    return employed;
}

/// This week's attendees ordered by coach, arm and person, cut into groups of at most group_size
/// per coach and arm; each attendee's session is the index of its group.
std::vector<Group> form_groups(const WeekContext& context, const Persons& p,
                               std::vector<Attendee>& attendees) {
    // A total order (persons are unique), so a parallel sort gives the one sorted list.
    tbb::parallel_sort(
        attendees.begin(), attendees.end(), [&](const Attendee& a, const Attendee& b) {
            const auto ca = index(p.coach[a.person]);
            const auto cb = index(p.coach[b.person]);
            if (ca != cb) {
                return ca < cb;
            }
            return p.arm[a.person] != p.arm[b.person] ? p.arm[a.person] < p.arm[b.person]
                                                      : a.person < b.person;
        });
    std::vector<Group> groups;
    const auto count = static_cast<std::uint32_t>(attendees.size());
    for (std::uint32_t k = 0; k < count;) {
        const std::uint32_t lead = attendees[k].person;
        const std::uint32_t most = context.regime(p.arm[lead]).group_consultations.group_size;
        std::uint32_t end = k;
        while (end < count && end - k < most && p.coach[attendees[end].person] == p.coach[lead] &&
               p.arm[attendees[end].person] == p.arm[lead]) {
            attendees[end].session = static_cast<std::uint32_t>(groups.size());
            ++end;
        }
        groups.push_back({.first = lead, .size = end - k});
        k = end;
    }
    return groups;
}

/// Draws whether each group has a guest and who: someone in work in the coach's area.
void invite_guests(const WeekContext& context, const World& world, std::vector<Group>& groups) {
    const Persons& p = world.persons;
    const auto employed = employed_by_area(world);
    parallel_for_each(static_cast<std::uint32_t>(groups.size()), [&](std::uint32_t g) {
        Group& group = groups[g];
        const GroupConsultationsParams& params =
            context.regime(p.arm[group.first]).group_consultations;
        auto stream = context.person_stream(group.first, rng::Purpose::group_consultation_guest);
        const auto& pool = employed[index(world.coaches.area[index(p.coach[group.first])])];
        if (!pool.empty() && stream.bernoulli(params.guest_probability)) {
            group.guest = pool[stream.below(static_cast<std::uint32_t>(pool.size()))];
        }
    });
}

/// Ties from attendees to their group's guest, proposed in person order and added serially.
void tie_to_guests(const WeekContext& context, World& world, const std::vector<Attendee>& attendees,
                   const std::vector<Group>& groups) {
    const Persons& p = world.persons;
    std::vector<TieProposal> proposals;
    for (const Attendee& a : attendees) {
        const Group& group = groups[a.session];
        const double chance =
            context.regime(p.arm[a.person]).group_consultations.guest_tie_probability;
        if (group.guest != no_guest && group.guest != a.person &&
            context.person_stream(a.person, rng::Purpose::group_consultation_guest_tie)
                .bernoulli(chance)) {
            proposals.push_back({a.person, group.guest, 0});
        }
    }
    std::sort(proposals.begin(), proposals.end(),
              [](const TieProposal& a, const TieProposal& b) { return a.person < b.person; });
    (void)add_proposed_ties(world, proposals);
}

}  // namespace

double group_consultation_minutes(const WeekContext& context, const Persons& p, std::uint32_t i) {
    const GroupConsultationsParams& params = context.regime(p.arm[i]).group_consultations;
    if (!params.enabled || !context.person_stream(i, rng::Purpose::group_consultation_invite)
                                .bernoulli(params.share_of_meetings)) {
        return 0.0;
    }
    return params.session_minutes / params.group_size;
}

void group_consultations(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::group_consultations)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    if (world.network.persons() != n) {
        return;
    }
    const std::vector<std::uint32_t> attending = select_in_order(n, [&](std::uint32_t i) {
        return context.regime(p.arm[i]).group_consultations.enabled &&
               p.meeting_this_week[i] == MeetingOutcome::group;
    });
    std::vector<Attendee> attendees(attending.size());
    parallel_for_each(static_cast<std::uint32_t>(attending.size()), [&](std::uint32_t k) {
        const std::uint32_t i = attending[k];
        attendees[k] = {i, 0, context.regime(p.arm[i]).group_consultations.ties_per_session};
    });
    if (attendees.empty()) {
        return;
    }
    std::vector<Group> groups = form_groups(context, p, attendees);
    invite_guests(context, world, groups);
    // Sharing skills and experience: ties within each group (its session).
    (void)mix_sessions(context, world, attendees, tie_peer, rng::Purpose::group_consultation_ties);
    tie_to_guests(context, world, attendees, groups);

    parallel_for_each(static_cast<std::uint32_t>(attendees.size()), [&](std::uint32_t k) {
        const std::uint32_t i = attendees[k].person;
        const Group& group = groups[attendees[k].session];
        const GroupConsultationsParams& params = context.regime(p.arm[i]).group_consultations;
        // The coach's personal attention is the session split over the group: less alliance
        // than a one-to-one meeting. A group does not discuss personal barriers (none known).
        const WorkingAllianceParams& alliance = context.regime(p.arm[i]).working_alliance;
        if (alliance.enabled) {
            const double personal_minutes = params.session_minutes / group.size;
            const double gain = std::max(0.0, alliance_cap(alliance) - p.alliance[i]) *
                                meeting_alliance_share(alliance, personal_minutes, p.trust[i], 0.0);
            p.alliance[i] = static_cast<float>(std::clamp(p.alliance[i] + gain, 0.0, 1.0));
        }
        const double session_cost =
            params.room_cost_per_session_gbp +
            (group.guest != no_guest ? params.guest_cost_per_session_gbp : 0.0);
        apply_session_effects(
            context, p, events, i,
            {.confidence_boost = params.confidence_boost, .cost_gbp = session_cost / group.size},
            CostItem::group_session);
    });
}

}  // namespace jobsim::mechanisms
