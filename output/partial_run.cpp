// The partial-output folder: its manifest, the finished replications' files, and reading both back
// for --resume. HDF5 errors while reading become UsageError (the folder is the user's input then).
#include "output/partial_run.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

#include "output/atomic_file.hpp"
#include "output/h5/error.hpp"
#include "output/h5/objects.hpp"
#include "output/h5/recorded_types.hpp"
#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

namespace jobsim::output {

namespace fs = std::filesystem;

namespace {

constexpr const char* manifest_format = "jobsim-partial-output";
constexpr const char* manifest_name = "manifest.h5";
constexpr const char* temp_suffix = ".tmp";

/// Opens an existing HDF5 file read-only; an invalid handle when it is not one.
h5::File open_read_only(const fs::path& path) {
    if (H5Fis_hdf5(path.c_str()) <= 0) {
        return {};
    }
    return h5::File(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
}

std::optional<std::string> text_attribute(hid_t object, const char* name) {
    if (H5Aexists(object, name) <= 0) {
        return std::nullopt;
    }
    const h5::Attribute attribute(H5Aopen(object, name, H5P_DEFAULT));
    const h5::Datatype stored(H5Aget_type(attribute.get()));
    if (!stored || H5Tget_class(stored.get()) != H5T_STRING ||
        H5Tis_variable_str(stored.get()) <= 0) {
        return std::nullopt;
    }
    const h5::Datatype in_memory(H5Tcopy(H5T_C_S1));
    H5Tset_size(in_memory.get(), H5T_VARIABLE);
    H5Tset_cset(in_memory.get(), H5T_CSET_UTF8);
    char* text = nullptr;
    if (H5Aread(attribute.get(), in_memory.get(), static_cast<void*>(&text)) < 0) {
        return std::nullopt;
    }
    std::string value = text != nullptr ? text : "";
    H5free_memory(text);
    return value;
}

std::optional<std::uint64_t> integer_attribute(hid_t object, const char* name) {
    if (H5Aexists(object, name) <= 0) {
        return std::nullopt;
    }
    const h5::Attribute attribute(H5Aopen(object, name, H5P_DEFAULT));
    const h5::Datatype stored(H5Aget_type(attribute.get()));
    std::uint64_t value = 0;
    if (!stored || H5Tget_class(stored.get()) != H5T_INTEGER ||
        H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
        return std::nullopt;
    }
    return value;
}

/// The finished replication's outcomes, one row per arm; nullopt when the file is not one.
std::optional<std::vector<ArmOutcomes>> read_outcomes(const fs::path& path, std::uint32_t r,
                                                      std::size_t arms) {
    const h5::File file = open_read_only(path);
    if (!file || integer_attribute(file.get(), "complete") != 1 ||
        integer_attribute(file.get(), "replication") != r ||
        H5Lexists(file.get(), "outcomes", H5P_DEFAULT) <= 0) {
        return std::nullopt;
    }
    const h5::Dataset table(H5Dopen2(file.get(), "outcomes", H5P_DEFAULT));
    const h5::Dataspace space(H5Dget_space(table.get()));
    if (!table || !space ||
        H5Sget_simple_extent_npoints(space.get()) != static_cast<hssize_t>(arms)) {
        return std::nullopt;
    }
    std::vector<ArmOutcomes> rows(arms);
    const h5::Datatype in_memory = h5::h5_type<ArmOutcomes>::memory();
    if (H5Dread(table.get(), in_memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) < 0) {
        return std::nullopt;
    }
    return rows;
}

}  // namespace

PartialRun::PartialRun(const fs::path& output) : folder_(output) {
    folder_ += ".partial.d";
}

bool PartialRun::exists() const {
    std::error_code error;
    return fs::exists(folder_, error);
}

void PartialRun::create(const PartialManifest& manifest) {
    remove();
    std::error_code error;
    fs::create_directory(folder_, error);
    if (error) {
        throw OutputError(
            message("cannot create the folder '", folder_.string(), "': ", error.message()));
    }
    const fs::path final_name = folder_ / manifest_name;
    fs::path temp = final_name;
    temp += temp_suffix;
    {
        const h5::QuietErrors quiet;
        h5::File file = h5::create_file(temp);
        const hid_t root = file.get();
        h5::set_attribute(root, "format", manifest_format);
        h5::set_attribute(root, "jobsim_version", manifest.jobsim_version);
        h5::set_attribute(root, "scenario_yaml", manifest.scenario_yaml);
        h5::set_attribute(root, "seed", manifest.seed);
        h5::set_attribute(root, "replications", manifest.replications);
        h5::set_attribute(root, "output_level", manifest.output_level);
        h5::set_attribute(root, "trajectory_panel", manifest.trajectory_panel);
        h5::close(file, temp);
    }
    if (!sync_to_disk(temp, false)) {
        throw OutputError(message("cannot sync '", temp.string(), "' to disk"));
    }
    fs::rename(temp, final_name, error);
    if (error) {
        throw OutputError(message("cannot rename '", temp.string(), "': ", error.message()));
    }
    static_cast<void>(sync_to_disk(folder_, true));
}

std::map<std::uint32_t, std::vector<ArmOutcomes>> PartialRun::resume(
    const PartialManifest& expected, std::size_t arms) const {
    const h5::QuietErrors quiet;
    std::error_code error;
    if (!fs::is_directory(folder_, error)) {
        throw UsageError(message("--resume: there is no partial output '", folder_.string(),
                                 "' of an interrupted run to resume"));
    }
    const fs::path manifest_path = folder_ / manifest_name;
    const h5::File manifest = open_read_only(manifest_path);
    if (!manifest || text_attribute(manifest.get(), "format") != manifest_format) {
        throw UsageError(message("--resume: '", folder_.string(),
                                 "' is not a jobsim partial output (no readable ", manifest_name,
                                 "); remove it, or pass --force instead to start again"));
    }
    const hid_t root = manifest.get();
    const auto differs = [&](const char* what, const std::string& was, const std::string& now) {
        throw UsageError(message("--resume: the partial output '", folder_.string(),
                                 "' is of another run: its ", what, " was ", was, ", now ", now,
                                 " (resume with the same scenario and options, or pass --force "
                                 "instead to start again)"));
    };
    const auto text = [&](const char* name) { return text_attribute(root, name).value_or("?"); };
    const auto number = [&](const char* name) {
        const auto value = integer_attribute(root, name);
        return value ? std::to_string(*value) : std::string("?");
    };
    // The options first: --seed and --replications are also part of the resolved scenario.
    if (text("jobsim_version") != expected.jobsim_version) {
        differs("jobsim version", text("jobsim_version"), expected.jobsim_version);
    }
    if (number("seed") != std::to_string(expected.seed)) {
        differs("seed", number("seed"), std::to_string(expected.seed));
    }
    if (number("replications") != std::to_string(expected.replications)) {
        differs("replications", number("replications"), std::to_string(expected.replications));
    }
    if (text("output_level") != expected.output_level) {
        differs("--output-level", text("output_level"), expected.output_level);
    }
    if (number("trajectory_panel") != std::to_string(expected.trajectory_panel)) {
        differs("--trajectory-panel", number("trajectory_panel"),
                std::to_string(expected.trajectory_panel));
    }
    if (text("scenario_yaml") != expected.scenario_yaml) {
        throw UsageError(message("--resume: the partial output '", folder_.string(),
                                 "' is of another run: its scenario (as resolved, with --set) "
                                 "differs from this one (resume with the same scenario and "
                                 "options, or pass --force instead to start again)"));
    }

    std::map<std::uint32_t, std::vector<ArmOutcomes>> finished;
    for (std::uint32_t r = 0; r < expected.replications; ++r) {
        fs::remove(replication_temp(r), error);  // the replication under way when the run died
        const fs::path path = replication_file(r);
        if (!fs::exists(path, error)) {
            continue;
        }
        std::optional<std::vector<ArmOutcomes>> outcomes = read_outcomes(path, r, arms);
        if (!outcomes) {
            throw UsageError(message("--resume: '", path.string(),
                                     "' is not a finished replication of this run (truncated or "
                                     "foreign); remove it to run that replication again"));
        }
        finished.emplace(r, std::move(*outcomes));
    }
    return finished;
}

fs::path PartialRun::replication_file(std::uint32_t r) const {
    return folder_ / message("replication-", r, ".h5");
}

fs::path PartialRun::replication_temp(std::uint32_t r) const {
    fs::path temp = replication_file(r);
    temp += temp_suffix;
    return temp;
}

void PartialRun::commit_replication(std::uint32_t r) const {
    const fs::path temp = replication_temp(r);
    if (!sync_to_disk(temp, false)) {
        throw OutputError(message("cannot sync '", temp.string(), "' to disk"));
    }
    std::error_code error;
    fs::rename(temp, replication_file(r), error);
    if (error) {
        throw OutputError(message("cannot rename '", temp.string(), "': ", error.message()));
    }
    static_cast<void>(sync_to_disk(folder_, true));
}

std::uint32_t PartialRun::finished() const {
    std::error_code error;
    std::uint32_t count = 0;
    for (fs::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("replication-") && name.ends_with(".h5")) {
            ++count;
        }
    }
    return count;
}

void PartialRun::remove() const noexcept {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

}  // namespace jobsim::output
