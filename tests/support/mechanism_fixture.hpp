// Test helpers for calling one mechanism at a time: a hand-built world, a world prepared up to a
// given step of a real week, running a step at a chosen thread count, snapshots of every column
// for before/after comparisons, and tolerances derived from Monte Carlo error.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "sim/observe/event.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/population/generate.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/schedule/week_plan.hpp"
#include "sim/state/world.hpp"
#include "tests/support/simulate.hpp"

namespace jobsim::testing {

// ---------------------------------------------------------------------------------------------
// Tolerances from Monte Carlo error

/// Half-width for an empirical proportion from n Bernoulli(p) trials: z binomial standard errors.
/// With z = 5 a correct mechanism fails a check about once in 1.7 million.
[[nodiscard]] inline double mc_tolerance(double p, double n, double z = 5.0) {
    return z * std::sqrt(p * (1.0 - p) / n);
}

/// Half-width for the mean of n draws with the given variance: z standard errors of the mean.
[[nodiscard]] inline double mc_tolerance_of_mean(double variance, double n, double z = 5.0) {
    return z * std::sqrt(variance / n);
}

// ---------------------------------------------------------------------------------------------
// Running steps

/// Runs f() inside an arena of `threads` threads. The global control lifts TBB's default worker
/// limit (hardware threads - 1), so 4 threads really run even on a 2-core machine.
template <class F>
void with_threads(int threads, F&& f) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    arena.execute(f);
}

/// Calls one step (a mechanism or any MechanismFn) on `world` in place in week `week`, keyed by
/// (seed, replication 0), and returns the events it emitted, sorted. `arms` defaults to the
/// scenario's one regime.
inline std::vector<Event> run_step(MechanismFn step, const Scenario& scenario, World& world,
                                   Week week, std::uint64_t seed, int threads = 1,
                                   std::span<const Regime> arms = {}) {
    const std::vector<Regime> default_arms{scenario.regime};
    const WeekContext context{scenario, arms.empty() ? std::span<const Regime>(default_arms) : arms,
                              rng::ReplicationKey::make(seed, 0), week};
    EventSink sink;
    with_threads(threads, [&] { step(context, world, sink); });
    std::vector<Event> events;
    sink.drain_sorted(events);
    return events;
}

/// A world as a mechanism finds it in a real week: `weeks` simulated weeks, then the steps of
/// week `weeks` that run before `mechanism` in the week plan.
struct Prepared {
    World world;
    Week week = 0;
};

inline Prepared prepared_world(const Scenario& scenario, std::string_view mechanism,
                               std::uint32_t weeks, std::uint64_t seed) {
    Prepared out{simulate(scenario, seed, weeks).world, weeks};
    for (const PlannedStep& step : week_plan()) {
        if (step.name == mechanism) {
            return out;
        }
        (void)run_step(step.run, scenario, out.world, out.week, seed, 2);
    }
    throw std::invalid_argument("prepared_world: no step named " + std::string(mechanism));
}

// ---------------------------------------------------------------------------------------------
// Snapshots: every column of a world as bytes, with a name

struct Snapshot {
    std::vector<std::string> names;
    std::vector<std::vector<unsigned char>> bytes;
};

namespace detail {

template <class T>
void add_column(Snapshot& snapshot, std::string name, const std::vector<T>& column) {
    static_assert(std::is_arithmetic_v<T> || std::is_enum_v<T>, "columns hold plain values");
    std::vector<unsigned char> bytes(column.size() * sizeof(T));
    if (!bytes.empty()) {
        std::memcpy(bytes.data(), column.data(), bytes.size());
    }
    snapshot.names.push_back(std::move(name));
    snapshot.bytes.push_back(std::move(bytes));
}

template <class T>
void add_value(Snapshot& snapshot, std::string name, T value) {
    add_column(snapshot, std::move(name), std::vector<T>{value});
}

/// Names of Vacancies' columns in for_each_column order. If a column is added and the count no
/// longer matches, every column is shown by number instead ("vacancies.#k").
// clang-format off
inline constexpr std::array<std::string_view, 9> vacancy_column_names{
    "serial", "employer", "area", "sector", "skill_need", "wage_per_hour", "hours_per_week",
    "weeks_open", "filled"};
// clang-format on

template <std::size_t N>
std::string column_name(std::string_view prefix, const std::array<std::string_view, N>& names,
                        std::size_t k, std::size_t columns) {
    return std::string(prefix) + (columns == N ? std::string(names[k]) : "#" + std::to_string(k));
}

/// Number of columns for_each_column visits.
template <class Columns>
std::size_t column_count(const Columns& columns) {
    std::size_t count = 0;
    const_cast<Columns&>(columns).for_each_column([&count](const auto&) { ++count; });
    return count;
}

}  // namespace detail

