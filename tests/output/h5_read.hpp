// Reading output files back in tests with the plain HDF5 C API (what any other reader would do),
// plus a temporary folder that cleans up after itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <hdf5_hl.h>

#include "output/h5/handle.hpp"

#include <sys/wait.h>
#include <unistd.h>

namespace jobsim::testing {

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ =
            std::filesystem::temp_directory_path() /
            ("jobsim_test_output_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

/// A whole file's contents ("" when it cannot be read).
inline std::string file_bytes(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        return {};
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

inline output::h5::File open_read_only(const std::filesystem::path& path) {
    const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) {
        throw std::runtime_error("cannot open " + path.string());
    }
    return output::h5::File(id);
}

inline output::h5::Dataset open_dataset(hid_t location, const std::string& name) {
    const hid_t id = H5Dopen2(location, name.c_str(), H5P_DEFAULT);
    if (id < 0) {
        throw std::runtime_error("cannot open dataset " + name);
    }
    return output::h5::Dataset(id);
}

inline bool has_attribute(hid_t object, const std::string& name) {
    return H5Aexists(object, name.c_str()) > 0;
}

inline bool has_link(hid_t location, const std::string& name) {
    return H5Lexists(location, name.c_str(), H5P_DEFAULT) > 0;
}

/// A variable-length string attribute as text.
inline std::string string_attribute(hid_t object, const std::string& name) {
    const output::h5::Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT));
    if (!attribute) {
        throw std::runtime_error("no attribute " + name);
    }
    const output::h5::Datatype type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.get(), H5T_VARIABLE);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    char* text = nullptr;
    if (H5Aread(attribute.get(), type.get(), &text) < 0 || text == nullptr) {
        throw std::runtime_error("cannot read attribute " + name);
    }
    std::string out(text);
    H5free_memory(text);
    return out;
}

/// A numeric attribute converted to u64.
inline std::uint64_t number_attribute(hid_t object, const std::string& name) {
    const output::h5::Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT));
    if (!attribute) {
        throw std::runtime_error("no attribute " + name);
    }
    std::uint64_t value = 0;
    if (H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
        throw std::runtime_error("cannot read attribute " + name);
    }
    return value;
}

inline std::vector<hsize_t> dims_of(hid_t dataset) {
    const output::h5::Dataspace space(H5Dget_space(dataset));
    const int rank = H5Sget_simple_extent_ndims(space.get());
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    return dims;
}

inline std::vector<std::string> member_names(hid_t dataset) {
    const output::h5::Datatype type(H5Dget_type(dataset));
    std::vector<std::string> names;
    if (H5Tget_class(type.get()) != H5T_COMPOUND) {
        return names;
    }
    const int n = H5Tget_nmembers(type.get());
    for (int i = 0; i < n; ++i) {
        char* name = H5Tget_member_name(type.get(), static_cast<unsigned>(i));
        names.emplace_back(name);
        H5free_memory(name);
    }
    return names;
}

/// All values of a numeric dataset (any rank), converted to double.
inline std::vector<double> read_numbers(hid_t dataset) {
    std::size_t count = 1;
    for (const hsize_t d : dims_of(dataset)) {
        count *= static_cast<std::size_t>(d);
    }
    std::vector<double> values(count);
    if (count > 0 &&
        H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
        throw std::runtime_error("cannot read dataset");
    }
    return values;
}

/// One column of a 1-D compound table, converted to double.
inline std::vector<double> read_column(hid_t table, const std::string& member) {
    const std::size_t rows = static_cast<std::size_t>(dims_of(table).at(0));
    const output::h5::Datatype type(H5Tcreate(H5T_COMPOUND, sizeof(double)));
    H5Tinsert(type.get(), member.c_str(), 0, H5T_NATIVE_DOUBLE);
    std::vector<double> values(rows);
    if (rows > 0 && H5Dread(table, type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
        throw std::runtime_error("cannot read column " + member);
    }
    return values;
}

/// Whether h5diff (package hdf5-tools) is installed where the tests call it.
inline bool h5diff_available() {
    return std::filesystem::exists("/usr/bin/h5diff");
}

/// Exit status of `h5diff -q a b objects` (0: same, 1: different, 2: error; -1: no status).
inline int h5diff(const std::filesystem::path& a, const std::filesystem::path& b,
                  const std::string& objects) {
    const std::string command = "/usr/bin/h5diff -q '" + a.string() + "' '" + b.string() + "' " +
                                objects + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace jobsim::testing
