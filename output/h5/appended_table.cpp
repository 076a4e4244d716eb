// Buffered, self-compressed appending of a 1-D table (see appended_table.hpp).
#include "output/h5/appended_table.hpp"

#include <algorithm>
#include <cstring>
#include <span>

#include <tbb/parallel_for.h>

#include "output/h5/error.hpp"
#include "output/h5/filters.hpp"
#include "output/h5/objects.hpp"

namespace jobsim::output::h5 {

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
}

void AppendedTable::append(const void* rows, hsize_t count) {
    if (count == 0) {
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