/// Copies every column of the world (persons, coaches, employers, vacancies, areas, indexes,
/// applications, ended jobs, cached search areas and scalars).
inline Snapshot snapshot(const World& world) {
    Snapshot s;
    // for_each_column is non-const; the lambdas only read.
    const_cast<Persons&>(world.persons)
        .for_each_named_column([&](const char* name, const auto& column) {
            detail::add_column(s, std::string("persons.") + name, column);
        });
    const std::size_t vacancy_columns = detail::column_count(world.vacancies);
    std::size_t k = 0;
    const_cast<Vacancies&>(world.vacancies).for_each_column([&](const auto& column) {
        detail::add_column(
            s,
            detail::column_name("vacancies.", detail::vacancy_column_names, k++, vacancy_columns),
            column);
    });
    detail::add_column(s, "coaches.area", world.coaches.area);
    detail::add_column(s, "coaches.hours_per_week", world.coaches.hours_per_week);
    detail::add_column(s, "coaches.caseload", world.coaches.caseload);
    detail::add_column(s, "coaches.meetings_due", world.coaches.meetings_due);
    detail::add_column(s, "coaches.minutes_per_meeting", world.coaches.minutes_per_meeting);
    detail::add_column(s, "employers.area", world.employers.area);
    detail::add_column(s, "employers.sector", world.employers.sector);
    detail::add_column(s, "employers.target_size", world.employers.target_size);
    detail::add_column(s, "employers.headcount", world.employers.headcount);
    detail::add_column(s, "areas.x_km", world.areas.x_km);
    detail::add_column(s, "areas.y_km", world.areas.y_km);
    detail::add_column(s, "areas.demand_multiplier", world.areas.demand_multiplier);
    detail::add_column(s, "areas.separation_multiplier", world.areas.separation_multiplier);
    detail::add_column(s, "areas.inactivity_multiplier", world.areas.inactivity_multiplier);
    detail::add_column(s, "coaches_by_area.offsets", world.coaches_by_area.offsets);
    detail::add_column(s, "coaches_by_area.values", world.coaches_by_area.values);
    detail::add_column(s, "vacancies_by_area.offsets", world.vacancies_by_area.offsets);
    detail::add_column(s, "vacancies_by_area.values", world.vacancies_by_area.values);
    detail::add_column(s, "applications.offsets", world.applications.offsets);
    detail::add_column(s, "applications.vacancy", world.applications.vacancy);
    detail::add_column(s, "applications.low_fit", world.applications.low_fit);
    detail::add_column(s, "applications.channel", world.applications.channel);
    // Tie packs its fields into bit-fields: copy them one by one, as values.
    std::vector<std::uint32_t> tie_contact;
    std::vector<std::uint8_t> tie_flags;
    for (std::uint32_t i = 0; i < world.network.persons(); ++i) {
        for (const Tie& tie : world.network.ties(i)) {
            tie_contact.push_back(tie.contact);
            tie_flags.push_back(tie.flags);
        }
    }
    detail::add_column(s, "network.degree", world.network.degree);
    detail::add_column(s, "network.contact", tie_contact);
    detail::add_column(s, "network.flags", tie_flags);
    // EndedJob has padding: copy it field by field.
    std::vector<std::uint32_t> ended_person;
    std::vector<EmployerId> ended_employer;
    std::vector<float> ended_wage;
    std::vector<std::uint8_t> ended_hours;
    for (const EndedJob& ended : world.ended_jobs) {
        ended_person.push_back(ended.person);
        ended_employer.push_back(ended.employer);
        ended_wage.push_back(ended.wage_per_hour);
        ended_hours.push_back(ended.hours_per_week);
    }
    detail::add_column(s, "ended_jobs.person", ended_person);
    detail::add_column(s, "ended_jobs.employer", ended_employer);
    detail::add_column(s, "ended_jobs.wage_per_hour", ended_wage);
    detail::add_column(s, "ended_jobs.hours_per_week", ended_hours);
    detail::add_value(s, "search_areas.decay_km", world.search_areas.decay_km);
    detail::add_column(s, "search_areas.offsets", world.search_areas.reachable.offsets);
    detail::add_column(s, "search_areas.values", world.search_areas.reachable.values);
    detail::add_column(s, "search_areas.cumulative_weight", world.search_areas.cumulative_weight);
    detail::add_value(s, "low_pay_threshold_per_hour", world.low_pay_threshold_per_hour);
    detail::add_value(s, "next_vacancy_serial", world.next_vacancy_serial);
    detail::add_column(s, "sector_separation_multiplier", world.sector_separation_multiplier);
    detail::add_column(s, "sector_demand_multiplier", world.sector_demand_multiplier);
    const CoachTargetState& targets = world.coach_targets;
    detail::add_column(s, "coach_targets.office_sanctions", targets.office_sanctions);
    detail::add_column(s, "coach_targets.office_referrals", targets.office_referrals);
    detail::add_column(s, "coach_targets.office_off_flows", targets.office_off_flows);
    detail::add_column(s, "coach_targets.office_claimants", targets.office_claimants);
    detail::add_column(s, "coach_targets.sanction", targets.sanction);
    detail::add_column(s, "coach_targets.referral", targets.referral);
    detail::add_column(s, "coach_targets.misjudge", targets.misjudge);
    detail::add_column(s, "coach_targets.reservation", targets.reservation);
    detail::add_column(s, "coach_targets.sign_off", targets.sign_off);
    detail::add_column(s, "provider_market.entries", world.provider_market.entries);
    detail::add_column(s, "provider_market.client_weeks", world.provider_market.client_weeks);
    detail::add_column(s, "employer_links.holders", world.employer_links.holders);
    for (std::size_t a = 0; a < world.employer_links.strength.size(); ++a) {
        const std::string arm = std::to_string(a);
        detail::add_column(s, "employer_links.strength." + arm, world.employer_links.strength[a]);
        detail::add_column(s, "employer_links.unbilled_gbp." + arm,
                           world.employer_links.unbilled_gbp[a]);
    }
    detail::add_column(s, "service_design", world.service_design);
    return s;
}

