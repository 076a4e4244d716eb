// employer_links: link holders keep up links with employers (costed coach hours); at a meeting a
// coach puts a service user forward to a linked employer's vacancy, which takes them on the
// link's word (hire channel coach_link). A single point of contact pools the area's links; a
// growth-sector share steers links to growing sectors.
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/employer_links.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_employer_links {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::attend_all;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 20301;
constexpr std::uint32_t n = 4000;
constexpr Week build_weeks = 40;

Scenario links_scenario() {
    Scenario scenario = testing::small_scenario(n, 4);
    scenario.labour_market.employers_per_area = 150;
    scenario.regime.employer_links.enabled = true;
    return scenario;
}

/// Claimants (all with `barriers`, known to the coach, and `spell` weeks out of work) whose
/// service has kept up its employer links for build_weeks weeks (nobody met a coach meanwhile).
World linked_world(const Scenario& scenario, std::uint8_t barriers, std::uint16_t spell,
                   std::uint32_t persons = n) {
    World world = testing::claimants_with(scenario, persons, barriers);
    for (std::uint32_t i = 0; i < persons; ++i) {
        world.persons.barriers_disclosed[i] = barriers;
        world.persons.spell_weeks[i] = spell;
    }
    for (Week week = 0; week < build_weeks; ++week) {
        (void)testing::run_step(&m::employer_links, scenario, world, week, seed);
    }
    return world;
}

/// One open vacancy per person at an employer of their home area (12 GBP/h, skill need 0.5), and
/// everyone has met their coach this week.
void open_vacancies_and_meet(const Scenario& scenario, World& world) {
    const std::uint32_t per_area = scenario.labour_market.employers_per_area;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        testing::add_vacancy(world, index(world.persons.area[i]) * per_area + i % per_area, 12.0f);
    }
    testing::index_vacancies(world);
    attend_all(world);
}

std::size_t hires_through(const std::vector<Event>& events, HireChannel channel) {
    std::size_t hires = 0;
    for (const Event& e : testing::events_of(events, EventKind::hire)) {
        hires += static_cast<HireChannel>(e.detail) == channel;
    }
    return hires;
}

double engagement_cost(const std::vector<Event>& events) {
    double cost = 0.0;
    for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
        if (static_cast<CostItem>(e.detail) == CostItem::employer_engagement) {
            cost += e.value;
        }
    }
    return cost;
}

}  // namespace

TEST_CASE("employer_links: links raise entry for claimants with barriers and long spells",
          "[mechanism][employer_links]") {
    Scenario scenario = links_scenario();
    scenario.regime.employer_links.put_forward_probability = 0.2;
    const std::uint8_t two_barriers = barrier_health | barrier_confidence;
    World world = linked_world(scenario, two_barriers, 52);
    REQUIRE(m::link_totals(world, 0).linked_employers > 0);
    open_vacancies_and_meet(scenario, world);
    // Everyone applies to the vacancy opened for them: the advert route.
    world.applications.vacancy.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.applications.offsets[i + 1] = i + 1;
        world.applications.vacancy[i] = i;
    }
    World adverts_only = world;
    const Week week = build_weeks;
    const auto advert_events =
        testing::run_step(&m::employer_choice, scenario, adverts_only, week, seed);
    World with_links = adverts_only;
    const auto link_events =
        testing::run_step(&m::employer_links, scenario, with_links, week, seed);

    const double entry_without =
        static_cast<double>(testing::count_events(advert_events, EventKind::hire)) / n;
    const std::size_t placed = hires_through(link_events, HireChannel::coach_link);
    CHECK(testing::count_events(link_events, EventKind::hire) == placed);
    const double entry_with = entry_without + static_cast<double>(placed) / n;
    // The advert sift almost never takes someone with two barriers a year out of work.
    CHECK(entry_without < 0.05);
    CHECK(entry_with > entry_without + mc_tolerance(entry_with, n));
    for (const Event& e : testing::events_of(link_events, EventKind::hire)) {
        CHECK(with_links.persons.status[index(e.person)] == LabourStatus::employed);
    }

    // Coaches put people far from work forward more often: 1 + 0.5 x 2 barriers + 1 (long spell)
    // = 3 times the chance of someone without barriers on a short spell.
    World close = linked_world(scenario, 0, 4);
    open_vacancies_and_meet(scenario, close);
    World far = linked_world(scenario, two_barriers, 52);
    open_vacancies_and_meet(scenario, far);
    const double base = scenario.regime.employer_links.put_forward_probability;
    const auto close_events = testing::run_step(&m::employer_links, scenario, close, week, seed);
    const auto far_events = testing::run_step(&m::employer_links, scenario, far, week, seed);
    const double close_rate =
        static_cast<double>(testing::count_events(close_events, EventKind::put_forward)) / n;
    const double far_rate =
        static_cast<double>(testing::count_events(far_events, EventKind::put_forward)) / n;
    CHECK(close_rate <= base + mc_tolerance(base, n));
    CHECK(far_rate > close_rate + mc_tolerance(far_rate, n) + mc_tolerance(close_rate, n));
}

