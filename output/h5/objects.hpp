// Creating and writing HDF5 objects the way jobsim stores them: no modification times (so two runs
// can be compared with h5diff), chunked along the append axis, shuffle + deflate, UTF-8 strings.
// Every function throws OutputError naming the file, the operation and the object.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <hdf5.h>

#include "output/h5/h5_type.hpp"
#include "output/h5/handle.hpp"

namespace jobsim::output::h5 {

/// Creates (or truncates) a file with the latest format (dense attribute storage, so large
/// attributes work) and no object time stamps. @throws OutputError
[[nodiscard]] File create_file(const std::filesystem::path& path);

/// Flushes everything written so far to disk. @throws OutputError
void flush(const File& file);

/// Closes a file, reporting failure (a handle's destructor ignores it). @throws OutputError
void close(File& file, const std::filesystem::path& path);

/// Creates a group without time stamps. @throws OutputError
[[nodiscard]] Group create_group(hid_t parent, const std::string& name);

/// How a dataset is stored.
struct Layout {
    /// A fixed-size, contiguous, uncompressed dataset of these dimensions.
    static Layout fixed(std::vector<hsize_t> dims) {
        Layout layout;
        layout.dims = std::move(dims);
        return layout;
    }

    std::vector<hsize_t> dims;      ///< current extent
    std::vector<hsize_t> max_dims;  ///< empty: the same as dims; H5S_UNLIMITED to append
    std::vector<hsize_t> chunk;     ///< empty: contiguous, uncompressed
    bool compress = true;           ///< shuffle + deflate level 1 (only when chunked)
    const void* fill = nullptr;     ///< fill value in `fill_type` (memory) layout, or none
    hid_t fill_type = H5I_INVALID_HID;
};

/// Creates a dataset of `file_type` without time stamps. @throws OutputError
[[nodiscard]] Dataset create_dataset(hid_t parent, const std::string& name, hid_t file_type,
                                     const Layout& layout);

/// Chunk length along one axis so that a chunk holds about `target_bytes`, within [1, extent].
[[nodiscard]] hsize_t chunk_length(hsize_t extent, std::size_t element_bytes,
                                   std::size_t target_bytes = std::size_t{256} * 1024);

/// Writes the whole dataset from `data` (laid out as `memory_type`). @throws OutputError
void write_all(const Dataset& dataset, hid_t memory_type, const void* data, std::string_view name);

/// Stores one chunk already filtered by filter_chunk at `offset` (element coordinates of its
/// first element), bypassing HDF5's own filtering. @throws OutputError
void write_chunk(const Dataset& dataset, const std::vector<hsize_t>& offset,
                 std::span<const std::byte> filtered, std::string_view name);

/// Writes a scalar UTF-8 string dataset. @throws OutputError
void write_text_dataset(hid_t parent, const std::string& name, std::string_view text);

/// Creates or replaces a UTF-8 string attribute. @throws OutputError
void set_attribute(hid_t object, const std::string& name, std::string_view text);
inline void set_attribute(hid_t object, const std::string& name, const char* text) {
    set_attribute(object, name, std::string_view(text));
}

/// Creates or replaces a scalar numeric attribute of the stored type h5_type<T>. @throws
/// OutputError
template <class T>
requires std::is_arithmetic_v<T>
void set_attribute(hid_t object, const std::string& name, T value);

/// Makes `scale` a dimension scale called `name`. @throws OutputError
void make_scale(const Dataset& scale, const std::string& name);

/// Attaches a dimension scale to axis `axis` of `dataset`. @throws OutputError
void attach_scale(const Dataset& dataset, const Dataset& scale, unsigned axis,
                  std::string_view name);

// ---- implementation of the template ----

namespace detail {
/// Removes attribute `name` from `object` if present. @throws OutputError
void remove_attribute(hid_t object, const std::string& name);
/// Creates a scalar attribute and writes one value. @throws OutputError
void write_scalar_attribute(hid_t object, const std::string& name, hid_t file_type,
                            hid_t memory_type, const void* value);
}  // namespace detail

template <class T>
requires std::is_arithmetic_v<T>
void set_attribute(hid_t object, const std::string& name, T value) {
    const Datatype stored = h5_type<T>::file();
    const Datatype in_memory = h5_type<T>::memory();
    detail::remove_attribute(object, name);
    detail::write_scalar_attribute(object, name, stored.get(), in_memory.get(), &value);
}

}  // namespace jobsim::output::h5
