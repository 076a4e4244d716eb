#include "sim/state/world_snapshot.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <type_traits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "sim/core/deflate.hpp"

namespace jobsim {

namespace {

/// Bytes of a column compressed as one block: large enough to deflate well, small enough that a
/// million persons' columns split into some hundreds of blocks to share among threads.
constexpr std::size_t block_bytes = std::size_t{256} << 10;

/// A column as bytes.
struct ColumnBytes {
    std::byte* data;
    std::size_t element_bytes;
    std::size_t size;  ///< elements
};

/// A block of a column: elements [first, first + size).
struct BlockRef {
    std::size_t column;
    std::size_t first;
    std::size_t size;
};

template <class Column>
ColumnBytes column_bytes(Column& column) {
    using Value = typename Column::value_type;
    static_assert(std::is_trivially_copyable_v<Value>, "a column is compressed as its bytes");
    static_assert(block_bytes % sizeof(Value) == 0, "a block holds whole elements");
    return {reinterpret_cast<std::byte*>(column.data()), sizeof(Value), column.size()};
}

/// Every compressed column, in order: the persons' columns (all of them, through their one list),
/// then the network's degrees and by-area member index.
std::vector<ColumnBytes> compressed_columns(Persons& persons, Network& network) {
    std::vector<ColumnBytes> columns;
    persons.for_each_column([&columns](auto& column) { columns.push_back(column_bytes(column)); });
    columns.push_back(column_bytes(network.degree));
    columns.push_back(column_bytes(network.area_members));
    return columns;
}

std::vector<BlockRef> blocks_of(const std::vector<ColumnBytes>& columns) {
    std::vector<BlockRef> blocks;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::size_t per_block = block_bytes / columns[c].element_bytes;
        for (std::size_t first = 0; first < columns[c].size; first += per_block) {
            blocks.push_back({c, first, std::min(per_block, columns[c].size - first)});
        }
    }
    return blocks;
}

/// Calls body(k) for every k in [0, count), one task each (blocks are large).
template <class Body>
void for_each_task(std::size_t count, const Body& body) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 1),
                      [&body](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t k = range.begin(); k != range.end(); ++k) {
                              body(k);
                          }
                      });
}

/// Persons per block of the network's ties: at most a column block's bytes of contacts, so the
/// per-thread scratch buffers stay small (they live as long as the threads).
constexpr std::size_t persons_per_block = block_bytes / (Network::capacity * sizeof(std::uint32_t));

std::size_t person_blocks(std::size_t persons) {
    return (persons + persons_per_block - 1) / persons_per_block;
}

/// Calls body(b, begin, end) for each block b of persons [begin, end), in parallel.
template <class Body>
void for_each_person_block(std::size_t persons, const Body& body) {
    for_each_task(person_blocks(persons), [&](std::size_t b) {
        body(b, b * persons_per_block, std::min(persons, (b + 1) * persons_per_block));
    });
}

/// Signed distances as unsigned with small magnitudes small: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
std::uint32_t zigzag(std::int32_t value) {
    const auto bits = static_cast<std::uint32_t>(value);
    return (bits << 1) ^ (0U - (bits >> 31));  // all ones for a negative value
}

std::int64_t unzigzag(std::uint32_t value) {
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1u);
}

/// Values shuffled and deflated, or kept as they are when deflate saves under an eighth (columns
/// of continuous values): restoring them is then a copy. The bytes are an exact-size copy: the
/// scratch buffers' capacities are larger.
WorldSnapshot::Packed pack(std::span<const std::byte> values, std::size_t element_bytes) {
    thread_local std::vector<std::byte> shuffled;
    thread_local std::vector<std::byte> deflated;
    std::span<const std::byte> input = values;
    if (element_bytes > 1) {
        shuffled.resize(values.size());
        shuffle_bytes_into(values, element_bytes, shuffled);
        input = shuffled;
    }
    deflate_fast(input, deflated);
    WorldSnapshot::Packed packed;
    packed.deflated = deflated.size() <= values.size() - values.size() / 8;
    const std::span<const std::byte> kept =
        packed.deflated ? std::span<const std::byte>(deflated) : values;
    packed.bytes.assign(kept.begin(), kept.end());
    return packed;
}

/// Writes what `pack` packed back into `values` (which must be its size).
void unpack(const WorldSnapshot::Packed& packed, std::size_t element_bytes,
            std::span<std::byte> values) {
    if (!packed.deflated) {
        if (packed.bytes.size() != values.size()) {
            throw std::logic_error("WorldSnapshot: a block is not the size of its values");
        }
        std::copy(packed.bytes.begin(), packed.bytes.end(), values.begin());
    } else if (element_bytes == 1) {
        inflate_exact(packed.bytes, values);
    } else {
        thread_local std::vector<std::byte> shuffled;
        shuffled.resize(values.size());
        inflate_exact(packed.bytes, shuffled);
        unshuffle_bytes_into(shuffled, element_bytes, values);
    }
}

