// Random assignment designs of trials (see assignment.hpp for the methods and their sources).
// Every random choice is plain integer arithmetic on the stream, so an assignment depends only on
// the inputs and the stream's key, never on a library's version.
#include "sim/trials/assignment.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace jobsim::trials {
namespace {

/// Uniform integer in [0, n), n > 0, exactly unbiased: outputs below 2^64 mod n are rejected, so
/// each residue is hit by the same number of accepted outputs (Lemire 2019, "classic" method).
std::uint64_t uniform_below(rng::Stream& stream, std::uint64_t n) {
    const std::uint64_t rejected_below = (0 - n) % n;
    for (;;) {
        const std::uint64_t x = stream();
        if (x >= rejected_below) {
            return x % n;
        }
    }
}

/// 0 or 1 with probability exactly 1/2 each (the top bit of one output).
std::uint8_t fair_coin(rng::Stream& stream) {
    return static_cast<std::uint8_t>(stream() >> 63);
}

/// Fisher-Yates (Durstenfeld 1964): every permutation equally likely.
template <class T>
void shuffle(std::vector<T>& values, rng::Stream& stream) {
    for (std::size_t i = values.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(uniform_below(stream, i));
        std::swap(values[i - 1], values[j]);
    }
}

/// Allocation ratios checked once: their running sums (arm j ends at cumulative[j]) and total.
struct Ratios {
    std::vector<double> cumulative;
    double total = 0.0;
};

Ratios checked_ratios(std::span<const double> ratios, const char* what) {
    const std::string name = std::string("trial assignment: ") + what;
    if (ratios.empty() || ratios.size() > max_arms) {
        throw std::invalid_argument(name + " must have 1 to " + std::to_string(max_arms) +
                                    " entries (one per arm), got " + std::to_string(ratios.size()));
    }
    Ratios checked;
    checked.cumulative.reserve(ratios.size());
    for (const double ratio : ratios) {
        if (!std::isfinite(ratio) || ratio < 0.0) {
            throw std::invalid_argument(name + " must be finite and non-negative, got " +
                                        std::to_string(ratio));
        }
        checked.total += ratio;
        checked.cumulative.push_back(checked.total);
    }
    if (!(checked.total > 0.0)) {
        throw std::invalid_argument(name + " must not all be zero");
    }
    return checked;
}

/// floor(u + expected) computed without rounding u + expected up to the next integer.
std::size_t systematic_floor(double expected, double u) {
    const double whole = std::floor(expected);
    const double fraction = expected - whole;  // exact in floating point
    return static_cast<std::size_t>(whole) + (u >= 1.0 - fraction ? 1U : 0U);
}

/// Units per arm by systematic rounding of the expected counts (see complete_assignment).
/// Cumulative expected counts are computed as units x running ratio / total, so an expected count
/// that is a whole number for whole-number ratios is exactly that number.
std::vector<std::size_t> arm_counts(std::size_t units, const Ratios& ratios, rng::Stream& stream) {
    const double u = stream.uniform();
    const auto n = static_cast<double>(units);
    std::vector<std::size_t> counts(ratios.cumulative.size());
    std::size_t assigned_before = 0;
    for (std::size_t arm = 0; arm < counts.size(); ++arm) {
        // Once the running ratio reaches the total (the last arm, or before zero-ratio arms at the
        // end) every unit is placed, exactly.
        const bool all_placed = ratios.cumulative[arm] >= ratios.total;
        const double expected_so_far =
            all_placed ? n : std::min(n, n * ratios.cumulative[arm] / ratios.total);
        const std::size_t assigned =
            std::max(assigned_before, systematic_floor(expected_so_far, u));
        counts[arm] = assigned - assigned_before;
        assigned_before = assigned;
    }
    return counts;
}

/// counts[j] entries of arm j, in a uniformly random order.
std::vector<std::uint8_t> shuffled_arms(std::span<const std::size_t> counts, rng::Stream& stream) {
    std::vector<std::uint8_t> arms;
    arms.reserve(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
    for (std::size_t arm = 0; arm < counts.size(); ++arm) {
        arms.insert(arms.end(), counts[arm], static_cast<std::uint8_t>(arm));
    }
    shuffle(arms, stream);
    return arms;
}

std::vector<std::uint8_t> assign_complete(std::size_t units, const Ratios& ratios,
                                          rng::Stream& stream) {
    const std::vector<std::size_t> counts = arm_counts(units, ratios, stream);
    return shuffled_arms(counts, stream);
}

/// Calls visit(group, members) for each group in increasing order of id, members in unit order.
template <class Visit>
void for_each_group(std::span<const std::uint32_t> group_of_unit, Visit visit) {
    std::vector<std::size_t> order(group_of_unit.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return group_of_unit[a] < group_of_unit[b];
    });
    for (auto first = order.begin(); first != order.end();) {
        const std::uint32_t group = group_of_unit[*first];
        const auto last = std::find_if(
            first, order.end(), [&](std::size_t unit) { return group_of_unit[unit] != group; });
        visit(group, std::span<const std::size_t>(first, last));
        first = last;
    }
}

/// Round to the nearest whole count, halves up (saturation x size is never negative).
std::size_t nearest_count(double saturation, std::size_t size) {
    return static_cast<std::size_t>(std::floor(saturation * static_cast<double>(size) + 0.5));
}

}  // namespace

