// h5_type<T>: the one extension point that maps a C++ type to its HDF5 memory and file types
// (fmt's formatter<T> idea). Scalars and enums are mapped here; a recorded struct gets one
// specialisation built with Compound (see output/h5/recorded_types.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <hdf5.h>

#include "output/h5/error.hpp"
#include "output/h5/handle.hpp"

namespace jobsim::output::h5 {

/// Specialise with `static Datatype memory()` (the in-memory layout) and `static Datatype file()`
/// (the packed, little-endian layout stored in the file).
template <class T>
struct h5_type;

namespace detail {

/// An owned copy of a predefined HDF5 type. @throws OutputError
inline Datatype copy_type(hid_t predefined) {
    return Datatype(checked(H5Tcopy(predefined), H5I_INVALID_HID, "copy", "a predefined type"));
}

}  // namespace detail

template <>
struct h5_type<std::uint8_t> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_UINT8); }
    static Datatype file() { return detail::copy_type(H5T_STD_U8LE); }
};
template <>
struct h5_type<std::uint16_t> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_UINT16); }
    static Datatype file() { return detail::copy_type(H5T_STD_U16LE); }
};
template <>
struct h5_type<std::uint32_t> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_UINT32); }
    static Datatype file() { return detail::copy_type(H5T_STD_U32LE); }
};
template <>
struct h5_type<std::uint64_t> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_UINT64); }
    static Datatype file() { return detail::copy_type(H5T_STD_U64LE); }
};
template <>
struct h5_type<std::int32_t> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_INT32); }
    static Datatype file() { return detail::copy_type(H5T_STD_I32LE); }
};
template <>
struct h5_type<float> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_FLOAT); }
    static Datatype file() { return detail::copy_type(H5T_IEEE_F32LE); }
};
template <>
struct h5_type<double> {
    static Datatype memory() { return detail::copy_type(H5T_NATIVE_DOUBLE); }
    static Datatype file() { return detail::copy_type(H5T_IEEE_F64LE); }
};

/// Enums (LabourStatus, EventKind, the strong ids) are stored as their underlying integer; their
/// meanings go in a `codes` attribute.
template <class T>
requires std::is_enum_v<T>
struct h5_type<T> : h5_type<std::underlying_type_t<T>> {
};

/// Describes a struct as an HDF5 compound type, one member at a time, in the order added. The
/// memory type follows the struct's own layout; the file type is packed (no padding).
template <class Record>
class Compound {
public:
    /// Adds a member: Compound<Event>{}.add("week", &Event::week).
    template <class Member>
    Compound& add(std::string name, Member Record::*member) {
        const Record probe{};
        const auto* base = reinterpret_cast<const std::byte*>(&probe);
        const auto* field = reinterpret_cast<const std::byte*>(&(probe.*member));
        members_.push_back({std::move(name), static_cast<std::size_t>(field - base),
                            &h5_type<Member>::memory, &h5_type<Member>::file});
        return *this;
    }

    /// The in-memory compound type (size sizeof(Record)). @throws OutputError
    [[nodiscard]] Datatype memory() const {
        Datatype type = create(sizeof(Record));
        for (const Member& m : members_) {
            insert(type, m.name, m.offset, m.memory().get());
        }
        return type;
    }

    /// The packed compound type written to the file. @throws OutputError
    [[nodiscard]] Datatype file() const {
        std::vector<Datatype> parts;
        std::size_t size = 0;
        for (const Member& m : members_) {
            parts.push_back(m.file());
            size += H5Tget_size(parts.back().get());
        }
        Datatype type = create(size);
        std::size_t offset = 0;
        for (std::size_t i = 0; i < members_.size(); ++i) {
            insert(type, members_[i].name, offset, parts[i].get());
            offset += H5Tget_size(parts[i].get());
        }
        return type;
    }

    /// Member names in order (what a reader sees as columns).
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const Member& m : members_) {
            out.push_back(m.name);
        }
        return out;
    }

private:
    struct Member {
        std::string name;
        std::size_t offset = 0;
        Datatype (*memory)() = nullptr;
        Datatype (*file)() = nullptr;
    };

    static Datatype create(std::size_t size) {
        return Datatype(
            checked(H5Tcreate(H5T_COMPOUND, size), H5I_INVALID_HID, "create", "a compound type"));
    }
    static void insert(const Datatype& type, const std::string& name, std::size_t offset,
                       hid_t member) {
        check(H5Tinsert(type.get(), name.c_str(), offset, member), H5I_INVALID_HID,
              "insert compound member", name);
    }

    std::vector<Member> members_;
};

}  // namespace jobsim::output::h5
