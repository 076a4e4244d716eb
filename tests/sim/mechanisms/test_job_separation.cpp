// job_separation: jobs end with a weekly hazard that is higher early in a job, for poor matches,
// for low pay and with barriers; the person becomes unemployed or inactive.
#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/job_separation.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_job_separation {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7101;

/// Everyone employed, spread over the employers, in a settled (tenure 200), well-matched,
/// decently paid job with no barriers.
World employed_world(const Scenario& scenario, std::uint32_t persons) {
    World world = testing::tiny_world(scenario, persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        testing::employ(world, i, i % world.employers.size(), 15.0f);
        world.persons.tenure_weeks[i] = 200;
    }
    return world;
}

/// Share of the persons selected by `in_group` who separated.
template <class InGroup>
double separation_rate(const World& world, const std::vector<Event>& events, InGroup in_group) {
    std::size_t members = 0;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        members += in_group(i);
    }
    std::size_t separated = 0;
    for (const Event& e : events) {
        separated += e.kind == EventKind::separation && in_group(index(e.person));
    }
    return static_cast<double>(separated) / static_cast<double>(members);
}

}  // namespace

TEST_CASE("job_separation: a job in its first weeks ends more often than a settled one",
          "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.job_separation;
    // A larger base hazard than the default sharpens the comparison; the multiplier is the lever.
    params.base_weekly_hazard = 0.01;
    constexpr std::uint32_t n = 100'000;
    World world = employed_world(scenario, n);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.tenure_weeks[i] = 4;  // even persons: early in the job
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);

    const double early_hazard = m::separation_hazard(params, 4, 1.0f, false, 0);
    const double settled_hazard = m::separation_hazard(params, 200, 1.0f, false, 0);
    CHECK(early_hazard == Approx(settled_hazard * params.early_tenure_multiplier));

    const double early = separation_rate(world, events, [](std::uint32_t i) { return i % 2 == 0; });
    const double settled =
        separation_rate(world, events, [](std::uint32_t i) { return i % 2 == 1; });
    CHECK(early == Approx(early_hazard).margin(mc_tolerance(early_hazard, n / 2)));
    CHECK(settled == Approx(settled_hazard).margin(mc_tolerance(settled_hazard, n / 2)));
    CHECK(early > settled);
}

TEST_CASE("job_separation: the early period ends at early_tenure_weeks",
          "[mechanism][job_separation]") {
    const m::JobSeparationParams params;
    const double early = m::separation_hazard(params, 0, 1.0f, false, 0);
    const double settled = m::separation_hazard(params, 1000, 1.0f, false, 0);
    const auto last_early = static_cast<std::uint16_t>(params.early_tenure_weeks - 1);
    const auto first_settled = static_cast<std::uint16_t>(params.early_tenure_weeks);
    CHECK(m::separation_hazard(params, last_early, 1.0f, false, 0) == early);
    CHECK(m::separation_hazard(params, first_settled, 1.0f, false, 0) == settled);
    CHECK(settled == Approx(params.base_weekly_hazard));
}

TEST_CASE("job_separation: poor matches, low pay and barriers raise the hazard as documented",
          "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.job_separation;
    params.base_weekly_hazard = 0.02;  // sharper comparison; the factors are multiplicative
    constexpr std::uint32_t n = 100'000;
    World world = employed_world(scenario, n);
    Persons& p = world.persons;
    const auto barriers = static_cast<std::uint8_t>(barrier_health | barrier_caring);
    for (std::uint32_t i = 0; i < n; ++i) {
        switch (i % 4) {
            case 1:
                p.match_quality[i] = 0.2f;
                break;
            case 2:
                p.low_paid[i] = 1;
                break;
            case 3:
                p.barriers[i] = barriers;
                break;
            default:
                break;
        }
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);

    const std::array<double, 4> hazard{m::separation_hazard(params, 200, 1.0f, false, 0),
                                       m::separation_hazard(params, 200, 0.2f, false, 0),
                                       m::separation_hazard(params, 200, 1.0f, true, 0),
                                       m::separation_hazard(params, 200, 1.0f, false, barriers)};
    CHECK(hazard[1] == Approx(hazard[0] * (1.0 + params.poor_match_multiplier * 0.8)));
    CHECK(hazard[2] == Approx(hazard[0] * params.low_pay_multiplier));
    CHECK(hazard[3] == Approx(hazard[0] * (1.0 + 2 * params.per_barrier_multiplier)));

    std::array<double, 4> rate{};
    for (std::uint32_t group = 0; group < 4; ++group) {
        rate[group] =
            separation_rate(world, events, [group](std::uint32_t i) { return i % 4 == group; });
        INFO("group " << group);
        CHECK(rate[group] == Approx(hazard[group]).margin(mc_tolerance(hazard[group], n / 4)));
    }
    CHECK(rate[1] > rate[0]);
    CHECK(rate[2] > rate[0]);
    CHECK(rate[3] > rate[0]);
}

