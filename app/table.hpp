// The one plain-text table printer of the command line: a header row, then rows, columns padded
// to their widest cell; text left-aligned, numbers right-aligned.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace jobsim::app {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header);

    /// Adds a row; it must have as many cells as the header.
    void add_row(std::vector<std::string> cells);
    /// Prints the header, a rule and every row.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

/// `value` with `decimals` digits after the point.
[[nodiscard]] std::string fixed(double value, int decimals);

}  // namespace jobsim::app
