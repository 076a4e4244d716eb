// The compound types of every recorded table, in one place: adding a column is one line here (and
// one in output/SCHEMA.md, which a test checks).
#pragma once

#include "output/h5/h5_type.hpp"
#include "output/person_row.hpp"
#include "sim/observe/area_week.hpp"
#include "sim/observe/arm_outcomes.hpp"
#include "sim/observe/event.hpp"

namespace jobsim::output::h5 {

template <>
struct h5_type<Event> {
    static Compound<Event> layout() {
        Compound<Event> c;
        c.add("week", &Event::week)
            .add("kind", &Event::kind)
            .add("detail", &Event::detail)
            .add("person", &Event::person)
            .add("other", &Event::other)
            .add("value", &Event::value);
        return c;
    }
    static Datatype memory() { return layout().memory(); }
    static Datatype file() { return layout().file(); }
};

template <>
struct h5_type<AreaWeek> {
    static Compound<AreaWeek> layout() {
        Compound<AreaWeek> c;
        c.add("week", &AreaWeek::week)
            .add("area", &AreaWeek::area)
            .add("persons", &AreaWeek::persons)
            .add("employed", &AreaWeek::employed)
            .add("unemployed", &AreaWeek::unemployed)
            .add("inactive", &AreaWeek::inactive)
            .add("claimants", &AreaWeek::claimants)
            .add("sanctioned", &AreaWeek::sanctioned)
            .add("low_paid", &AreaWeek::low_paid)
            .add("open_vacancies", &AreaWeek::open_vacancies)
            .add("applications", &AreaWeek::applications)
            .add("hires", &AreaWeek::hires)
            .add("separations", &AreaWeek::separations)
            .add("meetings", &AreaWeek::meetings)
            .add("sanctions", &AreaWeek::sanctions)
            .add("mean_wage_per_hour", &AreaWeek::mean_wage_per_hour)
            .add("mean_caseload", &AreaWeek::mean_caseload);
        return c;
    }
    static Datatype memory() { return layout().memory(); }
    static Datatype file() { return layout().file(); }
};

template <>
struct h5_type<PersonRow> {
    static Compound<PersonRow> layout() {
        Compound<PersonRow> c;
        c.add("person", &PersonRow::person)
            .add("area", &PersonRow::area)
            .add("age_years", &PersonRow::age_years)
            .add("skill", &PersonRow::skill)
            .add("barriers", &PersonRow::barriers)
            .add("arm", &PersonRow::arm)
            .add("status", &PersonRow::status)
            .add("claim", &PersonRow::claim)
            .add("employer", &PersonRow::employer)
            .add("wage_per_hour", &PersonRow::wage_per_hour)
            .add("hours_per_week", &PersonRow::hours_per_week)
            .add("low_paid", &PersonRow::low_paid)
            .add("tenure_weeks", &PersonRow::tenure_weeks)
            .add("spell_weeks", &PersonRow::spell_weeks)
            .add("sanction_count", &PersonRow::sanction_count)
            .add("weeks_employed", &PersonRow::weeks_employed)
            .add("weeks_claiming", &PersonRow::weeks_claiming)
            .add("hires", &PersonRow::hires)
            .add("separations", &PersonRow::separations)
            .add("sanctions", &PersonRow::sanctions);
        return c;
    }
    static Datatype memory() { return layout().memory(); }
    static Datatype file() { return layout().file(); }
};

template <>
struct h5_type<ArmOutcomes> {
    static Compound<ArmOutcomes> layout() {
        Compound<ArmOutcomes> c;
        c.add("arm", &ArmOutcomes::arm)
            .add("replication", &ArmOutcomes::replication)
            .add("cohort", &ArmOutcomes::cohort)
            .add("sustained_jobs", &ArmOutcomes::sustained_jobs);
        for_each_outcome([&c](const char* name, double ArmOutcomes::*member, const char*) {
            c.add(name, member);
        });
        return c;
    }
    static Datatype memory() { return layout().memory(); }
    static Datatype file() { return layout().file(); }
};

}  // namespace jobsim::output::h5
