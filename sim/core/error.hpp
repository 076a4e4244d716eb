// Error types, one per layer: bad input (exit 2), failure while running (exit 1), output I/O (exit
// 1). The executable's main() is the single place that maps these to exit codes and messages.
#pragma once

#include <source_location>
#include <stdexcept>
#include <string>
#include <vector>

namespace jobsim {

/// Base of every error jobsim raises on purpose; carries the throw site for developers.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message,
                   std::source_location where = std::source_location::current())
        : std::runtime_error(message), where_(where) {}
    [[nodiscard]] const std::source_location& where() const { return where_; }

private:
    std::source_location where_;
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
                           std::source_location where = std::source_location::current());
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
