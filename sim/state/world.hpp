// Everything that changes during a replication: people, coaches, employers, open vacancies and
// areas, all as columns indexed by strong ids. Links between entities are id columns.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/observe/event.hpp"
#include "sim/state/network.hpp"
#include "sim/state/persons.hpp"

namespace jobsim {

/// Work coaches. Caseload is recounted each week from the people attached to them.
struct Coaches {
    std::vector<AreaId> area;
    std::vector<float> hours_per_week;        ///< contracted hours available for meetings
    std::vector<std::uint32_t> caseload;      ///< people attached who meet the coach this week
    std::vector<std::uint32_t> meetings_due;  ///< one-to-one meetings due this week
    std::vector<float> minutes_per_meeting;   ///< what the coach's time allows this week

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(area.size()); }
};

/// Employers. Vacancy creation scales with the size an employer aims for.
struct Employers {
    std::vector<AreaId> area;
    std::vector<std::uint8_t> sector;
    std::vector<float> target_size;        ///< jobs the employer aims to fill
    std::vector<std::uint32_t> headcount;  ///< people employed now

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(area.size()); }
};

/// Open vacancies. The pool is compacted each week, so an index is valid for one week only;
/// `serial` is stable for the vacancy's life and keys its random streams.
struct Vacancies {
    std::vector<std::uint64_t> serial;
    std::vector<EmployerId> employer;
    std::vector<AreaId> area;
    std::vector<std::uint8_t> sector;
    std::vector<float> skill_need;  ///< 0..1
    std::vector<float> wage_per_hour;
    std::vector<std::uint8_t> hours_per_week;
    std::vector<std::uint16_t> weeks_open;
    std::vector<std::uint8_t> filled;  ///< set when hired into; removed at the next compaction

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(serial.size()); }

    /// Calls f(column) for every column.
    template <class F>
    void for_each_column(F&& f) {
        f(serial);
        f(employer);
        f(area);
        f(sector);
        f(skill_need);
        f(wage_per_hour);
        f(hours_per_week);
        f(weeks_open);
        f(filled);
    }
};

/// Local labour markets: positions for commuting distance and weekly demand.
struct Areas {
    std::vector<float> x_km;
    std::vector<float> y_km;
    std::vector<float> demand_multiplier;  ///< scales vacancy creation (business cycle, shocks)
    /// Persistent area factors (C13), each averaging 1 over the areas; empty until drawn.
    std::vector<float> separation_multiplier;  ///< on the job-ending hazard
    std::vector<float> inactivity_multiplier;  ///< on giving up searching (inverse: on returning)

    [[nodiscard]] std::uint16_t size() const { return static_cast<std::uint16_t>(x_km.size()); }
};

/// Compressed lists: the members of group g are values[offsets[g] .. offsets[g+1]).
template <class Value>
struct Grouped {
    std::vector<std::uint32_t> offsets;
    std::vector<Value> values;

    [[nodiscard]] std::uint32_t group_size(std::uint32_t group) const {
        return offsets[group + 1] - offsets[group];
    }
    [[nodiscard]] const Value* begin_of(std::uint32_t group) const {
        return values.data() + offsets[group];
    }
};

/// A job that ended this week; the employer may advertise it again next week (churn keeps
/// low-paid, high-turnover jobs in the vacancy flow: seed M3, H2).
struct EndedJob {
    std::uint32_t person;  ///< who left (orders the list and keys the replacement draw)
    EmployerId employer;
    float wage_per_hour;
    std::uint8_t hours_per_week;
};

/// This week's applications, grouped by applicant: person i's are [offsets[i], offsets[i+1]).
/// vacancy = no_vacancy when the searched area had nothing open (the effort is spent anyway).
struct Applications {
    static constexpr std::uint32_t no_vacancy = 0xFFFFFFFFu;
    std::vector<std::uint32_t> offsets;  ///< persons + 1 entries
    std::vector<std::uint32_t> vacancy;  ///< index into Vacancies (valid this week only)
    std::vector<std::uint8_t> low_fit;   ///< parallel to vacancy: sent only to meet a requirement
    std::vector<HireChannel> channel;    ///< how the person came to apply (empty = all advert)
};