/// The members of World other than persons and network, copied as they are. A new member of World
/// must be added here, and a new member of Network to take and restore: the static_asserts fail
/// until it is (sizes as on x86-64 with libstdc++). New person columns need nothing: they are all
/// compressed through Persons' one list of columns.
void copy_small_members(const World& from, World& to) {
    static_assert(sizeof(World) - sizeof(Persons) == 1368,
                  "World changed: copy the new member in copy_small_members (world_snapshot.cpp) "
                  "and compare it in tests/sim/state/test_world_snapshot.cpp");
    static_assert(sizeof(Network) == 4 * sizeof(std::vector<std::uint32_t>),
                  "Network changed: keep the new member in WorldSnapshot (world_snapshot.cpp) "
                  "and compare it in tests/sim/state/test_world_snapshot.cpp");
    to.coaches = from.coaches;
    to.employers = from.employers;
    to.vacancies = from.vacancies;
    to.areas = from.areas;
    to.provider_market = from.provider_market;
    to.employer_links = from.employer_links;
    to.coaches_by_area = from.coaches_by_area;
    to.vacancies_by_area = from.vacancies_by_area;
    to.applications = from.applications;
    to.ended_jobs = from.ended_jobs;
    to.search_areas = from.search_areas;
    to.low_pay_threshold_per_hour = from.low_pay_threshold_per_hour;
    to.next_vacancy_serial = from.next_vacancy_serial;
    to.sector_separation_multiplier = from.sector_separation_multiplier;
    to.sector_demand_multiplier = from.sector_demand_multiplier;
    to.coach_targets = from.coach_targets;
    to.service_design = from.service_design;
}

}  // namespace

WorldSnapshot WorldSnapshot::take(const World& world) {
    const Network& network = world.network;
    if (network.slots.size() != network.degree.size() * Network::capacity) {
        throw std::logic_error("WorldSnapshot: the network's slots do not match its degrees");
    }
    WorldSnapshot snapshot;

    // for_each_column has no const overload; the columns are only read here.
    World& source = const_cast<World&>(world);
    const std::vector<ColumnBytes> columns = compressed_columns(source.persons, source.network);
    for (const ColumnBytes& column : columns) {
        snapshot.column_sizes_.push_back(column.size);
    }
    const std::vector<BlockRef> blocks = blocks_of(columns);
    snapshot.blocks_.resize(blocks.size());
    for_each_task(blocks.size(), [&](std::size_t k) {
        const BlockRef& block = blocks[k];
        const ColumnBytes& column = columns[block.column];
        snapshot.blocks_[k] = pack(
            {column.data + block.first * column.element_bytes, block.size * column.element_bytes},
            column.element_bytes);
    });

    // Ties as two columns per block of persons: the contact as its zigzagged distance from the
    // person (contacts mostly live in the same area, and areas are runs of persons, so the high
    // bytes are runs of zeros), and the flags.
    snapshot.tie_blocks_.resize(2 * person_blocks(network.degree.size()));
    for_each_person_block(
        network.degree.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
            thread_local std::vector<std::uint32_t> distance;
            thread_local std::vector<std::uint8_t> flags;
            distance.clear();
            flags.clear();
            for (std::size_t i = begin; i < end; ++i) {
                for (const Tie& tie : network.ties(static_cast<std::uint32_t>(i))) {
                    distance.push_back(zigzag(static_cast<std::int32_t>(tie.contact) -
                                              static_cast<std::int32_t>(i)));
                    flags.push_back(static_cast<std::uint8_t>(tie.flags));
                }
            }
            snapshot.tie_blocks_[2 * b] =
                pack(std::as_bytes(std::span(distance)), sizeof(std::uint32_t));
            snapshot.tie_blocks_[2 * b + 1] = pack(std::as_bytes(std::span(flags)), 1);
        });
    snapshot.area_offsets_ = network.area_offsets;
    copy_small_members(world, snapshot.rest_);
    return snapshot;
}

World WorldSnapshot::restore() const {
    World world;
    copy_small_members(rest_, world);
    std::size_t c = 0;
    world.persons.for_each_column([&](auto& column) { column.resize(column_sizes_[c++]); });
    world.network.degree.resize(column_sizes_[c++]);
    world.network.area_members.resize(column_sizes_[c]);

    const std::vector<ColumnBytes> columns = compressed_columns(world.persons, world.network);
    const std::vector<BlockRef> blocks = blocks_of(columns);
    if (blocks.size() != blocks_.size()) {
        throw std::logic_error("WorldSnapshot: blocks do not match the columns");
    }
    for_each_task(blocks.size(), [&](std::size_t k) {
        const BlockRef& block = blocks[k];
        const ColumnBytes& column = columns[block.column];
        unpack(
            blocks_[k], column.element_bytes,
            {column.data + block.first * column.element_bytes, block.size * column.element_bytes});
    });

    // The degrees are back; each person's ties go back to their slots, the rest stay zero.
    Network& network = world.network;
    network.area_offsets = area_offsets_;
    network.slots.assign(network.degree.size() * Network::capacity, Tie{});
    for_each_person_block(
        network.degree.size(), [&](std::size_t b, std::size_t begin, std::size_t end) {
            std::size_t used = 0;
            for (std::size_t i = begin; i < end; ++i) {
                used += network.degree[i];
            }
            thread_local std::vector<std::uint32_t> distance;
            thread_local std::vector<std::uint8_t> flags;
            distance.resize(used);
            flags.resize(used);
            unpack(tie_blocks_[2 * b], sizeof(std::uint32_t),
                   std::as_writable_bytes(std::span(distance)));
            unpack(tie_blocks_[2 * b + 1], 1, std::as_writable_bytes(std::span(flags)));
            std::size_t next = 0;
            for (std::size_t i = begin; i < end; ++i) {
                for (Tie& tie : network.ties(static_cast<std::uint32_t>(i))) {
                    const auto contact = static_cast<std::int64_t>(i) + unzigzag(distance[next]);
                    tie = make_tie(static_cast<std::uint32_t>(contact), flags[next]);
                    ++next;
                }
            }
        });
    return world;
}

std::size_t WorldSnapshot::compressed_bytes() const {
    std::size_t bytes = 0;
    for (const auto& block : blocks_) {
        bytes += block.bytes.size();
    }
    for (const auto& block : tie_blocks_) {
        bytes += block.bytes.size();
    }
    return bytes;
}

}  // namespace jobsim
