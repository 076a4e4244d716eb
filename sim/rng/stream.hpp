// A counter-based random stream keyed by (seed, replication, entity, week, purpose).
// It meets UniformRandomBitGenerator, so Boost.Random distributions draw from it directly.
// No stream carries state between weeks or between entities: two threads can never disturb
// each other's numbers, and results do not depend on the order in which work is scheduled.
#pragma once

#include <cstdint>
#include <limits>

#include "sim/core/ids.hpp"
#include "sim/rng/purpose.hpp"

namespace jobsim::rng {

/// SplitMix64's output function (Stafford's Mix13): a bijection with full avalanche.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// Folds one more field into a key; the order of fields matters, as it should.
[[nodiscard]] constexpr std::uint64_t combine(std::uint64_t key, std::uint64_t field) {
    return mix64(key ^ mix64(field + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2)));
}

/// The part of a key fixed for one replication: (seed, replication).
struct ReplicationKey {
    std::uint64_t value = 0;

    [[nodiscard]] static constexpr ReplicationKey make(std::uint64_t seed,
                                                       std::uint32_t replication) {
        return ReplicationKey{
            combine(combine(0x6a6f6273696dULL /* "jobsim" */, seed), replication)};
    }
};

/// The part of a key fixed for one entity in one week: (seed, replication, kind, entity, week).
/// Weekly loops make a stream per (person, purpose) some forty times a week; computing this
/// prefix once per person-week leaves one combine per stream instead of four.
struct EntityWeekKey {
    std::uint64_t value = 0;

    [[nodiscard]] static constexpr EntityWeekKey make(ReplicationKey replication, EntityKind kind,
                                                      std::uint64_t entity, Week week) {
        return EntityWeekKey{combine(
            combine(combine(replication.value, static_cast<std::uint64_t>(kind)), entity), week)};
    }
};

/// Counter-based engine: the n-th output is mix64(key + (n + 1) * golden gamma) (SplitMix64
/// stepping from a hashed key). Cheap to create, so one is made per (entity, week, purpose).
class Stream {
public:
    using result_type = std::uint64_t;

    constexpr Stream(EntityWeekKey entity_week, Purpose purpose)
        : state_(combine(entity_week.value, static_cast<std::uint64_t>(purpose))) {}

    constexpr Stream(ReplicationKey replication, EntityKind kind, std::uint64_t entity, Week week,
                     Purpose purpose)
        : Stream(EntityWeekKey::make(replication, kind, entity, week), purpose) {}

    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

    constexpr result_type operator()() {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }

    /// Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

    /// True with probability p (p outside [0, 1] is clamped by construction of the comparison).
    bool bernoulli(double p) { return uniform() < p; }

    /// Uniform integer in [0, n) for n > 0 (Lemire's multiply-shift; bias below 2^-32 for n <
    /// 2^32).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((*this)() >> 32) * static_cast<std::uint64_t>(n) >> 32);
    }

private:
    std::uint64_t state_;
};

/// Stream for a person in a week.
[[nodiscard]] inline Stream person_stream(ReplicationKey key, PersonId person, Week week,
                                          Purpose purpose) {
    return Stream(key, EntityKind::person, index(person), week, purpose);
}

}  // namespace jobsim::rng
