#include "sim/schedule/week_plan.hpp"

#include <array>

#include "sim/mechanisms/params.hpp"
#include "sim/schedule/durations.hpp"

namespace jobsim {

namespace {

namespace m = mechanisms;

constexpr std::array plan{
    PlannedStep{"area_conditions", Phase::labour_demand, &m::area_conditions},
    PlannedStep{"labour_market_shocks", Phase::labour_demand, &m::labour_market_shocks},
    PlannedStep{"vacancy_flow", Phase::labour_demand, &m::vacancy_flow},
    PlannedStep{"job_separation", Phase::labour_demand, &m::job_separation},
    PlannedStep{"benefit_claim", Phase::service_contact, &m::benefit_claim},
    PlannedStep{"service_access", Phase::service_contact, &m::service_access},
    PlannedStep{"coach_continuity", Phase::service_contact, &m::coach_continuity},
    PlannedStep{"coach_meeting", Phase::service_contact, &m::coach_meeting},
    PlannedStep{"working_alliance", Phase::service_contact, &m::working_alliance},
    PlannedStep{"group_consultations", Phase::service_contact, &m::group_consultations},
    PlannedStep{"barrier_disclosure", Phase::service_contact, &m::barrier_disclosure},
    PlannedStep{"coach_information", Phase::service_contact, &m::coach_information},
    PlannedStep{"action_plan", Phase::service_contact, &m::action_plan},
    PlannedStep{"personal_budget", Phase::service_contact, &m::personal_budget},
    PlannedStep{"provider_referral", Phase::service_contact, &m::provider_referral},
    PlannedStep{"provider_choice", Phase::service_contact, &m::provider_choice},
    PlannedStep{"conditionality", Phase::conditionality, &m::conditionality},
    PlannedStep{"hardship", Phase::conditionality, &m::hardship},
    PlannedStep{"tie_dynamics", Phase::social_capital, &m::tie_dynamics},
    PlannedStep{"peer_groups", Phase::social_capital, &m::peer_groups},
    PlannedStep{"mixed_events", Phase::social_capital, &m::mixed_events},
    PlannedStep{"social_prescribing", Phase::social_capital, &m::social_prescribing},
    PlannedStep{"bring_a_friend", Phase::social_capital, &m::bring_a_friend},
    PlannedStep{"co_design", Phase::social_capital, &m::co_design},
    PlannedStep{"labour_force_participation", Phase::search_and_matching,
                &m::labour_force_participation},
    PlannedStep{"job_search", Phase::search_and_matching, &m::job_search},
    PlannedStep{"job_leads", Phase::search_and_matching, &m::job_leads},
    PlannedStep{"employer_sift", Phase::search_and_matching, &m::employer_sift},
    PlannedStep{"employer_choice", Phase::search_and_matching, &m::employer_choice},
    PlannedStep{"employer_links", Phase::search_and_matching, &m::employer_links},
    PlannedStep{"sanction_effects", Phase::search_and_matching, &m::sanction_effects},
    PlannedStep{"work_placement", Phase::search_and_matching, &m::work_placement},
    PlannedStep{"self_employment", Phase::search_and_matching, &m::self_employment},
    PlannedStep{"wage_progression", Phase::in_work, &m::wage_progression},
    PlannedStep{"in_work_support", Phase::in_work, &m::in_work_support},
    PlannedStep{"underemployment", Phase::in_work, &m::underemployment},
    PlannedStep{"preventive_support", Phase::in_work, &m::preventive_support},
    PlannedStep{"mentoring", Phase::in_work, &m::mentoring},
    PlannedStep{"wellbeing", Phase::in_work, &m::wellbeing},
    PlannedStep{"coach_targets", Phase::record, &m::coach_targets},
    PlannedStep{"durations", Phase::record, &advance_durations},
};

}  // namespace

std::span<const PlannedStep> week_plan() {
    return plan;
}

}  // namespace jobsim
