#include "sim/mechanisms/employer_sift.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <vector>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t no_employer = std::numeric_limits<std::uint32_t>::max();

/// The double first: 24 bytes, not 32 with padding (two copies live at once, issue 5's memory).
struct Pending {
    double order;  ///< random: the employer reads in this order
    std::uint32_t employer;
    std::uint32_t application;  ///< index into Applications; unique, so the order is total
    std::uint32_t person;
    bool screened_out;  ///< low fit, and rejected if read
};
static_assert(sizeof(Pending) == 24);

bool reading_order(const Pending& a, const Pending& b) {
    if (a.employer != b.employer) {
        return a.employer < b.employer;
    }
    if (a.order != b.order) {
        return a.order < b.order;
    }
    return a.application < b.application;
}

/// Applications to an employer, grouped by employer (a counting sort) and each group put in
/// reading order: small sorts, run in parallel across employers, instead of one sort of every
/// application. Applications to no vacancy are left out: no one reads them. The counting and
/// placing run in parallel too: where an application first lands within its group does not
/// matter, since the group is then sorted on a total order.
Grouped<Pending> group_by_employer(std::uint32_t employers, const std::vector<Pending>& pending) {
    const auto count = static_cast<std::uint32_t>(pending.size());
    Grouped<Pending> out;
    out.offsets.assign(static_cast<std::size_t>(employers) + 1, 0);
    // no_employer is past every employer, so applications to no vacancy fall in no group
    parallel_for_each(count, [&](std::uint32_t k) {
        if (pending[k].employer < employers) {
            std::atomic_ref<std::uint32_t>(out.offsets[pending[k].employer + 1])
                .fetch_add(1, std::memory_order_relaxed);
        }
    });
    for (std::uint32_t e = 0; e < employers; ++e) {
        out.offsets[e + 1] += out.offsets[e];
    }
    out.values.resize(out.offsets[employers]);
    std::vector<std::uint32_t> cursor(out.offsets.begin(), out.offsets.end() - 1);
    parallel_for_each(count, [&](std::uint32_t k) {
        if (pending[k].employer < employers) {
            const std::uint32_t slot = std::atomic_ref<std::uint32_t>(cursor[pending[k].employer])
                                           .fetch_add(1, std::memory_order_relaxed);
            out.values[slot] = pending[k];
        }
    });
    parallel_for_each(
        employers,
        [&out](std::uint32_t e) {
            std::sort(out.values.begin() + out.offsets[e], out.values.begin() + out.offsets[e + 1],
                      reading_order);
        },
        small_parallel_block);
    return out;
}

void record(const WeekContext& context, EventKind kind, const Pending& pending, EventSink& events) {
    events.emit({.week = context.week,
                 .kind = kind,
                 .person = static_cast<PersonId>(pending.person),
                 .other = pending.employer,
                 .value = 1.0f});
}

}  // namespace

std::uint32_t sift_capacity(const EmployerSiftParams& params, float target_size) {
    return static_cast<std::uint32_t>(
        std::floor(params.sift_capacity_base + params.sift_capacity_per_job * target_size));
}

void employer_sift(const WeekContext& context, World& world, EventSink& events) {
    const EmployerSiftParams& params = context.scenario.labour_market.employer_sift;
    if (!params.enabled) {
        return;
    }
    const Persons& p = world.persons;
    Applications& applications = world.applications;
    const bool marked = applications.low_fit.size() == applications.vacancy.size();

    // Propose: each application gets its place in the reading order and its screening outcome.
    std::vector<Pending> pending(applications.vacancy.size());
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const std::uint32_t first = applications.offsets[i];
        const std::uint32_t last = applications.offsets[i + 1];
        if (first == last) {
            return;
        }
        auto order = context.person_stream(i, rng::Purpose::sift_order);
        auto screen = context.person_stream(i, rng::Purpose::low_fit_screen);
        for (std::uint32_t k = first; k < last; ++k) {
            const std::uint32_t v = applications.vacancy[k];
            const bool low_fit = marked && applications.low_fit[k] != 0;
            pending[k] = {
                .order = order.uniform(),
                .employer = v == Applications::no_vacancy ? no_employer
                                                          : index(world.vacancies.employer[v]),
                .application = k,
                .person = i,
                .screened_out = low_fit && screen.bernoulli(params.low_fit_screen_out_probability)};
        }
    });
    const Grouped<Pending> by_employer = group_by_employer(world.employers.size(), pending);
    std::vector<Pending>().swap(pending);  // the grouped copy is all that is read from here

    // Resolve: each employer reads up to its capacity, in order; the rest are dropped. Employers
    // touch disjoint applications, and the event log is sorted, so they resolve in parallel.
    parallel_for_each(
        world.employers.size(),
        [&](std::uint32_t e) {
            const std::uint32_t capacity = sift_capacity(params, world.employers.target_size[e]);
            std::uint32_t read = 0;
            for (std::uint32_t j = by_employer.offsets[e]; j < by_employer.offsets[e + 1]; ++j) {
                const Pending& application = by_employer.values[j];
                if (read >= capacity) {
                    applications.vacancy[application.application] = Applications::no_vacancy;
                    record(context, EventKind::application_unread, application, events);
                    continue;
                }
                ++read;
                if (application.screened_out) {
                    applications.vacancy[application.application] = Applications::no_vacancy;
                    record(context, EventKind::application_screened_out, application, events);
                }
            }
        },
        small_parallel_block);
}

}  // namespace jobsim::mechanisms
