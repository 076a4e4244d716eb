// Buffered, self-compressed appending of a 1-D table (see appended_table.hpp).
#include "output/h5/appended_table.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <string>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "output/h5/error.hpp"
#include "output/h5/filters.hpp"
#include "output/h5/objects.hpp"

namespace jobsim::output::h5 {

namespace {

/// A member name as a string (HDF5 allocates it; freed here).
std::string member_name(hid_t compound, unsigned index) {
    char* name = H5Tget_member_name(compound, index);
    std::string out = name != nullptr ? name : "";
    H5free_memory(name);
    return out;
}

/// Whether member values are the same bytes in both types: integers or floats of one size, both
/// little-endian, integers of one sign (a float's format is fixed by its class and size here).
bool same_bytes(hid_t memory_member, hid_t file_member) {
    const H5T_class_t kind = H5Tget_class(memory_member);
    const std::size_t bytes = H5Tget_size(memory_member);
    if (kind != H5Tget_class(file_member) || bytes != H5Tget_size(file_member) ||
        H5Tget_order(memory_member) != H5T_ORDER_LE || H5Tget_order(file_member) != H5T_ORDER_LE ||
        (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8)) {
        return false;
    }
    if (kind == H5T_INTEGER) {
        return H5Tget_sign(memory_member) == H5Tget_sign(file_member);
    }
    return kind == H5T_FLOAT && H5Tequal(memory_member, file_member) > 0;
}

template <std::size_t bytes>
void copy_member(const std::byte* from, std::byte* to) {
    std::memcpy(to, from, bytes);  // a constant size: a single load and store
}

}  // namespace

std::optional<RowPacker> RowPacker::plain(hid_t memory_type, hid_t file_type) {
    if (H5Tget_class(memory_type) != H5T_COMPOUND || H5Tget_class(file_type) != H5T_COMPOUND) {
        return std::nullopt;
    }
    const int count = H5Tget_nmembers(memory_type);
    if (count <= 0 || count != H5Tget_nmembers(file_type)) {
        return std::nullopt;
    }
    RowPacker packer;
    packer.memory_bytes_ = H5Tget_size(memory_type);
    packer.file_bytes_ = H5Tget_size(file_type);
    std::size_t covered = 0;
    for (unsigned m = 0; m < static_cast<unsigned>(count); ++m) {
        if (member_name(memory_type, m) != member_name(file_type, m)) {
            return std::nullopt;
        }
        const Datatype memory_member(H5Tget_member_type(memory_type, m));
        const Datatype file_member(H5Tget_member_type(file_type, m));
        if (memory_member.get() < 0 || file_member.get() < 0 ||
            !same_bytes(memory_member.get(), file_member.get())) {
            return std::nullopt;
        }
        const std::size_t bytes = H5Tget_size(file_member.get());
        const std::size_t from = H5Tget_member_offset(memory_type, m);
        const std::size_t to = H5Tget_member_offset(file_type, m);
        covered += bytes;
        // A member that follows the previous one in both layouts extends its copy: the person
        // table's 20 members are 3 copies.
        if (!packer.members_.empty()) {
            Member& last = packer.members_.back();
            if (last.from + last.bytes == from && last.to + last.bytes == to) {
                last.bytes += bytes;
                continue;
            }
        }
        packer.members_.push_back({from, to, bytes});
    }
    // Every file byte comes from a member: no padding whose bytes H5Tconvert would decide.
    if (covered != packer.file_bytes_) {
        return std::nullopt;
    }
    return packer;
}

void RowPacker::pack(const void* rows, std::size_t count, std::byte* out) const {
    const auto* in = static_cast<const std::byte*>(rows);
    for (std::size_t r = 0; r < count; ++r) {
        const std::byte* row = in + r * memory_bytes_;
        std::byte* packed = out + r * file_bytes_;
        for (const Member& member : members_) {
            switch (member.bytes) {
                case 1:
                    copy_member<1>(row + member.from, packed + member.to);
                    break;
                case 2:
                    copy_member<2>(row + member.from, packed + member.to);
                    break;
                case 4:
                    copy_member<4>(row + member.from, packed + member.to);
                    break;
                case 8:
                    copy_member<8>(row + member.from, packed + member.to);
                    break;
                default:  // members merged into one copy
                    std::memcpy(packed + member.to, row + member.from, member.bytes);
                    break;
            }
        }
    }
}

AppendedTable::AppendedTable(Dataset dataset, Datatype memory_type, Datatype file_type,
                             std::string name)
    : dataset_(std::move(dataset)),
      memory_type_(std::move(memory_type)),
      file_type_(std::move(file_type)),
      name_(std::move(name)),
      memory_bytes_(H5Tget_size(memory_type_.get())),
      row_bytes_(H5Tget_size(file_type_.get())) {
    const PropList create(checked(H5Dget_create_plist(dataset_.get()), dataset_.get(),
                                  "get the creation properties of", name_));
    hsize_t chunk = 0;
    if (H5Pget_chunk(create.get(), 1, &chunk) != 1 || chunk == 0) {
        fail(dataset_.get(), "read the chunk size of", name_);
    }
    chunk_rows_ = chunk;
    packer_ = RowPacker::plain(memory_type_.get(), file_type_.get());
}

void AppendedTable::append(const void* rows, hsize_t count) {
    if (count == 0) {
        return;
    }
    if (packer_) {
        // Packed in parallel blocks, straight into the pending rows.
        const std::size_t old_size = pending_.size();
        pending_.resize(old_size + count * row_bytes_);
        std::byte* out = pending_.data() + old_size;
        const auto* in = static_cast<const std::byte*>(rows);
        constexpr std::size_t rows_per_task = 4096;
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, rows_per_task),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              packer_->pack(in + range.begin() * memory_bytes_, range.size(),
                                            out + range.begin() * row_bytes_);
                          });
        return;
    }
    // H5Tconvert packs in place and needs room for the larger of the two layouts, and a compound
    // conversion needs a background buffer of the same size.
    const std::size_t bytes = count * std::max(memory_bytes_, row_bytes_);
    converted_.resize(bytes);
    background_.resize(bytes);
    std::memcpy(converted_.data(), rows, count * memory_bytes_);
    check(H5Tconvert(memory_type_.get(), file_type_.get(), count, converted_.data(),
                     background_.data(), H5P_DEFAULT),
          dataset_.get(), "pack rows of", name_);
    pending_.insert(pending_.end(), converted_.begin(),
                    converted_.begin() + static_cast<std::ptrdiff_t>(count * row_bytes_));
}

