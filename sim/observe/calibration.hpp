// The calibration table: published figures (../shared/calibration.md and the seeds' own figures)
// beside what a run of one regime produces. Each target has a band a calibrated baseline should
// fall in; targets the sources give only as a direction or an order of magnitude are marked so
// and never judged pass or fail. `jobsim calibration-report` prints the table for any scenario;
// a test holds the baseline to it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/observe/area_week.hpp"
#include "sim/observe/event.hpp"
#include "sim/observe/recorder.hpp"
#include "sim/observe/survey.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

struct World;

/// One published figure and the band a calibrated run must reach.
struct CalibrationTarget {
    std::string id;     ///< calibration.md row (C1, C12, R5, ...) or seed figure (M3, S6)
    std::string what;   ///< the quantity, in words
    std::string value;  ///< the published value as the source gives it
    double low = 0.0;   ///< band, in the units of the simulated value
    double high = 0.0;
    bool direction_only = false;     ///< reported, never judged
    bool is_share = true;            ///< a share (shown as a percentage), else a ratio
    std::uint32_t weeks_needed = 0;  ///< recorded weeks needed to measure it
};

struct CalibrationRow {
    CalibrationTarget target;
    double simulated = 0.0;  ///< NaN when the run cannot measure it (too short, nothing happened)
    [[nodiscard]] bool measured() const;
    [[nodiscard]] bool within_band() const;
};

/// Measures every target over the recorded weeks of one run (one arm). Serial, order-fixed.
class CalibrationTracker {
public:
    CalibrationTracker(const Scenario& scenario, const World& world);

    void observe_week(Week week, const World& world, std::span<const Event> events,
                      std::span<const AreaWeek> areas);

    [[nodiscard]] std::vector<CalibrationRow> finish(const World& world) const;

private:
    struct Claim {
        Week start = 0;
        Week end = 0;  ///< no_end while open
        bool repeat = false;
    };
    static constexpr Week no_end = 0xFFFFFFFFu;

    std::uint32_t persons_ = 0;
    Week weeks_ = 0;
    bool sanctions_back_plans_ = false;  ///< the regime can sanction (R9's "forced to sign")
    SurveyTracker survey_;
    std::vector<std::uint32_t> open_claim_;  ///< index into claims_ of each person's open claim
    struct ClaimEnd {
        Week week = 0;
        bool reclaimed = false;  ///< a new claim started within reclaim_window_weeks (M2)
    };
    std::vector<std::uint32_t> last_claim_end_;  ///< index into claim_ends_ of each person's
                                                 ///< last claim end
    std::vector<ClaimEnd> claim_ends_;           ///< every claim end while recorded
    std::vector<std::uint8_t> claimed_before_;
    std::vector<Claim> claims_;
    std::vector<Week> last_sanction_;        ///< week of each person's last sanction
    std::vector<CoachId> last_coach_;        ///< coach at each person's last meeting
    std::vector<std::uint32_t> meetings_;    ///< meetings per person
    std::vector<std::uint32_t> same_coach_;  ///< of which with the previous meeting's coach
    // counts over the recorded weeks
    std::uint64_t claim_ends_found_work_ = 0;
    std::uint64_t hires_from_out_of_work_ = 0;
    std::uint64_t low_paid_hires_ = 0;
    std::uint64_t hires_ = 0;
    std::uint64_t network_hires_ = 0;
    std::uint64_t sanctions_ = 0;
    std::uint64_t sanctions_missed_meeting_ = 0;
    std::uint64_t claimant_weeks_ = 0;
    std::uint64_t meetings_total_ = 0;
    std::uint64_t meetings_10_minutes_ = 0;
    std::uint64_t meetings_15_minutes_ = 0;
    // exit hazards after a sanction (C6): claim-weeks and exits, within 13 weeks of a sanction
    // and with no sanction in the last 13 weeks
    std::uint64_t post_sanction_weeks_ = 0;
    std::uint64_t post_sanction_exits_ = 0;
    std::uint64_t other_claim_weeks_ = 0;
    std::uint64_t other_claim_exits_ = 0;
    // labour market stocks summed over weeks
    double employment_rate_sum_ = 0.0;
    double unemployment_rate_sum_ = 0.0;
    double inactivity_rate_sum_ = 0.0;
    double vacancies_per_unemployed_sum_ = 0.0;
    double non_claimant_unemployed_sum_ = 0.0;
    double low_paid_workers_sum_ = 0.0;
    double area_icc_sum_ = 0.0;
    std::vector<std::uint8_t> claiming_last_week_;
    // C9: the unemployed at a reference week, their employed close friends, and whether they are
    // in work a year later; a linear-probability regression of the one on the other
    struct FriendsCohort {
        Week week = 0;
        std::vector<std::uint32_t> persons;
        std::vector<std::uint8_t> employed_friends;
    };
    std::vector<FriendsCohort> friends_cohorts_;
    double friends_n_ = 0.0;
    double friends_x_ = 0.0;
    double friends_y_ = 0.0;
    double friends_xy_ = 0.0;
    double friends_xx_ = 0.0;
};

/// A recorder that measures the calibration table on the first arm (the baseline regime) of
/// every replication; the table averages the replications.
class CalibrationRecorder final : public Recorder {
public:
    explicit CalibrationRecorder(const Scenario& scenario) : scenario_(scenario) {}

    void begin_run(const RunInfo& /*info*/) override {}
    void begin_replication(std::uint32_t replication, std::uint8_t arm,
                           const World& world) override;
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override;
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override;
    void record_summary(std::span<const ArmOutcomes> /*runs*/,
                        std::span<const ArmSummary> /*summary*/) override {}
    void end_run() override {}

    /// Each target with the mean over replications of its simulated value.
    [[nodiscard]] std::vector<CalibrationRow> table() const;

private:
    const Scenario& scenario_;
    std::vector<CalibrationTracker> trackers_;
    std::vector<std::vector<CalibrationRow>> finished_;
    bool measuring_ = false;
};

/// The targets, in table order (defined in calibration.cpp with their sources).
[[nodiscard]] const std::vector<CalibrationTarget>& calibration_targets();

}  // namespace jobsim
