#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/load.hpp"
#include "sim/state/world_snapshot.hpp"
#include "tests/support/simulate.hpp"

namespace test_world_snapshot {

using namespace jobsim;

namespace {

/// Every column of `persons` as (name, bytes), in declaration order.
std::vector<std::pair<std::string, std::vector<unsigned char>>> column_bytes(Persons& persons) {
    std::vector<std::pair<std::string, std::vector<unsigned char>>> out;
    persons.for_each_named_column([&out](const char* name, auto& column) {
        const auto* begin = reinterpret_cast<const unsigned char*>(column.data());
        out.emplace_back(
            name, std::vector<unsigned char>(begin, begin + column.size() * sizeof(column[0])));
    });
    return out;
}

/// A world some weeks into the universal service scenario (ties made and lost, vacancies open).
World world_after_weeks() {
    Scenario scenario = scenario::load_scenario_file(std::string(JOBSIM_SOURCE_DIR) +
                                                     "/scenarios/universal_work_service.yaml");
    scenario.population.persons = 6000;
    scenario.population.areas = 3;
    return testing::simulate(scenario, 5, 12).world;
}

}  // namespace

TEST_CASE("world snapshot: restoring gives back every column, tie and member", "[state]") {
    World world = world_after_weeks();
    const WorldSnapshot snapshot = WorldSnapshot::take(world);
    World restored = snapshot.restore();

    // Persons: every column, byte for byte.
    const auto expected = column_bytes(world.persons);
    const auto got = column_bytes(restored.persons);
    REQUIRE(got.size() == expected.size());
    for (std::size_t c = 0; c < expected.size(); ++c) {
        INFO("column " << expected[c].first);
        CHECK(got[c] == expected[c]);
    }

    // Network: degrees, the ties in use slot by slot, and the by-area index.
    const Network& net = world.network;
    REQUIRE(restored.network.degree == net.degree);
    REQUIRE(restored.network.slots.size() == net.slots.size());
    std::size_t ties = 0;
    bool same_ties = true;
    for (std::uint32_t i = 0; i < net.persons(); ++i) {
        for (std::size_t s = 0; s < net.degree[i]; ++s) {
            const Tie a = net.ties(i)[s];
            const Tie b = restored.network.ties(i)[s];
            same_ties = same_ties && a.contact == b.contact && a.flags == b.flags;
            ++ties;
        }
    }
    CHECK(ties > world.persons.size());  // a network with real ties
    CHECK(same_ties);
    CHECK(restored.network.area_offsets == net.area_offsets);
    CHECK(restored.network.area_members == net.area_members);

    // Every other member of World (world_snapshot.cpp's static_assert on sizeof(World) makes a
    // new member fail to build until it is copied there and compared here).
    CHECK(restored.coaches.area == world.coaches.area);
    CHECK(restored.coaches.hours_per_week == world.coaches.hours_per_week);
    CHECK(restored.coaches.caseload == world.coaches.caseload);
    CHECK(restored.coaches.meetings_due == world.coaches.meetings_due);
    CHECK(restored.coaches.minutes_per_meeting == world.coaches.minutes_per_meeting);
    CHECK(restored.employers.area == world.employers.area);
    CHECK(restored.employers.sector == world.employers.sector);
    CHECK(restored.employers.target_size == world.employers.target_size);
    CHECK(restored.employers.headcount == world.employers.headcount);
    REQUIRE(world.vacancies.size() > 0);
    CHECK(restored.vacancies.serial == world.vacancies.serial);
    CHECK(restored.vacancies.employer == world.vacancies.employer);
    CHECK(restored.vacancies.area == world.vacancies.area);
    CHECK(restored.vacancies.sector == world.vacancies.sector);
    CHECK(restored.vacancies.skill_need == world.vacancies.skill_need);
    CHECK(restored.vacancies.wage_per_hour == world.vacancies.wage_per_hour);
    CHECK(restored.vacancies.hours_per_week == world.vacancies.hours_per_week);
    CHECK(restored.vacancies.weeks_open == world.vacancies.weeks_open);
    CHECK(restored.vacancies.filled == world.vacancies.filled);
    CHECK(restored.areas.x_km == world.areas.x_km);
    CHECK(restored.areas.y_km == world.areas.y_km);
    CHECK(restored.areas.demand_multiplier == world.areas.demand_multiplier);
    CHECK(restored.areas.separation_multiplier == world.areas.separation_multiplier);
    CHECK(restored.areas.inactivity_multiplier == world.areas.inactivity_multiplier);
    CHECK(restored.provider_market.entries == world.provider_market.entries);
    CHECK(restored.provider_market.client_weeks == world.provider_market.client_weeks);
    CHECK(restored.employer_links.holders == world.employer_links.holders);
    CHECK(restored.employer_links.strength == world.employer_links.strength);
    CHECK(restored.employer_links.unbilled_gbp == world.employer_links.unbilled_gbp);
    CHECK(restored.coaches_by_area.offsets == world.coaches_by_area.offsets);
    CHECK(restored.coaches_by_area.values == world.coaches_by_area.values);
    CHECK(restored.vacancies_by_area.offsets == world.vacancies_by_area.offsets);
    CHECK(restored.vacancies_by_area.values == world.vacancies_by_area.values);
    CHECK(restored.applications.offsets == world.applications.offsets);
    CHECK(restored.applications.vacancy == world.applications.vacancy);
    CHECK(restored.applications.low_fit == world.applications.low_fit);
    CHECK(restored.applications.channel == world.applications.channel);
    REQUIRE(restored.ended_jobs.size() == world.ended_jobs.size());
    for (std::size_t k = 0; k < world.ended_jobs.size(); ++k) {
        CHECK(restored.ended_jobs[k].person == world.ended_jobs[k].person);
        CHECK(restored.ended_jobs[k].employer == world.ended_jobs[k].employer);
        CHECK(restored.ended_jobs[k].wage_per_hour == world.ended_jobs[k].wage_per_hour);
        CHECK(restored.ended_jobs[k].hours_per_week == world.ended_jobs[k].hours_per_week);
    }
    CHECK(restored.search_areas.decay_km == world.search_areas.decay_km);
    CHECK(restored.search_areas.reachable.offsets == world.search_areas.reachable.offsets);
    CHECK(restored.search_areas.reachable.values == world.search_areas.reachable.values);
    CHECK(restored.search_areas.cumulative_weight == world.search_areas.cumulative_weight);
    CHECK(restored.low_pay_threshold_per_hour == world.low_pay_threshold_per_hour);
    CHECK(restored.next_vacancy_serial == world.next_vacancy_serial);
    CHECK(restored.sector_separation_multiplier == world.sector_separation_multiplier);
    CHECK(restored.sector_demand_multiplier == world.sector_demand_multiplier);
    CHECK(restored.coach_targets.office_sanctions == world.coach_targets.office_sanctions);
    CHECK(restored.coach_targets.office_referrals == world.coach_targets.office_referrals);
    CHECK(restored.coach_targets.office_off_flows == world.coach_targets.office_off_flows);
    CHECK(restored.coach_targets.office_claimants == world.coach_targets.office_claimants);
    CHECK(restored.coach_targets.sanction == world.coach_targets.sanction);
    CHECK(restored.coach_targets.referral == world.coach_targets.referral);
    CHECK(restored.coach_targets.misjudge == world.coach_targets.misjudge);
    CHECK(restored.coach_targets.reservation == world.coach_targets.reservation);
    CHECK(restored.coach_targets.sign_off == world.coach_targets.sign_off);
    CHECK(restored.service_design == world.service_design);
}

TEST_CASE("world snapshot: a snapshot restores the same world each time", "[state]") {
    World world = world_after_weeks();
    const WorldSnapshot snapshot = WorldSnapshot::take(world);
    World first = snapshot.restore();
    World second = snapshot.restore();
    CHECK(column_bytes(first.persons) == column_bytes(second.persons));
    CHECK(first.network.degree == second.network.degree);
}

TEST_CASE("world snapshot: it holds a fraction of the persons' and network's bytes", "[state]") {
    const World world = world_after_weeks();
    const std::size_t full =
        world.persons.size() * (Persons::bytes_per_person() + Network::bytes_per_person());
    // Issue 5: the snapshot is what a multi-arm run keeps beside the running world.
    CHECK(WorldSnapshot::take(world).compressed_bytes() < full / 2);
}

TEST_CASE("world snapshot: an empty world round-trips", "[state]") {
    World world;
    world.persons.resize(3);
    world.persons.skill = {0.25f, 0.5f, 0.75f};
    World restored = WorldSnapshot::take(world).restore();
    CHECK(restored.persons.skill == world.persons.skill);
    CHECK(restored.persons.employer == world.persons.employer);
    CHECK(restored.network.slots.empty());
    CHECK(restored.network.area_offsets.empty());
}

TEST_CASE("world snapshot: refuses a network whose slots do not match its degrees", "[state]") {
    World world;
    world.persons.resize(3);
    world.network.reset(world.persons.area, 1);
    world.network.slots.pop_back();
    CHECK_THROWS_AS(WorldSnapshot::take(world), std::logic_error);
}

}  // namespace test_world_snapshot
