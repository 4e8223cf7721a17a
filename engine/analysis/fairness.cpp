#include "engine/analysis/fairness.h"
#include "engine/analysis/csv_table.h"
#include "engine/core/text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cairn::analysis {
namespace {

struct Counts {
    std::size_t tp = 0, fp = 0, tn = 0, fn = 0;
};

// Label values compare as numbers when both parse as numbers ("1" == "1.0"), else as text.
bool sameValue(std::string_view a, std::string_view b)
{
    if (a == b)
        return true;
    double x, y;
    return parseDouble(a, x) && parseDouble(b, y) && x == y;
}

GroupMetrics finish(std::string name, const Counts& c)
{
    GroupMetrics g;
    g.group = std::move(name);
    g.tp = c.tp, g.fp = c.fp, g.tn = c.tn, g.fn = c.fn;
    g.count = c.tp + c.fp + c.tn + c.fn;
    auto ratio = [](std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; };
    g.selectionRate = ratio(c.tp + c.fp, g.count);
    g.accuracy = ratio(c.tp + c.tn, g.count);
    g.tpr = ratio(c.tp, c.tp + c.fn);
    g.fpr = ratio(c.fp, c.fp + c.tn);
    return g;
}

// MetricFrame.difference / ratio with method='between_groups'.
double difference(const std::vector<GroupMetrics>& g, double GroupMetrics::*m)
{
    auto [lo, hi] = std::minmax_element(g.begin(), g.end(), [m](const auto& a, const auto& b) { return a.*m < b.*m; });
    return (*hi).*m - (*lo).*m;
}
double ratio(const std::vector<GroupMetrics>& g, double GroupMetrics::*m)
{
    auto [lo, hi] = std::minmax_element(g.begin(), g.end(), [m](const auto& a, const auto& b) { return a.*m < b.*m; });
    return (*lo).*m / (*hi).*m;  // 0 / 0 is NaN, as pandas gives it
}

} // namespace