/// Names of the columns that differ (bit for bit) between two snapshots, space separated, leaving
/// out those listed in `ignoring` and any whose name starts with an entry ending in '*'.
/// Empty when nothing else changed.
inline std::string changed_columns(const Snapshot& before, const Snapshot& after,
                                   std::initializer_list<std::string_view> ignoring = {}) {
    if (before.names != after.names) {
        return "(the snapshots list different columns)";
    }
    std::string changed;
    for (std::size_t k = 0; k < before.names.size(); ++k) {
        const std::string_view name = before.names[k];
        bool ignored = false;
        for (const std::string_view pattern : ignoring) {
            ignored =
                ignored || name == pattern ||
                (pattern.ends_with('*') && name.starts_with(pattern.substr(0, pattern.size() - 1)));
        }
        if (!ignored && before.bytes[k] != after.bytes[k]) {
            changed += changed.empty() ? "" : " ";
            changed += name;
        }
    }
    return changed;
}

// ---------------------------------------------------------------------------------------------
// Events

inline std::string describe_event(const Event& e) {
    return "{week " + std::to_string(e.week) + ", kind " +
           std::to_string(static_cast<int>(e.kind)) + ", detail " +
           std::to_string(static_cast<int>(e.detail)) + ", person " +
           std::to_string(index(e.person)) + ", other " + std::to_string(e.other) + ", value " +
           std::to_string(e.value) + "}";
}

[[nodiscard]] inline bool same_event(const Event& a, const Event& b) {
    return a.week == b.week && a.kind == b.kind && a.detail == b.detail && a.person == b.person &&
           a.other == b.other && std::memcmp(&a.value, &b.value, sizeof(float)) == 0;
}

/// Empty when the two logs are identical; otherwise says where they first differ.
inline std::string event_differences(const std::vector<Event>& a, const std::vector<Event>& b) {
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k) {
        if (!same_event(a[k], b[k])) {
            return "event " + std::to_string(k) + ": " + describe_event(a[k]) + " vs " +
                   describe_event(b[k]);
        }
    }
    if (a.size() != b.size()) {
        return "logs of " + std::to_string(a.size()) + " and " + std::to_string(b.size()) +
               " events";
    }
    return "";
}