/// Areas a person searches from each home area, with cumulative weights (commuting distance).
struct SearchAreas {
    double decay_km = -1.0;  ///< the decay the table was built for; rebuilt when it differs
    Grouped<std::uint16_t> reachable;
    std::vector<double> cumulative_weight;  ///< parallel to reachable.values
};

/// Targets coaches are judged on (seed B17, L3), kept by coach_targets. Per office (area) the
/// rolling counts per 100 claimants a week and last week's claimants; per coach the factors the
/// deciding mechanisms apply (empty = no target: every factor is 1, see coach_factor).
struct CoachTargetState {
    std::vector<float> office_sanctions;          ///< rolling sanctions per 100 claimants a week
    std::vector<float> office_referrals;          ///< rolling referral starts per 100 claimants
    std::vector<float> office_off_flows;          ///< rolling claims ended per 100 claimants
    std::vector<std::uint32_t> office_claimants;  ///< claimants at the end of last week
    std::vector<float> sanction;     ///< per coach: on finding shortfalls and wrongful failures
    std::vector<float> referral;     ///< per coach: on referring an assessed need
    std::vector<float> misjudge;     ///< per coach: on seeing a need at random
    std::vector<float> reservation;  ///< per coach: on the claimant's reservation wage
    std::vector<float> sign_off;     ///< per coach: on the weekly chance of stopping claiming
};

/// Providers competing for referrals under choice (provider_choice, seed D6): each provider's faded
/// record, per (arm, area, kind, slot), built when an arm first offers choice.
struct ProviderMarket {
    std::vector<float> entries;       ///< clients' job entries
    std::vector<float> client_weeks;  ///< weeks clients spent out of work on the programme
};

/// The service's links with employers (seed F3, F4), per arm as each arm's service builds its own.
/// For arm a with holders[a] link holders per area (providers, or one broker):
/// strength[a][employer * holders[a] + holder] is 0-1, and unbilled_gbp[a][area * holders[a] +
/// holder] is engagement cost not yet charged to a meeting. holders[a] = 0: no links kept yet.
struct EmployerLinks {
    std::vector<std::uint32_t> holders;
    std::vector<std::vector<float>> strength;
    std::vector<std::vector<double>> unbilled_gbp;
};

struct World {
    Persons persons;
    Coaches coaches;
    Employers employers;
    Vacancies vacancies;
    Areas areas;
    Network network;  ///< social ties (seed 1E), kept across weeks
    /// Providers' records under choice (seed D6).
    ProviderMarket provider_market;
    /// The service's links with employers (F3, F4), kept across weeks.
    EmployerLinks employer_links;

    Grouped<std::uint32_t> coaches_by_area;    ///< fixed after generation
    Grouped<std::uint32_t> vacancies_by_area;  ///< open vacancy indices, rebuilt weekly
    Applications applications;                 ///< this week's, rebuilt by job_search
    std::vector<EndedJob> ended_jobs;          ///< this week's, sorted by person
    SearchAreas search_areas;                  ///< derived from geography, cached
    float low_pay_threshold_per_hour = 0.0f;   ///< two thirds of the initial median hourly pay
    std::uint64_t next_vacancy_serial = 0;
    /// Per sector, set by labour_market_shocks (empty = no shock): factors on the job-ending
    /// hazard and on vacancy creation.
    std::vector<float> sector_separation_multiplier;
    std::vector<float> sector_demand_multiplier;
    CoachTargetState coach_targets;  ///< set by coach_targets (B17, L3)
    /// Per (area, arm) at area * arms + arm, set by co_design (empty = never co-designed): how far
    /// service users' participation has improved the local service (0-1).
    std::vector<float> service_design;
};

/// A sector's entry of a per-sector factor; 1 when the factor is not set.
[[nodiscard]] inline double sector_factor(const std::vector<float>& factors, std::uint8_t sector) {
    return sector < factors.size() ? static_cast<double>(factors[sector]) : 1.0;
}

/// A coach's entry of a per-coach factor; 1 for someone without a coach or when it is not set.
[[nodiscard]] inline double coach_factor(const std::vector<float>& factors, CoachId coach) {
    return coach != none<CoachId> && index(coach) < factors.size()
               ? static_cast<double>(factors[index(coach)])
               : 1.0;
}

}  // namespace jobsim
