#include "sim/trials/trial_worlds.hpp"

#include <algorithm>
#include <utility>

#include "sim/population/generate.hpp"
#include "sim/schedule/scheduler.hpp"
#include "sim/state/world.hpp"
#include "sim/state/world_snapshot.hpp"
#include "sim/trials/assignment.hpp"

namespace jobsim::trials {

namespace {

/// Which world is being run.
enum class WorldKind : std::uint8_t { realised, nobody, everybody };

bool eligible(TrialEligibility eligibility, const Persons& p, std::uint32_t i) {
    return eligibility == TrialEligibility::claimants ? p.claim[i] != ClaimState::none
                                                      : is_out_of_work(p, i);
}

std::vector<std::uint8_t> eligible_flags(TrialEligibility eligibility, const Persons& p) {
    std::vector<std::uint8_t> flags(p.size());
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        flags[i] = eligible(eligibility, p, i) ? 1 : 0;
    }
    return flags;
}

/// The state of the week loop shared by every world of a replication.
struct ReplicationSetup {
    const Scenario& scenario;
    const std::vector<Regime>& arms;
    std::vector<double> weekly_benefit_gbp;  ///< by arm
    rng::ReplicationKey key;
    const std::function<void()>& week_done;
};

/// Enrols in the realised world: the people who join the trial at the start of `week`, each
/// taking the arm the design gave them (or their coach).
void enrol_realised(const TrialSpec& spec, Week week, const World& world,
                    const Assignment& assignment, std::vector<std::uint8_t>& was_eligible,
                    TrialSample& sample) {
    const Persons& p = world.persons;
    const bool stock_week = spec.enrolment == TrialEnrolment::stock && week == 0;
    const bool inflow_week =
        spec.enrolment == TrialEnrolment::inflow && week >= 1 && week <= spec.enrolment_weeks;
    if (!stock_week && !inflow_week) {
        return;
    }
    const bool coach_clusters =
        spec.design == TrialDesign::cluster && spec.cluster_unit == ClusterUnit::coach;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        const bool now = eligible(spec.eligibility, p, i);
        const bool joins = now && (stock_week || was_eligible[i] == 0);
        was_eligible[i] = now ? 1 : 0;
        if (!joins || (coach_clusters && p.coach[i] == none<CoachId>)) {
            continue;  // a caseload trial enrols only people with a coach
        }
        const std::uint32_t cluster = coach_clusters ? index(p.coach[i]) : index(p.area[i]);
        std::uint8_t arm = 0;
        if (!assignment.person_arm.empty()) {
            arm = assignment.person_arm[i];
        } else if (!assignment.cluster_arm.empty()) {
            arm = assignment.cluster_arm[cluster];
        }
        sample.person.push_back(i);
        sample.week.push_back(week);
        sample.arm.push_back(arm);
        sample.cluster.push_back(cluster);
        sample.covariates.insert(
            sample.covariates.end(),
            {static_cast<double>(p.age_years[i]),
             static_cast<double>(count_barriers(p.barriers[i])),
             static_cast<double>(p.spell_weeks[i]), p.claim[i] != ClaimState::none ? 1.0 : 0.0,
             static_cast<double>(p.skill[i])});
    }
}

/// Sets the arm people run under at the start of `week` in one world.
void set_arms(const TrialSpec& spec, WorldKind kind, std::uint8_t everybody_arm, Week week,
              const Assignment& assignment, const TrialSample& sample, std::size_t rows_before,
              World& world) {
    Persons& p = world.persons;
    if (kind == WorldKind::nobody) {
        return;  // everyone stays in the baseline arm the checkpoint left them in
    }
    if (assigns_clusters(spec)) {
        if (kind == WorldKind::everybody && week == 0) {
            std::fill(p.arm.begin(), p.arm.end(), everybody_arm);
        }
        if (kind == WorldKind::realised && spec.design == TrialDesign::stepped_wedge &&
            week % spec.step_weeks == 0) {
            const std::uint32_t step = week / spec.step_weeks;
            for (std::uint32_t i = 0; i < p.size(); ++i) {
                if (assignment.cluster_step[index(p.area[i])] == step) {
                    p.arm[i] = 1;
                }
            }
        } else if (kind == WorldKind::realised && week == 0 &&
                   spec.design != TrialDesign::stepped_wedge) {
            for (std::uint32_t i = 0; i < p.size(); ++i) {
                p.arm[i] = assignment.cluster_arm[index(p.area[i])];
            }
        }
        return;
    }
    // Person-level designs: people take their arm when they are enrolled.
    for (std::size_t row = rows_before; row < sample.size(); ++row) {
        if (sample.week[row] == week) {
            p.arm[sample.person[row]] =
                kind == WorldKind::everybody ? everybody_arm : sample.arm[row];
        }
    }
}

