#include <vector>

#include <catch2/catch.hpp>

#include "sim/state/network.hpp"

namespace test_network {

using namespace jobsim;

TEST_CASE("network: a tie slot takes 4 bytes", "[state]") {
    // Issue 5: 4-8 bytes per edge. Slots are fixed per person, so the slot size is what counts.
    CHECK(sizeof(Tie) == 4);
    CHECK(Network::bytes_per_person() == Network::capacity * 4 + 1);
}

TEST_CASE("network: a tie keeps the largest contact index and every flag bit", "[state]") {
    const std::uint32_t largest = (1u << tie_contact_bits) - 1u;
    CHECK(largest >= max_persons - 1u);
    const auto all_flags = static_cast<std::uint8_t>(tie_strong | tie_bridging | tie_dispersed |
                                                     tie_mentor | tie_peer);
    const Tie tie = make_tie(largest, all_flags);
    CHECK(tie.contact == largest);
    CHECK(tie.flags == all_flags);
    const Tie low = make_tie(7, tie_mentor);
    CHECK(low.contact == 7);
    CHECK(low.flags == tie_mentor);
}

TEST_CASE("network: add_tie lists the tie at both ends with the dispersed bit set by area",
          "[state]") {
    const std::vector<AreaId> area{AreaId{0}, AreaId{0}, AreaId{1}};
    Network network;
    network.reset(area, 2);
    CHECK(network.add_tie(0, 2, tie_strong, area));
    CHECK(network.add_tie(1, 0, tie_peer | tie_dispersed, area));
    CHECK_FALSE(network.add_tie(2, 0, 0, area));  // already tied
    REQUIRE(network.ties(0).size() == 2);
    CHECK(network.ties(0)[0].contact == 2);
    CHECK(network.ties(0)[0].flags == (tie_strong | tie_dispersed));
    CHECK(network.ties(2)[0].contact == 0);
    CHECK(network.ties(0)[1].contact == 1);
    CHECK(network.ties(1)[0].flags == tie_peer);  // same area: not dispersed
}

}  // namespace test_network
