// Kaplan-Meier and the log-rank test on the Freireich et al. (1963) leukaemia remission data
// (6-MP against placebo, 21 patients each; R's MASS::gehan), whose published results are in
// every survival textbook (e.g. Kleinbaum and Klein, Survival Analysis, chapter 2).
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/survival.hpp"

namespace test_survival {

using namespace jobsim::analysis;

namespace {

struct Gehan {
    std::vector<double> weeks;
    std::vector<std::uint8_t> relapsed;  ///< 0: censored
    std::vector<std::uint8_t> placebo;
};

Gehan gehan() {
    Gehan g;
    // 6-MP; a negative entry is censored at that many weeks.
    for (const double t : {6.,   6.,   6.,   -6., 7.,  -9.,  10.,  -10., -11., 13., 16.,
                           -17., -19., -20., 22., 23., -25., -32., -32., -34., -35.}) {
        g.weeks.push_back(std::abs(t));
        g.relapsed.push_back(t > 0 ? 1 : 0);
        g.placebo.push_back(0);
    }
    for (const double t : {1., 1., 2.,  2.,  3.,  4.,  4.,  5.,  5.,  8., 8.,
                           8., 8., 11., 11., 12., 12., 15., 17., 22., 23.}) {
        g.weeks.push_back(t);
        g.relapsed.push_back(1);
        g.placebo.push_back(1);
    }
    return g;
}

}  // namespace

TEST_CASE("Kaplan-Meier: the 6-MP group's published curve, censoring at ties after events",
          "[analysis][survival]") {
    const Gehan g = gehan();
    const std::vector<double> weeks(g.weeks.begin(), g.weeks.begin() + 21);
    const std::vector<std::uint8_t> relapsed(g.relapsed.begin(), g.relapsed.begin() + 21);
    const std::vector<SurvivalStep> curve = kaplan_meier(weeks, relapsed);
    REQUIRE(curve.size() == 7);
    const double times[] = {6, 7, 10, 13, 16, 22, 23};
    const std::uint32_t at_risk[] = {21, 17, 15, 12, 11, 7, 6};
    const double survival[] = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
    for (std::size_t k = 0; k < curve.size(); ++k) {
        INFO("step " << k);
        CHECK(curve[k].time == times[k]);
        CHECK(curve[k].at_risk == at_risk[k]);
        CHECK(curve[k].survival == Approx(survival[k]).margin(5e-5));
    }
    CHECK(curve[0].events == 3);  // three relapses at 6 weeks; the censoring at 6 is still at risk
}

TEST_CASE("log-rank: 6-MP against placebo gives the published chi-square of 16.8",
          "[analysis][survival]") {
    const Gehan g = gehan();
    const LogRank test = log_rank(g.weeks, g.relapsed, g.placebo);
    // R: survdiff(Surv(time, cens) ~ treat, data = gehan): placebo observed 21, expected 10.7;
    // Chisq = 16.8 on 1 degree of freedom, p = 4e-05.
    CHECK(test.observed == 21.0);
    CHECK(test.expected == Approx(10.75).margin(0.01));
    CHECK(test.chi_square == Approx(16.79).margin(0.01));
    CHECK(test.p_value == Approx(4.17e-5).margin(0.1e-5));
    // The groups swapped: the same test.
    std::vector<std::uint8_t> six_mp(g.placebo.size());
    for (std::size_t i = 0; i < six_mp.size(); ++i) {
        six_mp[i] = g.placebo[i] == 0 ? 1 : 0;
    }
    CHECK(log_rank(g.weeks, g.relapsed, six_mp).chi_square == Approx(test.chi_square));
}

TEST_CASE("survival: identical groups are not different; mismatched input is an error",
          "[analysis][survival]") {
    const std::vector<double> weeks{1, 2, 3, 1, 2, 3};
    const std::vector<std::uint8_t> events{1, 1, 0, 1, 1, 0};
    const std::vector<std::uint8_t> group{0, 0, 0, 1, 1, 1};
    const LogRank test = log_rank(weeks, events, group);
    CHECK(test.chi_square == Approx(0.0).margin(1e-12));
    CHECK(test.p_value == Approx(1.0));
    const std::vector<std::uint8_t> short_events{1, 0};
    CHECK_THROWS_AS(kaplan_meier(weeks, short_events), std::invalid_argument);
    CHECK_THROWS_AS(log_rank(weeks, events, short_events), std::invalid_argument);
}

}  // namespace test_survival
