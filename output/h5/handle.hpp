// RAII owners of HDF5 identifiers: one type per kind of object, each closing with its own H5?close.
// hid_t appears only in output/h5/; the recorder's public header never sees it.
#pragma once

#include <utility>

#include <hdf5.h>

namespace jobsim::output::h5 {

/// The function that releases one kind of HDF5 identifier.
using Closer = herr_t (*)(hid_t);

/// Owns one HDF5 identifier and closes it once. Move-only. Not thread-safe (HDF5 is written from
/// one thread).
template <Closer close_id>
class Handle {
public:
    Handle() = default;
    /// Takes ownership of `id` (which may be invalid, i.e. negative).
    explicit Handle(hid_t id) : id_(id) {}
    ~Handle() { reset(); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }

    /// The identifier, still owned by this handle.
    [[nodiscard]] hid_t get() const { return id_; }
    [[nodiscard]] bool valid() const { return id_ >= 0; }
    explicit operator bool() const { return valid(); }

    /// Gives up ownership: the caller must close the returned identifier.
    [[nodiscard]] hid_t release() { return std::exchange(id_, H5I_INVALID_HID); }

    /// Closes the identifier now (errors while closing are ignored: there is nobody to tell).
    void reset() noexcept {
        if (id_ >= 0) {
            close_id(id_);
            id_ = H5I_INVALID_HID;
        }
    }

private:
    hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

}  // namespace jobsim::output::h5
