#include "sim/schedule/week_plan.hpp"

#include <array>

#include "sim/mechanisms/params.hpp"
#include "sim/schedule/durations.hpp"

namespace jobsim {

namespace {

namespace m = mechanisms;

constexpr std::array plan{
    PlannedStep{"labour_market_shocks", Phase::labour_demand, &m::labour_market_shocks},
    PlannedStep{"vacancy_flow", Phase::labour_demand, &m::vacancy_flow},
    PlannedStep{"job_separation", Phase::labour_demand, &m::job_separation},
    PlannedStep{"benefit_claim", Phase::service_contact, &m::benefit_claim},
    PlannedStep{"service_access", Phase::service_contact, &m::service_access},
    PlannedStep{"coach_meeting", Phase::service_contact, &m::coach_meeting},
    PlannedStep{"conditionality", Phase::conditionality, &m::conditionality},
    PlannedStep{"labour_force_participation", Phase::search_and_matching,
                &m::labour_force_participation},
    PlannedStep{"job_search", Phase::search_and_matching, &m::job_search},
    PlannedStep{"employer_choice", Phase::search_and_matching, &m::employer_choice},
    PlannedStep{"wage_progression", Phase::in_work, &m::wage_progression},
    PlannedStep{"in_work_support", Phase::in_work, &m::in_work_support},
    PlannedStep{"underemployment", Phase::in_work, &m::underemployment},
    PlannedStep{"preventive_support", Phase::in_work, &m::preventive_support},
    PlannedStep{"wellbeing", Phase::in_work, &m::wellbeing},
    PlannedStep{"durations", Phase::record, &advance_durations},
};

}  // namespace

std::span<const PlannedStep> week_plan() {
    return plan;
}

}  // namespace jobsim
