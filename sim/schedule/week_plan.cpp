#include "sim/schedule/week_plan.hpp"

#include <array>

#include "sim/mechanisms/params.hpp"
#include "sim/schedule/durations.hpp"

namespace jobsim {

namespace {

namespace m = mechanisms;

constexpr std::array plan{
    PlannedStep{"vacancy_flow", Phase::labour_demand, &m::vacancy_flow},
    PlannedStep{"job_separation", Phase::labour_demand, &m::job_separation},
    PlannedStep{"benefit_claim", Phase::service_contact, &m::benefit_claim},
    PlannedStep{"coach_meeting", Phase::service_contact, &m::coach_meeting},
    PlannedStep{"conditionality", Phase::conditionality, &m::conditionality},
    PlannedStep{"tie_dynamics", Phase::social_capital, &m::tie_dynamics},
    PlannedStep{"peer_groups", Phase::social_capital, &m::peer_groups},
    PlannedStep{"mixed_events", Phase::social_capital, &m::mixed_events},
    PlannedStep{"bring_a_friend", Phase::social_capital, &m::bring_a_friend},
    PlannedStep{"labour_force_participation", Phase::search_and_matching,
                &m::labour_force_participation},
    PlannedStep{"job_search", Phase::search_and_matching, &m::job_search},
    PlannedStep{"job_leads", Phase::search_and_matching, &m::job_leads},
    PlannedStep{"employer_choice", Phase::search_and_matching, &m::employer_choice},
    PlannedStep{"wage_progression", Phase::in_work, &m::wage_progression},
    PlannedStep{"mentoring", Phase::in_work, &m::mentoring},
    PlannedStep{"durations", Phase::record, &advance_durations},
};

}  // namespace

std::span<const PlannedStep> week_plan() {
    return plan;
}

}  // namespace jobsim
