// Keyed random streams: same key, same numbers; any key field changed, unrelated numbers.
#include <array>
#include <cmath>
#include <set>

#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

#include "sim/rng/stream.hpp"

namespace test_stream {

using jobsim::rng::EntityKind;
using jobsim::rng::EntityWeekKey;
using jobsim::rng::Purpose;
using jobsim::rng::ReplicationKey;
using jobsim::rng::Stream;

namespace {

Stream stream_for(std::uint64_t entity, jobsim::Week week = 3,
                  Purpose purpose = Purpose::job_separation, std::uint32_t replication = 0) {
    return Stream(ReplicationKey::make(42, replication), EntityKind::person, entity, week, purpose);
}

}  // namespace

TEST_CASE("rng: the same key gives the same sequence", "[rng]") {
    Stream a = stream_for(7);
    Stream b = stream_for(7);
    for (int k = 0; k < 100; ++k) {
        REQUIRE(a() == b());
    }
}

TEST_CASE("rng: changing any key field changes the first draw", "[rng]") {
    const auto base = stream_for(7)();
    CHECK(stream_for(8)() != base);
    CHECK(stream_for(7, 4)() != base);
    CHECK(stream_for(7, 3, Purpose::benefit_claim)() != base);
    CHECK(stream_for(7, 3, Purpose::job_separation, 1)() != base);
    CHECK(Stream(ReplicationKey::make(43, 0), EntityKind::person, 7, 3,
                 Purpose::job_separation)() != base);
    CHECK(Stream(ReplicationKey::make(42, 0), EntityKind::coach, 7, 3, Purpose::job_separation)() !=
          base);
}

TEST_CASE("rng: a stream from an entity-week prefix draws what the full key draws", "[rng]") {
    // The prefix is the same fold of (replication, kind, entity, week) the full constructor does,
    // so weekly loops can hash it once per person and share it across purposes.
    const auto replication = ReplicationKey::make(42, 1);
    for (const std::uint64_t entity : {0ULL, 7ULL, 99'999ULL}) {
        const auto prefix = EntityWeekKey::make(replication, EntityKind::person, entity, 3);
        for (const Purpose purpose : {Purpose::job_separation, Purpose::benefit_claim}) {
            Stream full(replication, EntityKind::person, entity, 3, purpose);
            Stream shared(prefix, purpose);
            for (int k = 0; k < 10; ++k) {
                REQUIRE(full() == shared());
            }
        }
    }
}

TEST_CASE("rng: first draws across neighbouring entities are uniform (chi-square)", "[rng]") {
    // 100,000 entities, 20 bins: chi-square with 19 df has mean 19, sd ~6.2; 60 is ~6.6 sd out.
    constexpr int bins = 20;
    constexpr int draws = 100000;
    std::array<int, bins> counts{};
    for (int e = 0; e < draws; ++e) {
        ++counts[static_cast<std::size_t>(stream_for(static_cast<std::uint64_t>(e)).uniform() *
                                          bins)];
    }
    double chi2 = 0.0;
    const double expected = static_cast<double>(draws) / bins;
    for (const int c : counts) {
        chi2 += (c - expected) * (c - expected) / expected;
    }
    CHECK(chi2 < 60.0);
}

TEST_CASE("rng: consecutive draws of neighbouring entities are uncorrelated", "[rng]") {
    constexpr int n = 100000;
    double sum_xy = 0.0;
    double sum_x = 0.0;
    double sum_y = 0.0;
    for (int e = 0; e < n; ++e) {
        const double x = stream_for(static_cast<std::uint64_t>(e)).uniform();
        const double y = stream_for(static_cast<std::uint64_t>(e + 1)).uniform();
        sum_xy += x * y;
        sum_x += x;
        sum_y += y;
    }
    const double covariance = sum_xy / n - (sum_x / n) * (sum_y / n);
    // Var(U) = 1/12; sd of the sample covariance ~ (1/12)/sqrt(n); allow 5 sd.
    CHECK(std::abs(covariance) < 5.0 * (1.0 / 12.0) / std::sqrt(static_cast<double>(n)));
}

TEST_CASE("rng: below(n) stays in range and hits every value", "[rng]") {
    Stream stream = stream_for(1);
    std::set<std::uint32_t> seen;
    for (int k = 0; k < 10000; ++k) {
        const auto v = stream.below(7);
        REQUIRE(v < 7);
        seen.insert(v);
    }
    CHECK(seen.size() == 7);
}

TEST_CASE("rng: Boost.Random distributions draw from a stream", "[rng]") {
    boost::random::normal_distribution<double> normal(2.0, 3.0);
    double sum = 0.0;
    double sum_sq = 0.0;
    constexpr int n = 50000;
    for (int e = 0; e < n; ++e) {
        Stream stream = stream_for(static_cast<std::uint64_t>(e));
        const double x = normal(stream);
        sum += x;
        sum_sq += x * x;
    }
    const double mean = sum / n;
    const double variance = sum_sq / n - mean * mean;
    CHECK(mean == Approx(2.0).margin(5.0 * 3.0 / std::sqrt(static_cast<double>(n))));
    CHECK(variance == Approx(9.0).margin(5.0 * 9.0 * std::sqrt(2.0 / n)));
}

TEST_CASE("rng: purposes are listed once each", "[rng]") {
    // Listing every enumerator here fails to compile if one is renamed; values must be distinct.
    const std::array purposes = {Purpose::person_traits,
                                 Purpose::person_initial_state,
                                 Purpose::person_placement,
                                 Purpose::employer_traits,
                                 Purpose::initial_job,
                                 Purpose::vacancy_creation,
                                 Purpose::vacancy_traits,
                                 Purpose::vacancy_expiry,
                                 Purpose::job_separation,
                                 Purpose::vacancy_replacement,
                                 Purpose::benefit_claim,
                                 Purpose::coach_assignment,
                                 Purpose::meeting_attendance,
                                 Purpose::conditionality_detection,
                                 Purpose::labour_force_participation,
                                 Purpose::job_applications,
                                 Purpose::employer_choice,
                                 Purpose::application_targets,
                                 Purpose::wage_progression};
    const std::set<Purpose> unique(purposes.begin(), purposes.end());
    CHECK(unique.size() == purposes.size());
}

}  // namespace test_stream
