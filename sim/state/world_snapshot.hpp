// A compact copy of a World, for runs that start several arms (or trial worlds) from one
// checkpoint: the checkpoint is kept as a snapshot rather than as a second World (issue 5's memory
// budget). Persons' columns and the network's degrees and by-area index are byte-shuffled and
// deflated in parallel blocks (most columns are small codes, mostly zero); so are the network's
// ties in use, each kept once though listed at both ends. The other members are small and are
// copied as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/state/world.hpp"

namespace jobsim {

class WorldSnapshot {
public:
    /// A snapshot of `world`, compressed in parallel (in the caller's task arena).
    /// @throws std::logic_error if the network's slots are not `capacity` per degree, or a tie is
    ///         not listed, with the same flags, at both ends
    [[nodiscard]] static WorldSnapshot take(const World& world);

    /// The world as taken: every column and member equal to the original, and each person's ties
    /// in the same slots. Network slots past a person's degree, never read, come back zero.
    [[nodiscard]] World restore() const;

    /// Bytes the snapshot holds on the heap for persons and the network (the large parts).
    [[nodiscard]] std::size_t compressed_bytes() const;

    /// A block of values as kept: shuffled and deflated, or as they are.
    struct Packed {
        std::vector<std::byte> bytes;
        bool deflated = false;
    };

private:
    std::vector<std::size_t> column_sizes_;    ///< elements per compressed column
    std::vector<Packed> blocks_;               ///< every column's blocks, in column order
    std::vector<Packed> tie_blocks_;           ///< per block of persons: TieColumns (.cpp)
    std::vector<std::uint32_t> area_offsets_;  ///< the network's
    World rest_;                               ///< every member but persons and network
};

}  // namespace jobsim
