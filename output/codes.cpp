// Code tables for output attributes. Kept beside the enums' documentation in sim/observe/event.hpp
// and sim/state/persons.hpp; output/SCHEMA.md repeats them for readers without jobsim.
#include "output/codes.hpp"

#include <cstdint>
#include <sstream>

namespace jobsim::output {

namespace {

/// "k=name,..." over every raw value that names an enumerator.
template <class Enum>
std::string code_list() {
    std::ostringstream out;
    bool first = true;
    for (unsigned raw = 0; raw <= 255; ++raw) {
        const std::string_view name = name_of(static_cast<Enum>(raw));
        if (!name.empty()) {
            out << (first ? "" : ",") << raw << '=' << name;
            first = false;
        }
    }
    return out.str();
}

}  // namespace

std::string_view name_of(LabourStatus status) {
    switch (status) {
        case LabourStatus::employed:
            return "employed";
        case LabourStatus::unemployed:
            return "unemployed";
        case LabourStatus::inactive:
            return "inactive";
    }
    return {};
}

std::string_view name_of(ClaimState claim) {
    switch (claim) {
        case ClaimState::none:
            return "none";
        case ClaimState::claiming:
            return "claiming";
        case ClaimState::sanctioned:
            return "sanctioned";
    }
    return {};
}

std::string_view name_of(EventKind kind) {
    switch (kind) {
        case EventKind::hire:
            return "hire";
        case EventKind::separation:
            return "separation";
        case EventKind::claim_start:
            return "claim_start";
        case EventKind::claim_end:
            return "claim_end";
        case EventKind::meeting:
            return "meeting";
        case EventKind::meeting_missed:
            return "meeting_missed";
        case EventKind::sanction:
            return "sanction";
        case EventKind::exit_to_inactivity:
            return "exit_to_inactivity";
        case EventKind::return_to_search:
            return "return_to_search";
        case EventKind::public_cost:
            return "public_cost";
        case EventKind::coach_switch:
            return "coach_switch";
        case EventKind::barrier_disclosed:
            return "barrier_disclosed";
        case EventKind::coach_chosen:
            return "coach_chosen";
        case EventKind::application_unread:
            return "application_unread";
        case EventKind::application_screened_out:
            return "application_screened_out";
        case EventKind::service_join:
            return "service_join";
        case EventKind::service_leave:
            return "service_leave";
        case EventKind::plan_agreed:
            return "plan_agreed";
        case EventKind::budget_item:
            return "budget_item";
        case EventKind::referral:
            return "referral";
        case EventKind::placement_start:
            return "placement_start";
        case EventKind::mentor_match:
            return "mentor_match";
        case EventKind::information_passed:
            return "information_passed";
        case EventKind::self_employment_start:
            return "self_employment_start";
        case EventKind::business_closed:
            return "business_closed";
        case EventKind::provider_chosen:
            return "provider_chosen";
        case EventKind::put_forward:
            return "put_forward";
        case EventKind::group_consultation:
            return "group_consultation";
    }
    return {};
}

std::string labour_status_codes() {
    return code_list<LabourStatus>();
}
std::string claim_state_codes() {
    return code_list<ClaimState>();
}
std::string event_kind_codes() {
    return code_list<EventKind>();
}

std::string event_detail_codes() {
    return "hire: hire channel (0=advert,1=word_of_mouth,2=referral,3=coach_link,4=placement); "
           "separation: destination labour status (" +
           labour_status_codes() +
           "); claim_end: reason (0=found_work,1=stopped_claiming,2=left_labour_force); "
           "sanction: reason (0=missed_meeting,1=insufficient_search,2=missed_signing,"
           "3=no_failure); public_cost: item "
           "(0=personal_budget,1=provider,2=mentoring,3=peer_group,4=placement,5=in_work_support,"
           "6=hub_event,7=other,8=employer_engagement,9=enterprise_allowance,"
           "10=business_mentoring,11=group_session); coach_switch: reason (0=rotation,"
           "1=coach_left,2=stand_in); "
           "barrier_disclosed: barrier bit index (0=health,1=caring,2=basic_skills,3=housing,"
           "4=confidence); coach_chosen: coaches met; service_join, service_leave: route "
           "(1=voluntary_search,2=more_hours,3=preventive,4=in_work); plan_agreed: plan type "
           "(1=compliance,2=co_produced,3=strengths); budget_item: item (1=esol_course,"
           "2=childcare,3=confidence_course,4=work_kit,5=qualification,6=unhelpful); referral: "
           "provider (1=ips,2=third_sector,3=prime); business_closed: destination labour "
           "status; provider_chosen: provider (1=ips,2=third_sector,3=prime); put_forward: "
           "outcome (0=employer_declined,1=offered,2=person_declined); other kinds: 0";
}

std::string event_other_meaning() {
    return "hire, separation: employer id; claim_start, meeting, meeting_missed: coach id; "
           "coach_switch, coach_chosen: new coach id; barrier_disclosed: coach id; "
           "application_unread, application_screened_out: employer id; service_join, "
           "service_leave: coach id; plan_agreed: coach id; budget_item: 1 if it met a need the "
           "person has, else 0; referral: outcome (0=started,1=lost_in_handoff,2=declined); "
           "mentor_match: the mentor's person id; information_passed: coach id; provider_chosen: "
           "the provider's slot in its area and kind; put_forward: employer id; "
           "group_consultation: coach id; other kinds: 0";
}

std::string event_value_meaning() {
    return "hire: wage per hour (GBP); separation: tenure (weeks); claim_end: claim length "
           "(weeks); meeting: minutes; sanction: length (weeks); exit_to_inactivity: spell "
           "length (weeks); public_cost: GBP; coach_switch: alliance kept (0-1); coach_chosen: "
           "fit (0-1); application_unread, application_screened_out: 1 (one application); "
           "budget_item: price (GBP); placement_start: length (weeks); information_passed: the "
           "chance the coach passed it on (0-1); self_employment_start: hourly earnings (GBP); "
           "business_closed: weeks traded; provider_chosen: the provider's reputation (weekly "
           "job-entry rate); put_forward: link strength (0-1); group_consultation: coach minutes "
           "per attendee; other kinds: 0";
}

std::string barrier_codes() {
    return "bits, combined: 1=health,2=caring,4=basic_skills,8=housing,16=confidence";
}

}  // namespace jobsim::output