/// A step's result: the world it left and the events it emitted.
struct Outcome {
    Snapshot state;
    std::vector<Event> events;
};

/// Runs a step on a copy of `world` and records the outcome.
inline Outcome outcome_of(MechanismFn step, const Scenario& scenario, World world, Week week,
                          std::uint64_t seed, int threads = 1, std::span<const Regime> arms = {}) {
    Outcome out;
    out.events = run_step(step, scenario, world, week, seed, threads, arms);
    out.state = snapshot(world);
    return out;
}

/// Empty when two outcomes are identical; otherwise the changed columns and the first event
/// difference.
inline std::string outcome_differences(const Outcome& a, const Outcome& b) {
    std::string out = changed_columns(a.state, b.state);
    const std::string events = event_differences(a.events, b.events);
    if (!events.empty()) {
        out += (out.empty() ? "" : "; ") + events;
    }
    return out;
}

/// The determinism claim of every mechanism test: at `threads` threads the same key gives the
/// `reference` outcome (computed at 1 thread), and the next seed gives a different one, so the
/// comparison could fail.
inline void check_same_key_same_outcome(const Outcome& reference, MechanismFn step,
                                        const Scenario& scenario, const World& world, Week week,
                                        std::uint64_t seed, int threads) {
    const auto again = outcome_of(step, scenario, world, week, seed, threads);
    CHECK(outcome_differences(reference, again) == "");
    const auto other = outcome_of(step, scenario, world, week, seed + 1, threads);
    CHECK(outcome_differences(reference, other) != "");
}

/// The off-switch claim of every mechanism test: under `on` the step acts on `world` (it emits an
/// event of kind `evidence`, so the check could fail), and under `off` it emits nothing and leaves
/// every column as it was.
inline void check_switched_off_changes_nothing(MechanismFn step, const Scenario& on,
                                               const Scenario& off, const World& world, Week week,
                                               std::uint64_t seed, EventKind evidence) {
    const auto acting = outcome_of(step, on, world, week, seed);
    CHECK(count_events(acting.events, evidence) > 0);
    World copy = world;
    const auto before = snapshot(copy);
    const auto events = run_step(step, off, copy, week, seed);
    CHECK(events.empty());
    CHECK(changed_columns(before, snapshot(copy)) == "");
}