TEST_CASE("job_separation: a share to_inactivity_probability of leavers leave the labour force",
          "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.job_separation;
    params.base_weekly_hazard = 0.05;
    World world = employed_world(scenario, 50'000);
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);
    const auto separations = testing::events_of(events, EventKind::separation);
    REQUIRE(separations.size() > 1000);
    std::size_t to_inactivity = 0;
    for (const Event& e : separations) {
        to_inactivity += e.detail == static_cast<std::uint8_t>(LabourStatus::inactive);
    }
    const double share =
        static_cast<double>(to_inactivity) / static_cast<double>(separations.size());
    const double expected = params.to_inactivity_probability;
    CHECK(share ==
          Approx(expected).margin(mc_tolerance(expected, static_cast<double>(separations.size()))));
}

TEST_CASE("job_separation: a job that ends frees the person, the post and the headcount",
          "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.job_separation.base_weekly_hazard = 0.05;
    World world = employed_world(scenario, 20'000);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        p.tenure_weeks[i] = static_cast<std::uint16_t>(i % 300);
        p.wage_per_hour[i] = 10.0f + static_cast<float>(i % 1000) * 0.01f;
        p.hours_per_week[i] = i % 3 == 0 ? 20 : 37;
    }
    // Last week's list must not survive: it is this week's list only.
    world.ended_jobs.push_back({0, static_cast<EmployerId>(0), 1.0f, 1});
    const World before = world;
    const auto events = testing::run_step(&m::job_separation, scenario, world, 3, seed);
    const auto separations = testing::events_of(events, EventKind::separation);
    REQUIRE(separations.size() > 100);
    CHECK(separations.size() == events.size());

    std::vector<std::uint8_t> separated(p.size(), 0);
    std::vector<std::uint32_t> left_employer(world.employers.size(), 0);
    for (const Event& e : separations) {
        const auto i = index(e.person);
        INFO("person " << i);
        CHECK(separated[i] == 0);  // at most one separation a week
        separated[i] = 1;
        CHECK(e.week == 3);
        CHECK(e.other == index(before.persons.employer[i]));
        CHECK(e.value == static_cast<float>(before.persons.tenure_weeks[i]));
        CHECK(static_cast<std::uint8_t>(p.status[i]) == e.detail);
        CHECK(p.status[i] != LabourStatus::employed);
        CHECK(p.employer[i] == none<EmployerId>);
        CHECK(p.tenure_weeks[i] == 0);
        CHECK(p.spell_weeks[i] == 0);
        CHECK(p.low_paid[i] == 0);
        CHECK(p.wants_work[i] == 0);
        ++left_employer[e.other];
    }
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if (separated[i] == 0) {
            CHECK(p.status[i] == LabourStatus::employed);
            CHECK(p.employer[i] == before.persons.employer[i]);
        }
    }
    for (std::uint32_t e = 0; e < world.employers.size(); ++e) {
        CHECK(world.employers.headcount[e] + left_employer[e] == before.employers.headcount[e]);
    }
    CHECK(world.employers.headcount == testing::employed_per_employer(world));

    // One ended job per separation, sorted by person, carrying the job's pay and hours.
    REQUIRE(world.ended_jobs.size() == separations.size());
    for (std::size_t k = 0; k < world.ended_jobs.size(); ++k) {
        const EndedJob& ended = world.ended_jobs[k];
        const auto i = ended.person;
        INFO("ended job " << k << " of person " << i);
        CHECK(index(separations[k].person) == i);  // events are sorted by person too
        CHECK(ended.employer == before.persons.employer[i]);
        CHECK(ended.wage_per_hour == before.persons.wage_per_hour[i]);
        CHECK(ended.hours_per_week == before.persons.hours_per_week[i]);
    }
}

TEST_CASE("job_separation: people out of work are not touched", "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.job_separation.base_weekly_hazard = 1.0;  // every job ends
    World world = testing::tiny_world(scenario, 3000);
    for (std::uint32_t i = 0; i < 3000; i += 3) {
        testing::employ(world, i, 0, 15.0f);
        world.persons.status[i + 1] = LabourStatus::inactive;
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);
    CHECK(events.size() == 1000);
    for (const Event& e : events) {
        CHECK(index(e.person) % 3 == 0);
    }
    CHECK(world.employers.headcount[0] == 0);
}

TEST_CASE("job_separation: switched off, no job ends and nothing else changes",
          "[mechanism][job_separation]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_separation", 6, seed);
    REQUIRE_FALSE(prepared.world.ended_jobs.empty());  // last week's list, consumed by vacancy_flow
    const auto on =
        testing::outcome_of(&m::job_separation, scenario, prepared.world, prepared.week, seed);
    CHECK_FALSE(on.events.empty());  // the switch is what stops them

    scenario.labour_market.job_separation.enabled = false;
    World world = prepared.world;
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::job_separation, scenario, world, prepared.week, seed);
    CHECK(events.empty());
    // The list of jobs that ended this week is emptied: none did.
    CHECK(testing::changed_columns(before, testing::snapshot(world), {"ended_jobs.*"}) == "");
    CHECK(world.ended_jobs.empty());
}

TEST_CASE("job_separation: the same key gives the same result, at any thread count",
          "[mechanism][job_separation]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_separation", 6, seed);
    const auto reference =
        testing::outcome_of(&m::job_separation, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::separation) > 10);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::job_separation, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_job_separation
