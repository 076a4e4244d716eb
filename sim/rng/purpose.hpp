// Every place the model draws random numbers, listed once. A stream is keyed by
// (seed, replication, entity kind, entity id, week, purpose), so adding draws for one purpose
// never shifts the numbers another purpose sees, and arms share numbers (the arm is not a key).
#pragma once

#include <cstdint>

namespace jobsim::rng {

/// What kind of entity a stream belongs to.
enum class EntityKind : std::uint8_t {
    person = 1,
    coach = 2,
    employer = 3,
    vacancy = 4,
    area = 5,
};

/// Why a number is drawn. Values are part of the output's identity: never renumber, only append.
enum class Purpose : std::uint16_t {
    // population generation (week 0)
    person_traits = 1,         ///< age, skill, barriers, search disposition
    person_initial_state = 2,  ///< labour status, claim, tenure, spell at the start
    person_placement = 3,      ///< area and sector of a person
    employer_traits = 4,       ///< sector and size of an employer
    initial_job = 5,           ///< which employer an initially employed person works for
    // labour demand
    vacancy_creation = 10,     ///< how many vacancies an employer opens this week
    vacancy_traits = 11,       ///< skill need, wage and hours of a new vacancy
    vacancy_expiry = 12,       ///< whether an open vacancy is withdrawn this week
    job_separation = 13,       ///< whether a job ends this week, and where the person goes
    vacancy_replacement = 14,  ///< whether an ended job is advertised again (keyed by leaver)
    // service contact
    benefit_claim = 20,       ///< starting or stopping a claim this week
    coach_assignment = 21,    ///< which coach a new claimant is given
    meeting_attendance = 22,  ///< whether a claimant attends a due meeting
    // conditionality
    conditionality_detection = 30,  ///< whether a failure is detected and a sanction imposed
    // search and matching
    labour_force_participation = 40,  ///< exits to inactivity, returns, wanting work
    job_applications = 41,            ///< how many applications a person sends
    employer_choice = 42,             ///< the employer's assessment of an applicant
    application_targets = 43,         ///< which area and vacancy each application goes to
    // in work
    wage_progression = 50,  ///< pay reviews
    // social capital (seed 1E; network helper range 160-179)
    network_generation = 160,  ///< the starting ties a person proposes (week 0)
    job_leads = 161,           ///< which employed contacts pass on a vacancy, and as referral
    tie_loss = 162,            ///< which of a person's ties lapse this week
    tie_formation = 163,       ///< whether and with whom a person forms a new tie this week
    mentoring = 164,           ///< mentor recruitment and which mentee a mentor is given
    peer_groups = 165,         ///< whether a person attends a peer group this week
    peer_group_ties = 166,     ///< whom a peer-group attendee forms ties with
    mixed_events = 167,        ///< whether a person attends a mixed event or hub this week
    mixed_event_ties = 168,    ///< whom a mixed-event attendee forms ties with
    bring_a_friend = 169,      ///< whether a new claimant brings someone, and discloses
};

}  // namespace jobsim::rng
