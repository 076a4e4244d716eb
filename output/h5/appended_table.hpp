// An extendible 1-D table appended a batch of rows at a time and stored through the same path as
// the trajectories: rows are packed to the file layout and buffered until they fill a chunk, whole
// chunks are shuffled + deflated in parallel (filter_chunk) and stored with H5Dwrite_chunk, and
// the last partial chunk is stored by finish(). HDF5's own one-thread filter pipeline was most of
// the cost of the event log. The extent only ever covers stored rows, so a reader of a file still
// being written sees whole chunks of rows and never the fill value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <hdf5.h>

#include "output/h5/handle.hpp"

namespace jobsim::output::h5 {

/// Packs rows from a compound memory layout to its packed file layout by copying each member's
/// bytes, when every member is stored as it is held (same name and order, integers and floats of
/// the same size, sign and little-endian order, and no gaps in the file layout): what H5Tconvert
/// does then, without a call into HDF5 (one thread, and ~370 MB/s on the person table), so it can
/// run in parallel.
class RowPacker {
public:
    /// The packer for these types, or nothing when a member needs HDF5's conversion.
    [[nodiscard]] static std::optional<RowPacker> plain(hid_t memory_type, hid_t file_type);

    /// Packs `count` rows of the memory layout at `rows` into `out` (count x file row bytes).
    void pack(const void* rows, std::size_t count, std::byte* out) const;

private:
    /// A member, or members next to each other in both layouts, copied at once.
    struct Member {
        std::size_t from;   ///< offset in a memory row
        std::size_t to;     ///< offset in a file row
        std::size_t bytes;  ///< a member's 1, 2, 4 or 8, or more for merged members
    };
    std::vector<Member> members_;
    std::size_t memory_bytes_ = 0;
    std::size_t file_bytes_ = 0;
};

class AppendedTable {
public:
    AppendedTable() = default;
    /// Takes over `dataset`, a 1-D extendible table of `file_type` (packed) with zero rows and one
    /// chunk dimension declaring shuffle + deflate; rows arrive laid out as `memory_type`.
    /// @throws OutputError
    AppendedTable(Dataset dataset, Datatype memory_type, Datatype file_type, std::string name);

    /// Packs and buffers `count` rows of the memory type (HDF5 calls: the caller's thread).
    /// @throws OutputError
    void append(const void* rows, hsize_t count);

    /// Filters every full buffered chunk, or with `final` also the partial last one. Makes no HDF5
    /// call, so it may run alongside other filtering. @throws std::runtime_error if zlib fails
    void compress(bool final = false);

    /// Stores the chunks compress() filtered and extends the table over them. @throws OutputError
    void store();

    /// Compresses and stores everything still buffered, the partial last chunk included.
    /// @throws OutputError
    void finish();

    [[nodiscard]] const Dataset& dataset() const { return dataset_; }
    /// Rows stored so far (the table's extent).
    [[nodiscard]] hsize_t rows() const { return rows_; }
    /// Rows per chunk.
    [[nodiscard]] hsize_t chunk_rows() const { return chunk_rows_; }

private:
    Dataset dataset_;
    Datatype memory_type_;
    Datatype file_type_;
    std::string name_;
    std::size_t memory_bytes_ = 0;  ///< bytes per row in memory
    std::size_t row_bytes_ = 0;     ///< bytes per row in the file
    hsize_t chunk_rows_ = 0;
    hsize_t rows_ = 0;                   ///< rows stored
    std::vector<std::byte> pending_;     ///< packed rows not yet stored, starting at row rows_
    std::optional<RowPacker> packer_;    ///< when set, rows are packed without H5Tconvert
    std::vector<std::byte> converted_;   ///< scratch for H5Tconvert
    std::vector<std::byte> background_;  ///< scratch for H5Tconvert
    std::vector<std::vector<std::byte>> filtered_;  ///< compressed chunks awaiting store()
    hsize_t filtered_rows_ = 0;                     ///< rows those chunks hold
};

}  // namespace jobsim::output::h5
