// readCsv: loads a CSV file into typed columns with CsvReader (see csv_table.h for the rules).
#include "engine/analysis/csv_table.h"

#include <cmath>
#include <functional>
#include <limits>
#include <unordered_map>

namespace cairn::analysis {
namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// What pandas' CSV reader takes as an int64: an optional sign and 1 to 18 digits.
bool isIntegerLiteral(std::string_view s)
{
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    if (s.empty() || s.size() > 18)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

struct Loader {
    Column* column = nullptr;
    std::size_t index = 0;  // field index in the row
    bool failed = false;    // a value did not parse: reload as text
    bool integral = true;   // every value so far an integer literal, none missing
    std::size_t failedLine = 0;
    std::string failedValue;
    std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>> dict;

    void add(std::string_view field, std::size_t line)
    {
        if (column->text) {
            if (isMissingToken(field)) {
                column->codes.push_back(-1);
                return;
            }
            auto it = dict.find(field);
            if (it == dict.end()) {
                it = dict.emplace(std::string(field), static_cast<std::int32_t>(column->categories.size())).first;
                column->categories.emplace_back(field);
            }
            column->codes.push_back(it->second);
            return;
        }
        double v = std::numeric_limits<double>::quiet_NaN();
        if (integral)
            integral = isIntegerLiteral(field);
        if (!isMissingToken(field) && !parseDouble(field, v)) {
            if (!failed) {
                failedLine = line;
                failedValue = std::string(field.substr(0, 100));
            }
            failed = true;
            v = std::numeric_limits<double>::quiet_NaN();
        }
        column->num.push_back(v);
    }
};

} // namespace

Result<Table> readCsv(const std::string& path, const CsvReadOptions& opts)
{
    auto reader = CsvReader::open(path, opts);
    if (!reader)
        return reader.error();
    std::vector<std::string_view> fields;
    if (auto st = reader->header(fields); !st)
        return st.error();
    Table table;
    table.path = path;
    std::vector<std::string> header;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string name(fields[i]);
        if (name.empty())
            name = "Unnamed: " + std::to_string(i);  // pandas' name for an unnamed column
        if (!seen.insert(name).second)
            return makeError(path + ":" + std::to_string(reader->rowLine()) + ": column '" + name +
                             "' appears twice in the header");
        header.push_back(name);
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!opts.only.empty() && !opts.only.count(header[i]))
            continue;
        Column c;
        c.name = header[i];
        c.text = opts.forceText.count(c.name) > 0;
        c.type = c.text ? ColumnType::Categorical : ColumnType::Numeric;
        table.columns.push_back(std::move(c));
    }
    std::vector<Loader> loaders(table.columns.size());
    for (std::size_t k = 0, i = 0; i < header.size(); ++i) {
        if (k < table.columns.size() && table.columns[k].name == header[i]) {
            loaders[k].column = &table.columns[k];
            loaders[k].index = i;
            ++k;
        }
    }
    for (;;) {
        auto more = reader->nextRow(fields, header.size());
        if (!more)
            return more.error();
        if (!*more)
            break;
        for (auto& l : loaders)
            l.add(fields[l.index], reader->rowLine());
        ++table.rows;
    }
    for (auto& l : loaders)
        l.column->integral = !l.column->text && l.integral && table.rows > 0;
    // Columns with text in them: read again, as text, only those columns.
    CsvReadOptions again = opts;
    again.only.clear();
    for (const auto& l : loaders)
        if (l.failed) {
            again.only.insert(l.column->name);
            again.forceText.insert(l.column->name);
        }
    if (!again.only.empty()) {
        auto text = readCsv(path, again);
        if (!text)
            return text.error();
        for (std::size_t k = 0; k < table.columns.size(); ++k) {
            auto& c = table.columns[k];
            if (const Column* t = text->find(c.name)) {
                c = *t;
                c.firstTextLine = loaders[k].failedLine;
                c.firstText = loaders[k].failedValue;
            }
        }
    }
    return table;
}

} // namespace cairn::analysis
