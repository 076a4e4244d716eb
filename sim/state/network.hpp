// The social network (seed 1E): typed, undirected ties between people, stored per person in
// fixed-capacity slots (ties_per_person_capacity), so ties can be added and removed without
// reallocating. Every tie is listed at both ends. Seeds E1-E5, E19.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/state/persons.hpp"

namespace jobsim {

/// What a tie is, as bits. Weak is "not strong"; bonding is "not bridging".
enum TieFlag : std::uint8_t {
    tie_strong = 1u << 0,     ///< close friend or family (bonding in the seed's sense, E3)
    tie_bridging = 1u << 1,   ///< formed across employment status or area, or at a mixed event
    tie_dispersed = 1u << 2,  ///< the contact lives in another area (E4, N4)
    tie_mentor = 1u << 3,     ///< a mentoring tie (E6)
    tie_peer = 1u << 4,       ///< formed in a peer group or community activity (E7, E8, E15)
};

/// Bits of a Tie's contact: persons are numbered below 2^27 (scenario validation caps
/// population.persons at max_persons), which leaves 5 bits for the TieFlag bits.
inline constexpr unsigned tie_contact_bits = 27;

/// One slot of the network, packed into 4 bytes: the slots are the largest per-person state
/// (capacity x 4 bytes), and 5-byte ties would pad to 8 (issue 5's memory budget).
struct Tie {
    std::uint32_t contact : tie_contact_bits = 0;     ///< person index
    std::uint32_t flags : 32 - tie_contact_bits = 0;  ///< TieFlag bits
};
static_assert(sizeof(Tie) == 4, "a tie is packed into 4 bytes");

/// A tie to `contact` (below 2^tie_contact_bits) carrying TieFlag bits `flags`.
[[nodiscard]] constexpr Tie make_tie(std::uint32_t contact, std::uint8_t flags) {
    Tie tie;
    tie.contact = contact & ((1u << tie_contact_bits) - 1u);
    tie.flags = flags & ((1u << (32 - tie_contact_bits)) - 1u);
    return tie;
}
static_assert(tie_peer < (1u << (32 - tie_contact_bits)), "every TieFlag fits a tie's flag bits");
static_assert(max_persons <= (std::uint64_t{1} << tie_contact_bits),
              "every person index fits a tie's contact bits");

/// Per-person network measures (seed E19: the social-capital instrument).
struct NetworkMeasures {
    std::uint8_t degree = 0;             ///< ties
    std::uint8_t employed_contacts = 0;  ///< contacts in work now
    std::uint8_t strong_employed_contacts = 0;
    float bridging_share = 0.0f;   ///< share of ties that are bridging (0 with no ties)
    float dispersed_share = 0.0f;  ///< share of contacts living in another area
};

struct Network {
    static constexpr std::uint32_t capacity = 16;  ///< slots per person

    std::vector<Tie> slots;            ///< person i's ties are slots[i * capacity, + degree[i])
    std::vector<std::uint8_t> degree;  ///< ties in use per person
    std::vector<std::uint32_t> area_offsets;  ///< persons of area a: area_members[off[a], off[a+1])
    std::vector<std::uint32_t> area_members;  ///< fixed after generation (areas do not change)

    [[nodiscard]] std::uint32_t persons() const {
        return static_cast<std::uint32_t>(degree.size());
    }

    /// Bytes of slots and degree per person, whatever the degree (issue 5's memory budget).
    [[nodiscard]] static constexpr std::size_t bytes_per_person() {
        return capacity * sizeof(Tie) + sizeof(std::uint8_t);
    }

    /// Empty network of n persons, with the by-area member index built from `area`.
    void reset(const std::vector<AreaId>& area, std::uint16_t areas);

    [[nodiscard]] std::span<const Tie> ties(std::uint32_t i) const {
        return {slots.data() + static_cast<std::size_t>(i) * capacity, degree[i]};
    }
    [[nodiscard]] std::span<Tie> ties(std::uint32_t i) {
        return {slots.data() + static_cast<std::size_t>(i) * capacity, degree[i]};
    }
    [[nodiscard]] bool connected(std::uint32_t i, std::uint32_t j) const;

    /// Adds the tie at both ends if i != j, both have a free slot and they are not yet tied.
    /// Returns whether it was added. Call serially (it writes two persons' slots).
    bool add_tie(std::uint32_t i, std::uint32_t j, std::uint8_t flags,
                 const std::vector<AreaId>& area);

    [[nodiscard]] std::uint32_t members_of_area(std::uint16_t a) const {
        return area_offsets[a + 1u] - area_offsets[a];
    }
    [[nodiscard]] std::uint32_t area_member(std::uint16_t a, std::uint32_t k) const {
        return area_members[area_offsets[a] + k];
    }
};

/// Flags a new tie between i and j gets from who they are: a weak tie is bridging when they differ
/// in being in work or live in different areas (E3); strong ties (family, close friends) bond.
/// add_tie sets the dispersed bit.
[[nodiscard]] std::uint8_t tie_flags_between(const Persons& p, std::uint32_t i, std::uint32_t j,
                                             std::uint8_t extra);

/// Network measures of person i now (E19). Safe to call from parallel loops.
[[nodiscard]] NetworkMeasures measure_network(const Network& network, const Persons& persons,
                                              std::uint32_t i);

/// Number of person i's contacts who are in work now (the dose in E2's dose-response).
[[nodiscard]] std::uint32_t employed_contacts(const Network& network, const Persons& persons,
                                              std::uint32_t i);

}  // namespace jobsim
