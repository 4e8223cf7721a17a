// Output helpers shared by the commands: aligned text tables and RFC 4180 CSV.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cairn::cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

std::string csvField(const std::string& field);
void printCsvRow(std::ostream& out, const std::vector<std::string>& fields);
// The header and rows as CSV when `csv`, else as an aligned text table.
void printRows(std::ostream& out, bool csv, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

// Reports a usage error the same way for every command; returns kExitUsage.
int usageError(std::ostream& err, const std::string& command, const std::string& message);

} // namespace cairn::cli
