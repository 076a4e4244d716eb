// The declared world: a scenario as plain values, built and validated by the loader, then frozen
// for the run. Mechanisms read their own parameter block; nothing reads YAML after loading.
// Every key's documentation lives in the describe() functions below and in the mechanism headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/mechanisms/params.hpp"
#include "sim/population/network.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/trials/trial_spec.hpp"

namespace jobsim {

/// One sector of the economy.
struct SectorSpec {
    std::string name;
    double employment_share = 0.0;
    double median_wage_per_hour = 12.0;
    double skill_need = 0.5;
    double part_time_share = 0.25;
};

/// Who lives in the simulated economy and where they start.
struct PopulationSpec {
    std::uint32_t persons = 20000;
    std::uint16_t areas = 8;
    double share_aged_16_24 = 0.15;
    double share_aged_50_plus = 0.32;
    double skill_dispersion = 1.0;
    double search_disposition_dispersion = 0.4;
    double health_barrier_prevalence = 0.12;
    double caring_barrier_prevalence = 0.08;
    double basic_skills_barrier_prevalence = 0.08;
    double housing_barrier_prevalence = 0.02;
    double confidence_barrier_prevalence = 0.08;
    double barrier_multiplier_unemployed = 2.0;
    double barrier_multiplier_inactive = 3.0;
    double initial_employment_rate = 0.75;
    double initial_unemployment_rate = 0.04;
    double claimant_share_of_unemployed = 0.48;
    double wants_work_share_of_inactive = 0.15;
    double mean_initial_spell_weeks = 26.0;
    double mean_initial_inactive_spell_weeks = 156.0;
    double mean_initial_tenure_weeks = 260.0;
    double initial_trust = 0.5;
    double initial_confidence = 0.65;
    double initial_confidence_with_barrier = 0.35;
    double initial_wellbeing_in_work = 7.5;
    double initial_wellbeing_out_of_work = 6.6;
    double initial_loneliness_in_work = 0.2;
    double initial_loneliness_out_of_work = 0.35;
    NetworkSpec network;
};

/// Local labour markets: sectors, employers, geography and the labour-market mechanisms.
struct LabourMarketSpec {
    std::vector<SectorSpec> sectors;
    std::uint32_t employers_per_area = 150;
    double employer_size_dispersion = 1.0;
    double area_spacing_km = 12.0;
    mechanisms::VacancyFlowParams vacancy_flow;
    mechanisms::JobSeparationParams job_separation;
    mechanisms::LabourForceParticipationParams labour_force_participation;
    mechanisms::JobSearchParams job_search;
    mechanisms::EmployerChoiceParams employer_choice;
    mechanisms::WageProgressionParams wage_progression;
    mechanisms::SanctionEffectsParams sanction_effects;
    mechanisms::HardshipParams hardship;
    mechanisms::EmployerSiftParams employer_sift;
    mechanisms::LabourMarketShocksParams labour_market_shocks;
    mechanisms::UnderemploymentParams underemployment;
    mechanisms::WellbeingParams wellbeing;
    mechanisms::JobLeadsParams job_leads;
    mechanisms::TieDynamicsParams tie_dynamics;
    mechanisms::AreaConditionsParams area_conditions;
};

/// The service's fixed resources.
struct ServiceSpec {
    std::uint32_t coaches_per_area = 2;
    double coach_hours_per_week = 37.0;
    double share_of_hours_for_meetings = 0.5;
};

/// Prices for the public-purse accounting (seed L7). Benefit paid is each arm's
/// regime.benefit_claim.weekly_benefit_gbp.
struct AccountingSpec {
    double coach_cost_per_hour_gbp = 32.0;
};

/// The simulated survey of each arm's cohort at the end of a run (seed L1, R4, R9): each answer is
/// a cut-point on a person's 0-1 trust or working alliance, the same in every arm, so the answers
/// move between arms only as the people's states do.
struct SurveySpec {
    double recommend_threshold = 0.3;
    double positive_relationship_alliance = 0.09;
    double negative_relationship_alliance = 0.055;
    double personalised_plan_alliance = 0.085;
    double forced_to_sign_trust = 0.49;
};

/// A policy regime: the service's levers. Arms of a trial are regimes (issues 3 and 4).
struct Regime {
    std::string name = "baseline";
    mechanisms::BenefitClaimParams benefit_claim;
    mechanisms::CoachMeetingParams coach_meeting;
    mechanisms::ConditionalityParams conditionality;
    mechanisms::CoachContinuityParams coach_continuity;
    mechanisms::WorkingAllianceParams working_alliance;
    mechanisms::BarrierDisclosureParams barrier_disclosure;
    mechanisms::ServiceAccessParams service_access;
    mechanisms::InWorkSupportParams in_work_support;
    mechanisms::PreventiveSupportParams preventive_support;
    mechanisms::ActionPlanParams action_plan;
    mechanisms::PersonalBudgetParams personal_budget;
    mechanisms::ProviderReferralParams provider_referral;
    mechanisms::WorkPlacementParams work_placement;
    mechanisms::MentoringParams mentoring;
    mechanisms::PeerGroupsParams peer_groups;
    mechanisms::MixedEventsParams mixed_events;
    mechanisms::SocialPrescribingParams social_prescribing;
    mechanisms::BringAFriendParams bring_a_friend;
    mechanisms::CoachTargetsParams coach_targets;
    mechanisms::CoachInformationParams coach_information;
    mechanisms::SelfEmploymentParams self_employment;
    mechanisms::ProviderChoiceParams provider_choice;
    mechanisms::EmployerLinksParams employer_links;
    mechanisms::GroupConsultationsParams group_consultations;
    mechanisms::CoDesignParams co_design;
};

struct Scenario {
    std::string name = "unnamed";
    std::string description;
    std::uint32_t weeks = 52;
    std::uint32_t burn_in_weeks = 0;
    std::uint64_t seed = 1;
    std::uint32_t replications = 1;
    PopulationSpec population;
    LabourMarketSpec labour_market;
    ServiceSpec service;
    AccountingSpec accounting;
    SurveySpec survey;
    Regime regime;             ///< the baseline regime (arm 0)
    std::vector<Regime> arms;  ///< further arms, each `regime` with some levers changed
    TrialSpec trial;           ///< the randomised trial of the arms (jobsim trial)
};

/// The baseline regime followed by every arm: the regimes indexed by Persons::arm.
[[nodiscard]] std::vector<Regime> all_arms(const Scenario& scenario);

/// A scenario with every default, including the default sector list.
[[nodiscard]] Scenario default_scenario();

/// Checks that span several keys (shares that must sum to one, sizes that must fit together).
/// Returns (key path, message) pairs; empty when consistent.
struct ConsistencyProblem {
    std::string key_path;
    std::string message;
};
[[nodiscard]] std::vector<ConsistencyProblem> check_consistency(const Scenario& scenario);

template <class Visitor>
void describe(Visitor& v, SectorSpec& s) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("name", s.name, {.doc = "Sector name, used in output.", .required = true});
    v.field("employment_share", s.employment_share,
            probability("Share of employers (and so of jobs) in this sector. Shares sum to 1.",
                        "ONS workforce jobs by industry, grouped"));
    v.field("median_wage_per_hour", s.median_wage_per_hour,
            {.doc = "Median hourly pay of vacancies in this sector.",
             .min = 0.01,
             .unit = "GBP per hour",
             .source = "ONS ASHE 2024, grouped"});
    v.field("skill_need", s.skill_need,
            probability("Mean skill need of this sector's vacancies (0-1)."));
    v.field("part_time_share", s.part_time_share,
            probability("Share of this sector's vacancies that are part time (20 hours)."));
}

