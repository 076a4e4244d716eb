// tie_dynamics: out of work, networks erode and loneliness rises; in work, they hold and
// loneliness falls; the network stays symmetric.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/tie_dynamics.hpp"
#include "sim/population/network.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_tie_dynamics {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;

constexpr std::uint64_t seed = 16201;
constexpr std::uint32_t n = 20'000;

/// Persons 0..9999 employed, the rest unemployed, with a generated network; loneliness 0.3.
World mixed_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n / 2; ++i) {
        testing::employ(world, i, i % world.employers.size(), 12.0f);
    }
    testing::with_threads(2, [&] {
        generate_network(scenario.population.network, scenario.population.areas,
                         rng::ReplicationKey::make(seed, 0), world);
    });
    for (auto& l : world.persons.loneliness) {
        l = 0.3f;
    }
    return world;
}

double mean_loneliness(const World& world, std::uint32_t first, std::uint32_t last) {
    double sum = 0.0;
    for (std::uint32_t i = first; i < last; ++i) {
        sum += world.persons.loneliness[i];
    }
    return sum / (last - first);
}

}  // namespace

TEST_CASE("tie_dynamics: out of work, ties erode and loneliness rises; in work it falls",
          "[mechanism][tie_dynamics]") {
    const Scenario scenario = testing::small_scenario(n, 2);
    const auto& params = scenario.labour_market.tie_dynamics;
    World world = mixed_world(scenario);
    const double employed_start = testing::mean_degree(world, 0, n / 2);
    const double unemployed_start = testing::mean_degree(world, n / 2, n);
    for (Week week = 0; week < 40; ++week) {
        (void)testing::run_step(&m::tie_dynamics, scenario, world, week, seed, 2);
    }
    CHECK(testing::network_problems(world) == "");
    const double employed_end = testing::mean_degree(world, 0, n / 2);
    const double unemployed_end = testing::mean_degree(world, n / 2, n);
    // Tie counts are sums of many independent lapses; 0.3 ties is many standard errors.
    CHECK(unemployed_end < unemployed_start - 0.3);
    CHECK(employed_end - employed_start > unemployed_end - unemployed_start + 0.3);
    CHECK(mean_loneliness(world, n / 2, n) > 0.3 + 0.05);
    CHECK(mean_loneliness(world, 0, n / 2) < 0.3 - 0.05);
    CHECK(m::loneliness_target(params, false, 6) > m::loneliness_target(params, true, 6));
    CHECK(m::loneliness_target(params, false, 2) > m::loneliness_target(params, false, 12));
}

TEST_CASE("tie_dynamics: switched off, nothing changes", "[mechanism][tie_dynamics]") {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.labour_market.tie_dynamics.enabled = false;
    World world = mixed_world(scenario);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::tie_dynamics, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("tie_dynamics: the same key gives the same result, at any thread count",
          "[mechanism][tie_dynamics]") {
    const Scenario scenario = testing::small_scenario(n);
    const auto prepared = testing::prepared_world(scenario, "tie_dynamics", 6, seed);
    const auto reference =
        testing::outcome_of(&m::tie_dynamics, scenario, prepared.world, prepared.week, seed, 1);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::tie_dynamics, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

TEST_CASE(
    "tie_dynamics: a tie lapses at both ends when either end's own draw lets it, the rest "
    "keep their order",
    "[mechanism][tie_dynamics]") {
    // The rule written out directly: person i draws one tie_loss Bernoulli per slot, in slot
    // order, from their own stream; a tie survives when neither end drew a lapse. High loss rates
    // make lists lose several ties at once and both ends often lapse the same tie.
    Scenario scenario = testing::small_scenario(n, 2);
    auto& params = scenario.labour_market.tie_dynamics;
    params.weak_tie_loss_in_work = 0.2;
    params.weak_tie_loss_out_of_work = 0.4;
    params.strong_tie_loss_ratio = 0.5;
    params.formation_in_work = 0.0;
    params.formation_out_of_work = 0.0;
    World world = mixed_world(scenario);
    const Network before = world.network;
    const Week week = 3;
    const WeekContext context{scenario, {}, rng::ReplicationKey::make(seed, 0), week};
    std::vector<std::vector<std::uint32_t>> lapsed(n);  // contacts each person lets go
    for (std::uint32_t i = 0; i < n; ++i) {
        const bool employed = world.persons.status[i] == LabourStatus::employed;
        const double weak =
            employed ? params.weak_tie_loss_in_work : params.weak_tie_loss_out_of_work;
        auto stream = context.person_stream(i, rng::Purpose::tie_loss);
        for (const Tie& tie : before.ties(i)) {
            const bool strong = (tie.flags & tie_strong) != 0;
            if (stream.bernoulli(strong ? weak * params.strong_tie_loss_ratio : weak)) {
                lapsed[i].push_back(tie.contact);
            }
        }
    }
    const auto lets_go = [&](std::uint32_t i, std::uint32_t j) {
        return std::find(lapsed[i].begin(), lapsed[i].end(), j) != lapsed[i].end();
    };

    (void)testing::run_step(&m::tie_dynamics, scenario, world, week, seed, 2);

    std::uint32_t mismatches = 0;
    std::uint32_t lost = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::vector<std::uint32_t> expected;
        for (const Tie& tie : before.ties(i)) {
            if (!lets_go(i, tie.contact) && !lets_go(tie.contact, i)) {
                expected.push_back(tie.contact);
            }
        }
        std::vector<std::uint32_t> actual;
        for (const Tie& tie : world.network.ties(i)) {
            actual.push_back(tie.contact);
        }
        mismatches += actual == expected ? 0u : 1u;
        lost += static_cast<std::uint32_t>(before.degree[i] - world.network.degree[i]);
    }
    CHECK(mismatches == 0);
    CHECK(lost > n);  // many ties went, so the rule was exercised
    CHECK(testing::network_problems(world) == "");
}

}  // namespace test_tie_dynamics
