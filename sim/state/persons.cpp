#include "sim/state/persons.hpp"

namespace jobsim {

void Persons::resize(std::uint32_t n) {
    for_each_column([n](auto& column) {
        column.assign(n, typename std::decay_t<decltype(column)>::value_type{});
    });
    employer.assign(n, none<EmployerId>);
    coach.assign(n, none<CoachId>);
}

std::size_t Persons::bytes_per_person() {
    Persons probe;
    std::size_t bytes = 0;
    probe.for_each_column([&bytes](auto& column) {
        bytes += sizeof(typename std::decay_t<decltype(column)>::value_type);
    });
    return bytes;
}

}  // namespace jobsim
