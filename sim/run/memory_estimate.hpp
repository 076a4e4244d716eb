// The memory a run of a scenario needs, estimated from the sizes of the world's columns before
// anything is allocated (issue 6: a scenario that cannot fit is refused with a message, not killed
// by the kernel hours in). One replication's world (plus the compact snapshot arms restore from)
// is what must fit: replications side by side hold one each, and run only as many at once as fit
// (sim/run/side_by_side.hpp), whatever the thread count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sim/scenario/scenario.hpp"

namespace jobsim {

struct MemoryEstimate {
    std::uint64_t persons_bytes = 0;    ///< persons' columns, network slots, weekly applications
    std::uint64_t employers_bytes = 0;  ///< employers' columns and their open vacancies
    std::uint64_t other_bytes = 0;      ///< coaches, the arms' snapshot, program and buffers

    [[nodiscard]] std::uint64_t total() const {
        return persons_bytes + employers_bytes + other_bytes;
    }
};

/// Bytes a world of this scenario holds per person (persons' columns, network, applications).
[[nodiscard]] std::uint64_t bytes_per_person();

/// Bytes an employer holds (its columns and its share of open vacancies).
[[nodiscard]] std::uint64_t bytes_per_employer();

/// The estimate for one replication of `scenario`.
[[nodiscard]] MemoryEstimate estimate_memory(const Scenario& scenario);

/// The memory an estimate is compared with.
struct MemoryLimit {
    std::uint64_t bytes = 0;
    bool from_environment = false;  ///< JOBSIM_MEMORY_BYTES, not the machine's physical memory
};

/// The memory to compare an estimate with: JOBSIM_MEMORY_BYTES when set (a number of bytes, with
/// an optional K, M, G or T suffix, powers of 1024), else the machine's physical memory
/// (sysconf); nullopt when JOBSIM_MEMORY_BYTES is "unlimited" (the check is skipped).
/// @throws UsageError when JOBSIM_MEMORY_BYTES is set to something else.
[[nodiscard]] std::optional<MemoryLimit> memory_available();

/// "12.3 GiB".
[[nodiscard]] std::string bytes_text(std::uint64_t bytes);

/// The problem with running `scenario` when it needs more than the limit, reported at the
/// key that sizes the largest part (population.persons or labour_market.employers_per_area);
/// nullopt when it fits.
[[nodiscard]] std::optional<ConsistencyProblem> memory_problem(const Scenario& scenario,
                                                               const MemoryLimit& limit);

}  // namespace jobsim