TEST_CASE("employer_links: a single point of contact places more people at a lower cost per link",
          "[mechanism][employer_links]") {
    Scenario fragmented = links_scenario();
    fragmented.regime.employer_links.put_forward_probability = 0.5;
    Scenario single = fragmented;
    single.regime.employer_links.single_point_of_contact = true;
    REQUIRE(m::link_holders(fragmented.regime.employer_links) == 3);
    REQUIRE(m::link_holders(single.regime.employer_links) == 1);

    struct Result {
        std::size_t placed = 0;
        double cost_per_link = 0.0;  ///< engagement cost (GBP) per employer linked
        std::uint32_t linked_employers = 0;
    };
    constexpr std::uint32_t many = 16'000;
    const auto run = [](const Scenario& scenario) {
        World world = linked_world(scenario, 0, 30, many);
        open_vacancies_and_meet(scenario, world);
        const m::LinkTotals totals = m::link_totals(world, 0);
        const auto events =
            testing::run_step(&m::employer_links, scenario, world, build_weeks, seed);
        // Every holder has meetings this week, so all engagement so far is charged now.
        for (const double left : world.employer_links.unbilled_gbp[0]) {
            CHECK(left == 0.0);
        }
        return Result{.placed = hires_through(events, HireChannel::coach_link),
                      .cost_per_link = engagement_cost(events) / totals.linked_employers,
                      .linked_employers = totals.linked_employers};
    };
    const Result f = run(fragmented);
    const Result s = run(single);
    INFO("fragmented: " << f.placed << " placed, GBP " << f.cost_per_link << " per link, "
                        << f.linked_employers << " employers linked");
    INFO("single: " << s.placed << " placed, GBP " << s.cost_per_link << " per link, "
                    << s.linked_employers << " employers linked");
    // The same engagement hours, so the same cost, buy more employers linked (strength 0.5 or
    // more), and their stronger links place more people.
    const double pf = static_cast<double>(f.placed) / many;
    const double ps = static_cast<double>(s.placed) / many;
    CHECK(ps > pf + testing::mc_tolerance_of_mean(pf * (1 - pf) + ps * (1 - ps), many));
    CHECK(s.cost_per_link < f.cost_per_link);
    CHECK(s.linked_employers > f.linked_employers);
}

TEST_CASE("employer_links: growth-sector matching moves placements towards growing sectors",
          "[mechanism][employer_links]") {
    Scenario even = links_scenario();
    even.regime.employer_links.put_forward_probability = 1.0;
    even.regime.employer_links.acceptance_at_full_strength = 1.0;
    Scenario growth = even;
    growth.regime.employer_links.growth_sector_share = 1.0;
    const auto sectors = static_cast<double>(even.labour_market.sectors.size());
    const auto share_in_growing_sector = [&](const Scenario& scenario) {
        World world = testing::claimants_with(scenario, n, 0);
        world.sector_demand_multiplier.assign(scenario.labour_market.sectors.size(), 1.0f);
        world.sector_demand_multiplier[0] = 3.0f;  // sector 0 grows
        for (Week week = 0; week < build_weeks; ++week) {
            (void)testing::run_step(&m::employer_links, scenario, world, week, seed);
        }
        open_vacancies_and_meet(scenario, world);
        const auto events =
            testing::run_step(&m::employer_links, scenario, world, build_weeks, seed);
        double placed = 0.0;
        double in_growing = 0.0;
        for (const Event& e : testing::events_of(events, EventKind::hire)) {
            placed += 1.0;
            in_growing += world.employers.sector[e.other] == 0 ? 1.0 : 0.0;
        }
        REQUIRE(placed > 100);
        return std::pair{in_growing / placed, placed};
    };
    const auto [even_share, even_placed] = share_in_growing_sector(even);
    const auto [growth_share, growth_placed] = share_in_growing_sector(growth);
    INFO("growing sector's share of placements: " << even_share << " without, " << growth_share
                                                  << " with growth matching");
    // Without growth matching, sector 0 holds a quarter of the employers and vacancies.
    CHECK(even_share == Approx(1.0 / sectors).margin(mc_tolerance(1.0 / sectors, even_placed)));
    const double difference_error = std::sqrt(even_share * (1.0 - even_share) / even_placed +
                                              growth_share * (1.0 - growth_share) / growth_placed);
    CHECK(growth_share > even_share + 5.0 * difference_error);
}

TEST_CASE("employer_links: switched off, nothing changes", "[mechanism][employer_links]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.employer_links.enabled = true;
    scenario.regime.employer_links.put_forward_probability = 0.5;
    const auto prepared = testing::prepared_world(scenario, "employer_links", 6, seed);
    Scenario off = scenario;
    off.regime.employer_links.enabled = false;
    testing::check_switched_off_changes_nothing(&m::employer_links, scenario, off, prepared.world,
                                                prepared.week, seed, EventKind::put_forward);
}

TEST_CASE("employer_links: the same key gives the same result, at any thread count",
          "[mechanism][employer_links]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.employer_links.enabled = true;
    scenario.regime.employer_links.put_forward_probability = 0.5;
    const auto prepared = testing::prepared_world(scenario, "employer_links", 6, seed);
    const auto reference =
        testing::outcome_of(&m::employer_links, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::put_forward) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::employer_links, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_employer_links
