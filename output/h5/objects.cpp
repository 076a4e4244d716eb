// HDF5 object creation and writing, with jobsim's storage choices applied in one place.
#include "output/h5/objects.hpp"

#include <algorithm>

#include <hdf5_hl.h>

#include "output/h5/error.hpp"
#include "output/h5/filters.hpp"

namespace jobsim::output::h5 {

namespace {

// HDF5 closes what is still open when the process exits. A file whose close failed (a write
// error while flushing: disk full, a file-size limit) stays half-open, and HDF5 1.10 crashes
// closing it again at exit, turning a clear error into a segfault. jobsim closes every file
// itself, so the library's exit handler has nothing to do: it is switched off before any other
// HDF5 call (this initialiser runs before main).
[[maybe_unused]] const bool no_exit_handler = H5dont_atexit() >= 0;

PropList create_plist(hid_t plist_class, std::string_view what) {
    return PropList(checked(H5Pcreate(plist_class), H5I_INVALID_HID, "create property list", what));
}

/// Object time stamps would make two otherwise identical runs differ under h5diff.
void no_time_stamps(const PropList& plist, std::string_view what) {
    check(H5Pset_obj_track_times(plist.get(), false), H5I_INVALID_HID, "switch off time stamps for",
          what);
}

Datatype utf8_string_type() {
    Datatype type = detail::copy_type(H5T_C_S1);
    check(H5Tset_size(type.get(), H5T_VARIABLE), H5I_INVALID_HID, "size", "a string type");
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), H5I_INVALID_HID, "set UTF-8 on", "a string type");
    return type;
}

Dataspace scalar_space() {
    return Dataspace(checked(H5Screate(H5S_SCALAR), H5I_INVALID_HID, "create", "a scalar space"));
}

Dataspace simple_space(const std::vector<hsize_t>& dims, const std::vector<hsize_t>& max_dims) {
    return Dataspace(checked(H5Screate_simple(static_cast<int>(dims.size()), dims.data(),
                                              max_dims.empty() ? nullptr : max_dims.data()),
                             H5I_INVALID_HID, "create", "a dataspace"));
}

}  // namespace

File create_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    const PropList create = create_plist(H5P_FILE_CREATE, name);
    no_time_stamps(create, name);
    const PropList access = create_plist(H5P_FILE_ACCESS, name);
    check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST), H5I_INVALID_HID,
          "set format bounds for", name);
    const hid_t id = H5Fcreate(name.c_str(), H5F_ACC_TRUNC, create.get(), access.get());
    if (id < 0) {
        fail(H5I_INVALID_HID, "create file", name, name);
    }
    return File(id);
}

void flush(const File& file) {
    check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), file.get(), "flush", "the file");
}

void close(File& file, const std::filesystem::path& path) {
    if (!file) {
        return;
    }
    // Take ownership first so a failed close is not retried by the handle's destructor.
    const hid_t id = file.release();
    if (H5Fclose(id) < 0) {
        fail(H5I_INVALID_HID, "close file", path.string(), path.string());
    }
}

Group create_group(hid_t parent, const std::string& name) {
    const PropList create = create_plist(H5P_GROUP_CREATE, name);
    no_time_stamps(create, name);
    return Group(checked(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, create.get(), H5P_DEFAULT),
                         parent, "create group", name));
}

Dataset create_dataset(hid_t parent, const std::string& name, hid_t file_type,
                       const Layout& layout) {
    const PropList create = create_plist(H5P_DATASET_CREATE, name);
    no_time_stamps(create, name);
    if (!layout.chunk.empty()) {
        check(
            H5Pset_chunk(create.get(), static_cast<int>(layout.chunk.size()), layout.chunk.data()),
            parent, "set chunks of", name);
        if (layout.compress) {
            check(H5Pset_shuffle(create.get()), parent, "set shuffle filter on", name);
            check(H5Pset_deflate(create.get(), deflate_level), parent, "set deflate filter on",
                  name);
        }
    }
    if (layout.fill != nullptr) {
        check(H5Pset_fill_value(create.get(), layout.fill_type, layout.fill), parent,
              "set fill value of", name);
    }
    const Dataspace space = simple_space(layout.dims, layout.max_dims);
    return Dataset(checked(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                      create.get(), H5P_DEFAULT),
                           parent, "create dataset", name));
}

hsize_t chunk_length(hsize_t extent, std::size_t element_bytes, std::size_t target_bytes) {
    const hsize_t wanted =
        std::max<hsize_t>(1, target_bytes / std::max<std::size_t>(1, element_bytes));
    return std::max<hsize_t>(1, std::min(extent, wanted));
}

void write_all(const Dataset& dataset, hid_t memory_type, const void* data, std::string_view name) {
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), dataset.get(),
          "write", name);
}

void write_chunk(const Dataset& dataset, const std::vector<hsize_t>& offset,
                 std::span<const std::byte> filtered, std::string_view name) {
    constexpr std::uint32_t all_filters_applied = 0;
    check(H5Dwrite_chunk(dataset.get(), H5P_DEFAULT, all_filters_applied, offset.data(),
                         filtered.size(), filtered.data()),
          dataset.get(), "write a chunk of", name);
}

void write_text_dataset(hid_t parent, const std::string& name, std::string_view text) {
    const Datatype type = utf8_string_type();
    const Dataspace space = scalar_space();
    const PropList create = create_plist(H5P_DATASET_CREATE, name);
    no_time_stamps(create, name);
    const Dataset dataset(checked(H5Dcreate2(parent, name.c_str(), type.get(), space.get(),
                                             H5P_DEFAULT, create.get(), H5P_DEFAULT),
                                  parent, "create dataset", name));
    const std::string owned(text);
    const char* pointer = owned.c_str();
    check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer), parent,
          "write", name);
}

void set_attribute(hid_t object, const std::string& name, std::string_view text) {
    const Datatype type = utf8_string_type();
    const Dataspace space = scalar_space();
    detail::remove_attribute(object, name);
    const Attribute attribute(
        checked(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                object, "create attribute", name));
    const std::string owned(text);
    const char* pointer = owned.c_str();
    check(H5Awrite(attribute.get(), type.get(), &pointer), object, "write attribute", name);
}

void make_scale(const Dataset& scale, const std::string& name) {
    check(H5DSset_scale(scale.get(), name.c_str()), scale.get(), "make a dimension scale of", name);
}

void attach_scale(const Dataset& dataset, const Dataset& scale, unsigned axis,
                  std::string_view name) {
    check(H5DSattach_scale(dataset.get(), scale.get(), axis), dataset.get(),
          "attach a dimension scale to", name);
}

namespace detail {

void remove_attribute(hid_t object, const std::string& name) {
    const htri_t exists = H5Aexists(object, name.c_str());
    if (exists < 0) {
        fail(object, "look up attribute", name);
    }
    if (exists > 0) {
        check(H5Adelete(object, name.c_str()), object, "replace attribute", name);
    }
}

void write_scalar_attribute(hid_t object, const std::string& name, hid_t file_type,
                            hid_t memory_type, const void* value) {
    const Dataspace space = scalar_space();
    const Attribute attribute(
        checked(H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                object, "create attribute", name));
    check(H5Awrite(attribute.get(), memory_type, value), object, "write attribute", name);
}

}  // namespace detail

}  // namespace jobsim::output::h5
