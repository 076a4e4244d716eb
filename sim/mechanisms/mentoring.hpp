// "Pass it on" mentoring by former jobseekers: everyone who leaves the service for a job is asked
// to mentor, and accepts with some chance; each new mentor is matched with a service user out of
// work in their area and arm who has no mentor yet. The mentee gains a bridging tie to an employed
// person (so job_leads can reach them), is less lonely and more confident (an expert by
// experience who understands). Mentor recruitment, training and expenses are a public cost.
// Off in the baseline. Seeds E6, A8. YAML: regime.mentoring. Phase: in_work (after hiring).
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct MentoringParams {
    bool enabled = false;
    double acceptance_probability = 0.2;
    double loneliness_relief = 0.1;
    double confidence_boost = 0.05;
    double cost_per_match_gbp = 300.0;
};

template <class Visitor>
void describe(Visitor& v, MentoringParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Service users who find work are asked to mentor someone still looking (off: "
                    "no mentoring)."});
    v.field("acceptance_probability", p.acceptance_probability,
            probability("Chance that a service user entering work accepts a mentor role.",
                        "assumption; seed E6 (\"pass it on\": everyone who gets a job is asked)"));
    v.field("loneliness_relief", p.loneliness_relief,
            probability("Taken off the mentee's loneliness (0-1) when matched.",
                        "assumption; seed E6 (empathy; direction)"));
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to the mentee's confidence (0-1) when matched.",
                        "assumption; seed E6, A8 (direction)"));
    v.field("cost_per_match_gbp", p.cost_per_match_gbp,
            non_negative("Public cost of one mentoring match (recruiting, training, expenses).",
                         "GBP", "assumption; seed L7"));
}

/// Recruits this week's new mentors and matches them, in person order. Draws Purpose::mentoring.
void mentoring(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
