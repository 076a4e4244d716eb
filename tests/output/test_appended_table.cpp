// Tests of the buffered, self-compressed table (output/h5/appended_table.hpp): rows appended in
// uneven batches read back unchanged through HDF5's own read pipeline, and until finish() the
// table's extent covers only whole stored chunks.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>
#include <hdf5.h>

#include "output/h5/appended_table.hpp"
#include "output/h5/objects.hpp"
#include "output/h5/recorded_types.hpp"
#include "tests/output/h5_read.hpp"

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
