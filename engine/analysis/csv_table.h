// A streaming RFC 4180 CSV reader that loads columns for analysis (drift, validation).
//
// Rules (documented in docs/drift.md):
//  - the first row is the header; names must be unique and non-empty;
//  - fields may be quoted ("a,b", "say ""hi"""), quoted fields may span lines; LF or CRLF;
//    a UTF-8 byte order mark is skipped; empty lines are skipped (as pandas does);
//  - the missing-value tokens are pandas' defaults ("", "nan", "NaN", "NA", "N/A", "null",
//    "NULL", "None", "<NA>", "#N/A", ...); they are missing in every column;
//  - a column is numeric when every non-missing value parses as a double (surrounding spaces
//    and a leading '+' allowed; "inf"/"-inf" are numbers), otherwise categorical (its text);
//  - memory is bounded per row (maxRowBytes); the file is read in chunks, never whole. readCsv
//    cuts the rows into chunks at row ends and parses them on several threads (csv_chunks.h).
// Errors name the file and line: "ref.csv:17: row has 4 fields, the header has 5".
#pragma once

#include "engine/core/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::analysis {

enum class ColumnType { Numeric, Categorical };

const char* toString(ColumnType t);  // "num" | "cat"

struct Column {
    std::string name;
    ColumnType type = ColumnType::Numeric;  // how the column is judged
    bool text = false;                      // storage: codes + categories (true) or num (false)
    std::vector<double> num;                // numeric values, NaN = missing
    std::vector<std::int32_t> codes;        // text values as category codes, -1 = missing
    std::vector<std::string> categories;    // code -> text
    // Numeric and every value an integer literal, none missing: pandas reads such a column as
    // int64, and numpy (>= 2.1) then makes "sturges" bins at least 1 wide (docs/drift.md).
    bool integral = false;
    // A column read as text because some value is not a number: the first such value and the
    // line it is on (for "non-numeric text in a numeric column" messages).
    std::size_t firstTextLine = 0;
    std::string firstText;
    std::size_t size() const { return text ? codes.size() : num.size(); }
};

struct Table {
    std::string path;
    std::size_t rows = 0;
    std::vector<Column> columns;
    const Column* find(std::string_view name) const;
    std::vector<std::string> names() const;
};

struct CsvReadOptions {
    std::set<std::string> only;            // load only these columns (empty: all)
    std::set<std::string> forceText;       // store these as text even when numeric
    std::size_t maxRowBytes = 64u << 20;   // a longer row is an error
    std::size_t chunkBytes = 1u << 20;
    unsigned threads = 0;                  // readCsv's parser threads (0: hardware concurrency)
};

// Hash for unordered containers of std::string that look up by std::string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// True for pandas' default missing-value tokens.
bool isMissingToken(std::string_view s);
// What pandas' CSV reader takes as an int64: an optional sign and 1 to 18 digits.
bool isIntegerLiteral(std::string_view s);
// Parses a whole field as a double (spaces and a leading '+' allowed); false when it is not one.
bool parseDouble(std::string_view s, double& out);

// Row-at-a-time reader; fields are valid until the next call.
class CsvReader {
public:
    static Result<CsvReader> open(const std::string& path, const CsvReadOptions& opts = {});
    CsvReader(CsvReader&&) noexcept;
    CsvReader& operator=(CsvReader&&) noexcept;
    ~CsvReader();
    // Reads the next non-empty row: true with fields, false at the end, or an error.
    Result<bool> next(std::vector<std::string_view>& fields);
    // The first row; "PATH: file is empty (expected a header row)" when there is none.
    Status header(std::vector<std::string_view>& fields);
    // next(), and "PATH:LINE: row has N fields, the header has W" for a row of another width.
    Result<bool> nextRow(std::vector<std::string_view>& fields, std::size_t width);
    std::size_t rowLine() const { return m_rowLine; }  // 1-based line where the last row began
    std::size_t nextLine() const { return m_line; }    // 1-based line where the next row begins
    std::uint64_t offset() const { return m_consumed + m_pos; }  // file offset of the next row
    const std::string& path() const { return m_path; }

private:
    CsvReader() = default;
    bool fill();
    std::string m_path;
    void* m_file = nullptr;  // FILE*
    CsvReadOptions m_opts;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::uint64_t m_consumed = 0;  // bytes dropped from the front of m_buf
    bool m_eof = false;
    std::size_t m_line = 1;
    std::size_t m_rowLine = 0;
    std::string m_row;
    std::vector<std::size_t> m_ends;
};

Result<Table> readCsv(const std::string& path, const CsvReadOptions& opts = {});

} // namespace cairn::analysis
