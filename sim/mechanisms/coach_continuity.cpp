#include "sim/mechanisms/coach_continuity.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t most_coaches_met = 20;  // the key's maximum

/// One uniform draw per coach per week. A coach leaves for the people in an arm when it falls
/// below that arm's leaving probability, so a coach's clients in one arm change together and
/// arms share the draws.
std::vector<double> departure_draws(const WeekContext& context, const Coaches& coaches) {
    std::vector<double> draws(coaches.size());
    for (std::uint32_t c = 0; c < coaches.size(); ++c) {
        rng::Stream stream(context.key, rng::EntityKind::coach, c, context.week,
                           rng::Purpose::coach_turnover);
        draws[c] = stream.uniform();
    }
    return draws;
}

/// A new claim: the coach benefit_claim gave, or the best fit of several met; sets the starting
/// alliance from the fit.
void start_with_coach(const WeekContext& context, const CoachContinuityParams& params,
                      const World& world, Persons& p, std::uint32_t i, EventSink& events) {
    auto stream = context.person_stream(i, rng::Purpose::coach_choice);
    double fit = stream.uniform();  // the fit with the coach the claim gave
    p.barriers_disclosed[i] = 0;
    const std::uint32_t area = index(p.area[i]);
    const std::uint32_t in_area = world.coaches_by_area.group_size(area);
    if (params.choose_coach && in_area > 0) {
        const std::uint32_t* coaches = world.coaches_by_area.begin_of(area);
        const std::uint32_t met = std::min({params.coaches_to_meet, in_area, most_coaches_met});
        // Distinct coaches of the area, drawn in turn (rejecting repeats).
        std::array<std::uint32_t, most_coaches_met> seen{};
        std::uint32_t chosen = 0;
        double best = -1.0;
        for (std::uint32_t k = 0; k < met; ++k) {
            std::uint32_t slot = 0;
            bool repeat = true;
            while (repeat) {
                slot = stream.below(in_area);
                repeat = std::find(seen.begin(), seen.begin() + k, slot) != seen.begin() + k;
            }
            seen[k] = slot;
            const double candidate_fit = stream.uniform();
            if (candidate_fit > best) {
                best = candidate_fit;
                chosen = coaches[slot];
            }
        }
        fit = best;
        p.coach[i] = static_cast<CoachId>(chosen);
        events.emit({.week = context.week,
                     .kind = EventKind::coach_chosen,
                     .detail = static_cast<std::uint8_t>(met),
                     .person = static_cast<PersonId>(i),
                     .other = chosen,
                     .value = static_cast<float>(fit)});
    }
    p.alliance[i] = static_cast<float>(params.fit_alliance * fit);
}

/// A new coach: most of the alliance and every disclosure are lost.
void switch_coach(const WeekContext& context, const CoachContinuityParams& params, Persons& p,
                  std::uint32_t i, std::uint32_t coach, CoachSwitchReason reason,
                  EventSink& events) {
    p.coach[i] = static_cast<CoachId>(coach);
    p.alliance[i] *= static_cast<float>(params.alliance_kept_on_switch);
    p.barriers_disclosed[i] = 0;
    events.emit({.week = context.week,
                 .kind = EventKind::coach_switch,
                 .detail = static_cast<std::uint8_t>(reason),
                 .person = static_cast<PersonId>(i),
                 .other = coach,
                 .value = p.alliance[i]});
}

}  // namespace

void coach_continuity(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::coach_continuity)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    const std::vector<double> departure = departure_draws(context, world.coaches);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const Regime& regime = context.regime(p.arm[i]);
        const CoachContinuityParams& params = regime.coach_continuity;
        if (!params.enabled) {
            return;
        }
        p.met_stand_in[i] = 0;
        if (p.claim[i] == ClaimState::none || p.coach[i] == none<CoachId>) {
            return;
        }
        if (p.claim_weeks[i] == 0) {  // the claim started this week
            start_with_coach(context, params, world, p, i, events);
            return;
        }
        const std::uint32_t coach = index(p.coach[i]);
        if (departure[coach] < params.coach_leaving_probability) {
            switch_coach(context, params, p, i, coach, CoachSwitchReason::coach_left, events);
            return;
        }
        const bool due = regime.coach_meeting.enabled && p.weeks_to_meeting[i] == 0;
        if (!due) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::coach_continuity);
        const std::uint32_t area = index(p.area[i]);
        const std::uint32_t in_area = world.coaches_by_area.group_size(area);
        if (in_area < 2 || stream.bernoulli(params.same_coach_probability)) {
            return;
        }
        // Any other coach of the area, equally likely.
        const std::uint32_t* coaches = world.coaches_by_area.begin_of(area);
        std::uint32_t other = coaches[stream.below(in_area - 1)];
        if (other == coach) {
            other = coaches[in_area - 1];
        }
        if (stream.bernoulli(params.stand_in_share)) {
            // One meeting with a stand-in: the alliance and disclosures wait for the own coach.
            p.met_stand_in[i] = 1;
            events.emit({.week = context.week,
                         .kind = EventKind::coach_switch,
                         .detail = static_cast<std::uint8_t>(CoachSwitchReason::stand_in),
                         .person = static_cast<PersonId>(i),
                         .other = other,
                         .value = p.alliance[i]});
            return;
        }
        switch_coach(context, params, p, i, other, CoachSwitchReason::rotation, events);
    });
}

}  // namespace jobsim::mechanisms
