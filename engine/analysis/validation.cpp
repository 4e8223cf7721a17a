// Checking a CSV file against expectations in one streaming pass (engine/analysis/validation.h).
#include "engine/analysis/validation.h"
#include "engine/analysis/csv_table.h"
#include "engine/core/text.h"

#include <cmath>
#include <functional>
#include <regex>
#include <set>
#include <unordered_set>

namespace cairn::analysis {
namespace {

bool isInteger(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool isBoolean(std::string_view s)
{
    static const std::set<std::string_view> words = {"true", "false", "True", "False", "TRUE", "FALSE", "0", "1",
                                                     "yes", "no", "Yes", "No", "YES", "NO"};
    return words.count(s) > 0;
}

// YYYY-MM-DD, optionally followed by 'T' or ' ' and a time.
bool isDate(std::string_view s)
{
    if (s.size() < 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[std::size_t(i)] < '0' || s[std::size_t(i)] > '9')
            return false;
    const int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
              d = std::stoi(std::string(s.substr(8, 2)));
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return s.size() == 10 || s[10] == 'T' || s[10] == ' ';
}

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (std::size_t i = 0; i < v.size() && i < 8; ++i)
        out += (i ? ", " : "") + v[i];
    return out + (v.size() > 8 ? ", ..." : "");
}

// One expectation being checked: a test per value, counting and keeping examples.
struct Check {
    ExpectationResult result;
    std::function<bool(std::string_view value, bool missing)> ok;  // true when the value meets it
    bool skipMissing = true;
};

struct ColumnState {
    std::size_t index = 0;
    std::vector<Check> checks;
    // mean
    bool mean = false;
    std::size_t meanResult = 0;
    double sum = 0, comp = 0;
    std::size_t count = 0;
    std::optional<double> meanMin, meanMax;
};

void offend(ExpectationResult& r, std::size_t line, std::string_view value, std::size_t maxExamples)
{
    ++r.failed;
    if (r.examples.size() < maxExamples)
        r.examples.push_back({line, std::string(value.substr(0, 200))});
}

} // namespace

Result<ValidationReport> validateCsv(const std::string& csvPath, const Expectations& e, const ValidateOptions& o)
{
    CsvReadOptions ro;
    ro.maxRowBytes = o.maxRowBytes;
    auto reader = CsvReader::open(csvPath, ro);
    if (!reader)
        return reader.error();
    std::vector<std::string_view> fields;
    if (auto st = reader->header(fields); !st)
        return st.error();
    std::vector<std::string> header(fields.begin(), fields.end());
    const std::size_t width = header.size();

    ValidationReport report;
    report.data = csvPath;
    std::vector<ExpectationResult> missingColumns;
    std::vector<ColumnState> states;
    // Results in spec order: per column exists, then its checks; the row count last.
    std::vector<std::pair<int, std::size_t>> order;  // (state index or -1 for missing, check index)
    for (const auto& c : e.columns) {
        auto it = std::find(header.begin(), header.end(), c.column);
        ExpectationResult exists{c.column, "exists", "column in the header", true, 1, 0, "present", {}};
        if (it == header.end()) {
            exists.passed = false;
            exists.failed = 1;
            std::string hint = didYouMean(c.column, header);
            exists.observed = "missing" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)") + "; the header has "
                              + joined(header);
            missingColumns.push_back(exists);
            order.push_back({-1, missingColumns.size() - 1});
            continue;
        }
        ColumnState st;
        st.index = static_cast<std::size_t>(it - header.begin());
        st.checks.push_back({exists, nullptr});
        auto add = [&](std::string name, std::string expected, std::function<bool(std::string_view, bool)> ok, bool skipMissing = true) {
            st.checks.push_back({{c.column, std::move(name), std::move(expected), true, 0, 0, {}, {}}, std::move(ok), skipMissing});
        };
        if (c.type) {
            switch (*c.type) {
            case ValueType::Integer: add("type", "integer", [](std::string_view v, bool) { return isInteger(v); }); break;
            case ValueType::Number:
                add("type", "number", [](std::string_view v, bool) { double d; return parseDouble(v, d); });
                break;
            case ValueType::Boolean: add("type", "boolean", [](std::string_view v, bool) { return isBoolean(v); }); break;
            case ValueType::Date: add("type", "date (YYYY-MM-DD)", [](std::string_view v, bool) { return isDate(v); }); break;
            }
        }
        if (c.notNull)
            add("not_null", "no missing values", [](std::string_view, bool missing) { return !missing; }, false);
        if (c.unique) {
            auto seen = std::make_shared<std::unordered_set<std::string, StringHash, std::equal_to<>>>();
            add("unique", "no repeated values", [seen](std::string_view v, bool) {
                if (seen->find(v) != seen->end())
                    return false;
                seen->emplace(v);
                return true;
            });
        }
        if (c.min) {
            const double lo = *c.min;
            add("min", ">= " + formatDouble(lo), [lo](std::string_view v, bool) { double d; return parseDouble(v, d) && d >= lo; });
        }
        if (c.max) {
            const double hi = *c.max;
            add("max", "<= " + formatDouble(hi), [hi](std::string_view v, bool) { double d; return parseDouble(v, d) && d <= hi; });
        }
        if (c.allowed) {
            auto set = std::make_shared<std::unordered_set<std::string, StringHash, std::equal_to<>>>(c.allowed->begin(), c.allowed->end());
            auto numbers = std::make_shared<std::vector<double>>();
            for (const auto& a : *c.allowed)
                if (double d; parseDouble(a, d))
                    numbers->push_back(d);
            add("allowed", "in [" + joined(*c.allowed) + "]", [set, numbers](std::string_view v, bool) {
                if (set->find(v) != set->end())
                    return true;
                double d;
                return !numbers->empty() && parseDouble(v, d) && std::find(numbers->begin(), numbers->end(), d) != numbers->end();
            });
        }
        if (c.regex) {
            auto re = std::make_shared<std::regex>(*c.regex, std::regex::ECMAScript | std::regex::optimize);
            add("regex", "matches /" + *c.regex + "/", [re](std::string_view v, bool) { return std::regex_search(v.begin(), v.end(), *re); });
        }
        if (c.meanMin || c.meanMax) {
            st.mean = true;
            st.meanMin = c.meanMin;
            st.meanMax = c.meanMax;
            std::string expected = c.meanMin && c.meanMax ? "between " + formatDouble(*c.meanMin) + " and " + formatDouble(*c.meanMax)
                                   : c.meanMin        ? ">= " + formatDouble(*c.meanMin)
                                                      : "<= " + formatDouble(*c.meanMax);
            st.checks.push_back({{c.column, "mean", expected, true, 0, 0, {}, {}}, nullptr});
            st.meanResult = st.checks.size() - 1;
        }
        states.push_back(std::move(st));
        order.push_back({int(states.size() - 1), 0});
    }

