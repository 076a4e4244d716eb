#include "sim/mechanisms/provider_choice.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

#include "sim/mechanisms/provider_referral.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t provider_kinds = 3;  // ips, third_sector, prime (ProviderKind 1-3)

/// Cells of the market: (arm, area, kind, slot), each provider once per arm.
struct MarketShape {
    std::uint32_t areas = 0;
    std::uint32_t slots = 0;

    [[nodiscard]] std::size_t cell(std::uint8_t arm, AreaId area, ProviderKind kind,
                                   std::uint32_t slot) const {
        return ((static_cast<std::size_t>(arm) * areas + index(area)) * provider_kinds +
                (static_cast<std::uint32_t>(kind) - 1)) *
                   slots +
               slot;
    }
};

/// The largest number of providers per kind any arm asks for: every arm's cells have that size.
std::uint32_t slots_needed(const WeekContext& context) {
    std::uint32_t slots = 0;
    for (const Regime& regime : context.arms) {
        if (regime.provider_choice.enabled) {
            slots = std::max(slots, regime.provider_choice.providers_per_kind);
        }
    }
    return slots;
}

/// A provider picked by reputation (relative to the area's mean) plus a Gumbel taste shock.
std::uint32_t choose(const ProviderChoiceParams& params, const ProviderMarket& market,
                     const MarketShape& shape, std::uint8_t arm, AreaId area, ProviderKind kind,
                     rng::Stream& stream) {
    std::vector<double> reputation(params.providers_per_kind);
    double mean = 0.0;
    for (std::uint32_t s = 0; s < params.providers_per_kind; ++s) {
        const std::size_t c = shape.cell(arm, area, kind, s);
        reputation[s] = provider_reputation(params, market.entries[c], market.client_weeks[c]);
        mean += reputation[s] / params.providers_per_kind;
    }
    std::uint32_t best = 0;
    double best_utility = -INFINITY;
    for (std::uint32_t s = 0; s < params.providers_per_kind; ++s) {
        const double taste = -std::log(-std::log(std::max(stream.uniform(), 1e-300)));
        const double relative = mean > 0.0 ? reputation[s] / mean : 1.0;
        const double utility = params.reputation_weight * relative + taste;
        if (utility > best_utility) {
            best_utility = utility;
            best = s;
        }
    }
    return best;
}

}  // namespace

double provider_quality(const ProviderChoiceParams& params, std::uint32_t slot) {
    if (params.providers_per_kind <= 1) {
        return 1.0;
    }
    const double position = static_cast<double>(slot) / (params.providers_per_kind - 1);
    return 1.0 - params.quality_spread + 2.0 * params.quality_spread * position;
}

double programme_quality(const Regime& regime, const Persons& p, std::uint32_t i) {
    const ProviderChoiceParams& params = regime.provider_choice;
    if (!params.enabled || p.provider_choice[i] == 0) {
        return 1.0;
    }
    return provider_quality(params, p.provider_choice[i] - 1u);
}

double provider_reputation(const ProviderChoiceParams& params, double entries,
                           double client_weeks) {
    return (entries + params.prior_entry_rate * params.prior_person_weeks) /
           (client_weeks + params.prior_person_weeks);
}

void provider_choice(const WeekContext& context, World& world, EventSink& events) {
    const std::uint32_t slots = slots_needed(context);
    if (slots == 0) {
        return;  // no arm offers choice
    }
    Persons& p = world.persons;
    const MarketShape shape{world.areas.size(), slots};
    const std::size_t cells =
        context.arms.size() * shape.areas * static_cast<std::size_t>(provider_kinds) * slots;
    ProviderMarket& market = world.provider_market;
    if (market.entries.size() != cells) {
        market.entries.assign(cells, 0.0f);
        market.client_weeks.assign(cells, 0.0f);
    }
    // This week's results per provider, as integers: the totals do not depend on thread order.
    std::vector<std::uint32_t> entries(cells, 0);
    std::vector<std::uint32_t> client_weeks(cells, 0);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const ProviderChoiceParams& params = context.regime(p.arm[i]).provider_choice;
        if (!params.enabled) {
            return;
        }
        const ProviderKind kind = provider_of(p.provider[i]);
        if (p.provider_weeks[i] == 0 || kind == ProviderKind::none) {
            p.provider_choice[i] = 0;  // the programme is over: the next one is chosen afresh
            return;
        }
        if (p.provider_choice[i] == 0) {  // provider_referral started a programme this week
            auto stream = context.person_stream(i, rng::Purpose::provider_choice);
            const std::uint32_t slot =
                choose(params, market, shape, p.arm[i], p.area[i], kind, stream);
            p.provider_choice[i] = static_cast<std::uint8_t>(slot + 1);
            p.trust[i] = raise_share(p.trust[i], params.choice_trust_gain);
            const std::size_t c = shape.cell(p.arm[i], p.area[i], kind, slot);
            events.emit({.week = context.week,
                         .kind = EventKind::provider_chosen,
                         .detail = static_cast<std::uint8_t>(kind),
                         .person = static_cast<PersonId>(i),
                         .other = slot,
                         .value = static_cast<float>(provider_reputation(params, market.entries[c],
                                                                         market.client_weeks[c]))});
        }
        const std::size_t c = shape.cell(p.arm[i], p.area[i], kind, p.provider_choice[i] - 1u);
        if (p.status[i] != LabourStatus::employed) {
            std::atomic_ref<std::uint32_t>(client_weeks[c]).fetch_add(1, std::memory_order_relaxed);
        } else if (p.tenure_weeks[i] == 1) {  // started work last week while with the provider
            std::atomic_ref<std::uint32_t>(entries[c]).fetch_add(1, std::memory_order_relaxed);
        }
    });
    // Serially, in cell order: fade the record and add this week's results.
    for (std::size_t a = 0; a < context.arms.size(); ++a) {
        const auto arm = static_cast<std::uint8_t>(a);  // arms are numbered in 8 bits
        const ProviderChoiceParams& params = context.regime(arm).provider_choice;
        if (!params.enabled) {
            continue;
        }
        const double keep = 1.0 - 1.0 / params.memory_weeks;
        const std::size_t begin = shape.cell(arm, AreaId{0}, ProviderKind::ips, 0);
        const std::size_t end =
            begin + static_cast<std::size_t>(shape.areas) * provider_kinds * slots;
        for (std::size_t c = begin; c < end; ++c) {
            market.entries[c] = static_cast<float>(keep * market.entries[c] + entries[c]);
            market.client_weeks[c] =
                static_cast<float>(keep * market.client_weeks[c] + client_weeks[c]);
        }
    }
}

}  // namespace jobsim::mechanisms
