// Plain-text tables for the command line's reports.
#include "app/table.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <utility>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

namespace jobsim::app {
namespace {

/// A number, or "-" standing for a missing one.
bool looks_numeric(const std::string& cell) {
    return !cell.empty() && cell.find_first_not_of("0123456789.,-+e") == std::string::npos;
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header) : header_(std::move(header)) {}

void TextTable::add_row(std::vector<std::string> cells) {
    if (cells.size() != header_.size()) {
        throw RunError(
            message("table row has ", cells.size(), " cells, header has ", header_.size()));
    }
    rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths(header_.size());
    std::vector<bool> numeric(header_.size(), !rows_.empty());
    for (std::size_t column = 0; column < header_.size(); ++column) {
        widths[column] = header_[column].size();
        for (const auto& row : rows_) {
            widths[column] = std::max(widths[column], row[column].size());
            numeric[column] = numeric[column] && looks_numeric(row[column]);
        }
    }
    // A column of numbers, header included, is right-aligned so digits line up.
    const auto print_row = [&](const std::vector<std::string>& cells) {
        for (std::size_t column = 0; column < cells.size(); ++column) {
            out << (column == 0 ? "" : "  ") << (numeric[column] ? std::right : std::left)
                << std::setw(static_cast<int>(widths[column])) << cells[column];
        }
        out << '\n';
    };
    print_row(header_);
    for (std::size_t column = 0; column < widths.size(); ++column) {
        out << (column == 0 ? "" : "  ") << std::string(widths[column], '-');
    }
    out << '\n';
    for (const auto& row : rows_) {
        print_row(row);
    }
}

std::string fixed(double value, int decimals) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(decimals) << value;
    return text.str();
}

}  // namespace jobsim::app
