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
    trial = 6,  ///< a trial's assignment; the entity id is the draw (0 = the realised assignment)
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
    // citizen-coach relationship (100-119)
    coach_continuity = 100,    ///< whether a claimant sees the same coach, and which other coach
    coach_turnover = 101,      ///< whether a coach leaves this week (coach stream)
    coach_choice = 102,        ///< which coaches a new claimant meets, and how well each fits
    barrier_disclosure = 103,  ///< whether a claimant tells the coach of each hidden barrier
    // conditionality, sanctions and benefit administration (issue 3)
    signing_attendance = 120,  ///< whether a claimant misses a daily signing (R8)
    wrongful_sanction = 121,   ///< whether a compliant claimant is sanctioned all the same (C2)
    sanction_exit = 122,       ///< whether a recently sanctioned claimant stops claiming (C6)
    application_fit = 123,     ///< whether an application is sent only to meet a requirement (C5)
    sift_order = 124,          ///< the order in which an employer reads applications (F2)
    low_fit_screen = 125,      ///< whether a low-fit application is screened out at sift (C5)
    // service access and work after entry (issue 3, access: 180-199)
    service_access = 180,            ///< learning of the service, joining and dropping out
    service_coach_assignment = 181,  ///< which coach a voluntary service user is given
    underemployment = 182,           ///< wanting more hours and getting them
    preventive_support = 183,        ///< employed people at risk joining the service
    // support: plans, budgets, providers, placements (issue 3)
    plan_agreement = 140,        ///< whether a claimant agrees an action plan at a meeting
    budget_spending = 141,       ///< which item a personal budget buys (choice, misjudgement)
    provider_referral = 142,     ///< assessed need, referral, hand-off loss, cream-skimming
    provider_progress = 143,     ///< whether a third-sector partner resolves housing this week
    placement_offer = 144,       ///< whether a claimant starts a paid work placement
    placement_conversion = 145,  ///< whether a placement converts, and into which vacancy
    // social capital (seed 1E; network helper range 160-179)
    network_generation = 160,       ///< the starting ties a person proposes (week 0)
    job_leads = 161,                ///< which employed contacts pass on a vacancy, and as referral
    tie_loss = 162,                 ///< which of a person's ties lapse this week
    tie_formation = 163,            ///< whether and with whom a person forms a new tie this week
    mentoring = 164,                ///< mentor recruitment and which mentee a mentor is given
    peer_groups = 165,              ///< whether a person attends a peer group this week
    peer_group_ties = 166,          ///< whom a peer-group attendee forms ties with
    mixed_events = 167,             ///< whether a person attends a mixed event or hub this week
    mixed_event_ties = 168,         ///< whom a mixed-event attendee forms ties with
    bring_a_friend = 169,           ///< whether a new claimant brings someone, and discloses
    social_prescribing = 170,       ///< whether a person takes part in a community activity
    social_prescribing_ties = 171,  ///< whom a community-activity participant forms ties with
    // coach targets and information (issue 3: 220-229)
    coach_information = 220,  ///< whether the coach passes on information at a meeting (B9)
    // calibration (issue 3, 240-249)
    meeting_length = 240,   ///< how long an attended coach meeting lasts (R7)
    area_conditions = 241,  ///< an area's persistent labour-market conditions (area stream, C13)
    // routes and choice (issue 3, routes: 210-219)
    business_idea = 210,          ///< whether a person has a business idea (week-0 trait, D7)
    self_employment_start = 211,  ///< whether a person starts trading, and the business's earnings
    business_trading = 212,       ///< a business's weekly earnings shock and closure
    provider_choice = 213,        ///< which provider a person with a voucher chooses (D6)
    // employer links (issue 3, employer_links: 200-209)
    link_contacts = 200,     ///< the fractional contact a link holder makes in a week (area)
    link_targeting = 201,    ///< which employers each link holder contacts (employer)
    link_take_up = 202,      ///< whether an employer takes up each holder's contact (employer)
    link_put_forward = 203,  ///< whether a coach puts a service user forward to a linked employer
    link_vacancy = 204,      ///< which linked vacancy a coach puts the person forward to
    link_acceptance = 205,   ///< whether the linked employer takes the person on
    // group consultations and co-design (issue 3, group_consultations: 230-239)
    group_consultation_invite = 230,     ///< whether a due coach meeting is held as a group
    group_consultation_ties = 231,       ///< whom a group-consultation attendee forms ties with
    group_consultation_guest = 232,      ///< whether a group has a guest, and who (first member)
    group_consultation_guest_tie = 233,  ///< whether an attendee forms a tie with the guest
    co_design = 234,                     ///< whether a service user takes part in a panel
    co_design_ties = 235,                ///< whom a co-design panel member forms ties with
    // trials (issue 4, assignment: 250-259)
    trial_assignment = 250,       ///< which arm each unit or cluster is randomised to
    trial_rerandomisation = 251,  ///< re-randomisations under the design (randomisation inference)
    trial_attrition = 252,        ///< which randomised units drop out of measurement
    trial_power_grid = 253,       ///< which clusters and people a power-curve subsample keeps
};

}  // namespace jobsim::rng
