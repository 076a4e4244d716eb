// Employers' sift: each employer reads only so many applications a week (small firms fewer), in
// random order; the rest go unread. Of those read, applications sent only to meet a search
// requirement (job_search marks them low fit: unsuitable jobs) are mostly screened out. Unread and
// screened-out applications are recorded per employer, so the burden on employers is measurable.
// Seeds F2, C5. YAML: labour_market.employer_sift.  Phase: search_and_matching (between job_search
// and employer_choice).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct EmployerSiftParams {
    bool enabled = true;
    double sift_capacity_base = 4.0;
    double sift_capacity_per_job = 0.5;
    double low_fit_screen_out_probability = 0.8;
};

template <class Visitor>
void describe(Visitor& v, EmployerSiftParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Employers read a limited number of applications and screen out low-fit ones "
                    "(off: every application is considered)."});
    v.field("sift_capacity_base", p.sift_capacity_base,
            non_negative("Applications a week any employer reads, however small.",
                         "applications per week",
                         "assumption; seed F2 (SMEs cannot sift; large employers can)"));
    v.field("sift_capacity_per_job", p.sift_capacity_per_job,
            non_negative("Extra applications a week read per job the employer aims to fill "
                         "(capacity = base + this x size, rounded down).",
                         "applications per week per job", "assumption; seed F2"));
    v.field("low_fit_screen_out_probability", p.low_fit_screen_out_probability,
            probability("Chance an application sent only to meet a requirement (to an unsuitable "
                        "job) is rejected at sift once read.",
                        "assumption; seed C5 (applying for unsuitable jobs to prove search)"));
}

/// Applications a week an employer of this size (jobs it aims to fill) reads.
[[nodiscard]] std::uint32_t sift_capacity(const EmployerSiftParams& params, float target_size);

/// Drops this week's applications that go unread or are screened out, and records them.
/// Draws Purpose::sift_order and Purpose::low_fit_screen per applicant; resolves serially.
void employer_sift(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
