// Output levels: which persons a panel holds, that a standard file's trajectories are the full
// file's columns for those persons (and everything else the same), and that the summary level
// writes no per-person data. Files are read back with the plain HDF5 C API.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "output/hdf5_recorder.hpp"
#include "output/output_level.hpp"
#include "tests/output/h5_read.hpp"
#include "tests/output/sample_run.hpp"

namespace test_output_level {

namespace {

using jobsim::output::LevelOptions;
using jobsim::output::OutputLevel;
using jobsim::testing::SampleRun;
using jobsim::testing::TempDir;
namespace fs = std::filesystem;

const std::vector<std::string> variables = {
    "status",       "claim",       "wage_per_hour", "hours_per_week", "low_paid",
    "applications", "spell_weeks", "search_effort", "trust",          "alliance",
    "confidence",   "wellbeing",   "loneliness",    "debt_gbp"};

SampleRun sample() {
    SampleRun run;
    run.persons = 50;
    return run;
}

void write(const fs::path& path, LevelOptions level, const SampleRun& run = sample()) {
    jobsim::output::OutputOptions options;
    options.path = path;
    options.command = "jobsim run sample.yaml";
    jobsim::output::Hdf5Recorder recorder(options, level);
    jobsim::testing::drive(recorder, run);
}

std::string replication(std::uint32_t r) {
    return "/arms/baseline/replications/" + std::to_string(r);
}

std::vector<double> numbers(const jobsim::output::h5::File& file, const std::string& name) {
    return jobsim::testing::read_numbers(jobsim::testing::open_dataset(file.get(), name).get());
}

bool same_value(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

using jobsim::testing::h5diff;

}  // namespace

TEST_CASE("output_level: a panel is the systematic sample floor(k * persons / n)", "[output]") {
    using jobsim::output::trajectory_panel;
    const LevelOptions standard{.level = OutputLevel::standard, .trajectory_panel = 4};
    CHECK(trajectory_panel(standard, 10) == std::vector<std::uint32_t>{0, 2, 5, 7});
    CHECK(trajectory_panel(standard, 3) == std::vector<std::uint32_t>{0, 1, 2});  // capped
    CHECK(trajectory_panel({.level = OutputLevel::standard, .trajectory_panel = 0}, 10).empty());
    CHECK(trajectory_panel({.level = OutputLevel::full, .trajectory_panel = 4}, 5) ==
          std::vector<std::uint32_t>{0, 1, 2, 3, 4});
    CHECK(trajectory_panel({.level = OutputLevel::summary}, 10).empty());
    // Spread over the whole id range: the last id is near the end, no id repeats.
    const auto ids =
        trajectory_panel({.level = OutputLevel::standard, .trajectory_panel = 2000}, 1'000'000);
    REQUIRE(ids.size() == 2000);
    CHECK(ids.front() == 0);
    CHECK(ids.back() == 999'500);
    CHECK(std::adjacent_find(ids.begin(), ids.end(), [](auto a, auto b) { return a >= b; }) ==
          ids.end());
}

TEST_CASE("output_level: standard trajectories are the full file's columns of the panel",
          "[output]") {
    // A panel's chunks hold 8 weeks: 5 weeks are one partial chunk, 19 are two and a partial one,
    // and a replication that ends after 11 of 19 weeks leaves weeks 11-15 of a written chunk and
    // 16-18 unwritten, all of which must read as the fill value, as in the full file.
    const auto [weeks, recorded] = GENERATE(std::pair<std::uint32_t, std::uint32_t>{5, 0},
                                            std::pair{19U, 0U}, std::pair{19U, 11U});
    CAPTURE(weeks, recorded);
    const TempDir dir;
    SampleRun run = sample();
    run.weeks = weeks;
    run.weeks_recorded = recorded;
    write(dir / "full.h5", {.level = OutputLevel::full}, run);
    write(dir / "standard.h5", {.level = OutputLevel::standard, .trajectory_panel = 7}, run);
    const auto full = jobsim::testing::open_read_only(dir / "full.h5");
    const auto standard = jobsim::testing::open_read_only(dir / "standard.h5");

    CHECK(jobsim::testing::string_attribute(full.get(), "output_level") == "full");
    CHECK(jobsim::testing::number_attribute(full.get(), "trajectory_persons") == run.persons);
    CHECK(jobsim::testing::string_attribute(standard.get(), "output_level") == "standard");
    CHECK(jobsim::testing::number_attribute(standard.get(), "trajectory_persons") == 7);

    const std::vector<double> panel = {0, 7, 14, 21, 28, 35, 42};  // floor(k * 50 / 7)
    for (std::uint32_t r = 0; r < run.replications; ++r) {
        CHECK(numbers(standard, replication(r) + "/person") == panel);
        for (const std::string& variable : variables) {
            const std::string name = replication(r) + "/trajectories/" + variable;
            INFO(name);
            const auto all = numbers(full, name);
            const auto sampled = numbers(standard, name);
            REQUIRE(jobsim::testing::dims_of(
                        jobsim::testing::open_dataset(standard.get(), name).get()) ==
                    std::vector<hsize_t>{run.weeks, panel.size()});
            for (std::uint32_t w = 0; w < run.weeks; ++w) {
                for (std::size_t k = 0; k < panel.size(); ++k) {
                    const auto p = static_cast<std::size_t>(panel[k]);
                    CHECK(same_value(sampled[w * panel.size() + k], all[w * run.persons + p]));
                }
            }
        }
    }
    // The sample's columns differ between persons, so a wrong column would be caught.
    const auto status = numbers(full, replication(0) + "/trajectories/status");
    CHECK(status[0] != status[7]);
    if (recorded > 0) {  // and the fill value is not what zero padding would give
        CHECK(status.back() == 255);
        CHECK(std::isnan(numbers(full, replication(0) + "/trajectories/trust").back()));
    }
    // The panel's trajectories are chunked by 8 weeks (fewer in a shorter run).
    const auto dataset =
        jobsim::testing::open_dataset(standard.get(), replication(0) + "/trajectories/status");
    const jobsim::output::h5::PropList create(H5Dget_create_plist(dataset.get()));
    hsize_t chunk[2] = {0, 0};
    REQUIRE(H5Pget_chunk(create.get(), 2, chunk) == 2);
    CHECK(chunk[0] == std::min<hsize_t>(weeks, 8));
    CHECK(chunk[1] == 7);

    if (jobsim::testing::h5diff_available()) {
        for (const char* table : {"persons", "events", "area_series"}) {
            const std::string object = replication(1) + "/" + table;
            INFO(object);
            CHECK(h5diff(dir / "full.h5", dir / "standard.h5", object + " " + object) == 0);
        }
        CHECK(h5diff(dir / "full.h5", dir / "standard.h5", "/summary /summary") == 0);
    }
}

TEST_CASE("output_level: a panel as large as the population is the full file", "[output]") {
    if (!jobsim::testing::h5diff_available()) {
        WARN("h5diff is not installed: not compared");
        return;
    }
    const TempDir dir;
    write(dir / "full.h5", {.level = OutputLevel::full});
    write(dir / "standard.h5", {.level = OutputLevel::standard, .trajectory_panel = 1000});
    CHECK(h5diff(dir / "full.h5", dir / "standard.h5", "/arms /arms") == 0);
}

TEST_CASE("output_level: summary writes replication attributes and the summary tables only",
          "[output]") {
    const TempDir dir;
    const SampleRun run = sample();
    write(dir / "summary.h5", {.level = OutputLevel::summary});
    const auto file = jobsim::testing::open_read_only(dir / "summary.h5");
    CHECK(jobsim::testing::string_attribute(file.get(), "output_level") == "summary");
    CHECK(jobsim::testing::number_attribute(file.get(), "trajectory_persons") == 0);
    CHECK(jobsim::testing::has_link(file.get(), "/summary/runs"));
    for (std::uint32_t r = 0; r < run.replications; ++r) {
        const std::string group = replication(r);
        REQUIRE(jobsim::testing::has_link(file.get(), group));
        for (const char* name :
             {"trajectories", "persons", "events", "area_series", "week", "person"}) {
            INFO(group << "/" << name);
            CHECK_FALSE(jobsim::testing::has_link(file.get(), group + "/" + name));
        }
        const jobsim::output::h5::Group rep(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT));
        CHECK(jobsim::testing::number_attribute(rep.get(), "complete") == 1);
        CHECK(jobsim::testing::number_attribute(rep.get(), "weeks_recorded") == run.weeks);
    }
}

TEST_CASE("output_level: a panel of 0 keeps the tables and writes empty trajectories", "[output]") {
    const TempDir dir;
    const SampleRun run = sample();
    write(dir / "none.h5", {.level = OutputLevel::standard, .trajectory_panel = 0});
    const auto file = jobsim::testing::open_read_only(dir / "none.h5");
    CHECK(jobsim::testing::number_attribute(file.get(), "trajectory_persons") == 0);
    const auto status =
        jobsim::testing::open_dataset(file.get(), replication(0) + "/trajectories/status");
    CHECK(jobsim::testing::dims_of(status.get()) == std::vector<hsize_t>{run.weeks, 0});
    const auto persons = jobsim::testing::open_dataset(file.get(), replication(0) + "/persons");
    CHECK(jobsim::testing::dims_of(persons.get()) == std::vector<hsize_t>{run.persons});
}

}  // namespace test_output_level
