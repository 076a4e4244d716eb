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
        case EventKind::mentor_match:
            return "mentor_match";
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
           "sanction: reason (0=missed_meeting,1=insufficient_search); public_cost: item "
           "(0=personal_budget,1=provider,2=mentoring,3=peer_group,4=placement,5=in_work_support,"
           "6=hub_event,7=other); other kinds: 0";
}

std::string event_other_meaning() {
    return "hire, separation: employer id; claim_start, meeting, meeting_missed: coach id; "
           "mentor_match: mentor (person id); other kinds: 0";
}

std::string event_value_meaning() {
    return "hire: wage per hour (GBP); separation: tenure (weeks); claim_end: claim length "
           "(weeks); meeting: minutes; sanction: length (weeks); exit_to_inactivity: spell "
           "length (weeks); public_cost: GBP; other kinds: 0";
}

std::string barrier_codes() {
    return "bits, combined: 1=health,2=caring,4=basic_skills,8=housing,16=confidence";
}

}  // namespace jobsim::output
