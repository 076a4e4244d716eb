#include "sim/mechanisms/employer_sift.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <tbb/parallel_sort.h>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t no_employer = std::numeric_limits<std::uint32_t>::max();

struct Pending {
    std::uint32_t employer;
    double order;               ///< random: the employer reads in this order
    std::uint32_t application;  ///< index into Applications; unique, so the order is total
    std::uint32_t person;
    bool screened_out;  ///< low fit, and rejected if read
};

bool reading_order(const Pending& a, const Pending& b) {
    if (a.employer != b.employer) {
        return a.employer < b.employer;
    }
    if (a.order != b.order) {
        return a.order < b.order;
    }
    return a.application < b.application;
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
                .employer = v == Applications::no_vacancy ? no_employer
                                                          : index(world.vacancies.employer[v]),
                .order = order.uniform(),
                .application = k,
                .person = i,
                .screened_out = low_fit && screen.bernoulli(params.low_fit_screen_out_probability)};
        }
    });
    tbb::parallel_sort(pending.begin(), pending.end(), reading_order);

    // Resolve: each employer reads up to its capacity, in order; the rest are dropped.
    std::uint32_t read = 0;
    std::uint32_t capacity = 0;
    for (std::size_t j = 0; j < pending.size(); ++j) {
        const Pending& application = pending[j];
        if (application.employer == no_employer) {
            break;  // sorts last
        }
        if (j == 0 || pending[j - 1].employer != application.employer) {
            read = 0;
            capacity = sift_capacity(params, world.employers.target_size[application.employer]);
        }
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
}

}  // namespace jobsim::mechanisms