/// Runs one world, given as it is at the checkpoint. In the realised world enrolment happens as
/// the trial runs; the counterfactual worlds follow the same people from the same weeks.
OutcomeTable run_world(const ReplicationSetup& setup, World world, WorldKind kind,
                       std::uint8_t everybody_arm, const Assignment& assignment,
                       std::span<const std::uint32_t> horizons, TrialSample& sample) {
    const TrialSpec& spec = setup.scenario.trial;
    TrialOutcomeTracker tracker(setup.scenario, world.persons.size(), horizons);
    std::vector<std::uint8_t> was_eligible;
    if (kind == WorldKind::realised) {
        was_eligible = eligible_flags(spec.eligibility, world.persons);
    }
    std::vector<Event> events;
    std::size_t next_row = 0;
    for (Week week = 0; week < setup.scenario.weeks; ++week) {
        const std::size_t rows_before = next_row;
        if (kind == WorldKind::realised) {
            enrol_realised(spec, week, world, assignment, was_eligible, sample);
        }
        for (; next_row < sample.size() && sample.week[next_row] == week; ++next_row) {
            tracker.enrol(sample.person[next_row], week);
        }
        set_arms(spec, kind, everybody_arm, week, assignment, sample, rows_before, world);
        const WeekContext context{setup.scenario, setup.arms, setup.key,
                                  setup.scenario.burn_in_weeks + week};
        events.clear();
        run_week(context, world, events);
        tracker.observe_week(week, world, events, setup.weekly_benefit_gbp);
        setup.week_done();
    }
    return tracker.table();
}

/// Whether each enrolled person answers at each horizon (survey non-response). Drawn per person
/// and horizon, so the same people go missing whatever else differs.
std::vector<std::uint8_t> draw_responses(const TrialSpec& spec, rng::ReplicationKey key,
                                         const TrialSample& sample, const OutcomeTable& realised,
                                         std::size_t horizons) {
    std::vector<std::uint8_t> responded(sample.size() * horizons, 1);
    if (spec.attrition <= 0.0 && spec.attrition_extra_out_of_work <= 0.0) {
        return responded;
    }
    for (std::size_t row = 0; row < sample.size(); ++row) {
        for (std::size_t h = 0; h < horizons; ++h) {
            const bool in_work = realised.at(h, TrialOutcome::employed, row) == 1.0;
            const double missing =
                spec.attrition + (in_work ? 0.0 : spec.attrition_extra_out_of_work);
            rng::Stream stream(key, rng::EntityKind::person, sample.person[row],
                               static_cast<Week>(h), rng::Purpose::trial_attrition);
            responded[row * horizons + h] = stream.bernoulli(missing) ? 0 : 1;
        }
    }
    return responded;
}

}  // namespace

std::vector<std::uint32_t> measured_horizons(const TrialSpec& spec) {
    if (spec.design != TrialDesign::stepped_wedge) {
        return spec.horizons;
    }
    std::vector<std::uint32_t> period_ends;
    for (std::uint32_t period = 0; period <= spec.steps; ++period) {
        period_ends.push_back((period + 1) * spec.step_weeks);
    }
    return period_ends;
}

TrialReplication simulate_replication(const Scenario& scenario, rng::ReplicationKey key,
                                      const std::function<void()>& week_done) {
    const TrialSpec& spec = scenario.trial;
    const std::vector<Regime> arms = all_arms(scenario);
    World checkpoint = generate_world(scenario, key);
    std::vector<Event> events;
    for (Week week = 0; week < scenario.burn_in_weeks; ++week) {
        events.clear();
        run_week(WeekContext{scenario, arms, key, week}, checkpoint, events);
        week_done();
    }

    TrialReplication out;
    out.horizons = measured_horizons(spec);
    std::vector<std::uint32_t> stock;
    for (std::uint32_t i = 0; i < checkpoint.persons.size(); ++i) {
        if (eligible(spec.eligibility, checkpoint.persons, i)) {
            stock.push_back(i);
        }
    }
    out.frame = make_frame(spec, arms.size(), checkpoint, stock);
    rng::Stream stream = trial_stream(key, 0, rng::Purpose::trial_assignment);
    out.assignment = draw_assignment(out.frame, stream);
    // The realised world runs on the checkpoint itself; the others restore it from a compact
    // snapshot rather than copy a second World kept beside each.
    const WorldSnapshot snapshot = WorldSnapshot::take(checkpoint);

    ReplicationSetup setup{.scenario = scenario,
                           .arms = arms,
                           .weekly_benefit_gbp = {},
                           .key = key,
                           .week_done = week_done};
    for (const Regime& arm : arms) {
        setup.weekly_benefit_gbp.push_back(arm.benefit_claim.weekly_benefit_gbp);
    }
    out.realised = run_world(setup, std::move(checkpoint), WorldKind::realised, 0, out.assignment,
                             out.horizons, out.sample);
    out.nobody = run_world(setup, snapshot.restore(), WorldKind::nobody, 0, out.assignment,
                           out.horizons, out.sample);
    for (std::size_t a = 1; a < arms.size(); ++a) {
        out.everybody.push_back(run_world(setup, snapshot.restore(), WorldKind::everybody,
                                          static_cast<std::uint8_t>(a), out.assignment,
                                          out.horizons, out.sample));
    }
    out.responded = draw_responses(spec, key, out.sample, out.realised, out.horizons.size());
    return out;
}

}  // namespace jobsim::trials
