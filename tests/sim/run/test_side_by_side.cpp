// Replications side by side: the rule that picks the mode, and results identical to running the
// replications one after another (what each recorder lane receives, the outcomes in replication
// order, the summary), stops included.
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include "sim/observe/recorder.hpp"
#include "sim/run/runner.hpp"
#include "sim/run/side_by_side.hpp"
#include "sim/state/world.hpp"
#include "tests/support/simulate.hpp"

namespace test_side_by_side {

using namespace jobsim;

namespace {

/// What a (replication, arm) run handed its recorder: the world at the start and the end, and
/// every week's events, as bytes.
struct Received {
    std::string start;
    std::string events;
    std::string end;
    std::uint32_t weeks = 0;
};

std::string world_bytes(const World& world) {
    std::string bytes;
    const_cast<Persons&>(world.persons).for_each_named_column([&](const char*, const auto& column) {
        bytes.append(reinterpret_cast<const char*>(column.data()),
                     column.size() * sizeof(column[0]));
    });
    return bytes;
}

/// An event's fields (not its bytes: padding is not part of it).
std::string event_text(const Event& e) {
    float value = e.value;
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return std::to_string(e.week) + ',' + std::to_string(static_cast<int>(e.kind)) + ',' +
           std::to_string(e.detail) + ',' + std::to_string(index(e.person)) + ',' +
           std::to_string(e.other) + ',' + std::to_string(bits) + ';';
}

/// Keeps what every replication received, through itself or its lanes (when `lanes` is true).
class CapturingRecorder final : public Recorder {
public:
    explicit CapturingRecorder(bool lanes) : lanes_(lanes) {}

    std::map<std::pair<std::uint32_t, std::uint8_t>, Received> received;
    std::vector<ArmOutcomes> runs;
    std::vector<ArmSummary> summary;
    std::uint32_t lanes_made = 0;
    std::atomic<int>* weeks_left_before_stop = nullptr;  ///< sets `stop` when it reaches 0
    std::atomic<bool>* stop = nullptr;
    std::atomic<std::uint32_t> replications_ended{0};  ///< last arms ended

    void begin_run(const RunInfo& info) override { arms_ = info.arms.size(); }
    void begin_replication(std::uint32_t r, std::uint8_t arm, const World& world) override {
        own_.begin_replication(r, arm, world);
    }
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override {
        own_.record_week(week, world, events, areas);
    }
    void end_replication(std::uint32_t r, std::uint8_t arm, const World& world) override {
        own_.end_replication(r, arm, world);
    }
    void record_summary(std::span<const ArmOutcomes> all,
                        std::span<const ArmSummary> rows) override {
        runs.assign(all.begin(), all.end());
        summary.assign(rows.begin(), rows.end());
    }
    void end_run() override {}
    std::unique_ptr<ReplicationRecorder> side_by_side() override {
        if (!lanes_) {
            return nullptr;
        }
        ++lanes_made;
        return std::make_unique<Lane>(*this);
    }

private:
    class Lane final : public ReplicationRecorder {
    public:
        explicit Lane(CapturingRecorder& owner) : owner_(owner) {}
        void begin_replication(std::uint32_t r, std::uint8_t arm, const World& world) override {
            key_ = {r, arm};
            current_ = Received{.start = world_bytes(world), .events = {}, .end = {}, .weeks = 0};
        }
        void record_week(Week, const World&, std::span<const Event> events,
                         std::span<const AreaWeek>) override {
            for (const Event& event : events) {
                current_.events += event_text(event);
            }
            ++current_.weeks;
            if (owner_.weeks_left_before_stop != nullptr && --*owner_.weeks_left_before_stop == 0) {
                owner_.stop->store(true);
            }
        }
        void end_replication(std::uint32_t, std::uint8_t arm, const World& world) override {
            current_.end = world_bytes(world);
            const std::scoped_lock lock(owner_.mutex_);
            owner_.received[key_] = std::move(current_);
            if (arm + 1u == owner_.arms_) {
                ++owner_.replications_ended;
            }
        }

    private:
        CapturingRecorder& owner_;
        std::pair<std::uint32_t, std::uint8_t> key_;
        Received current_;
    };