Result<FairnessReport> computeFairness(const std::string& path, const FairnessOptions& o)
{
    CsvReadOptions ro;
    ro.maxRowBytes = o.maxRowBytes;
    auto reader = CsvReader::open(path, ro);
    if (!reader)
        return reader.error();
    std::vector<std::string_view> fields;
    if (auto st = reader->header(fields); !st)
        return st.error();
    const std::vector<std::string> header(fields.begin(), fields.end());
    auto column = [&](const std::string& name, const char* option) -> Result<std::size_t> {
        auto it = std::find(header.begin(), header.end(), name);
        if (it != header.end())
            return static_cast<std::size_t>(it - header.begin());
        std::string hint = didYouMean(name, header);
        return makeError(path + ":1: no column '" + name + "' (" + option + ")" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    };
    auto li = column(o.label, "--label");
    if (!li)
        return li.error();
    auto pi = column(o.pred, "--pred");
    if (!pi)
        return pi.error();
    auto si = column(o.sensitive, "--sensitive");
    if (!si)
        return si.error();

    // First pass over the rows: the label values (at most two) and, per group, the counts of
    // each (label, prediction) pair by value index. The positive label is known only at the end.
    std::vector<std::string> values;  // distinct label/prediction values, first seen first
    std::map<std::string, std::map<std::pair<int, int>, std::size_t>, std::less<>> groups;
    auto valueIndex = [&](std::string_view v, std::size_t line, const std::string& col) -> Result<int> {
        for (std::size_t k = 0; k < values.size(); ++k)
            if (sameValue(values[k], v))
                return int(k);
        if (values.size() == 2)
            return makeError(path + ":" + std::to_string(line) + ": column '" + col + "': a third value '" + std::string(v)
                             + "' (after '" + values[0] + "' and '" + values[1]
                             + "'): fairness metrics need binary labels and predictions");
        values.emplace_back(v);
        return int(values.size() - 1);
    };
    std::size_t rows = 0;
    for (;;) {
        auto more = reader->nextRow(fields, header.size());
        if (!more)
            return more.error();
        if (!*more)
            break;
        const std::size_t line = reader->rowLine();
        for (auto [idx, name] : {std::pair{*li, &o.label}, std::pair{*pi, &o.pred}, std::pair{*si, &o.sensitive}})
            if (isMissingToken(fields[idx]))
                return makeError(path + ":" + std::to_string(line) + ": column '" + *name + "' is empty ('"
                                 + std::string(fields[idx]) + "'); fill it in or drop the row");
        auto y = valueIndex(fields[*li], line, o.label);
        if (!y)
            return y.error();
        auto p = valueIndex(fields[*pi], line, o.pred);
        if (!p)
            return p.error();
        auto g = groups.find(fields[*si]);
        if (g == groups.end())
            g = groups.emplace(std::string(fields[*si]), std::map<std::pair<int, int>, std::size_t>{}).first;
        ++g->second[{*y, *p}];
        ++rows;
    }
    if (rows == 0)
        return makeError(path + ": no rows after the header");

    // The positive label: given, else 1 when the values are a subset of {0, 1} or {-1, 1}.
    int pos = -1;
    std::string posText;
    if (o.posLabel) {
        for (std::size_t k = 0; k < values.size(); ++k)
            if (sameValue(values[k], *o.posLabel))
                pos = int(k);
        posText = *o.posLabel;
        if (pos < 0) {
            // Fairlearn accepts a positive label that never occurs (every rate is then 0).
            if (values.size() == 2)
                return makeError(path + ": --pos-label '" + *o.posLabel + "' is neither of the values in '" + o.label + "' and '"
                                 + o.pred + "' (" + values[0] + ", " + values[1] + ")");
        }
    } else {
        bool zeroOne = true, minusOne = true;
        for (const auto& v : values) {
            double d;
            const bool num = parseDouble(v, d);
            zeroOne = zeroOne && num && (d == 0 || d == 1);
            minusOne = minusOne && num && (d == -1 || d == 1);
        }
        if (!zeroOne && !minusOne)
            return makeError(path + ": the values in '" + o.label + "' and '" + o.pred + "' are " + values[0]
                             + (values.size() > 1 ? " and " + values[1] : std::string()) + ", not 0/1 or -1/1: name the positive one with --pos-label");
        posText = "1";
        for (std::size_t k = 0; k < values.size(); ++k)
            if (double d; parseDouble(values[k], d) && d == 1)
                pos = int(k);
    }

    FairnessReport r;
    r.data = path;
    r.label = o.label;
    r.pred = o.pred;
    r.sensitive = o.sensitive;
    r.posLabel = posText;
    Counts all;
    for (const auto& [name, cells] : groups) {
        Counts c;
        for (const auto& [yp, n] : cells) {
            const bool y = yp.first == pos, p = yp.second == pos;
            (y ? (p ? c.tp : c.fn) : (p ? c.fp : c.tn)) += n;
        }
        all.tp += c.tp, all.fp += c.fp, all.tn += c.tn, all.fn += c.fn;
        r.groups.push_back(finish(name, c));
    }
    r.overall = finish("(overall)", all);
    r.demographicParityDifference = difference(r.groups, &GroupMetrics::selectionRate);
    r.demographicParityRatio = ratio(r.groups, &GroupMetrics::selectionRate);
    // Python's max()/min() over [tpr, fpr]: the first unless the second compares greater/less.
    const double tprD = difference(r.groups, &GroupMetrics::tpr), fprD = difference(r.groups, &GroupMetrics::fpr);
    r.equalizedOddsDifference = fprD > tprD ? fprD : tprD;
    const double tprR = ratio(r.groups, &GroupMetrics::tpr), fprR = ratio(r.groups, &GroupMetrics::fpr);
    r.equalizedOddsRatio = fprR < tprR ? fprR : tprR;
    return r;
}

} // namespace cairn::analysis
