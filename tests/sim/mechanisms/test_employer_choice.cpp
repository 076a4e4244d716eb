// employer_choice: each vacancy is offered to its best-assessed applicant above a threshold; the
// assessment falls with the spell out of work and with barriers; people accept at most one offer,
// and only at or above their reservation wage.
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_employer_choice {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7401;

/// Chance that an applicant with the given assessment beats the threshold, with standard
/// logistic noise of the given scale: P(a + s * L > t) = 1 / (1 + exp((t - a) / s)).
double hire_probability(const m::EmployerChoiceParams& params, double assessment) {
    return 1.0 / (1.0 + std::exp((params.hiring_threshold - assessment) / params.assessment_noise));
}

/// Each person applies to a vacancy of their own (skill need 0.5, a well-paid 20 GBP/h), so the
/// hire chance is the chance of clearing the threshold.
void one_vacancy_each(World& world) {
    const std::uint32_t n = world.persons.size();
    world.applications.vacancy.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t v = testing::add_vacancy(world, i % world.employers.size(), 20.0f);
        world.applications.offsets[i + 1] = i + 1;
        world.applications.vacancy[i] = v;
    }
    testing::index_vacancies(world);
}

/// Person i applies to the listed vacancies (persons must be given in increasing order).
void apply(World& world, std::uint32_t i, std::initializer_list<std::uint32_t> vacancies) {
    Applications& applications = world.applications;
    for (const std::uint32_t v : vacancies) {
        applications.vacancy.push_back(v);
    }
    const auto total = static_cast<std::uint32_t>(applications.vacancy.size());
    for (std::size_t k = i + 1; k < applications.offsets.size(); ++k) {
        applications.offsets[k] = total;
    }
}

/// Which persons were hired, from the events.
std::vector<std::uint8_t> hired_flags(const World& world, const std::vector<Event>& events) {
    std::vector<std::uint8_t> hired(world.persons.size(), 0);
    for (const Event& e : events) {
        if (e.kind == EventKind::hire) {
            hired[index(e.person)] = 1;
        }
    }
    return hired;
}

template <class InGroup>
double hire_rate(const std::vector<std::uint8_t>& hired, InGroup in_group, double& members) {
    double hires = 0.0;
    members = 0.0;
    for (std::uint32_t i = 0; i < hired.size(); ++i) {
        if (in_group(i)) {
            hires += hired[i];
            members += 1.0;
        }
    }
    return hires / members;
}

}  // namespace

