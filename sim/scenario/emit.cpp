// The fully resolved scenario as YAML: every key in describe() order, defaults included. It is
// stored in each output file, and loads back to an equal scenario (numbers round-trip exactly).
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::scenario {

std::string to_yaml(const Scenario& scenario) {
    Scenario copy = scenario;  // describe() takes mutable references; the writer only reads
    detail::Node root = detail::Writer::to_tree(copy);
    if (!copy.arms.empty()) {
        // Each arm written out in full: the resolved file needs no baseline to read it.
        detail::Node arms = detail::Node::map();
        for (Regime& arm : copy.arms) {
            detail::Node block = detail::Writer::to_tree(arm);
            std::erase_if(block.entries, [](const detail::Entry& e) { return e.key == "name"; });
            arms.entries.push_back(
                {.key = arm.name, .key_position = {}, .value = std::move(block)});
        }
        root.entries.push_back({.key = "arms", .key_position = {}, .value = std::move(arms)});
    }
    return detail::emit_yaml(root);
}

}  // namespace jobsim::scenario