    std::size_t rows = 0;
    for (;;) {
        auto more = reader->nextRow(fields, width);
        if (!more)
            return more.error();
        if (!*more)
            break;
        ++rows;
        const std::size_t line = reader->rowLine();
        for (auto& st : states) {
            const std::string_view v = fields[st.index];
            const bool missing = isMissingToken(v);
            for (auto& ch : st.checks) {
                if (!ch.ok || (missing && ch.skipMissing))
                    continue;
                ++ch.result.checked;
                if (!ch.ok(v, missing))
                    offend(ch.result, line, v, o.maxExamples);
            }
            if (st.mean && !missing) {
                auto& r = st.checks[st.meanResult].result;
                ++r.checked;
                double d;
                if (!parseDouble(v, d) || !std::isfinite(d)) {
                    offend(r, line, v, o.maxExamples);  // not a (finite) number: the mean cannot include it
                    continue;
                }
                const double t = st.sum + d;  // Neumaier
                st.comp += std::abs(st.sum) >= std::abs(d) ? (st.sum - t) + d : (d - t) + st.sum;
                st.sum = t;
                ++st.count;
            }
        }
    }
    report.rows = rows;
    for (auto& st : states) {
        for (auto& ch : st.checks) {
            auto& r = ch.result;
            if (r.expectation == "exists")
                continue;
            if (r.expectation == "mean") {
                const double mean = st.count ? (st.sum + st.comp) / double(st.count) : std::nan("");
                r.observed = st.count ? "mean " + formatDouble(mean) + " of " + std::to_string(st.count) + " values" : "no numeric values";
                const bool inRange = st.count && (!st.meanMin || mean >= *st.meanMin) && (!st.meanMax || mean <= *st.meanMax);
                r.passed = inRange && r.failed == 0;
                if (!inRange && r.failed == 0)
                    r.failed = st.count;  // every value is in the mean: no row to blame alone
                continue;
            }
            r.passed = r.failed == 0;
            r.observed = std::to_string(r.failed) + " of " + std::to_string(r.checked) + " values fail";
        }
    }
    for (auto [si, k] : order) {
        if (si < 0) {
            report.results.push_back(missingColumns[k]);
            continue;
        }
        for (auto& ch : states[std::size_t(si)].checks)
            report.results.push_back(std::move(ch.result));
    }
    if (e.rowsMin || e.rowsMax) {
        ExpectationResult r{"", "rows", "", true, rows, 0, std::to_string(rows) + " rows", {}};
        r.expected = e.rowsMin && e.rowsMax ? "between " + std::to_string(*e.rowsMin) + " and " + std::to_string(*e.rowsMax)
                     : e.rowsMin        ? ">= " + std::to_string(*e.rowsMin)
                                        : "<= " + std::to_string(*e.rowsMax);
        r.passed = (!e.rowsMin || rows >= *e.rowsMin) && (!e.rowsMax || rows <= *e.rowsMax);
        r.failed = r.passed ? 0 : 1;
        report.results.push_back(r);
    }
    for (const auto& r : report.results)
        report.failed += r.passed ? 0 : 1;
    return report;
}

} // namespace cairn::analysis
