#include "sim/state/world_snapshot.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
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

/// The ties of a block of persons as kept: each tie once, by its end with the smaller index i
/// (the "upper" tie, its contact above i), as four columns:
/// - per person, a mask of the slots holding upper ties (the others are filled from the other
///   end);
/// - per upper tie, in slot order: the contact's distance above i (contacts mostly live in the
///   same area, and areas are runs of persons, so the high bytes are runs of zeros), the tie's
///   flags (the same at both ends), and the slot the tie takes in the contact's list.
struct TieColumns {
    std::vector<std::uint16_t> upper_slots;
    std::vector<std::uint32_t> distance;
    std::vector<std::uint8_t> flags;
    std::vector<std::uint8_t> back_slot;

    /// Returns the block's lower ties (those kept by the other end), to check they are as many as
    /// the upper ones. @throws std::logic_error when a tie is not listed, with the same flags, at
    /// its other end
    std::size_t take(const Network& network, std::size_t begin, std::size_t end) {
        static_assert(Network::capacity <= 16, "a slot mask has one bit per slot");
        upper_slots.assign(end - begin, 0);
        distance.clear();
        flags.clear();
        back_slot.clear();
        std::size_t lower = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const auto person = static_cast<std::uint32_t>(i);
            const auto ties = network.ties(person);
            for (std::uint32_t s = 0; s < ties.size(); ++s) {
                if (ties[s].contact <= person) {
                    ++lower;
                    continue;
                }
                upper_slots[i - begin] =
                    static_cast<std::uint16_t>(upper_slots[i - begin] | 1u << s);
                distance.push_back(ties[s].contact - person);
                flags.push_back(static_cast<std::uint8_t>(ties[s].flags));
                back_slot.push_back(slot_of(network, ties[s].contact, person, ties[s].flags));
            }
        }
        return lower;
    }

    void pack_into(WorldSnapshot::Packed* out) const {
        out[0] = pack(std::as_bytes(std::span(upper_slots)), sizeof(std::uint16_t));
        out[1] = pack(std::as_bytes(std::span(distance)), sizeof(std::uint32_t));
        out[2] = pack(std::as_bytes(std::span(flags)), 1);
        out[3] = pack(std::as_bytes(std::span(back_slot)), 1);
    }

    /// Reads back the block's columns; `network`'s degrees must be restored.
    void unpack_from(const WorldSnapshot::Packed* in, std::size_t begin, std::size_t end) {
        upper_slots.resize(end - begin);
        unpack(in[0], sizeof(std::uint16_t), std::as_writable_bytes(std::span(upper_slots)));
        std::size_t upper = 0;
        for (const std::uint16_t mask : upper_slots) {
            upper += static_cast<std::size_t>(std::popcount(mask));
        }
        distance.resize(upper);
        flags.resize(upper);
        back_slot.resize(upper);
        unpack(in[1], sizeof(std::uint32_t), std::as_writable_bytes(std::span(distance)));
        unpack(in[2], 1, std::as_writable_bytes(std::span(flags)));
        unpack(in[3], 1, std::as_writable_bytes(std::span(back_slot)));
    }

    /// Writes each upper tie into its slot at both ends.
    void restore(Network& network, std::size_t begin, std::size_t end) const {
        std::size_t next = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const auto person = static_cast<std::uint32_t>(i);
            const auto ties = network.ties(person);
            for (std::uint32_t s = 0; s < ties.size(); ++s) {
                if ((upper_slots[i - begin] & (1u << s)) == 0) {
                    continue;
                }
                const std::uint32_t contact = person + distance[next];
                ties[s] = make_tie(contact, flags[next]);
                network.ties(contact)[back_slot[next]] = make_tie(person, flags[next]);
                ++next;
            }
        }
    }

private:
    static std::uint8_t slot_of(const Network& network, std::uint32_t person, std::uint32_t contact,
                                std::uint32_t tie_flags) {
        const auto ties = network.ties(person);
        for (std::uint32_t s = 0; s < ties.size(); ++s) {
            if (ties[s].contact == contact && ties[s].flags == tie_flags) {
                return static_cast<std::uint8_t>(s);
            }
        }
        throw std::logic_error(
            "WorldSnapshot: a tie is not listed, with the same flags, at both ends");
    }
};

/// Packed columns per block of persons in tie_blocks_.
constexpr std::size_t tie_columns = 4;

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

    // Every tie is listed at both ends, so each is kept once, by the end with the smaller index
    // (issue 5's memory budget: the ties are most of a snapshot). See TieColumns.
    snapshot.tie_blocks_.resize(tie_columns * person_blocks(network.degree.size()));
    std::atomic<std::size_t> upper{0};
    std::atomic<std::size_t> lower{0};
    for_each_person_block(network.degree.size(),
                          [&](std::size_t b, std::size_t begin, std::size_t end) {
                              thread_local TieColumns kept;
                              lower += kept.take(network, begin, end);
                              upper += kept.distance.size();
                              kept.pack_into(&snapshot.tie_blocks_[tie_columns * b]);
                          });
    if (upper != lower) {
        throw std::logic_error("WorldSnapshot: a tie is listed at one end only");
    }
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

    // The degrees are back; each tie goes back to its slot at both ends, the rest stay zero.
    // Blocks write other blocks' persons' slots, but every slot is written by exactly one tie.
    Network& network = world.network;
    network.area_offsets = area_offsets_;
    network.slots.assign(network.degree.size() * Network::capacity, Tie{});
    for_each_person_block(network.degree.size(),
                          [&](std::size_t b, std::size_t begin, std::size_t end) {
                              thread_local TieColumns kept;
                              kept.unpack_from(&tie_blocks_[tie_columns * b], begin, end);
                              kept.restore(network, begin, end);
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
