// Tests of the buffered, self-compressed table (output/h5/appended_table.hpp): rows appended in
// uneven batches read back unchanged through HDF5's own read pipeline, and until finish() the
// table's extent covers only whole stored chunks.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include <catch2/catch.hpp>
#include <hdf5.h>

#include "output/h5/appended_table.hpp"
#include "output/h5/objects.hpp"
#include "output/h5/recorded_types.hpp"
#include "output/person_row.hpp"
#include "tests/output/h5_read.hpp"

namespace test_appended_table {

namespace {

using namespace jobsim;
namespace h5 = jobsim::output::h5;

constexpr hsize_t chunk_rows = 4;

h5::AppendedTable event_table(const h5::File& file) {
    const h5::Datatype stored = h5::h5_type<Event>::file();
    h5::Layout layout = h5::Layout::fixed({0});
    layout.max_dims = {H5S_UNLIMITED};
    layout.chunk = {chunk_rows};
    return {h5::create_dataset(file.get(), "events", stored.get(), layout),
            h5::h5_type<Event>::memory(), h5::h5_type<Event>::file(), "/events"};
}

std::vector<Event> events(std::uint32_t count) {
    std::vector<Event> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        out.push_back({i / 3, EventKind::sanction, static_cast<std::uint8_t>(i % 7),
                       static_cast<PersonId>(1000 + i), 5 * i, 0.25f * static_cast<float>(i)});
    }
    return out;
}

std::vector<Event> read_events(const std::filesystem::path& path) {
    const h5::File file = testing::open_read_only(path);
    const h5::Dataset dataset = testing::open_dataset(file.get(), "events");
    const h5::Dataspace space(H5Dget_space(dataset.get()));
    std::vector<Event> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
    const h5::Datatype in_memory = h5::h5_type<Event>::memory();
    if (!out.empty()) {
        REQUIRE(H5Dread(dataset.get(), in_memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                        out.data()) >= 0);
    }
    return out;
}

bool same(const Event& a, const Event& b) {
    return a.week == b.week && a.kind == b.kind && a.detail == b.detail && a.person == b.person &&
           a.other == b.other && a.value == b.value;
}

}  // namespace

TEST_CASE("AppendedTable stores whole chunks as they fill and the rest at finish", "[output]") {
    const testing::TempDir dir;
    const auto path = dir / "table.h5";
    const std::vector<Event> all = events(11);
    {
        h5::File file = h5::create_file(path);
        h5::AppendedTable table = event_table(file);
        // Batches of 3, 0 and 6 rows: 9 rows make two whole chunks and one buffered row.
        table.append(all.data(), 3);
        table.compress();
        table.store();
        CHECK(table.rows() == 0);
        table.append(all.data() + 3, 0);
        table.append(all.data() + 3, 6);
        table.compress();
        table.store();
        CHECK(table.rows() == 2 * chunk_rows);
        table.append(all.data() + 9, 2);
        table.finish();
        CHECK(table.rows() == all.size());
        h5::close(file, path);
    }
    const std::vector<Event> back = read_events(path);
    REQUIRE(back.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO("row " << i);
        CHECK(same(back[i], all[i]));
    }
}

TEST_CASE("AppendedTable with no rows stays empty", "[output]") {
    const testing::TempDir dir;
    const auto path = dir / "empty.h5";
    {
        h5::File file = h5::create_file(path);
        h5::AppendedTable table = event_table(file);
        table.finish();
        CHECK(table.rows() == 0);
        h5::close(file, path);
    }
    CHECK(read_events(path).empty());
}

namespace {

/// Rows of T with every byte set from a counter, padding included, so a packer that read a wrong
/// offset or size would differ from HDF5's conversion.
template <class T>
std::vector<T> patterned_rows(std::size_t count) {
    std::vector<T> rows(count);
    auto* bytes = reinterpret_cast<unsigned char*>(rows.data());
    for (std::size_t i = 0; i < count * sizeof(T); ++i) {
        bytes[i] = static_cast<unsigned char>((i * 131u + 7u) % 251u);
    }
    return rows;
}

/// The packer's bytes equal H5Tconvert's for rows of T.
template <class T>
void check_packer_matches_hdf5() {
    const h5::Datatype memory = h5::h5_type<T>::memory();
    const h5::Datatype file = h5::h5_type<T>::file();
    const auto packer = h5::RowPacker::plain(memory.get(), file.get());
    REQUIRE(packer.has_value());
    constexpr std::size_t count = 37;
    const std::vector<T> rows = patterned_rows<T>(count);
    const std::size_t file_bytes = H5Tget_size(file.get());
    std::vector<std::byte> packed(count * file_bytes);
    packer->pack(rows.data(), count, packed.data());

    std::vector<std::byte> converted(count * std::max(sizeof(T), file_bytes));
    std::vector<std::byte> background(converted.size());
    std::memcpy(converted.data(), rows.data(), count * sizeof(T));
    REQUIRE(H5Tconvert(memory.get(), file.get(), count, converted.data(), background.data(),
                       H5P_DEFAULT) >= 0);
    converted.resize(count * file_bytes);
    CHECK(packed == converted);
}

}  // namespace

TEST_CASE("RowPacker packs the recorded tables' rows exactly as H5Tconvert does", "[output]") {
    check_packer_matches_hdf5<Event>();
    check_packer_matches_hdf5<AreaWeek>();
    check_packer_matches_hdf5<output::PersonRow>();
}

TEST_CASE("RowPacker declines types whose members need HDF5's conversion", "[output]") {
    // A u32 held in memory stored as a big-endian or a 2-byte integer, and a non-compound type.
    const h5::Datatype memory(H5Tcreate(H5T_COMPOUND, 4));
    REQUIRE(H5Tinsert(memory.get(), "x", 0, H5T_NATIVE_UINT32) >= 0);
    const h5::Datatype big_endian(H5Tcreate(H5T_COMPOUND, 4));
    REQUIRE(H5Tinsert(big_endian.get(), "x", 0, H5T_STD_U32BE) >= 0);
    const h5::Datatype narrower(H5Tcreate(H5T_COMPOUND, 2));
    REQUIRE(H5Tinsert(narrower.get(), "x", 0, H5T_STD_U16LE) >= 0);
    const h5::Datatype renamed(H5Tcreate(H5T_COMPOUND, 4));
    REQUIRE(H5Tinsert(renamed.get(), "y", 0, H5T_STD_U32LE) >= 0);
    const h5::Datatype same(H5Tcreate(H5T_COMPOUND, 4));
    REQUIRE(H5Tinsert(same.get(), "x", 0, H5T_STD_U32LE) >= 0);
    CHECK_FALSE(h5::RowPacker::plain(memory.get(), big_endian.get()).has_value());
    CHECK_FALSE(h5::RowPacker::plain(memory.get(), narrower.get()).has_value());
    CHECK_FALSE(h5::RowPacker::plain(memory.get(), renamed.get()).has_value());
    CHECK_FALSE(h5::RowPacker::plain(H5T_NATIVE_UINT32, H5T_STD_U32LE).has_value());
    CHECK(h5::RowPacker::plain(memory.get(), same.get()).has_value());
}

}  // namespace test_appended_table
