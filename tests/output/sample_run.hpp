// A made-up run for output tests: a hand-built World whose columns follow simple formulas of
// (replication, week, person), a few events and area rows a week, driven through any Recorder.
// The formulas are public so tests can compute what the file must hold.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/observe/area_week.hpp"
#include "sim/observe/event.hpp"
#include "sim/observe/recorder.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/world.hpp"

namespace jobsim::testing {

struct SampleRun {
    std::uint32_t persons = 12;
    std::uint32_t weeks = 5;
    std::uint32_t replications = 2;
    std::uint16_t areas = 2;
    std::uint64_t seed = 7;
    std::uint32_t threads = 1;
    std::string scenario_yaml = "name: sample\nweeks: 5\n";
    std::uint32_t weeks_recorded = 0;  ///< weeks each replication records before it ends; 0: all
};

/// Labour status of person p in week w of replication r.
inline LabourStatus sample_status(std::uint32_t r, std::uint32_t w, std::uint32_t p) {
    return static_cast<LabourStatus>((r + w + p) % 3);
}
inline ClaimState sample_claim(std::uint32_t r, std::uint32_t w, std::uint32_t p) {
    return sample_status(r, w, p) == LabourStatus::unemployed
               ? ((p % 4 == 0) ? ClaimState::sanctioned : ClaimState::claiming)
               : ClaimState::none;
}
inline float sample_wage(std::uint32_t r, std::uint32_t w, std::uint32_t p) {
    return 10.0f + 0.5f * static_cast<float>(p) + 0.25f * static_cast<float>(w) +
           static_cast<float>(r);
}
inline std::uint16_t sample_spell(std::uint32_t w, std::uint32_t p) {
    return static_cast<std::uint16_t>(w + p);
}

/// The week's events: a hire of person w % n, a separation of (w + 1) % n and, in odd weeks, a
/// sanction of (w + 2) % n; sorted by event_order.
inline std::vector<Event> sample_events(const SampleRun& run, std::uint32_t week) {
    const std::uint32_t n = run.persons;
    std::vector<Event> events;
    if (n == 0) {
        return events;
    }
    events.push_back({.week = week,
                      .kind = EventKind::hire,
                      .detail = 0,
                      .person = static_cast<PersonId>(week % n),
                      .other = 3,
                      .value = 11.5f});
    events.push_back({.week = week,
                      .kind = EventKind::separation,
                      .detail = 1,
                      .person = static_cast<PersonId>((week + 1) % n),
                      .other = 4,
                      .value = 20.0f});
    if (week % 2 == 1) {
        events.push_back({.week = week,
                          .kind = EventKind::sanction,
                          .detail = 0,
                          .person = static_cast<PersonId>((week + 2) % n),
                          .other = 0,
                          .value = 4.0f});
    }
    return events;
}

inline World sample_world(const SampleRun& run) {
    World world;
    world.persons.resize(run.persons);
    for (std::uint32_t p = 0; p < run.persons; ++p) {
        world.persons.area[p] = static_cast<AreaId>(p % run.areas);
        world.persons.age_years[p] = static_cast<std::uint8_t>(20 + p);
        world.persons.skill[p] = static_cast<float>(p) / static_cast<float>(run.persons);
        world.persons.barriers[p] = static_cast<std::uint8_t>(p % 32);
        world.persons.arm[p] = static_cast<std::uint8_t>(p % 2);
    }
    return world;
}

/// Sets the world's weekly state columns to the sample formulas.
inline void sample_state(World& world, std::uint32_t r, std::uint32_t w) {
    Persons& persons = world.persons;
    for (std::uint32_t p = 0; p < persons.size(); ++p) {
        persons.status[p] = sample_status(r, w, p);
        persons.claim[p] = sample_claim(r, w, p);
        persons.wage_per_hour[p] = sample_wage(r, w, p);
        persons.hours_per_week[p] = static_cast<std::uint8_t>(30 + p % 8);
        persons.low_paid[p] = static_cast<std::uint8_t>(p % 2);
        persons.applications[p] = static_cast<std::uint8_t>(w % 4);
        persons.spell_weeks[p] = sample_spell(w, p);
        persons.search_effort[p] = 0.1f * static_cast<float>(p);
        persons.employer[p] = persons.status[p] == LabourStatus::employed
                                  ? static_cast<EmployerId>(p)
                                  : none<EmployerId>;
        persons.tenure_weeks[p] = static_cast<std::uint16_t>(w);
        persons.sanction_count[p] = static_cast<std::uint8_t>(p % 3);
    }
}

inline std::vector<AreaWeek> sample_areas(const SampleRun& run, std::uint32_t week) {
    std::vector<AreaWeek> rows;
    for (std::uint16_t a = 0; a < run.areas; ++a) {
        AreaWeek row;
        row.week = week;
        row.area = a;
        row.persons = run.persons / run.areas;
        row.employed = week + a;
        row.hires = 1;
        row.mean_wage_per_hour = 12.5f;
        rows.push_back(row);
    }
    return rows;
}

/// Drives `recorder` through a whole run; stops before end_run when `finish` is false.
inline void drive(Recorder& recorder, const SampleRun& run, bool finish = true) {
    const Scenario scenario{};
    RunInfo info{.scenario = scenario,
                 .seed = run.seed,
                 .replications = run.replications,
                 .weeks = run.weeks,
                 .threads = run.threads,
                 .scenario_yaml = run.scenario_yaml,
                 .arms = {"baseline"}};
    recorder.begin_run(info);
    for (std::uint32_t r = 0; r < run.replications; ++r) {
        World world = sample_world(run);
        sample_state(world, r, 0);
        recorder.begin_replication(r, 0, world);
        const std::uint32_t recorded = run.weeks_recorded > 0 ? run.weeks_recorded : run.weeks;
        for (std::uint32_t w = 0; w < recorded; ++w) {
            sample_state(world, r, w);
            const std::vector<Event> events = sample_events(run, w);
            const std::vector<AreaWeek> areas = sample_areas(run, w);
            recorder.record_week(w, world, events, areas);
        }
        recorder.record_outcomes(r, 0, ArmOutcomes{.arm = 0, .replication = r});
        recorder.end_replication(r, 0, world);
    }
    if (finish) {
        const std::vector<ArmOutcomes> runs(run.replications);  // one arm, outcomes all zero
        recorder.record_summary(runs, summarise_arms(runs, 1));
        recorder.end_run();
    }
}

}  // namespace jobsim::testing
