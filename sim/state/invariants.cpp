#include "sim/state/invariants.hpp"

#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

[[noreturn]] void broken(const std::string& what) {
    throw RunError(message("world invariant broken: ", what));
}

void check_persons(const World& world) {
    const Persons& p = world.persons;
    std::vector<std::uint32_t> headcount(world.employers.size(), 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        const bool employed = p.status[i] == LabourStatus::employed;
        const bool self_employed = p.self_employed[i] != 0;
        if (self_employed && (!employed || p.employer[i] != none<EmployerId>)) {
            broken(message("person ", i, " is self-employed but ",
                           employed ? "has an employer" : "not employed"));
        }
        if (!self_employed && employed != (p.employer[i] != none<EmployerId>)) {
            broken(message("person ", i, " is ",
                           employed ? "employed without" : "not employed but has", " an employer"));
        }
        if (employed && !self_employed) {
            if (index(p.employer[i]) >= world.employers.size()) {
                broken(message("person ", i, " works for employer ", index(p.employer[i]), " of ",
                               world.employers.size()));
            }
            ++headcount[index(p.employer[i])];
        } else if (!employed && p.low_paid[i] != 0) {
            broken(message("person ", i, " is flagged low-paid without a job"));
        }
        if ((p.claim[i] != ClaimState::none) && (p.coach[i] == none<CoachId>)) {
            broken(message("person ", i, " has a claim without a coach"));
        }
        // Without a claim, a coach needs a reason: voluntary use or in-work support (issue 3).
        if (p.claim[i] == ClaimState::none && p.coach[i] != none<CoachId> &&
            p.service_route[i] == ServiceRoute::none) {
            broken(message("person ", i, " has a coach without a claim or a service route"));
        }
        if (p.coach[i] != none<CoachId> && index(p.coach[i]) >= world.coaches.size()) {
            broken(message("person ", i, " has coach ", index(p.coach[i]), " of ",
                           world.coaches.size()));
        }
        if (p.claim[i] == ClaimState::sanctioned && p.sanction_weeks_left[i] == 0) {
            broken(message("person ", i, " is sanctioned with no sanction weeks left"));
        }
    }
    for (std::uint32_t e = 0; e < world.employers.size(); ++e) {
        if (headcount[e] != world.employers.headcount[e]) {
            broken(message("employer ", e, " counts ", world.employers.headcount[e],
                           " employees but ", headcount[e], " people work there"));
        }
    }
}

void check_vacancies(const World& world) {
    const Vacancies& v = world.vacancies;
    for (std::uint32_t k = 0; k < v.size(); ++k) {
        if (index(v.employer[k]) >= world.employers.size() ||
            world.employers.area[index(v.employer[k])] != v.area[k]) {
            broken(message("vacancy ", v.serial[k], " names employer ", index(v.employer[k]),
                           " outside its area"));
        }
        if (k > 0 && v.serial[k] <= v.serial[k - 1]) {
            broken(message("vacancy serials are not increasing at index ", k));
        }
    }
}

}  // namespace

void check_invariants(const World& world) {
    check_persons(world);
    check_vacancies(world);
}

}  // namespace jobsim
