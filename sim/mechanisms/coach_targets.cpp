#include "sim/mechanisms/coach_targets.hpp"

#include <algorithm>
#include <atomic>

#include "sim/mechanisms/provider_referral.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// This week's counts of one office (area), from the state the week's mechanisms left.
struct OfficeWeek {
    std::uint32_t claimants = 0;   ///< claims open at the end of the week (paid or sanctioned)
    std::uint32_t new_claims = 0;  ///< of which started this week
    std::uint32_t sanctions = 0;
    std::uint32_t referrals = 0;  ///< programmes started this week
};

void count(std::uint32_t& counter) {
    std::atomic_ref<std::uint32_t>(counter).fetch_add(1, std::memory_order_relaxed);
}

/// A referral started this week: the programme has all its weeks left (provider_referral counts
/// them down from the next week).
bool referred_this_week(const Regime& regime, const Persons& p, std::uint32_t i) {
    const ProgrammeSpec* spec = programme(regime.provider_referral, provider_of(p.provider[i]));
    return regime.provider_referral.enabled && spec != nullptr && p.provider_weeks[i] > 0 &&
           p.provider_weeks[i] == spec->weeks;
}

std::vector<OfficeWeek> tally(const WeekContext& context, const World& world) {
    const Persons& p = world.persons;
    std::vector<OfficeWeek> offices(world.areas.size());
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        OfficeWeek& office = offices[index(p.area[i])];
        if (p.claim[i] != ClaimState::none) {
            count(office.claimants);
            if (p.claim_weeks[i] == 0) {  // durations advance after this step
                count(office.new_claims);
            }
        }
        if (p.weeks_since_sanction[i] == 1) {  // sanctioned this week (conditionality)
            count(office.sanctions);
        }
        if (referred_this_week(context.regime(p.arm[i]), p, i)) {
            count(office.referrals);
        }
    });
    return offices;
}

/// The arm each office runs under: that of its first resident (a world's areas are randomised to
/// arms as wholes, so every resident shares it).
std::vector<std::uint8_t> office_arms(const World& world) {
    const Persons& p = world.persons;
    constexpr std::uint32_t nobody = 0xFFFFFFFFu;
    // The first resident is the least id, so a parallel minimum finds the same one.
    std::vector<std::uint32_t> first(world.areas.size(), nobody);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        std::atomic_ref<std::uint32_t> slot(first[index(p.area[i])]);
        std::uint32_t seen = slot.load(std::memory_order_relaxed);
        while (i < seen && !slot.compare_exchange_weak(seen, i, std::memory_order_relaxed)) {
        }
    });
    std::vector<std::uint8_t> arms(world.areas.size(), 0);
    for (std::size_t a = 0; a < arms.size(); ++a) {
        arms[a] = first[a] == nobody ? 0 : p.arm[first[a]];
    }
    return arms;
}

/// Pressure of one count target: none without a target; otherwise the base plus more the further
/// the rolling count is below the target.
double pressure(const CoachTargetsParams& params, double target, double rolling) {
    if (target <= 0.0) {
        return 0.0;
    }
    const double shortfall = std::clamp(1.0 - rolling / target, 0.0, 1.0);
    return params.base_pressure + params.behind_pressure * shortfall;
}

/// Moves a rolling rate towards this week's count per 100 claimants.
void roll(const CoachTargetsParams& params, float& rolling, std::uint32_t count,
          std::uint32_t claimants) {
    const double rate = 100.0 * count / claimants;
    rolling = static_cast<float>(rolling + (rate - rolling) / params.memory_weeks);
}

bool any_enabled(const WeekContext& context) {
    return std::any_of(context.arms.begin(), context.arms.end(),
                       [](const Regime& r) { return r.coach_targets.enabled; });
}

