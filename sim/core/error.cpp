#include "sim/core/error.hpp"

#include <algorithm>
#include <sstream>

namespace jobsim {

namespace {

std::string join_problems(const std::vector<ScenarioProblem>& problems) {
    std::ostringstream out;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (i > 0) {
            out << '\n';
        }
        out << format_problem(problems[i]);
    }
    return out.str();
}

std::vector<ScenarioProblem> sorted_by_position(std::vector<ScenarioProblem> problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ScenarioProblem& a, const ScenarioProblem& b) {
                         if (a.file != b.file) {
                             return a.file < b.file;
                         }
                         if (a.line != b.line) {
                             return a.line < b.line;
                         }
                         return a.column < b.column;
                     });
    return problems;
}

}  // namespace

ScenarioError::ScenarioError(std::vector<ScenarioProblem> problems, SourceLocation where)
    : Error(join_problems(sorted_by_position(problems)), where),
      problems_(sorted_by_position(std::move(problems))) {}

std::string format_problem(const ScenarioProblem& problem) {
    std::ostringstream out;
    out << problem.file;
    if (problem.line > 0) {
        out << ':' << problem.line;
        if (problem.column > 0) {
            out << ':' << problem.column;
        }
    }
    out << ": ";
    if (!problem.key_path.empty()) {
        out << problem.key_path << ": ";
    }
    out << problem.message;
    return out.str();
}

}  // namespace jobsim
