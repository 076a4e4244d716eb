// ProposalSlots (sim/mechanisms/social_ties.hpp): per-owner proposal buffers filled in parallel and
// read back per owner; an owner reads back exactly what it wrote, whatever the other slots hold.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/parallel.hpp"

namespace test_social_ties {

namespace {

using jobsim::mechanisms::ProposalSlots;
using jobsim::mechanisms::TieProposal;

}  // namespace

TEST_CASE(
    "Proposal slots give back each owner's proposals in the order written, and none for an "
    "owner who wrote none",
    "[social_ties]") {
    // Owner k proposes k % 4 ties to contacts 10k, 10k + 1, ... (hand-built: a count of 0 to 3).
    constexpr std::uint32_t owners = 10'000;
    ProposalSlots slots(owners, 8);
    jobsim::parallel_for_each(owners, [&](std::uint32_t k) {
        const auto room = slots.room(k);
        for (std::uint32_t t = 0; t < k % 4; ++t) {
            room[t] = {k, 10 * k + t, static_cast<std::uint8_t>(t)};
        }
        slots.set_count(k, k % 4);
    });
    for (std::uint32_t k = 0; k < owners; ++k) {
        const auto proposals = slots.of(k);
        REQUIRE(proposals.size() == k % 4);
        for (std::uint32_t t = 0; t < proposals.size(); ++t) {
            CHECK(proposals[t].person == k);
            CHECK(proposals[t].contact == 10 * k + t);
            CHECK(proposals[t].flags == t);
        }
    }
}

TEST_CASE("Proposal slots of an owner that never set a count read back empty", "[social_ties]") {
    const ProposalSlots slots(3, 8);
    CHECK(slots.of(0).empty());
    CHECK(slots.of(2).empty());
}

}  // namespace test_social_ties