/// Events of one kind.
inline std::vector<Event> events_of(const std::vector<Event>& events, EventKind kind) {
    std::vector<Event> out;
    for (const Event& e : events) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// A hand-built world

/// A world built by hand from the scenario's sizes: areas on the same grid as generate_world,
/// `employers_per_area` employers per area (sectors in turn, target size 1, nobody employed),
/// `coaches_per_area` coaches per area, no vacancies, and `persons` people spread evenly over the
/// areas, all unemployed with neutral traits: aged 35, skill 0.5, search disposition 1, no
/// barriers, last job 12 GBP/h for 37 h, spell 0, no claim, no social ties. The low-pay line is
/// 8 GBP/h.
inline World tiny_world(const Scenario& scenario, std::uint32_t persons) {
    World world;
    const std::uint16_t areas = scenario.population.areas;
    const auto side = static_cast<std::uint16_t>(std::ceil(std::sqrt(static_cast<double>(areas))));
    const auto spacing = static_cast<float>(scenario.labour_market.area_spacing_km);
    for (std::uint16_t a = 0; a < areas; ++a) {
        world.areas.x_km.push_back(static_cast<float>(a % side) * spacing);
        world.areas.y_km.push_back(static_cast<float>(a / side) * spacing);
        world.areas.demand_multiplier.push_back(1.0f);
    }

    const std::uint32_t employers_per_area = scenario.labour_market.employers_per_area;
    const auto sectors = static_cast<std::uint32_t>(scenario.labour_market.sectors.size());
    for (std::uint32_t e = 0; e < employers_per_area * areas; ++e) {
        world.employers.area.push_back(static_cast<AreaId>(e / employers_per_area));
        world.employers.sector.push_back(static_cast<std::uint8_t>(e % sectors));
        world.employers.target_size.push_back(1.0f);
        world.employers.headcount.push_back(0);
    }

    const std::uint32_t coaches_per_area = scenario.service.coaches_per_area;
    const std::uint32_t coaches = coaches_per_area * areas;
    for (std::uint32_t c = 0; c < coaches; ++c) {
        world.coaches.area.push_back(static_cast<AreaId>(c / coaches_per_area));
    }
    world.coaches.hours_per_week.assign(coaches,
                                        static_cast<float>(scenario.service.coach_hours_per_week));
    world.coaches.caseload.assign(coaches, 0);
    world.coaches.meetings_due.assign(coaches, 0);
    world.coaches.minutes_per_meeting.assign(coaches, 0.0f);
    world.coaches_by_area = group_by_area(world.coaches.area, areas);

    Persons& p = world.persons;
    p.resize(persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        p.area[i] = home_area(i, persons, areas);
        p.age_years[i] = 35;
        p.skill[i] = 0.5f;
        p.search_disposition[i] = 1.0f;
        p.status[i] = LabourStatus::unemployed;
        p.wage_per_hour[i] = 12.0f;
        p.hours_per_week[i] = 37;
        p.match_quality[i] = 1.0f;
    }
    world.vacancies_by_area.offsets.assign(static_cast<std::size_t>(areas) + 1, 0);
    world.applications.offsets.assign(static_cast<std::size_t>(persons) + 1, 0);
    world.network.reset(p.area, areas);  // no ties
    world.low_pay_threshold_per_hour = 8.0f;
    return world;
}

/// Puts person i in a job at employer e (tenure 0, a perfect match) and counts them there.
inline void employ(World& world, std::uint32_t i, std::uint32_t e, float wage_per_hour,
                   std::uint8_t hours_per_week = 37) {
    Persons& p = world.persons;
    p.status[i] = LabourStatus::employed;
    p.employer[i] = static_cast<EmployerId>(e);
    p.sector[i] = world.employers.sector[e];
    p.wage_per_hour[i] = wage_per_hour;
    p.hours_per_week[i] = hours_per_week;
    p.low_paid[i] = wage_per_hour < world.low_pay_threshold_per_hour;
    p.match_quality[i] = 1.0f;
    p.tenure_weeks[i] = 0;
    p.spell_weeks[i] = 0;
    ++world.employers.headcount[e];
}

/// Starts a claim for person i with the first coach of their area, a meeting due this week.
inline void start_claim(World& world, std::uint32_t i, std::uint16_t claim_weeks = 0) {
    Persons& p = world.persons;
    p.claim[i] = ClaimState::claiming;
    p.claim_weeks[i] = claim_weeks;
    p.coach[i] = static_cast<CoachId>(*world.coaches_by_area.begin_of(index(p.area[i])));
    p.weeks_to_meeting[i] = 0;
}

/// Opens a vacancy at employer e (in the employer's area and sector); returns its index. Call
/// index_vacancies() after the last one.
inline std::uint32_t add_vacancy(World& world, std::uint32_t e, float wage_per_hour,
                                 std::uint8_t hours_per_week = 37, float skill_need = 0.5f) {
    Vacancies& v = world.vacancies;
    const std::uint32_t k = v.size();
    v.serial.push_back(world.next_vacancy_serial++);
    v.employer.push_back(static_cast<EmployerId>(e));
    v.area.push_back(world.employers.area[e]);
    v.sector.push_back(world.employers.sector[e]);
    v.skill_need.push_back(skill_need);
    v.wage_per_hour.push_back(wage_per_hour);
    v.hours_per_week.push_back(hours_per_week);
    v.weeks_open.push_back(0);
    v.filled.push_back(0);
    return k;
}

/// Rebuilds the by-area index of open vacancies, as vacancy_flow does.
inline void index_vacancies(World& world) {
    world.vacancies_by_area = group_by_area(world.vacancies.area, world.areas.size());
}

/// Number of people employed at each employer, counted from the persons.
inline std::vector<std::uint32_t> employed_per_employer(const World& world) {
    std::vector<std::uint32_t> counts(world.employers.size(), 0);
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        if (world.persons.status[i] == LabourStatus::employed) {
            ++counts[index(world.persons.employer[i])];
        }
    }
    return counts;
}

}  // namespace jobsim::testing
