// Hdf5Recorder: what a run's file holds (shapes, values, attributes, codes, dimension scales), how
// it is written (temporary name, rename, --force) and that run-to-run provenance stays out of
// /arms. Files are read back with the plain HDF5 C API.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <hdf5_hl.h>
#include <tbb/task_arena.h>

#include "output/hdf5_recorder.hpp"
#include "sim/core/error.hpp"
#include "tests/output/h5_read.hpp"
#include "tests/output/sample_run.hpp"

namespace test_hdf5_recorder {

namespace {

using jobsim::testing::SampleRun;
using jobsim::testing::TempDir;
namespace fs = std::filesystem;

jobsim::output::OutputOptions options(const fs::path& path, bool force = false,
                                      std::string command = "jobsim run sample.yaml") {
    jobsim::output::OutputOptions out;
    out.path = path;
    out.force = force;
    out.command = std::move(command);
    return out;
}

jobsim::RunInfo run_info(const jobsim::Scenario& scenario, std::uint32_t weeks) {
    return jobsim::RunInfo{.scenario = scenario,
                           .seed = 1,
                           .replications = 2,
                           .weeks = weeks,
                           .threads = 1,
                           .scenario_yaml = "name: x\n",
                           .arms = {"baseline"}};
}

/// Writes a complete sample file at `path` and returns the run it describes.
SampleRun write_sample(const fs::path& path, SampleRun run = {}, bool force = false,
                       std::string command = "jobsim run sample.yaml") {
    jobsim::output::Hdf5Recorder recorder(options(path, force, std::move(command)));
    jobsim::testing::drive(recorder, run);
    return run;
}

using jobsim::testing::h5diff;
using jobsim::testing::h5diff_available;

}  // namespace

TEST_CASE("hdf5_recorder: trajectories have shape [weeks, persons]", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    const auto file = jobsim::testing::open_read_only(path);
    for (const char* name : {"status", "claim", "wage_per_hour", "hours_per_week", "low_paid",
                             "applications", "spell_weeks", "search_effort"}) {
        for (std::uint32_t r = 0; r < run.replications; ++r) {
            const auto dataset = jobsim::testing::open_dataset(
                file.get(),
                "/arms/baseline/replications/" + std::to_string(r) + "/trajectories/" + name);
            CHECK(jobsim::testing::dims_of(dataset.get()) ==
                  std::vector<hsize_t>{run.weeks, run.persons});
        }
    }
}

TEST_CASE("hdf5_recorder: trajectories hold each week's state in its row", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    const auto file = jobsim::testing::open_read_only(path);
    for (std::uint32_t r = 0; r < run.replications; ++r) {
        const std::string group =
            "/arms/baseline/replications/" + std::to_string(r) + "/trajectories/";
        const auto status = jobsim::testing::read_numbers(
            jobsim::testing::open_dataset(file.get(), group + "status").get());
        const auto wage = jobsim::testing::read_numbers(
            jobsim::testing::open_dataset(file.get(), group + "wage_per_hour").get());
        const auto spell = jobsim::testing::read_numbers(
            jobsim::testing::open_dataset(file.get(), group + "spell_weeks").get());
        for (std::uint32_t w = 0; w < run.weeks; ++w) {
            for (std::uint32_t p = 0; p < run.persons; ++p) {
                const std::size_t at = std::size_t{w} * run.persons + p;
                CHECK(status[at] == static_cast<double>(jobsim::testing::sample_status(r, w, p)));
                CHECK(wage[at] == Approx(jobsim::testing::sample_wage(r, w, p)));
                CHECK(spell[at] == jobsim::testing::sample_spell(w, p));
            }
        }
    }
}

TEST_CASE("hdf5_recorder: trajectories are chunked by week and compressed", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    const auto file = jobsim::testing::open_read_only(path);
    const auto dataset = jobsim::testing::open_dataset(
        file.get(), "/arms/baseline/replications/0/trajectories/status");
    const jobsim::output::h5::PropList create(H5Dget_create_plist(dataset.get()));
    REQUIRE(H5Pget_layout(create.get()) == H5D_CHUNKED);
    hsize_t chunk[2] = {0, 0};
    REQUIRE(H5Pget_chunk(create.get(), 2, chunk) == 2);
    CHECK(chunk[0] == 1);
    CHECK(chunk[1] == run.persons);
    CHECK(H5Pget_nfilters(create.get()) == 2);
    unsigned flags = 0;
    CHECK(H5Pget_filter_by_id2(create.get(), H5Z_FILTER_SHUFFLE, &flags, nullptr, nullptr, 0,
                               nullptr, nullptr) >= 0);
    std::size_t values_count = 1;
    unsigned level = 0;
    CHECK(H5Pget_filter_by_id2(create.get(), H5Z_FILTER_DEFLATE, &flags, &values_count, &level, 0,
                               nullptr, nullptr) >= 0);
    CHECK(level == 1);
}

TEST_CASE("hdf5_recorder: trajectories carry units, codes and week/person dimension scales",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    const auto file = jobsim::testing::open_read_only(path);
    const auto status = jobsim::testing::open_dataset(
        file.get(), "/arms/baseline/replications/0/trajectories/status");
    CHECK(jobsim::testing::string_attribute(status.get(), "codes") ==
          "0=employed,1=unemployed,2=inactive");
    CHECK(jobsim::testing::has_attribute(status.get(), "units"));
    CHECK(jobsim::testing::has_attribute(status.get(), "long_name"));
    const auto wage = jobsim::testing::open_dataset(
        file.get(), "/arms/baseline/replications/0/trajectories/wage_per_hour");
    CHECK(jobsim::testing::string_attribute(wage.get(), "units") == "GBP/hour");
    CHECK_FALSE(jobsim::testing::has_attribute(wage.get(), "codes"));

    const auto week =
        jobsim::testing::open_dataset(file.get(), "/arms/baseline/replications/0/week");
    const auto person =
        jobsim::testing::open_dataset(file.get(), "/arms/baseline/replications/0/person");
    CHECK(H5DSis_scale(week.get()) > 0);
    CHECK(H5DSis_scale(person.get()) > 0);
    CHECK(H5DSis_attached(status.get(), week.get(), 0) > 0);
    CHECK(H5DSis_attached(status.get(), person.get(), 1) > 0);
    const auto weeks = jobsim::testing::read_numbers(week.get());
    REQUIRE(weeks.size() == run.weeks);
    CHECK(weeks.back() == run.weeks - 1);
    CHECK(jobsim::testing::read_numbers(person.get()).size() == run.persons);
}

TEST_CASE("hdf5_recorder: root attributes carry provenance and the complete flag", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    SampleRun run;
    run.threads = 3;
    write_sample(path, run, false, "jobsim run x.yaml -o run.h5");

    const auto file = jobsim::testing::open_read_only(path);
    const hid_t root = file.get();
    using jobsim::testing::number_attribute;
    using jobsim::testing::string_attribute;
    CHECK(string_attribute(root, "format") == "jobsim-output");
    CHECK(number_attribute(root, "format_version") == 1);
    CHECK(string_attribute(root, "jobsim_version") == JOBSIM_VERSION);
    CHECK(string_attribute(root, "scenario_yaml") == run.scenario_yaml);
    CHECK(string_attribute(root, "command") == "jobsim run x.yaml -o run.h5");
    CHECK(number_attribute(root, "seed") == run.seed);
    CHECK(number_attribute(root, "replications") == run.replications);
    CHECK(number_attribute(root, "replications_completed") == run.replications);
    CHECK(number_attribute(root, "weeks") == run.weeks);
    CHECK(number_attribute(root, "persons") == run.persons);
    CHECK(number_attribute(root, "threads") == 3);
    CHECK(number_attribute(root, "complete") == 1);
    CHECK(string_attribute(root, "created_utc").size() == 20);
    CHECK_FALSE(string_attribute(root, "host").empty());

    const auto text = jobsim::testing::open_dataset(root, "/provenance/scenario_yaml");
    const jobsim::output::h5::Datatype type(H5Dget_type(text.get()));
    char* value = nullptr;
    REQUIRE(H5Dread(text.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &value) >= 0);
    CHECK(std::string(value) == run.scenario_yaml);
    H5free_memory(value);

    const auto replication =
        jobsim::output::h5::Group(H5Gopen2(root, "/arms/baseline/replications/1", H5P_DEFAULT));
    CHECK(number_attribute(replication.get(), "replication") == 1);
    CHECK(number_attribute(replication.get(), "complete") == 1);
    CHECK(number_attribute(replication.get(), "weeks_recorded") == run.weeks);
}

TEST_CASE("hdf5_recorder: a scenario text far above 64 KiB is stored as an attribute", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    SampleRun run;
    run.scenario_yaml = std::string(300 * 1024, 'x') + "\nend: true\n";
    write_sample(path, run);

    const auto file = jobsim::testing::open_read_only(path);
    CHECK(jobsim::testing::string_attribute(file.get(), "scenario_yaml") == run.scenario_yaml);
}

TEST_CASE("hdf5_recorder: the person table has one row per person with counted events",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    const auto file = jobsim::testing::open_read_only(path);
    const auto table =
        jobsim::testing::open_dataset(file.get(), "/arms/baseline/replications/1/persons");
    REQUIRE(jobsim::testing::dims_of(table.get()) == std::vector<hsize_t>{run.persons});
    const std::vector<std::string> expected = {
        "person",         "area",          "age_years",      "skill",
        "barriers",       "arm",           "status",         "claim",
        "employer",       "wage_per_hour", "hours_per_week", "low_paid",
        "tenure_weeks",   "spell_weeks",   "sanction_count", "weeks_employed",
        "weeks_claiming", "hires",         "separations",    "sanctions"};
    CHECK(jobsim::testing::member_names(table.get()) == expected);

    using jobsim::testing::read_column;
    const auto person = read_column(table.get(), "person");
    const auto status = read_column(table.get(), "status");
    const auto employer = read_column(table.get(), "employer");
    const auto weeks_employed = read_column(table.get(), "weeks_employed");
    const auto weeks_claiming = read_column(table.get(), "weeks_claiming");
    const auto hires = read_column(table.get(), "hires");
    const auto separations = read_column(table.get(), "separations");
    const auto sanctions = read_column(table.get(), "sanctions");
    const auto age = read_column(table.get(), "age_years");
    const std::uint32_t r = 1;
    const std::uint32_t last = run.weeks - 1;
    for (std::uint32_t p = 0; p < run.persons; ++p) {
        CHECK(person[p] == p);
        CHECK(age[p] == 20 + p);
        const auto final_status = jobsim::testing::sample_status(r, last, p);
        CHECK(status[p] == static_cast<double>(final_status));
        CHECK(employer[p] == (final_status == jobsim::LabourStatus::employed ? p : 4294967295.0));
        std::uint32_t employed = 0;
        std::uint32_t claiming = 0;
        std::uint32_t hired = 0;
        std::uint32_t separated = 0;
        std::uint32_t sanctioned = 0;
        for (std::uint32_t w = 0; w < run.weeks; ++w) {
            employed += jobsim::testing::sample_status(r, w, p) == jobsim::LabourStatus::employed;
            claiming += jobsim::testing::sample_claim(r, w, p) != jobsim::ClaimState::none;
            for (const jobsim::Event& e : jobsim::testing::sample_events(run, w)) {
                if (jobsim::index(e.person) == p) {
                    hired += e.kind == jobsim::EventKind::hire;
                    separated += e.kind == jobsim::EventKind::separation;
                    sanctioned += e.kind == jobsim::EventKind::sanction;
                }
            }
        }
        CHECK(weeks_employed[p] == employed);
        CHECK(weeks_claiming[p] == claiming);
        CHECK(hires[p] == hired);
        CHECK(separations[p] == separated);
        CHECK(sanctions[p] == sanctioned);
    }
}

TEST_CASE("hdf5_recorder: events and area series are appended week by week", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run = write_sample(path);

    std::size_t expected_events = 0;
    for (std::uint32_t w = 0; w < run.weeks; ++w) {
        expected_events += jobsim::testing::sample_events(run, w).size();
    }
    const auto file = jobsim::testing::open_read_only(path);
    const auto events =
        jobsim::testing::open_dataset(file.get(), "/arms/baseline/replications/0/events");
    CHECK(jobsim::testing::member_names(events.get()) ==
          std::vector<std::string>{"week", "kind", "detail", "person", "other", "value"});
    const auto week = jobsim::testing::read_column(events.get(), "week");
    const auto kind = jobsim::testing::read_column(events.get(), "kind");
    const auto value = jobsim::testing::read_column(events.get(), "value");
    REQUIRE(week.size() == expected_events);
    CHECK(std::is_sorted(week.begin(), week.end()));
    CHECK(kind[0] == 1);
    CHECK(value[0] == Approx(11.5));
    CHECK(jobsim::testing::string_attribute(events.get(), "kind_codes").find("7=sanction") !=
          std::string::npos);

    const auto areas =
        jobsim::testing::open_dataset(file.get(), "/arms/baseline/replications/0/area_series");
    const auto area_week = jobsim::testing::read_column(areas.get(), "week");
    const auto employed = jobsim::testing::read_column(areas.get(), "employed");
    REQUIRE(area_week.size() == std::size_t{run.weeks} * run.areas);
    CHECK(area_week.back() == run.weeks - 1);
    CHECK(employed.back() == run.weeks - 1 + run.areas - 1);
    CHECK(jobsim::testing::read_column(areas.get(), "mean_wage_per_hour")[0] == Approx(12.5));
}

TEST_CASE("hdf5_recorder: while the run writes, only the partial output exists", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const fs::path folder = dir / "run.h5.partial.d";
    {
        jobsim::output::Hdf5Recorder recorder(options(path));
        CHECK(fs::is_empty(dir.path()));  // the constructor creates nothing
        jobsim::testing::drive(recorder, SampleRun{}, false);
        CHECK_FALSE(fs::exists(path));
        CHECK_FALSE(fs::exists(dir / "run.h5.partial"));
        // Every finished replication is a closed file of its own, marked complete.
        CHECK(fs::exists(folder / "manifest.h5"));
        for (std::uint32_t r = 0; r < SampleRun{}.replications; ++r) {
            const fs::path file = folder / ("replication-" + std::to_string(r) + ".h5");
            const auto reading = jobsim::testing::open_read_only(file);
            CHECK(jobsim::testing::number_attribute(reading.get(), "complete") == 1);
            const std::string group = "arms/baseline/replications/" + std::to_string(r);
            const jobsim::output::h5::Group replication(
                H5Gopen2(reading.get(), group.c_str(), H5P_DEFAULT));
            CHECK(jobsim::testing::number_attribute(replication.get(), "complete") == 1);
        }
        recorder.end_run();
        CHECK_FALSE(fs::exists(folder));
        CHECK(fs::exists(path));
    }
    CHECK(fs::exists(path));
}

TEST_CASE("hdf5_recorder: an existing file is not overwritten without force", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    write_sample(path);
    const std::string before = jobsim::testing::file_bytes(path);

    CHECK_THROWS_AS(jobsim::output::Hdf5Recorder(options(path)), jobsim::UsageError);
    CHECK_THROWS_WITH(jobsim::output::Hdf5Recorder(options(path)),
                      Catch::Contains("exists; pass --force to overwrite"));
    CHECK(jobsim::testing::file_bytes(path) == before);
    CHECK_FALSE(fs::exists(dir / "run.h5.partial"));
}

TEST_CASE("hdf5_recorder: force replaces an existing file only at the final rename", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    write_sample(path);
    const std::string before = jobsim::testing::file_bytes(path);

    SampleRun second;
    second.seed = 99;
    {
        jobsim::output::Hdf5Recorder recorder(options(path, true));
        jobsim::testing::drive(recorder, second, false);
        CHECK(jobsim::testing::file_bytes(path) == before);
        recorder.end_run();
    }
    const auto file = jobsim::testing::open_read_only(path);
    CHECK(jobsim::testing::number_attribute(file.get(), "seed") == 99);
}

TEST_CASE("hdf5_recorder: a recorder destroyed before end_run keeps only finished replications",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const fs::path folder = dir / "run.h5.partial.d";
    const SampleRun run;
    const jobsim::Scenario scenario{};
    const jobsim::World world = jobsim::testing::sample_world(run);
    {
        // Stopped during its first replication: nothing to keep.
        jobsim::output::Hdf5Recorder recorder(options(path));
        recorder.begin_run(run_info(scenario, run.weeks));
        recorder.begin_replication(0, 0, world);
    }
    CHECK(fs::is_empty(dir.path()));
    {
        // Stopped after both: no output, both replications kept for --resume.
        jobsim::output::Hdf5Recorder recorder(options(path));
        jobsim::testing::drive(recorder, run, false);
    }
    CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(dir / "run.h5.partial"));
    CHECK(fs::exists(folder / "replication-0.h5"));
    CHECK(fs::exists(folder / "replication-1.h5"));
    CHECK_FALSE(fs::exists(folder / "replication-1.h5.tmp"));
}

