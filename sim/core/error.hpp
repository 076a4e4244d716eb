// Error types, one per layer: bad input (exit 2), failure while running (exit 1), output I/O (exit
// 1). The executable's main() is the single place that maps these to exit codes and messages.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>
#include <version>

#if defined(__cpp_lib_source_location)
#    include <source_location>
#endif

namespace jobsim {

#if defined(__cpp_lib_source_location)
using SourceLocation = std::source_location;
#else
/// Clang 14 (Debian's, used for libFuzzer and clang-tidy) lacks the builtin std::source_location
/// needs with libstdc++: the throw site is then unknown.
struct SourceLocation {
    static constexpr SourceLocation current() noexcept { return {}; }
    [[nodiscard]] constexpr const char* file_name() const noexcept { return ""; }
    [[nodiscard]] constexpr const char* function_name() const noexcept { return ""; }
    [[nodiscard]] constexpr unsigned line() const noexcept { return 0; }
    [[nodiscard]] constexpr unsigned column() const noexcept { return 0; }
};
#endif

/// Base of every error jobsim raises on purpose; carries the throw site for developers.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, SourceLocation where = SourceLocation::current())
        : std::runtime_error(message), where_(where) {}
    [[nodiscard]] const SourceLocation& where() const { return where_; }

private:
    SourceLocation where_;
};

/// One problem found in a scenario: where it is and what was expected.
struct ScenarioProblem {
    std::string file;      ///< scenario file, or "--set" for a command-line override
    int line = 0;          ///< 1-based; 0 when unknown
    int column = 0;        ///< 1-based; 0 when unknown
    std::string key_path;  ///< e.g. "population.persons"
    std::string message;   ///< what is wrong and what was expected (with "did you mean" if any)
};

/// Bad input: the scenario (or an override) is invalid. Holds every problem found, sorted by line.
class ScenarioError : public Error {
public:
    explicit ScenarioError(std::vector<ScenarioProblem> problems,
                           SourceLocation where = SourceLocation::current());
    [[nodiscard]] const std::vector<ScenarioProblem>& problems() const { return problems_; }

private:
    std::vector<ScenarioProblem> problems_;
};

/// Bad input that is not a scenario key: a missing file, an output that exists without --force.
class UsageError : public Error {
public:
    using Error::Error;
};

/// An invariant broken while running (a bug or an impossible state): exit 1.
class RunError : public Error {
public:
    using Error::Error;
};

/// A file could not be created, written or renamed: exit 1.
class OutputError : public Error {
public:
    using Error::Error;
};

/// Formats one problem as "file:line:column: key: message".
[[nodiscard]] std::string format_problem(const ScenarioProblem& problem);

}  // namespace jobsim