void AppendedTable::compress(bool final) {
    const std::size_t chunk_bytes = chunk_rows_ * row_bytes_;
    const std::size_t pending_rows = pending_.size() / row_bytes_;
    std::size_t chunks = pending_rows / chunk_rows_;
    if (final && pending_rows % chunk_rows_ != 0) {
        ++chunks;
    }
    filtered_.assign(chunks, {});
    tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t i) {
        const std::size_t begin = i * chunk_bytes;
        const std::size_t size = std::min(chunk_bytes, pending_.size() - begin);
        filtered_[i] =
            filter_chunk(std::span(pending_).subspan(begin, size), row_bytes_, chunk_bytes);
    });
    filtered_rows_ = std::min<hsize_t>(pending_rows, chunks * chunk_rows_);
}

void AppendedTable::store() {
    if (filtered_.empty()) {
        return;
    }
    // A chunk may only be written inside the extent.
    const hsize_t new_rows = rows_ + filtered_rows_;
    check(H5Dset_extent(dataset_.get(), &new_rows), dataset_.get(), "extend", name_);
    for (std::size_t i = 0; i < filtered_.size(); ++i) {
        write_chunk(dataset_, {rows_ + i * chunk_rows_}, filtered_[i], name_);
    }
    pending_.erase(pending_.begin(),
                   pending_.begin() + static_cast<std::ptrdiff_t>(filtered_rows_ * row_bytes_));
    rows_ = new_rows;
    filtered_.clear();
    filtered_rows_ = 0;
}

void AppendedTable::finish() {
    compress(true);
    store();
}

}  // namespace jobsim::output::h5
