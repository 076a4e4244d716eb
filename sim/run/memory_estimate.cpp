#include "sim/run/memory_estimate.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/state/world.hpp"

#include <unistd.h>

namespace jobsim {

namespace {

template <class Vector>
constexpr std::uint64_t element_bytes() {
    return sizeof(typename Vector::value_type);
}

/// Applications a person sends in a week, on average over everyone (most are in work and send
/// none; the unemployed send a few): storage for the week's list, kept between weeks.
constexpr std::uint64_t applications_per_person = 1;
/// Open vacancies per employer at any time (most small firms have none or one).
constexpr std::uint64_t vacancies_per_employer = 1;
/// Generation's temporary tables and the week's working lists, per person: measured, a run of
/// 2 million persons at the summary level peaks at 480 MB, about 207 bytes a person above the
/// program's own 66 MB, against 182 bytes of columns.
constexpr std::uint64_t working_bytes_per_person = 32;
/// The program, its libraries, the output's buffers and the week's small tables.
constexpr std::uint64_t fixed_bytes = 64ULL * 1024 * 1024;
/// A snapshot deflates the persons' columns and ties (mostly small codes): assume a quarter.
constexpr std::uint64_t snapshot_divisor = 4;

}  // namespace

std::uint64_t bytes_per_person() {
    const std::uint64_t applications =
        element_bytes<decltype(Applications::offsets)>() +
        applications_per_person * (element_bytes<decltype(Applications::vacancy)>() +
                                   element_bytes<decltype(Applications::low_fit)>() +
                                   element_bytes<decltype(Applications::channel)>());
    return Persons::bytes_per_person() + Network::bytes_per_person() +
           element_bytes<decltype(Network::area_members)>() + applications +
           working_bytes_per_person;
}

std::uint64_t bytes_per_employer() {
    Vacancies probe;
    std::uint64_t vacancy = 0;
    probe.for_each_column(
        [&vacancy](auto& column) { vacancy += element_bytes<std::decay_t<decltype(column)>>(); });
    const std::uint64_t employer = element_bytes<decltype(Employers::area)>() +
                                   element_bytes<decltype(Employers::sector)>() +
                                   element_bytes<decltype(Employers::target_size)>() +
                                   element_bytes<decltype(Employers::headcount)>();
    return employer + vacancies_per_employer * vacancy;
}

MemoryEstimate estimate_memory(const Scenario& scenario) {
    const std::uint64_t persons = scenario.population.persons;
    const std::uint64_t areas = scenario.population.areas;
    const std::uint64_t employers = areas * scenario.labour_market.employers_per_area;
    const std::uint64_t coaches = areas * scenario.service.coaches_per_area;
    const std::uint64_t coach_bytes = element_bytes<decltype(Coaches::area)>() +
                                      element_bytes<decltype(Coaches::hours_per_week)>() +
                                      element_bytes<decltype(Coaches::caseload)>() +
                                      element_bytes<decltype(Coaches::meetings_due)>() +
                                      element_bytes<decltype(Coaches::minutes_per_meeting)>();
    MemoryEstimate estimate;
    estimate.persons_bytes = persons * bytes_per_person();
    estimate.employers_bytes = employers * bytes_per_employer();
    const std::uint64_t snapshot =
        scenario.arms.empty() || scenario.burn_in_weeks == 0  // no burn-in: arms regenerate
            ? 0
            : persons * (Persons::bytes_per_person() + Network::bytes_per_person()) /
                  snapshot_divisor;
    estimate.other_bytes = coaches * coach_bytes + snapshot + fixed_bytes;
    return estimate;
}

std::string bytes_text(std::uint64_t bytes) {
    constexpr double gib = 1024.0 * 1024.0 * 1024.0;
    constexpr double mib = 1024.0 * 1024.0;
    const double value = static_cast<double>(bytes);
    if (value >= gib) {
        return message(static_cast<double>(static_cast<std::uint64_t>(value / gib * 10.0)) / 10.0,
                       " GiB");
    }
    if (value >= mib) {
        return message(static_cast<double>(static_cast<std::uint64_t>(value / mib * 10.0)) / 10.0,
                       " MiB");
    }
    return message(bytes, " bytes");
}

std::optional<MemoryLimit> memory_available() {
    const char* setting = std::getenv("JOBSIM_MEMORY_BYTES");
    if (setting == nullptr || *setting == '\0') {
        const long pages = sysconf(_SC_PHYS_PAGES);
        const long page_size = sysconf(_SC_PAGESIZE);
        if (pages <= 0 || page_size <= 0) {
            return std::nullopt;  // unknown: nothing to compare with
        }
        return MemoryLimit{.bytes = static_cast<std::uint64_t>(pages) *
                                    static_cast<std::uint64_t>(page_size)};
    }
    const std::string_view text(setting);
    if (text == "unlimited") {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
    int shift = 0;
    if (suffix.size() == 1) {
        switch (std::toupper(static_cast<unsigned char>(suffix.front()))) {
            case 'K':
                shift = 10;
                break;
            case 'M':
                shift = 20;
                break;
            case 'G':
                shift = 30;
                break;
            case 'T':
                shift = 40;
                break;
            default:
                shift = -1;
        }
        suffix.remove_prefix(1);
    }
    if (error != std::errc{} || end == text.data() || !suffix.empty() || shift < 0 ||
        value > (~std::uint64_t{0} >> shift)) {
        throw UsageError(message("JOBSIM_MEMORY_BYTES='", text,
                                 "': expected a number of bytes (e.g. 64G) or 'unlimited'"));
    }
    return MemoryLimit{.bytes = value << shift, .from_environment = true};
}

std::optional<ConsistencyProblem> memory_problem(const Scenario& scenario,
                                                 const MemoryLimit& limit) {
    const MemoryEstimate estimate = estimate_memory(scenario);
    if (estimate.total() <= limit.bytes) {
        return std::nullopt;
    }
    const bool employers = estimate.employers_bytes > estimate.persons_bytes;
    const std::uint64_t areas = scenario.population.areas;
    return ConsistencyProblem{
        .key_path = employers ? "labour_market.employers_per_area" : "population.persons",
        .message = message(
            "the run needs about ", bytes_text(estimate.total()), " of memory (",
            scenario.population.persons, " persons x ", bytes_per_person(), " bytes, ",
            areas * scenario.labour_market.employers_per_area, " employers x ",
            bytes_per_employer(), " bytes, and ", bytes_text(estimate.other_bytes),
            " besides) but ",
            limit.from_environment ? "JOBSIM_MEMORY_BYTES allows " : "this machine has ",
            bytes_text(limit.bytes),
            "; expected a scenario that fits (set JOBSIM_MEMORY_BYTES to the memory a cluster "
            "node has, or to 'unlimited', to run it anyway)")};
}

}  // namespace jobsim
