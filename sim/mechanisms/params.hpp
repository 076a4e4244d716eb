// Every mechanism's parameter block, for the scenario aggregate.
#pragma once

#include "sim/mechanisms/benefit_claim.hpp"
#include "sim/mechanisms/bring_a_friend.hpp"
#include "sim/mechanisms/coach_meeting.hpp"
#include "sim/mechanisms/conditionality.hpp"
#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/job_leads.hpp"
#include "sim/mechanisms/job_search.hpp"
#include "sim/mechanisms/job_separation.hpp"
#include "sim/mechanisms/labour_force_participation.hpp"
#include "sim/mechanisms/mentoring.hpp"
#include "sim/mechanisms/mixed_events.hpp"
#include "sim/mechanisms/peer_groups.hpp"
#include "sim/mechanisms/tie_dynamics.hpp"
#include "sim/mechanisms/vacancy_flow.hpp"
#include "sim/mechanisms/wage_progression.hpp"