void start_offices(const WeekContext& context, const std::vector<std::uint8_t>& arms,
                   const std::vector<OfficeWeek>& offices, CoachTargetState& state) {
    const std::size_t n = offices.size();
    state.office_sanctions.resize(n);
    state.office_referrals.resize(n);
    state.office_off_flows.resize(n);
    state.office_claimants.resize(n);
    // An office starts on target: only the base pressure until its record says otherwise.
    for (std::size_t a = 0; a < n; ++a) {
        const CoachTargetsParams& params = context.regime(arms[a]).coach_targets;
        state.office_sanctions[a] = static_cast<float>(params.sanctions_per_100_claimants);
        state.office_referrals[a] = static_cast<float>(params.referrals_per_100_claimants);
        state.office_off_flows[a] = static_cast<float>(params.off_flows_per_100_claimants);
        state.office_claimants[a] = offices[a].claimants;
    }
}

}  // namespace

void coach_targets(const WeekContext& context, World& world, EventSink& /*events*/) {
    CoachTargetState& state = world.coach_targets;
    if (!any_enabled(context)) {
        state = CoachTargetState{};  // no target anywhere: every factor is 1
        return;
    }
    const std::vector<OfficeWeek> offices = tally(context, world);
    const std::vector<std::uint8_t> arms = office_arms(world);
    if (state.office_claimants.size() != offices.size()) {
        start_offices(context, arms, offices, state);
    }
    const std::uint32_t coaches = world.coaches.size();
    state.sanction.assign(coaches, 1.0f);
    state.referral.assign(coaches, 1.0f);
    state.misjudge.assign(coaches, 1.0f);
    state.reservation.assign(coaches, 1.0f);
    state.sign_off.assign(coaches, 1.0f);

    for (std::size_t a = 0; a < offices.size(); ++a) {
        const CoachTargetsParams& params = context.regime(arms[a]).coach_targets;
        const OfficeWeek& office = offices[a];
        // Off-flows from the stocks: last week's claims plus new ones, less those still open.
        const std::uint32_t open_before = state.office_claimants[a] + office.new_claims;
        const std::uint32_t off_flows =
            open_before > office.claimants ? open_before - office.claimants : 0;
        if (office.claimants > 0) {
            roll(params, state.office_sanctions[a], office.sanctions, office.claimants);
            roll(params, state.office_referrals[a], office.referrals, office.claimants);
            roll(params, state.office_off_flows[a], off_flows, office.claimants);
        }
        state.office_claimants[a] = office.claimants;
        if (!params.enabled) {
            continue;
        }
        const double on_sanctions =
            pressure(params, params.sanctions_per_100_claimants, state.office_sanctions[a]);
        const double on_referrals =
            pressure(params, params.referrals_per_100_claimants, state.office_referrals[a]);
        const double on_off_flows =
            pressure(params, params.off_flows_per_100_claimants, state.office_off_flows[a]);
        const double fit_misjudge =
            params.people_based_outcomes ? 1.0 - params.fit_misjudge_cut : 1.0;
        const double fit_reservation =
            params.people_based_outcomes ? 1.0 + params.fit_reservation_lift : 1.0;
        const auto sanction =
            static_cast<float>(1.0 + params.sanction_report_effect * on_sanctions);
        const auto referral = static_cast<float>(1.0 + params.referral_effect * on_referrals);
        const auto misjudge =
            static_cast<float>((1.0 + params.misjudge_effect * on_referrals) * fit_misjudge);
        const auto reservation = static_cast<float>(
            std::max(0.0, 1.0 - params.reservation_cut * on_off_flows) * fit_reservation);
        const auto sign_off = static_cast<float>(1.0 + params.sign_off_effect * on_off_flows);
        const auto area = static_cast<std::uint32_t>(a);
        const std::uint32_t* coach = world.coaches_by_area.begin_of(area);
        for (std::uint32_t k = 0; k < world.coaches_by_area.group_size(area); ++k) {
            state.sanction[coach[k]] = sanction;
            state.referral[coach[k]] = referral;
            state.misjudge[coach[k]] = misjudge;
            state.reservation[coach[k]] = reservation;
            state.sign_off[coach[k]] = sign_off;
        }
    }
}

}  // namespace jobsim::mechanisms
