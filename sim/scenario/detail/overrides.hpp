// --set overrides applied to the file's tree before validation, so an override is checked
// exactly like a value written in the file and its problems name the override.
#pragma once

#include <span>
#include <vector>

#include "sim/scenario/detail/tree.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::scenario::detail {

/// Sets each override's value in `root` (a block), in order, creating missing blocks on the way.
/// A list index follows the list in the file, or the default list (`defaults`, the tree of the
/// default scenario) when the file has none. Nodes an override creates carry its origin index.
void apply_overrides(Node& root, std::span<const Override> overrides, const Node& defaults,
                     std::vector<Finding>& findings);

}  // namespace jobsim::scenario::detail
