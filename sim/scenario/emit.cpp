// The fully resolved scenario as YAML: every key in describe() order, defaults included. It is
// stored in each output file, and loads back to an equal scenario (numbers round-trip exactly).
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::scenario {

std::string to_yaml(const Scenario& scenario) {
    Scenario copy = scenario;  // describe() takes mutable references; the writer only reads
    return detail::emit_yaml(detail::Writer::to_tree(copy));
}

}  // namespace jobsim::scenario