rng::Stream trial_stream(rng::ReplicationKey key, std::uint64_t draw, rng::Purpose purpose) {
    return rng::Stream(key, rng::EntityKind::trial, draw, Week{0}, purpose);
}

std::vector<std::uint8_t> complete_assignment(std::size_t units, std::span<const double> ratios,
                                              rng::Stream& stream) {
    return assign_complete(units, checked_ratios(ratios, "ratios"), stream);
}

std::vector<std::uint8_t> block_assignment(std::span<const std::uint32_t> block_of_unit,
                                           std::span<const double> ratios, rng::Stream& stream) {
    const Ratios checked = checked_ratios(ratios, "ratios");
    std::vector<std::uint8_t> arm(block_of_unit.size());
    for_each_group(block_of_unit, [&](std::uint32_t, std::span<const std::size_t> members) {
        const std::vector<std::uint8_t> block_arms =
            assign_complete(members.size(), checked, stream);
        for (std::size_t k = 0; k < members.size(); ++k) {
            arm[members[k]] = block_arms[k];
        }
    });
    return arm;
}

MatchedPairs matched_pair_assignment(std::span<const double> covariate, rng::Stream& stream) {
    for (const double value : covariate) {
        if (!std::isfinite(value)) {
            throw std::invalid_argument(
                "trial assignment: the matching covariate must be finite for every cluster, got " +
                std::to_string(value));
        }
    }
    if (covariate.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::invalid_argument("trial assignment: too many clusters to pair");
    }
    std::vector<std::size_t> order(covariate.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return covariate[a] < covariate[b]; });
    MatchedPairs result{std::vector<std::uint8_t>(covariate.size()),
                        std::vector<std::uint32_t>(covariate.size())};
    for (std::size_t position = 0; position < order.size(); position += 2) {
        const auto pair = static_cast<std::uint32_t>(position / 2);
        const std::uint8_t first_treated = fair_coin(stream);
        result.arm[order[position]] = first_treated;
        result.pair[order[position]] = pair;
        if (position + 1 < order.size()) {
            result.arm[order[position + 1]] = static_cast<std::uint8_t>(1U - first_treated);
            result.pair[order[position + 1]] = pair;
        }
    }
    return result;
}

SaturationAssignment saturation_assignment(std::span<const std::uint32_t> cluster_of_unit,
                                           std::uint32_t clusters,
                                           std::span<const double> saturations,
                                           rng::Stream& stream) {
    if (saturations.empty() || saturations.size() > max_arms) {
        throw std::invalid_argument("trial assignment: saturations must list 1 to " +
                                    std::to_string(max_arms) + " shares, got " +
                                    std::to_string(saturations.size()));
    }
    for (const double saturation : saturations) {
        if (!(saturation >= 0.0 && saturation <= 1.0)) {
            throw std::invalid_argument(
                "trial assignment: a saturation is the share of a cluster treated, in [0, 1], "
                "got " +
                std::to_string(saturation));
        }
    }
    for (const std::uint32_t cluster : cluster_of_unit) {
        if (cluster >= clusters) {
            throw std::invalid_argument("trial assignment: a unit's cluster must be below the " +
                                        std::to_string(clusters) + " clusters, got " +
                                        std::to_string(cluster));
        }
    }
    const std::vector<double> equal_shares(saturations.size(), 1.0);
    const std::vector<std::uint8_t> level =
        assign_complete(clusters, checked_ratios(equal_shares, "saturations"), stream);
    SaturationAssignment result;
    result.cluster_saturation.reserve(clusters);
    for (const std::uint8_t arm : level) {
        result.cluster_saturation.push_back(saturations[arm]);
    }
    result.unit_treated.resize(cluster_of_unit.size());
    for_each_group(cluster_of_unit,
                   [&](std::uint32_t cluster, std::span<const std::size_t> members) {
                       const std::size_t treated =
                           nearest_count(result.cluster_saturation[cluster], members.size());
                       const std::array<std::size_t, 2> counts{members.size() - treated, treated};
                       const std::vector<std::uint8_t> flags = shuffled_arms(counts, stream);
                       for (std::size_t k = 0; k < members.size(); ++k) {
                           result.unit_treated[members[k]] = flags[k];
                       }
                   });
    return result;
}

std::vector<std::uint32_t> stepped_wedge_assignment(std::uint32_t clusters, std::uint32_t steps,
                                                    rng::Stream& stream) {
    if (steps == 0 || steps > clusters) {
        throw std::invalid_argument(
            "trial assignment: a stepped wedge needs 1 to " + std::to_string(clusters) +
            " steps (at most one per cluster), got " + std::to_string(steps));
    }
    std::vector<std::uint32_t> order(clusters);
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    shuffle(order, stream);
    std::vector<std::uint32_t> step_of_cluster(clusters);
    const std::uint32_t per_step = clusters / steps;
    const std::uint32_t steps_with_one_more = clusters % steps;
    std::size_t position = 0;
    for (std::uint32_t step = 1; step <= steps; ++step) {
        const std::uint32_t size = per_step + (step <= steps_with_one_more ? 1U : 0U);
        for (std::uint32_t k = 0; k < size; ++k) {
            step_of_cluster[order[position++]] = step;
        }
    }
    return step_of_cluster;
}

}  // namespace jobsim::trials
