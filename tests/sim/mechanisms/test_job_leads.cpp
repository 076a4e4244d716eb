// job_leads: employed contacts pass on vacancies at their employer and refer; more employed
// contacts, more leads and hires; referrals score higher; bridging ties carry more leads.
#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/job_leads.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_job_leads {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 16101;
constexpr std::uint32_t employed_people = 8'000;
constexpr std::uint32_t searchers = 8'000;

/// One area: persons 0..7999 employed (round robin over employers, 2 vacancies open at each),
/// persons 8000.. unemployed; searcher k has k % 4 employed contacts with tie flags `flags`.
World dose_world(const Scenario& scenario, std::uint8_t flags) {
    World world = testing::tiny_world(scenario, employed_people + searchers);
    const std::uint32_t employers = world.employers.size();
    for (std::uint32_t i = 0; i < employed_people; ++i) {
        testing::employ(world, i, i % employers, 12.0f);
    }
    for (std::uint32_t e = 0; e < employers; ++e) {
        testing::add_vacancy(world, e, 12.0f);
        testing::add_vacancy(world, e, 12.0f);
    }
    testing::index_vacancies(world);
    for (std::uint32_t k = 0; k < searchers; ++k) {
        const std::uint32_t i = employed_people + k;
        for (std::uint32_t c = 0; c < k % 4; ++c) {
            REQUIRE(
                world.network.add_tie(i, (k * 3 + c) % employed_people, flags, world.persons.area));
        }
    }
    return world;
}

Scenario dose_scenario() {
    Scenario scenario = testing::small_scenario(employed_people + searchers, 1);
    scenario.labour_market.employers_per_area = 400;
    scenario.labour_market.job_leads.lead_probability = 0.2;
    return scenario;
}

}  // namespace

TEST_CASE("job_leads: more employed contacts, more leads and more hires",
          "[mechanism][job_leads]") {
    const Scenario scenario = dose_scenario();
    const auto& params = scenario.labour_market.job_leads;
    World world = dose_world(scenario, tie_strong);
    (void)testing::run_step(&m::job_leads, scenario, world, 0, seed);

    std::array<double, 4> leads{};
    for (std::uint32_t k = 0; k < searchers; ++k) {
        const std::uint32_t i = employed_people + k;
        const auto& a = world.applications;
        for (std::uint32_t x = a.offsets[i]; x < a.offsets[i + 1]; ++x) {
            ++leads[k % 4];
            CHECK(is_network_channel(a.channel[x]));
            // Every contact's employer has a vacancy open, so the lead is at a contact's employer.
            bool at_contact_employer = false;
            for (const Tie& t : world.network.ties(i)) {
                at_contact_employer =
                    at_contact_employer ||
                    world.vacancies.employer[a.vacancy[x]] == world.persons.employer[t.contact];
            }
            CHECK(at_contact_employer);
        }
    }
    const double group = searchers / 4.0;
    CHECK(leads[0] == 0.0);
    for (std::uint32_t d = 1; d < 4; ++d) {
        // Each employed contact passes on a lead with lead_probability (strong ties: bonding).
        const double p = params.lead_probability;
        INFO("contacts " << d);
        CHECK(leads[d] / (group * d) == Approx(p).margin(mc_tolerance(p, group * d)));
    }

    // The leads become hires, more for those with more employed contacts (E2, N3, C9).
    const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
    std::array<double, 4> hires{};
    for (const Event& e : testing::events_of(events, EventKind::hire)) {
        CHECK(is_network_channel(static_cast<HireChannel>(e.detail)));
        ++hires[(index(e.person) - employed_people) % 4];
    }
    CHECK(hires[0] == 0.0);
    CHECK(hires[1] > 20.0);
    CHECK(hires[2] > hires[1] + mc_tolerance(hires[1] / group, group) * group / 2);
    CHECK(hires[3] > hires[2]);
}

TEST_CASE("job_leads: bridging ties carry more leads than bonding ones", "[mechanism][job_leads]") {
    const Scenario scenario = dose_scenario();
    const auto& params = scenario.labour_market.job_leads;
    std::array<double, 2> leads{};
    std::array<std::uint8_t, 2> flags{0, tie_bridging};
    for (std::size_t b = 0; b < 2; ++b) {
        World world = dose_world(scenario, flags[b]);
        (void)testing::run_step(&m::job_leads, scenario, world, 0, seed);
        leads[b] = static_cast<double>(world.applications.vacancy.size());
    }
    const double ties = searchers / 4.0 * (0 + 1 + 2 + 3);
    const double p = params.lead_probability;
    const double q = p * params.bridging_information_ratio;
    CHECK(leads[0] / ties == Approx(p).margin(mc_tolerance(p, ties)));
    CHECK(leads[1] / ties == Approx(q).margin(mc_tolerance(q, ties)));
    CHECK(leads[1] > leads[0]);
}

TEST_CASE("job_leads: a referral bonus means more hires through referrals",
          "[mechanism][job_leads]") {
    Scenario scenario = dose_scenario();
    std::array<double, 2> referral_hires{};
    std::array<double, 2> bonus{0.0, 2.0};
    for (std::size_t b = 0; b < 2; ++b) {
        scenario.labour_market.employer_choice.referral_bonus = bonus[b];
        World world = dose_world(scenario, tie_strong);
        (void)testing::run_step(&m::job_leads, scenario, world, 0, seed);
        const auto events = testing::run_step(&m::employer_choice, scenario, world, 0, seed);
        for (const Event& e : testing::events_of(events, EventKind::hire)) {
            referral_hires[b] +=
                static_cast<HireChannel>(e.detail) == HireChannel::referral ? 1 : 0;
        }
    }
    CHECK(referral_hires[0] > 0);
    CHECK(referral_hires[1] > referral_hires[0] * 1.3);
}

TEST_CASE("job_leads: in a simulated economy 30-60% of hires come through contacts",
          "[mechanism][job_leads]") {
    // calibration.md C10 (30-60% of hires via a network channel; seed N1 30-70%).
    const Scenario scenario = testing::small_scenario(10'000, 2);
    const auto run = testing::simulate(scenario, seed, 40);
    double hires = 0;
    double network = 0;
    for (const Event& e : testing::events_of(run.events, EventKind::hire)) {
        ++hires;
        network += is_network_channel(static_cast<HireChannel>(e.detail)) ? 1 : 0;
    }
    REQUIRE(hires > 200);
    CHECK(network / hires > 0.3);
    CHECK(network / hires < 0.6);
}

TEST_CASE("job_leads: switched off, nothing changes", "[mechanism][job_leads]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_leads", 6, seed);
    const auto on =
        testing::outcome_of(&m::job_leads, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), on.state) != "");

    scenario.labour_market.job_leads.enabled = false;
    World world = prepared.world;
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::job_leads, scenario, world, prepared.week, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("job_leads: the same key gives the same result, at any thread count",
          "[mechanism][job_leads]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "job_leads", 6, seed);
    const auto reference =
        testing::outcome_of(&m::job_leads, scenario, prepared.world, prepared.week, seed, 1);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::job_leads, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_job_leads