TEST_CASE("hdf5_recorder: an interrupted run's partial output is neither ignored nor overwritten",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    {
        jobsim::output::Hdf5Recorder recorder(options(path));
        jobsim::testing::drive(recorder, SampleRun{}, false);
    }
    REQUIRE(fs::exists(dir / "run.h5.partial.d"));
    CHECK_THROWS_WITH(jobsim::output::Hdf5Recorder(options(path)),
                      Catch::Contains("pass --resume to finish"));
    // --force starts again, discarding it.
    write_sample(path, SampleRun{}, true);
    CHECK_FALSE(fs::exists(dir / "run.h5.partial.d"));
    auto resume = options(dir / "other.h5");
    resume.resume = true;
    CHECK_THROWS_WITH(jobsim::output::Hdf5Recorder(resume), Catch::Contains("no partial output"));
}

TEST_CASE("hdf5_recorder: a failed forced run leaves the old file intact", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    write_sample(path);
    const std::string before = jobsim::testing::file_bytes(path);
    {
        jobsim::output::Hdf5Recorder recorder(options(path, true));
        jobsim::testing::drive(recorder, SampleRun{}, false);
    }
    CHECK(jobsim::testing::file_bytes(path) == before);
    CHECK_FALSE(fs::exists(dir / "run.h5.partial"));
}

