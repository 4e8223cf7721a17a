#include "engine/analysis/csv_table.h"

#include <charconv>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cairn::analysis {

const char* toString(ColumnType t) { return t == ColumnType::Numeric ? "num" : "cat"; }

const Column* Table::find(std::string_view name) const
{
    for (const auto& c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

std::vector<std::string> Table::names() const
{
    std::vector<std::string> out;
    for (const auto& c : columns)
        out.push_back(c.name);
    return out;
}

bool isMissingToken(std::string_view s)
{
    static const std::set<std::string_view> tokens = {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"};
    return s.size() <= 8 && tokens.count(s) > 0;
}

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

bool parseDouble(std::string_view s, double& out)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    if (s.size() > 1 && s.front() == '+' && s[1] != '-')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ptr != s.data() + s.size())
        return false;
    if (ec == std::errc::result_out_of_range) {  // overflow -> inf, underflow -> 0 (as strtod)
        out = std::strtod(std::string(s).c_str(), nullptr);
        return true;
    }
    return ec == std::errc();
}

Status CsvReader::header(std::vector<std::string_view>& fields)
{
    auto first = next(fields);
    if (!first)
        return first.error();
    if (!*first)
        return makeError(m_path + ": file is empty (expected a header row)");
    return Ok{};
}

Result<bool> CsvReader::nextRow(std::vector<std::string_view>& fields, std::size_t width)
{
    auto more = next(fields);
    if (more && *more && fields.size() != width)
        return makeError(m_path + ":" + std::to_string(m_rowLine) + ": row has " + std::to_string(fields.size()) +
                         " fields, the header has " + std::to_string(width));
    return more;
}

Result<CsvReader> CsvReader::open(const std::string& path, const CsvReadOptions& opts)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError(path + ": cannot open: " + std::strerror(errno));
    CsvReader r;
    r.m_path = path;
    r.m_file = f;
    r.m_opts = opts;
    r.fill();
    if (r.m_buf.starts_with("\xEF\xBB\xBF"))
        r.m_pos = 3;
    return r;
}

CsvReader::CsvReader(CsvReader&& o) noexcept { *this = std::move(o); }

CsvReader& CsvReader::operator=(CsvReader&& o) noexcept
{
    if (this != &o) {
        if (m_file)
            std::fclose(static_cast<std::FILE*>(m_file));
        m_path = std::move(o.m_path);
        m_file = o.m_file;
        o.m_file = nullptr;
        m_opts = o.m_opts;
        m_buf = std::move(o.m_buf);
        m_pos = o.m_pos;
        m_consumed = o.m_consumed;
        m_eof = o.m_eof;
        m_line = o.m_line;
        m_rowLine = o.m_rowLine;
    }
    return *this;
}

CsvReader::~CsvReader()
{
    if (m_file)
        std::fclose(static_cast<std::FILE*>(m_file));
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_consumed += m_pos;
        m_buf.erase(0, m_pos);
        m_pos = 0;
    }
    const std::size_t old = m_buf.size();
    m_buf.resize(old + m_opts.chunkBytes);
    std::size_t got = std::fread(m_buf.data() + old, 1, m_opts.chunkBytes, static_cast<std::FILE*>(m_file));
    m_buf.resize(old + got);
    if (got == 0)
        m_eof = true;
    return got > 0;
}

Result<bool> CsvReader::next(std::vector<std::string_view>& fields)
{
    enum State { FieldStart, Unquoted, Quoted, AfterQuote };
    for (;;) {
        std::size_t p = m_pos, line = m_line, quoteLine = 0;
        m_row.clear();
        m_ends.clear();
        State st = FieldStart;
        bool sawQuote = false, complete = false, needMore = false;
        const char* b = m_buf.data();
        const std::size_t n = m_buf.size();
        auto endRow = [&](std::size_t afterPos) {
            m_ends.push_back(m_row.size());
            p = afterPos;
            complete = true;
        };
        while (!complete && !needMore) {
            if (p >= n) {
                if (!m_eof) {
                    needMore = true;
                    break;
                }
                if (st == Quoted)
                    return makeError(m_path + ":" + std::to_string(quoteLine) + ": unterminated quoted field");
                if (p == m_pos)
                    return false;
                endRow(p);
                break;
            }
            const char c = b[p];
            if (st == Quoted) {
                const char* q = static_cast<const char*>(std::memchr(b + p, '"', n - p));
                const std::size_t stop = q ? static_cast<std::size_t>(q - b) : n;
                for (std::size_t k = p; k < stop; ++k)
                    line += b[k] == '\n';
                m_row.append(b + p, stop - p);
                p = stop;
                if (!q)
                    continue;
                if (p + 1 >= n && !m_eof) {
                    needMore = true;
                    break;
                }
                if (p + 1 < n && b[p + 1] == '"') {
                    m_row.push_back('"');
                    p += 2;
                } else {
                    st = AfterQuote;
                    ++p;
                }
                continue;
            }
            if (c == ',') {
                m_ends.push_back(m_row.size());
                st = FieldStart;
                ++p;
            } else if (c == '\n') {
                endRow(p + 1);
            } else if (c == '\r') {
                if (p + 1 >= n && !m_eof) {
                    needMore = true;
                    break;
                }
                endRow(p + 1 < n && b[p + 1] == '\n' ? p + 2 : p + 1);
            } else if (c == '"' && st == FieldStart) {
                st = Quoted;
                sawQuote = true;
                quoteLine = line;
                ++p;
            } else {
                // Unquoted text (a stray quote inside is kept literally, as pandas does).
                std::size_t k = p;
                while (k < n && b[k] != ',' && b[k] != '\n' && b[k] != '\r')
                    ++k;
                m_row.append(b + p, k - p);
                st = Unquoted;
                p = k;
            }
        }
        if (needMore) {
            if (n - m_pos > m_opts.maxRowBytes)
                return makeError(m_path + ":" + std::to_string(m_line) + ": row is longer than " +
                                 std::to_string(m_opts.maxRowBytes) + " bytes");
            fill();
            continue;
        }
        m_rowLine = m_line;
        m_line = line + 1;
        m_pos = p;
        if (m_ends.size() == 1 && m_ends[0] == 0 && !sawQuote)
            continue;  // blank line
        fields.clear();
        std::size_t start = 0;
        for (std::size_t e : m_ends) {
            fields.emplace_back(m_row.data() + start, e - start);
            start = e;
        }
        return true;
    }
}

} // namespace cairn::analysis
