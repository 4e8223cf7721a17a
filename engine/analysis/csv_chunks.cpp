#include "engine/analysis/csv_chunks.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

namespace cairn::analysis::csv {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void addField(ChunkColumn& c, bool text, std::string_view field, std::size_t line)
{
    if (text) {
        if (isMissingToken(field)) {
            c.codes.push_back(-1);
            return;
        }
        auto it = c.dict.find(field);
        if (it == c.dict.end()) {
            it = c.dict.emplace(std::string(field), static_cast<std::int32_t>(c.categories.size())).first;
            c.categories.emplace_back(field);
        }
        c.codes.push_back(it->second);
        return;
    }
    double v = kNaN;
    // A field that parses is a number: no missing-value token parses to anything but NaN.
    if (!field.empty() && parseDouble(field, v)) {
        if (c.integral)
            c.integral = isIntegerLiteral(field);
    } else {
        c.integral = false;
        v = kNaN;
        if (!isMissingToken(field) && !c.failed) {
            c.failed = true;
            c.failedLine = line;
            c.failedValue = std::string(field.substr(0, 100));
        }
    }
    c.num.push_back(v);
}

// Clinger's fast path: at most 15 significant digits and no exponent give the correctly rounded
// double in one IEEE operation (digits and 10^k both exact). Null when it does not apply, and
// from_chars decides; the two always agree where both answer.
const char* plainDecimal(const char* p, const char* end, double& out)
{
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};
    const bool negative = p < end && *p == '-';
    const char* q = p + (negative ? 1 : 0);
    std::uint64_t m = 0;
    int digits = 0, fraction = 0;
    for (; q < end && unsigned(*q - '0') < 10; ++q, ++digits)
        m = m * 10 + unsigned(*q - '0');
    if (q < end && *q == '.')
        for (++q; q < end && unsigned(*q - '0') < 10; ++q, ++digits, ++fraction)
            m = m * 10 + unsigned(*q - '0');
    if (digits == 0 || digits > 15 || (q < end && (*q == 'e' || *q == 'E')))
        return nullptr;
    double v = double(m);
    if (fraction)
        v /= kPow10[fraction];
    out = negative ? -v : v;
    return q;
}

const char* fieldEnd(const char* p, const char* end)
{
    while (p < end && *p != ',' && *p != '\n' && *p != '\r')
        ++p;
    return p;
}

} // namespace

std::size_t completeRows(std::string_view d, bool eof)
{
    if (eof)
        return d.size();
    if (!std::memchr(d.data(), '"', d.size())) {
        // No quotes: every line break ends a row. A final '\r' may be the first half of CRLF.
        for (std::size_t i = d.size(); i-- > 0;) {
            if (d[i] == '\n')
                return i + 1;
            if (d[i] == '\r' && i + 1 < d.size())
                return i + 1;
        }
        return 0;
    }
    // Quotes: follow them as CsvReader does (a quote opens a field only at its start).
    enum { Start, Plain, Quoted } st = Start;
    std::size_t last = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (st == Quoted) {
            const void* q = std::memchr(d.data() + i, '"', d.size() - i);
            if (!q)
                break;
            i = static_cast<std::size_t>(static_cast<const char*>(q) - d.data());
            if (i + 1 >= d.size())
                break;  // a closing quote or the first of a doubled one: the next byte tells
            if (d[i + 1] == '"')
                ++i;
            else
                st = Plain;
            continue;
        }
        const char c = d[i];
        if (c == ',') {
            st = Start;
        } else if (c == '\n') {
            last = i + 1;
            st = Start;
        } else if (c == '\r') {
            if (i + 1 >= d.size())
                break;
            if (d[i + 1] == '\n')
                ++i;
            last = i + 1;
            st = Start;
        } else if (c == '"' && st == Start) {
            st = Quoted;
        } else {
            st = Plain;
        }
    }
    return last;
}

void parseChunk(Chunk& ch, const Layout& layout)
{
    ch.columns.assign(layout.text.size(), ChunkColumn{});
    const char* p = ch.data.data();
    const char* const end = p + ch.data.size();
    std::size_t line = 1;
    std::string scratch;
    while (p < end) {
        if (*p == '\n' || *p == '\r') {  // a blank line is skipped
            p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
            ++line;
            continue;
        }
        const std::size_t rowLine = line;
        std::size_t field = 0;
        for (;;) {
            const int s = field < layout.width ? layout.slot[field] : -1;
            if (s >= 0 && !layout.text[std::size_t(s)] && p < end) {
                // The common case first: a plain number that ends where the field does.
                double x;
                const char* q = plainDecimal(p, end, x);
                if (!q) {
                    const auto r = std::from_chars(p, end, x);
                    q = r.ec == std::errc() ? r.ptr : p;
                }
                if (q > p && (q == end || *q == ',' || *q == '\n' || *q == '\r')) {
                    ChunkColumn& c = ch.columns[std::size_t(s)];
                    if (c.integral)
                        c.integral = isIntegerLiteral(std::string_view(p, static_cast<std::size_t>(q - p)));
                    c.num.push_back(x);
                    p = q;
                    ++field;
                    if (p < end && *p == ',') {
                        ++p;
                        continue;
                    }
                    break;
                }
            }
            std::string_view v;
            if (p < end && *p == '"') {
                scratch.clear();
                const std::size_t quoteLine = line;
                ++p;
                for (;;) {
                    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                    if (!q) {
                        ch.errorLine = quoteLine;
                        ch.error = "unterminated quoted field";
                        return;
                    }
                    line += static_cast<std::size_t>(std::count(p, q, '\n'));
                    scratch.append(p, q);
                    p = q + 1;
                    if (p < end && *p == '"') {
                        scratch.push_back('"');
                        ++p;
                        continue;
                    }
                    break;
                }
                const char* k = fieldEnd(p, end);  // text after the closing quote is kept
                scratch.append(p, k);
                p = k;
                v = scratch;
            } else {
                const char* k = fieldEnd(p, end);
                v = std::string_view(p, static_cast<std::size_t>(k - p));
                p = k;
            }
            if (s >= 0)
                addField(ch.columns[std::size_t(s)], layout.text[std::size_t(s)], v, rowLine);
            ++field;
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            break;
        }
        if (p < end)
            p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
        ++line;
        if (field != layout.width) {
            ch.errorLine = rowLine;
            ch.error = "row has " + std::to_string(field) + " fields, the header has " + std::to_string(layout.width);
            return;
        }
        ++ch.rows;
    }
    ch.lines = line - 1;
    for (auto& c : ch.columns)
        c.dict.clear();
    std::string().swap(ch.data);
}

} // namespace cairn::analysis::csv