TEST_CASE("hdf5_recorder: the destination folder must exist", "[output]") {
    const TempDir dir;
    const fs::path path = dir / "missing" / "run.h5";
    CHECK_THROWS_AS(jobsim::output::Hdf5Recorder(options(path)), jobsim::UsageError);
    CHECK_THROWS_WITH(jobsim::output::Hdf5Recorder(options(path)),
                      Catch::Contains("does not exist"));
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("hdf5_recorder: HDF5 failures become OutputError naming the file and the operation",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    jobsim::output::Hdf5Recorder recorder(options(path));
    const SampleRun run;
    const jobsim::Scenario scenario{};
    recorder.begin_run(run_info(scenario, 0));
    const jobsim::World world = jobsim::testing::sample_world(run);
    // A folder where replication 0's file goes: HDF5 cannot create the file.
    fs::create_directories(dir / "run.h5.partial.d" / "replication-0.h5.tmp");
    try {
        recorder.begin_replication(0, 0, world);
        FAIL("expected OutputError");
    } catch (const jobsim::OutputError& error) {
        const std::string text = error.what();
        CHECK_THAT(text, Catch::Contains("replication-0.h5.tmp"));
        CHECK_THAT(text, Catch::Contains("create file"));
    }
}

TEST_CASE("hdf5_recorder: calls out of order are refused", "[output]") {
    const TempDir dir;
    jobsim::output::Hdf5Recorder recorder(options(dir / "run.h5"));
    const SampleRun run;
    const jobsim::World world = jobsim::testing::sample_world(run);
    CHECK_THROWS_AS(recorder.begin_replication(0, 0, world), jobsim::RunError);
    const jobsim::Scenario scenario{};
    recorder.begin_run(run_info(scenario, 2));
    recorder.begin_replication(0, 0, world);
    CHECK_THROWS_AS(recorder.record_week(1, world, {}, {}), jobsim::RunError);  // week 0 first
    CHECK_THROWS_AS(recorder.end_run(), jobsim::RunError);  // replication still open
}

TEST_CASE("hdf5_recorder: a run with no recorded weeks or no persons still writes a valid file",
          "[output]") {
    const TempDir dir;
    const bool no_persons = GENERATE(true, false);
    SampleRun run;
    (no_persons ? run.persons : run.weeks) = 0;
    const fs::path path = dir / "run.h5";
    write_sample(path, run);
    const auto file = jobsim::testing::open_read_only(path);
    const auto status = jobsim::testing::open_dataset(
        file.get(), "/arms/baseline/replications/0/trajectories/status");
    CHECK(jobsim::testing::dims_of(status.get()) == std::vector<hsize_t>{run.weeks, run.persons});
    CHECK(jobsim::testing::number_attribute(file.get(), "complete") == 1);
}

TEST_CASE("hdf5_recorder: two identical runs have identical /arms and /summary under h5diff",
          "[output]") {
    if (!h5diff_available()) {
        WARN("h5diff not found at /usr/bin/h5diff (package hdf5-tools): comparison skipped");
        return;
    }
    const TempDir dir;
    SampleRun one;
    one.threads = 1;
    SampleRun two;
    two.threads = 2;
    write_sample(dir / "a.h5", one, false, "jobsim run s.yaml --threads 1 -o a.h5");
    write_sample(dir / "b.h5", two, false, "jobsim run s.yaml --threads 2 -o b.h5 --force");
    CHECK(h5diff(dir / "a.h5", dir / "b.h5", "/arms /arms") == 0);
    CHECK(h5diff(dir / "a.h5", dir / "b.h5", "/summary /summary") == 0);
    // The root differs (threads, command): the comparison does see differences.
    CHECK(h5diff(dir / "a.h5", dir / "b.h5", "") == 1);

    SampleRun other_seed = one;
    other_seed.seed = 8;
    other_seed.persons = 13;
    write_sample(dir / "c.h5", other_seed);
    CHECK(h5diff(dir / "a.h5", dir / "c.h5", "/arms /arms") == 1);
}

namespace {

/// Forwards to a recorder, calling record_week inside a one-thread arena and everything else
/// outside it, as a caller might: the week's writes start in the arena, and the next call must
/// still see them finished (with one thread and no worker, a plain wait outside would hang).
class OneThreadWeeks final : public jobsim::Recorder {
public:
    explicit OneThreadWeeks(jobsim::Recorder& inner) : inner_(inner) {}
    void begin_run(const jobsim::RunInfo& info) override { inner_.begin_run(info); }
    void begin_replication(std::uint32_t r, std::uint8_t arm, const jobsim::World& w) override {
        inner_.begin_replication(r, arm, w);
    }
    void record_week(jobsim::Week week, const jobsim::World& world,
                     std::span<const jobsim::Event> events,
                     std::span<const jobsim::AreaWeek> areas) override {
        arena_.execute([&] { inner_.record_week(week, world, events, areas); });
    }
    void record_outcomes(std::uint32_t r, std::uint8_t arm,
                         const jobsim::ArmOutcomes& outcomes) override {
        inner_.record_outcomes(r, arm, outcomes);
    }
    void end_replication(std::uint32_t r, std::uint8_t arm, const jobsim::World& w) override {
        inner_.end_replication(r, arm, w);
    }
    void record_summary(std::span<const jobsim::ArmOutcomes> runs,
                        std::span<const jobsim::ArmSummary> summary) override {
        inner_.record_summary(runs, summary);
    }
    void end_run() override { inner_.end_run(); }

private:
    jobsim::Recorder& inner_;
    tbb::task_arena arena_{1};
};

}  // namespace

TEST_CASE("hdf5_recorder: a week's writes started in an arena are finished for a caller outside it",
          "[output]") {
    const TempDir dir;
    write_sample(dir / "plain.h5");
    {
        jobsim::output::Hdf5Recorder recorder(options(dir / "arena.h5"));
        OneThreadWeeks weeks_in_arena(recorder);
        jobsim::testing::drive(weeks_in_arena, SampleRun{});
    }
    REQUIRE(fs::exists(dir / "arena.h5"));
    if (h5diff_available()) {
        CHECK(h5diff(dir / "plain.h5", dir / "arena.h5", "/arms /arms") == 0);
    }
}

TEST_CASE("hdf5_recorder: a recorder destroyed with a week's writes pending removes its file",
          "[output]") {
    const TempDir dir;
    const fs::path path = dir / "run.h5";
    const SampleRun run;
    {
        jobsim::output::Hdf5Recorder recorder(options(path));
        OneThreadWeeks weeks_in_arena(recorder);
        const jobsim::Scenario scenario{};
        weeks_in_arena.begin_run(run_info(scenario, run.weeks));
        jobsim::World world = jobsim::testing::sample_world(run);
        jobsim::testing::sample_state(world, 0, 0);
        weeks_in_arena.begin_replication(0, 0, world);
        // A run that fails here leaves this week's writes started and never settled by a call.
        weeks_in_arena.record_week(0, world, jobsim::testing::sample_events(run, 0),
                                   jobsim::testing::sample_areas(run, 0));
    }
    CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(dir / "run.h5.partial"));
}

}  // namespace test_hdf5_recorder