template <class Visitor>
void describe(Visitor& v, PopulationSpec& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("persons", p.persons,
            {.doc = "Number of working-age people simulated.",
             .min = 1,
             .max = max_persons,
             .unit = "persons",
             .required = true});
    v.field("areas", p.areas,
            {.doc = "Number of local labour markets (travel-to-work areas); the unit of cluster "
                    "randomisation.",
             .min = 1,
             .max = 65000,
             .unit = "areas"});
    v.field("share_aged_16_24", p.share_aged_16_24,
            probability("Share of people aged 16-24.", "ONS population estimates"));
    v.field("share_aged_50_plus", p.share_aged_50_plus,
            probability("Share of people aged 50-64.", "ONS population estimates"));
    v.field("skill_dispersion", p.skill_dispersion,
            non_negative("Spread of skills: skill = logistic(N(0, dispersion)).", "logit units"));
    v.field("search_disposition_dispersion", p.search_disposition_dispersion,
            non_negative("Spread of personal search effort: lognormal with mean 1.", "log units"));
    v.field("health_barrier_prevalence", p.health_barrier_prevalence,
            probability("Share of employed people with a health condition or disability; higher "
                        "out of work by the multipliers below.",
                        "seed M6 (disability employment gap)"));
    v.field("caring_barrier_prevalence", p.caring_barrier_prevalence,
            probability("Share of employed people with caring responsibilities that limit work."));
    v.field("basic_skills_barrier_prevalence", p.basic_skills_barrier_prevalence,
            probability("Share of employed people with literacy, numeracy or ESOL needs."));
    v.field("housing_barrier_prevalence", p.housing_barrier_prevalence,
            probability("Share of employed people with insecure housing."));
    v.field("confidence_barrier_prevalence", p.confidence_barrier_prevalence,
            probability("Share of employed people with low confidence."));
    v.field("barrier_multiplier_unemployed", p.barrier_multiplier_unemployed,
            {.doc = "Barrier prevalence among the unemployed relative to the employed.",
             .min = 0.0,
             .unit = "ratio"});
    v.field("barrier_multiplier_inactive", p.barrier_multiplier_inactive,
            {.doc = "Barrier prevalence among the inactive relative to the employed.",
             .min = 0.0,
             .unit = "ratio"});
    v.field("initial_employment_rate", p.initial_employment_rate,
            probability("Share of people employed at the start.", "seed M4 (75.5%)"));
    v.field("initial_unemployment_rate", p.initial_unemployment_rate,
            probability("Share of people (not of the labour force) unemployed at the start.",
                        "calibration.md C12"));
    v.field("claimant_share_of_unemployed", p.claimant_share_of_unemployed,
            probability("Share of unemployed people claiming benefit at the start.",
                        "seed S6 (52% of unemployed people not claiming)"));
    v.field("wants_work_share_of_inactive", p.wants_work_share_of_inactive,
            probability("Share of inactive people who would like a job.",
                        "seed P1 (1.3 million of about 8.7 million inactive)"));
    v.field(
        "mean_initial_spell_weeks", p.mean_initial_spell_weeks,
        non_negative("Mean elapsed spell of those unemployed at the start (geometric).", "weeks"));
    v.field("mean_initial_inactive_spell_weeks", p.mean_initial_inactive_spell_weeks,
            non_negative("Mean elapsed time out of work of those inactive at the start "
                         "(geometric).",
                         "weeks"));
    v.field("mean_initial_tenure_weeks", p.mean_initial_tenure_weeks,
            non_negative("Mean elapsed tenure of those employed at the start (geometric).", "weeks",
                         "assumption (median UK job tenure about 5 years)"));
    v.field("initial_trust", p.initial_trust,
            probability("Trust in the employment service at the start (0-1).",
                        "assumption; seed R4 (63% positive, 12% negative about their coach)"));
    v.field("initial_confidence", p.initial_confidence,
            probability("Self-confidence at the start (0-1) of people without the confidence "
                        "barrier.",
                        "assumption"));
    v.field("initial_confidence_with_barrier", p.initial_confidence_with_barrier,
            probability("Self-confidence at the start (0-1) of people with the confidence "
                        "barrier.",
                        "assumption"));
    v.field("initial_wellbeing_in_work", p.initial_wellbeing_in_work,
            {.doc = "Life satisfaction (0-10) at the start of people in work.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "ONS Annual Population Survey personal well-being, employed (about 7.5)"});
    v.field("initial_wellbeing_out_of_work", p.initial_wellbeing_out_of_work,
            {.doc = "Life satisfaction (0-10) at the start of people out of work.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "ONS Annual Population Survey personal well-being, unemployed (about 6.6)"});
    v.field("initial_loneliness_in_work", p.initial_loneliness_in_work,
            probability("Loneliness (0-1) at the start of people in work.", "assumption"));
    v.field("initial_loneliness_out_of_work", p.initial_loneliness_out_of_work,
            probability("Loneliness (0-1) at the start of people out of work.",
                        "assumption; seed N9 (unemployment raises loneliness)"));
    v.section("network", p.network, "The social network people start with (seed 1E).");
}

template <class Visitor>
void describe(Visitor& v, LabourMarketSpec& m) {
    using scenario::non_negative;
    v.records("sectors", m.sectors,
              {.doc = "Sectors of the economy (at most 255).", .min_items = 1, .max_items = 255});
    v.field("employers_per_area", m.employers_per_area,
            {.doc = "Employers in each area.", .min = 1, .max = 10'000'000, .unit = "employers"});
    v.field("employer_size_dispersion", m.employer_size_dispersion,
            non_negative("Spread of employer size: lognormal with this log-sd.", "log units",
                         "assumption (many small firms, few large)"));
    v.field("area_spacing_km", m.area_spacing_km,
            non_negative("Distance between neighbouring areas, laid out on a square grid.", "km"));
    v.section("vacancy_flow", m.vacancy_flow, "Vacancies open and are withdrawn.");
    v.section("job_separation", m.job_separation, "Jobs end.");
    v.section("labour_force_participation", m.labour_force_participation,
              "Moves between searching and inactivity.");
    v.section("job_search", m.job_search, "Search effort and applications.");
    v.section("employer_choice", m.employer_choice, "Employers choose among applicants.");
    v.section("wage_progression", m.wage_progression, "Tenure, pay reviews and low pay.");
    v.section("sanction_effects", m.sanction_effects,
              "What a sanction does to exits, job quality, trust and wellbeing.");
    v.section("hardship", m.hardship, "Debt from weeks without benefit, and its effects.");
    v.section("employer_sift", m.employer_sift,
              "Employers' limited capacity to read applications, and low-fit applications.");
    v.section("labour_market_shocks", m.labour_market_shocks,
              "Sector shocks and the business cycle (scenario events).");
    v.section("underemployment", m.underemployment, "Wanting and getting more hours.");
    v.section("wellbeing", m.wellbeing, "Life satisfaction and confidence.");
    v.section("job_leads", m.job_leads, "Employed contacts pass on vacancies and refer (seed 1E).");
    v.section("tie_dynamics", m.tie_dynamics, "Ties lapse and form; loneliness (seed E5, K3).");
    v.section("area_conditions", m.area_conditions,
              "Persistent differences between local labour markets (calibration.md C13).");
}

template <class Visitor>
void describe(Visitor& v, ServiceSpec& s) {
    v.field("coaches_per_area", s.coaches_per_area,
            {.doc = "Work coaches in each area; caseloads follow from the number of claimants.",
             .min = 1,
             .max = 1'000'000,
             .unit = "coaches"});
    v.field("coach_hours_per_week", s.coach_hours_per_week,
            {.doc = "Contracted hours of a coach.",
             .min = 1.0,
             .max = 80.0,
             .unit = "hours per week",
             .source = "assumption (full time)"});
    v.field("share_of_hours_for_meetings", s.share_of_hours_for_meetings,
            scenario::probability(
                "Share of a coach's hours available for meetings; the rest goes on administration. "
                "When the meetings due need more, every meeting is shortened in proportion.",
                "assumption; seed B6, R3 (caseload sets time per person)"));
}

template <class Visitor>
void describe(Visitor& v, AccountingSpec& a) {
    v.field("coach_cost_per_hour_gbp", a.coach_cost_per_hour_gbp,
            {.doc = "Full cost of an hour of a coach's time (pay, on-costs, accommodation). "
                    "Each meeting minute is costed with the coach's non-meeting time "
                    "(service.share_of_hours_for_meetings).",
             .min = 0.0,
             .unit = "GBP per hour",
             .source = "assumption (Executive Officer pay about GBP 28,500 plus on-costs and "
                       "overheads)"});
}

template <class Visitor>
void describe(Visitor& v, SurveySpec& s) {
    using scenario::probability;
    v.field("recommend_threshold", s.recommend_threshold,
            probability("Someone who met a coach would recommend the service (the Friends and "
                        "Family question) when the mean of their trust and alliance is at least "
                        "this.",
                        "assumption; seed L1, 000 L9 (no published figure for the service)"));
    v.field(
        "positive_relationship_alliance", s.positive_relationship_alliance,
        probability("Someone who met a coach calls the relationship positive when their "
                    "working alliance is at least this.",
                    "calibration: R4 (63% positive under today's service, seed 004 L1028-1032)"));
    v.field("negative_relationship_alliance", s.negative_relationship_alliance,
            probability("... and negative when their working alliance is below this (between the "
                        "two: neither).",
                        "calibration: R4 (12% negative, seed 004 L1028-1032)"));
    v.field("personalised_plan_alliance", s.personalised_plan_alliance,
            probability("Someone with a compliance plan (the claimant commitment) calls it "
                        "personalised when their alliance is at least this; co-produced and "
                        "strengths-based plans always are.",
                        "calibration: R9 (67% personalised, seed 004 L1355-1362)"));
    v.field("forced_to_sign_trust", s.forced_to_sign_trust,
            probability("Someone who agreed a plan backed by sanctions (conditionality on) felt "
                        "forced to sign it when their trust in the service is below this.",
                        "calibration: R9 (67% felt forced, seed 004 L1355-1362)"));
}

template <class Visitor>
void describe(Visitor& v, Regime& r) {
    v.field("name", r.name, {.doc = "Name of the regime, used in output."});
    v.section("benefit_claim", r.benefit_claim, "Claims, coach attachment and benefit.");
    v.section("coach_meeting", r.coach_meeting, "Meetings with a work coach.");
    v.section("conditionality", r.conditionality, "Search requirements and sanctions.");
    v.section("coach_continuity", r.coach_continuity,
              "Seeing the same coach, coach turnover and choosing one's coach.");
    v.section("working_alliance", r.working_alliance,
              "The working alliance with the coach and trust in the service.");
    v.section("barrier_disclosure", r.barrier_disclosure, "Telling the coach of barriers to work.");
    v.section("service_access", r.service_access, "Who may use the service and how they come.");
    v.section("in_work_support", r.in_work_support, "The coach's support after job entry.");
    v.section("preventive_support", r.preventive_support,
              "Support for people in work at risk of losing their job.");
    v.section("action_plan", r.action_plan, "Action plans agreed at meetings.");
    v.section("personal_budget", r.personal_budget, "Personal budgets spent on a menu of items.");
    v.section("provider_referral", r.provider_referral, "Referral to specialist providers.");
    v.section("work_placement", r.work_placement, "Paid work placements that may convert to jobs.");
    v.section("mentoring", r.mentoring, "Mentoring by former jobseekers (seed E6).");
    v.section("peer_groups", r.peer_groups, "Peer groups among people out of work (seed E7, E8).");
    v.section("mixed_events", r.mixed_events,
              "Events and hubs mixing people in and out of work (seed E10, E11, E13).");
    v.section("social_prescribing", r.social_prescribing,
              "Community activities for lonely service users (seed E15).");
    v.section("bring_a_friend", r.bring_a_friend,
              "Bringing a friend or family member to an early meeting (seed E12).");
    v.section("coach_targets", r.coach_targets,
              "What offices are judged on, and how targets change coaches' decisions (seed B17, "
              "L3).");
    v.section("coach_information", r.coach_information,
              "The coach passes on information about vacancies and services (seed B9).");
    v.section("self_employment", r.self_employment,
              "Self-employment off the claim, with an allowance and a mentor (seed D7).");
    v.section("provider_choice", r.provider_choice,
              "Choosing one's provider with a voucher; providers compete on reputation (seed D6).");
    v.section("employer_links", r.employer_links,
              "Links with employers and direct placements by coaches (seed F3, F4, F5).");
    v.section("group_consultations", r.group_consultations,
              "Due coach meetings held as group consultations (seed E9).");
    v.section("co_design", r.co_design,
              "Service users co-designing the service in participation panels (seed E16).");
}

template <class Visitor>
void describe(Visitor& v, Scenario& s) {
    v.field("name", s.name, {.doc = "Short name of the scenario, stored in the output."});
    v.field("description", s.description, {.doc = "Free text describing the scenario."});
    v.field("weeks", s.weeks,
            {.doc = "Weeks simulated and recorded in each replication.",
             .min = 1,
             .max = 5200,
             .unit = "weeks",
             .required = true});
    v.field("burn_in_weeks", s.burn_in_weeks,
            {.doc = "Weeks simulated before recording starts, so the population settles.",
             .min = 0,
             .max = 5200,
             .unit = "weeks"});
    v.field("seed", s.seed,
            {.doc = "Master random seed (the command line's --seed overrides it).", .min = 0});
    v.field("replications", s.replications,
            {.doc = "Independent replications (--replications overrides it).",
             .min = 1,
             .max = 100000});
    v.section("population", s.population, "Who lives in the simulated economy.");
    v.section("labour_market", s.labour_market,
              "Sectors, employers, geography and labour-market behaviour.");
    v.section("service", s.service, "The employment service's fixed resources.");
    v.section("accounting", s.accounting, "Prices for the public-purse accounting.");
    v.section("survey", s.survey,
              "The simulated survey of each arm's cohort at the end of a run (seed L1, R4, R9).");
    v.section("regime", s.regime, "The policy regime the service runs (the baseline arm).");
    v.section("trial", s.trial,
              "The randomised trial of the arms that `jobsim trial` runs and diagnoses (issue 4).");
}

}  // namespace jobsim