    bool lanes_;
    std::size_t arms_ = 0;
    std::mutex mutex_;
    Lane own_{*this};
};

Scenario small() {
    Scenario scenario = testing::small_scenario(1500, 2);
    scenario.weeks = 6;
    scenario.burn_in_weeks = 2;
    Regime relaxed = scenario.regime;
    relaxed.name = "relaxed";
    relaxed.conditionality.enabled = false;
    scenario.arms = {relaxed};
    return scenario;
}

RunSpec spec(std::uint32_t threads, SideBySide mode) {
    return {.seed = 11, .replications = 5, .threads = threads, .side_by_side = mode};
}

bool same_bits(const ArmOutcomes& a, const ArmOutcomes& b) {
    bool same = a.replication == b.replication && a.arm == b.arm && a.cohort == b.cohort &&
                a.sustained_jobs == b.sustained_jobs;
    for_each_outcome([&](const char*, double ArmOutcomes::*member, const char*) {
        same = same && std::memcmp(&(a.*member), &(b.*member), sizeof(double)) == 0;
    });
    return same;
}

}  // namespace

TEST_CASE("side_by_side: the rule picks lanes by size, mode, threads and memory", "[run][side]") {
    Scenario scenario = small();
    const std::uint64_t each = estimate_memory(scenario).total();
    const MemoryLimit plenty{.bytes = 100 * each, .from_environment = true};
    CHECK(replication_lanes(scenario, SideBySide::automatic, 2, 4, plenty) == 2);
    CHECK(replication_lanes(scenario, SideBySide::automatic, 8, 3, plenty) == 3);
    CHECK(replication_lanes(scenario, SideBySide::automatic, 8, 3, std::nullopt) == 3);
    CHECK(replication_lanes(scenario, SideBySide::automatic, 1, 4, plenty) == 1);
    CHECK(replication_lanes(scenario, SideBySide::automatic, 4, 1, plenty) == 1);
    CHECK(replication_lanes(scenario, SideBySide::never, 4, 4, plenty) == 1);
    // Only as many worlds as fit.
    const MemoryLimit two{.bytes = 2 * each + each / 2, .from_environment = true};
    CHECK(replication_lanes(scenario, SideBySide::always, 8, 8, two) == 2);
    const MemoryLimit one{.bytes = each, .from_environment = true};
    CHECK(replication_lanes(scenario, SideBySide::always, 8, 8, one) == 1);

    scenario.population.persons = side_by_side_max_persons;
    CHECK(replication_lanes(scenario, SideBySide::automatic, 2, 4, std::nullopt) == 2);
    scenario.population.persons = side_by_side_max_persons + 1;
    CHECK(replication_lanes(scenario, SideBySide::automatic, 2, 4, std::nullopt) == 1);
    CHECK(replication_lanes(scenario, SideBySide::always, 2, 4, std::nullopt) == 2);

    CHECK(side_by_side_mode("auto") == SideBySide::automatic);
    CHECK(side_by_side_mode("on") == SideBySide::always);
    CHECK(side_by_side_mode("off") == SideBySide::never);
    CHECK_THROWS_AS(side_by_side_mode("yes"), UsageError);
}

TEST_CASE("side_by_side: replications side by side give what one after another gives",
          "[run][side]") {
    const tbb::global_control lift(tbb::global_control::max_allowed_parallelism, 8);
    const Scenario scenario = small();
    CapturingRecorder sequential(true);
    run_scenario(scenario, spec(1, SideBySide::always), sequential);
    CHECK(sequential.lanes_made == 0);  // one thread: one after another
    for (const std::uint32_t threads : {2U, 3U}) {
        INFO(threads << " threads");
        CapturingRecorder lanes(true);
        run_scenario(scenario, spec(threads, SideBySide::automatic), lanes);
        CHECK(lanes.lanes_made == threads);
        REQUIRE(lanes.received.size() == 10);  // 5 replications x 2 arms
        for (const auto& [key, got] : sequential.received) {
            const Received& side = lanes.received.at(key);
            CHECK(got.weeks == 6);
            CHECK(side.weeks == got.weeks);
            CHECK(side.start == got.start);
            CHECK(side.events == got.events);
            CHECK(side.end == got.end);
        }
        REQUIRE(lanes.runs.size() == sequential.runs.size());
        for (std::size_t k = 0; k < lanes.runs.size(); ++k) {
            CHECK(lanes.runs[k].replication == k / 2);  // in replication order
            CHECK(same_bits(lanes.runs[k], sequential.runs[k]));
        }
        REQUIRE(lanes.summary.size() == 2);
        for (std::size_t a = 0; a < 2; ++a) {
            CHECK(same_bits(lanes.summary[a].mean, sequential.summary[a].mean));
            CHECK(same_bits(lanes.summary[a].standard_error, sequential.summary[a].standard_error));
        }
    }
}

TEST_CASE("side_by_side: off, or a recorder without lanes, runs one after another", "[run][side]") {
    const tbb::global_control lift(tbb::global_control::max_allowed_parallelism, 8);
    CapturingRecorder off(true);
    run_scenario(small(), spec(2, SideBySide::never), off);
    CHECK(off.lanes_made == 0);
    CapturingRecorder without(false);
    run_scenario(small(), spec(2, SideBySide::always), without);
    CHECK(without.received.size() == 10);
}

TEST_CASE("side_by_side: a stop ends every lane and counts the replications finished",
          "[run][side]") {
    const tbb::global_control lift(tbb::global_control::max_allowed_parallelism, 8);
    std::atomic<bool> stop{false};
    std::atomic<int> weeks_left{30};  // 12 recorded weeks a replication: at least one finished
    CapturingRecorder recorder(true);
    recorder.stop = &stop;
    recorder.weeks_left_before_stop = &weeks_left;
    RunSpec run = spec(2, SideBySide::always);
    run.stop = StopToken(&stop);
    try {
        (void)run_scenario(small(), run, recorder);
        FAIL("expected RunStopped");
    } catch (const RunStopped& stopped) {
        CHECK(stopped.replications_finished() == recorder.replications_ended.load());
        CHECK(stopped.replications_finished() >= 1);
        CHECK(stopped.replications_finished() < 5);
    }
    CHECK(recorder.runs.empty());  // no summary
}

}  // namespace test_side_by_side
