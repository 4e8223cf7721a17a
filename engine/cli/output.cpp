#include "engine/cli/output.h"

#include "engine/cli/commands.h"

#include <algorithm>
#include <ostream>

namespace cairn::cli {

void TextTable::print(std::ostream& out) const
{
    std::vector<std::size_t> width(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], row[i].size());
    };
    measure(m_header);
    for (const auto& r : m_rows)
        measure(r);
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t i = 0; i < width.size(); ++i) {
            std::string cell = i < row.size() ? row[i] : "";
            text += cell;
            if (i + 1 < width.size())
                text += std::string(width[i] - cell.size() + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << '\n';
    };
    line(m_header);
    for (const auto& r : m_rows)
        line(r);
}

std::string csvField(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

void printCsvRow(std::ostream& out, const std::vector<std::string>& fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i ? "," : "") << csvField(fields[i]);
    out << '\n';
}

void printRows(std::ostream& out, bool csv, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows)
{
    if (csv) {
        printCsvRow(out, header);
        for (const auto& row : rows)
            printCsvRow(out, row);
        return;
    }
    TextTable table(header);
    for (const auto& row : rows)
        table.add(row);
    table.print(out);
}

int usageError(std::ostream& err, const std::string& command, const std::string& message)
{
    err << "cairn " << command << ": " << message << "\n(see 'cairn " << command << " --help')\n";
    return kExitUsage;
}

} // namespace cairn::cli
