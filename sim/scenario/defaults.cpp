// The default scenario (defaults live in the parameter structs; this adds the sector list) and
// the checks that span several keys.
#include <cmath>
#include <set>

#include "sim/core/message.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/trials/trial_checks.hpp"

namespace jobsim {

Scenario default_scenario() {
    Scenario scenario;
    // Four broad groups of UK industries; shares from ONS workforce jobs, wages from ASHE 2024
    // medians by industry, rounded (assumption: grouping and skill needs are ours).
    scenario.labour_market.sectors = {
        {.name = "retail_hospitality",
         .employment_share = 0.25,
         .median_wage_per_hour = 11.8,
         .skill_need = 0.35,
         .part_time_share = 0.45},
        {.name = "production_construction",
         .employment_share = 0.20,
         .median_wage_per_hour = 16.0,
         .skill_need = 0.45,
         .part_time_share = 0.10},
        {.name = "health_care_education",
         .employment_share = 0.25,
         .median_wage_per_hour = 15.5,
         .skill_need = 0.55,
         .part_time_share = 0.35},
        {.name = "professional_public",
         .employment_share = 0.30,
         .median_wage_per_hour = 20.0,
         .skill_need = 0.65,
         .part_time_share = 0.15},
    };
    return scenario;
}

std::vector<ConsistencyProblem> check_consistency(const Scenario& scenario) {
    std::vector<ConsistencyProblem> problems;
    const auto& population = scenario.population;
    const auto& market = scenario.labour_market;

    double share_sum = 0.0;
    std::set<std::string> names;
    for (std::size_t i = 0; i < market.sectors.size(); ++i) {
        share_sum += market.sectors[i].employment_share;
        if (!names.insert(market.sectors[i].name).second) {
            problems.push_back({message("labour_market.sectors.", i, ".name"),
                                message("sector name '", market.sectors[i].name,
                                        "' is used twice; expected unique names")});
        }
    }
    const auto& shocks = market.labour_market_shocks.sector_shocks;
    for (std::size_t i = 0; i < shocks.size(); ++i) {
        if (names.count(shocks[i].sector) == 0) {
            problems.push_back(
                {message("labour_market.labour_market_shocks.sector_shocks.", i, ".sector"),
                 message("unknown sector '", shocks[i].sector,
                         "'; expected one of labour_market.sectors")});
        }
    }
    if (!market.sectors.empty() && std::abs(share_sum - 1.0) > 1e-6) {
        problems.push_back(
            {"labour_market.sectors",
             message("sector employment_share values sum to ", share_sum, "; expected 1")});
    }
    if (population.initial_employment_rate + population.initial_unemployment_rate > 1.0) {
        problems.push_back(
            {"population.initial_unemployment_rate",
             message("initial_employment_rate + initial_unemployment_rate = ",
                     population.initial_employment_rate + population.initial_unemployment_rate,
                     "; expected at most 1")});
    }
    if (population.share_aged_16_24 + population.share_aged_50_plus > 1.0) {
        problems.push_back({"population.share_aged_50_plus",
                            message("share_aged_16_24 + share_aged_50_plus = ",
                                    population.share_aged_16_24 + population.share_aged_50_plus,
                                    "; expected at most 1")});
    }
    if (population.persons < population.areas) {
        problems.push_back(
            {"population.areas", message(population.areas, " areas for ", population.persons,
                                         " persons; expected at least one person per area")});
    }
    const auto coaches =
        static_cast<std::uint64_t>(scenario.service.coaches_per_area) * population.areas;
    // With fewer persons than areas there are more coaches than persons too: one problem, above.
    if (coaches > population.persons && population.persons >= population.areas) {
        problems.push_back({"service.coaches_per_area",
                            message(coaches, " coaches in all for ", population.persons,
                                    " persons; expected no more coaches than persons")});
    }
    const auto employers = static_cast<std::uint64_t>(market.employers_per_area) * population.areas;
    if (employers > 0xFFFFFFF0ULL) {
        problems.push_back({"labour_market.employers_per_area",
                            message(employers, " employers in all; expected fewer than 2^32")});
    }
    // Nobody holds sanction power, yet conditionality sanctions: a contradiction.
    if (scenario.regime.working_alliance.sanction_power == mechanisms::SanctionPower::none &&
        scenario.regime.conditionality.enabled) {
        problems.push_back({"regime.working_alliance.sanction_power",
                            "sanction_power is none but regime.conditionality is enabled; expected "
                            "coach or agency, or conditionality.enabled: false"});
    }
    if (static_cast<std::uint64_t>(scenario.weeks) + scenario.burn_in_weeks > 5200) {
        problems.push_back({"burn_in_weeks", message("weeks + burn_in_weeks = ",
                                                     scenario.weeks + scenario.burn_in_weeks,
                                                     "; expected at most 5200 (100 years)")});
    }
    trials::check_trial(scenario, problems);
    return problems;
}

std::vector<Regime> all_arms(const Scenario& scenario) {
    std::vector<Regime> arms;
    arms.reserve(1 + scenario.arms.size());
    arms.push_back(scenario.regime);
    arms.insert(arms.end(), scenario.arms.begin(), scenario.arms.end());
    return arms;
}

}  // namespace jobsim