TEST_CASE("employer_choice: a longer spell out of work lowers the chance of being hired",
          "[mechanism][employer_choice]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.employer_choice;
    World world = testing::tiny_world(scenario, 60'000);
    for (std::uint32_t i = 1; i < world.persons.size(); i += 2) {
        world.persons.spell_weeks[i] = 104;  // odd persons: two years out of work
    }
    one_vacancy_each(world);
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    const auto hired = hired_flags(world, events);

    const double fresh = m::assessment(params, 1.0, 0, 0);
    const double long_out = m::assessment(params, 1.0, 104, 0);
    CHECK(long_out == Approx(fresh - 2.0 * params.spell_penalty_per_year));
    const double p_fresh = hire_probability(params, fresh);
    const double p_long = hire_probability(params, long_out);
    double members = 0.0;
    const double fresh_rate = hire_rate(
        hired, [](std::uint32_t i) { return i % 2 == 0; }, members);
    CHECK(fresh_rate == Approx(p_fresh).margin(mc_tolerance(p_fresh, members)));
    const double long_rate = hire_rate(
        hired, [](std::uint32_t i) { return i % 2 == 1; }, members);
    CHECK(long_rate == Approx(p_long).margin(mc_tolerance(p_long, members)));
    CHECK(long_rate < fresh_rate);
}

TEST_CASE("employer_choice: a poorer skill fit and barriers lower the chance of being hired",
          "[mechanism][employer_choice]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.employer_choice;
    const auto two_barriers = static_cast<std::uint8_t>(barrier_health | barrier_housing);
    World world = testing::tiny_world(scenario, 60'000);
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        if (i % 3 == 1) {
            world.persons.skill[i] = 1.0f;  // need 0.5: fit 0.5
        } else if (i % 3 == 2) {
            world.persons.barriers[i] = two_barriers;
        }
    }
    one_vacancy_each(world);
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    const auto hired = hired_flags(world, events);

    const std::array<double, 3> score{m::assessment(params, 1.0, 0, 0),
                                      m::assessment(params, 0.5, 0, 0),
                                      m::assessment(params, 1.0, 0, two_barriers)};
    CHECK(score[1] == Approx(score[0] - 0.5 * params.skill_fit_weight));
    CHECK(score[2] == Approx(score[0] - 2.0 * params.barrier_penalty));
    std::array<double, 3> rate{};
    for (std::uint32_t group = 0; group < 3; ++group) {
        INFO("group " << group);
        double members = 0.0;
        rate[group] = hire_rate(
            hired, [group](std::uint32_t i) { return i % 3 == group; }, members);
        const double expected = hire_probability(params, score[group]);
        CHECK(rate[group] == Approx(expected).margin(mc_tolerance(expected, members)));
    }
    CHECK(rate[1] < rate[0]);
    CHECK(rate[2] < rate[0]);
}

TEST_CASE(
    "employer_choice: offers below the reservation wage are declined, less so when "
    "sanctioned or after a long spell",
    "[mechanism][employer_choice]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.employer_choice;
    params.hiring_threshold = -1e9;        // every vacancy offers to its applicant
    params.reservation_wage_ratio = 0.85;  // the wages below are set around this ratio

    const double fresh = m::reservation_wage(params, 12.0f, 0, false);
    const double sanctioned = m::reservation_wage(params, 12.0f, 0, true);
    const double year_out = m::reservation_wage(params, 12.0f, 52, false);
    CHECK(fresh == Approx(12.0 * params.reservation_wage_ratio));
    CHECK(sanctioned == Approx(fresh * (1.0 - params.sanctioned_reservation_cut)));
    CHECK(year_out == Approx(fresh * (1.0 - params.reservation_decline_per_year)));
    CHECK(m::reservation_wage(params, 12.0f, 60'000, false) == 0.0);  // never negative

    // A 9 GBP/h offer sits between the sanctioned (8.16) and the fresh (10.2) reservation wage.
    World world = testing::tiny_world(scenario, 4);
    world.persons.claim[1] = ClaimState::sanctioned;
    world.persons.spell_weeks[2] = 52;
    world.persons.wage_per_hour[3] = 10.0f;  // a lower last wage: reservation 8.5
    for (std::uint32_t i = 0; i < 4; ++i) {
        testing::add_vacancy(world, i, 9.0f);
        apply(world, i, {i});
    }
    testing::index_vacancies(world);
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    const auto hired = hired_flags(world, events);
    CHECK(hired == std::vector<std::uint8_t>{0, 1, 1, 1});
    CHECK(world.persons.status[0] == LabourStatus::unemployed);
    CHECK(world.vacancies.filled == std::vector<std::uint8_t>{0, 1, 1, 1});
}

TEST_CASE(
    "employer_choice: each vacancy goes to its best-assessed applicant, ties to the lower "
    "person id",
    "[mechanism][employer_choice]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.employer_choice;
    params.assessment_noise = 0.0;  // assessments without noise
    params.hiring_threshold = -1e9;
    World world = testing::tiny_world(scenario, 5);
    Persons& p = world.persons;
    p.spell_weeks[0] = 50;
    p.spell_weeks[1] = 10;
    p.barriers[2] = barrier_caring;
    p.spell_weeks[3] = 10;  // ties with person 1
    p.skill[4] = 0.9f;
    testing::add_vacancy(world, 0, 15.0f);
    testing::index_vacancies(world);
    for (std::uint32_t i = 0; i < 5; ++i) {
        apply(world, i, {0});
    }
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::hire);
    CHECK(index(events[0].person) == 1);
    CHECK(world.vacancies.filled[0] == 1);
    CHECK(world.employers.headcount[0] == 1);
}

TEST_CASE(
    "employer_choice: a person with several offers takes the best-paid one and the other "
    "vacancies stay open",
    "[mechanism][employer_choice]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.employer_choice.hiring_threshold = -1e9;
    World world = testing::tiny_world(scenario, 1);
    testing::add_vacancy(world, 0, 12.0f, 37);  // 444 a week
    testing::add_vacancy(world, 1, 14.0f, 37);  // 518 a week: the best
    testing::add_vacancy(world, 2, 20.0f, 20);  // 400 a week
    testing::index_vacancies(world);
    apply(world, 0, {0, 1, 2});
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    REQUIRE(events.size() == 1);
    CHECK(events[0].other == 1);
    CHECK(events[0].value == 14.0f);
    CHECK(world.vacancies.filled == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(world.persons.employer[0] == static_cast<EmployerId>(1));
    CHECK(world.persons.hours_per_week[0] == 37);
}

TEST_CASE("employer_choice: a person takes the best offer that clears their reservation wage",
          "[mechanism][employer_choice]") {
    // The header promises "people accept the best offer above their reservation wage". Offers are
    // ranked by weekly pay but checked against an hourly reservation wage, and only the top offer
    // is checked: a better-paid full-time offer below the reservation wage makes the person decline
    // a part-time offer above it.
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.employer_choice.hiring_threshold = -1e9;
    scenario.labour_market.employer_choice.reservation_wage_ratio = 0.85;  // wages set around it
    World world = testing::tiny_world(scenario, 1);  // last wage 12: reservation 10.2 GBP/h
    testing::add_vacancy(world, 0, 9.0f, 37);        // 333 a week, below the reservation wage
    testing::add_vacancy(world, 1, 11.0f, 20);       // 220 a week, above it
    testing::index_vacancies(world);
    apply(world, 0, {0, 1});
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    REQUIRE(events.size() == 1);
    CHECK(events[0].other == 1);
    CHECK(world.vacancies.filled == std::vector<std::uint8_t>{0, 1});
}

TEST_CASE(
    "employer_choice: every hire fills one vacancy the person applied to, and headcounts "
    "follow",
    "[mechanism][employer_choice]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto& params = scenario.labour_market.employer_choice;
    const auto prepared = testing::prepared_world(scenario, "employer_choice", 6, seed);
    const World& before = prepared.world;
    CHECK(before.employers.headcount == testing::employed_per_employer(before));
    World world = before;
    const auto events =
        testing::run_step(&m::employer_choice, scenario, world, prepared.week, seed);
    const auto hires = testing::events_of(events, EventKind::hire);
    REQUIRE(hires.size() > 10);
    CHECK(hires.size() == events.size());

    const Persons& p = world.persons;
    const Vacancies& vacancies = world.vacancies;
    std::size_t newly_filled = 0;
    for (std::uint32_t v = 0; v < vacancies.size(); ++v) {
        CHECK(before.vacancies.filled[v] == 0);
        newly_filled += vacancies.filled[v];
    }
    CHECK(newly_filled == hires.size());  // one vacancy per hire: none filled twice

    std::vector<std::uint8_t> hired(p.size(), 0);
    std::vector<std::uint8_t> claimed(vacancies.size(), 0);
    for (const Event& e : hires) {
        const auto i = index(e.person);
        INFO("person " << i);
        CHECK(hired[i] == 0);  // at most one job each
        hired[i] = 1;
        CHECK(before.persons.status[i] == LabourStatus::unemployed);
        CHECK(p.status[i] == LabourStatus::employed);
        CHECK(index(p.employer[i]) == e.other);
        CHECK(p.wage_per_hour[i] == e.value);
        CHECK(p.tenure_weeks[i] == 0);
        CHECK(p.spell_weeks[i] == 0);
        CHECK(p.wants_work[i] == 0);
        CHECK((p.low_paid[i] != 0) == (p.wage_per_hour[i] < world.low_pay_threshold_per_hour));
        CHECK(p.wage_per_hour[i] >=
              m::reservation_wage(params, before.persons.wage_per_hour[i],
                                  before.persons.spell_weeks[i],
                                  before.persons.claim[i] == ClaimState::sanctioned) *
                  coach_factor(before.coach_targets.reservation, before.persons.coach[i]));
        // The job is a filled vacancy among the person's applications, not yet claimed by another.
        bool found = false;
        for (std::uint32_t k = world.applications.offsets[i];
             k < world.applications.offsets[i + 1] && !found; ++k) {
            const std::uint32_t v = world.applications.vacancy[k];
            if (v == Applications::no_vacancy || vacancies.filled[v] == 0 || claimed[v] != 0) {
                continue;
            }
            if (index(vacancies.employer[v]) == e.other && vacancies.wage_per_hour[v] == e.value &&
                vacancies.hours_per_week[v] == p.hours_per_week[i] &&
                vacancies.sector[v] == p.sector[i] &&
                p.match_quality[i] == 1.0f - std::abs(p.skill[i] - vacancies.skill_need[v])) {
                claimed[v] = 1;
                found = true;
            }
        }
        CHECK(found);
    }
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if (hired[i] == 0) {
            CHECK(p.status[i] == before.persons.status[i]);
        }
    }
    CHECK(world.employers.headcount == testing::employed_per_employer(world));
}

TEST_CASE("employer_choice: switched off, nobody is hired and nothing changes",
          "[mechanism][employer_choice]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "employer_choice", 6, seed);
    const auto on =
        testing::outcome_of(&m::employer_choice, scenario, prepared.world, prepared.week, seed);
    CHECK_FALSE(on.events.empty());

    scenario.labour_market.employer_choice.enabled = false;
    const auto off =
        testing::outcome_of(&m::employer_choice, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
}

TEST_CASE("employer_choice: the same key gives the same result, at any thread count",
          "[mechanism][employer_choice]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "employer_choice", 6, seed);
    const auto reference =
        testing::outcome_of(&m::employer_choice, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::hire) > 10);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::employer_choice, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_employer_choice
