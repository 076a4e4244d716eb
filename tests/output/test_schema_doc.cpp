// output/SCHEMA.md is complete: every group, dataset, table column and attribute the recorder
// writes appears in it (in backticks), found by walking a real file rather than a list kept here.
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <hdf5.h>

#include "output/hdf5_recorder.hpp"
#include "output/trial_writer.hpp"
#include "tests/output/h5_read.hpp"
#include "tests/output/sample_run.hpp"

namespace test_schema_doc {

namespace {

struct Names {
    std::set<std::string> objects;
    std::set<std::string> columns;
    std::set<std::string> attributes;
};

/// The last component of an HDF5 path.
std::string leaf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_number(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

herr_t collect_attribute(hid_t, const char* name, const H5A_info_t*, void* data) {
    static_cast<Names*>(data)->attributes.insert(name);
    return 0;
}

void collect_attributes(hid_t object, Names& names) {
    hsize_t at = 0;
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &at, collect_attribute, &names);
}

herr_t collect_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
    auto& names = *static_cast<Names*>(data);
    const std::string path = name;
    // Replication groups are named 0, 1, ...; arm groups by the arm (the sample's is "baseline").
    if (path != "." && !is_number(leaf(path)) && path != "arms/baseline") {
        names.objects.insert(leaf(path));
    }
    const hid_t object = H5Oopen(root, name, H5P_DEFAULT);
    collect_attributes(object, names);
    if (info->type == H5O_TYPE_DATASET) {
        for (const std::string& column : jobsim::testing::member_names(object)) {
            names.columns.insert(column);
        }
    }
    H5Oclose(object);
    return 0;
}

std::string schema_text() {
    std::string text = jobsim::testing::file_bytes(JOBSIM_SCHEMA_MD);
    REQUIRE_FALSE(text.empty());
    return text;
}

/// Every name found in the file appears in output/SCHEMA.md in backticks.
void check_documented(const Names& names, const char* file_kind) {
    const std::string schema = schema_text();
    for (const auto* kind : {&names.objects, &names.columns, &names.attributes}) {
        for (const std::string& name : *kind) {
            INFO("`" << name << "` is written to " << file_kind
                     << " but not documented in output/SCHEMA.md");
            CHECK(schema.find("`" + name + "`") != std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("schema: every dataset, column and attribute the recorder writes is documented",
          "[output]") {
    const jobsim::testing::TempDir dir;
    const auto path = dir / "run.h5";
    {
        jobsim::output::OutputOptions options;
        options.path = path;
        jobsim::output::Hdf5Recorder recorder(options);
        jobsim::testing::drive(recorder, jobsim::testing::SampleRun{});
    }
    const auto file = jobsim::testing::open_read_only(path);
    Names names;
    REQUIRE(H5Ovisit(file.get(), H5_INDEX_NAME, H5_ITER_INC, collect_object, &names) >= 0);
    REQUIRE(names.objects.count("trajectories") == 1);
    REQUIRE(names.columns.count("weeks_employed") == 1);
    check_documented(names, "a run file");
}

TEST_CASE("schema: every table, column and attribute of a trial file is documented", "[output]") {
    const jobsim::testing::TempDir dir;
    const auto path = dir / "trial.h5";
    jobsim::Scenario scenario = jobsim::default_scenario();
    scenario.population.persons = 600;
    scenario.population.areas = 4;
    scenario.weeks = 4;
    jobsim::Regime treated = scenario.regime;
    treated.name = "treated";
    scenario.arms = {treated};
    scenario.trial.design = jobsim::TrialDesign::saturation;
    scenario.trial.saturations = {0.0, 0.5};
    scenario.trial.horizons = {4};
    scenario.trial.power_grid_clusters = {2};
    const jobsim::RunSpec spec{.seed = 1, .replications = 2, .threads = 1};
    {
        jobsim::output::TrialWriter writer({.path = path, .force = false, .command = "test"});
        writer.write(scenario, spec, jobsim::trials::run_trial(scenario, spec));
    }
    const auto file = jobsim::testing::open_read_only(path);
    Names names;
    REQUIRE(H5Ovisit(file.get(), H5_INDEX_NAME, H5_ITER_INC, collect_object, &names) >= 0);
    REQUIRE(names.objects.count("power_curve") == 1);
    REQUIRE(names.columns.count("coverage") == 1);
    check_documented(names, "a trial file");
}

}  // namespace test_schema_doc
