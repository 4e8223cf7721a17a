#include "engine/analysis/run_compare.h"

#include "engine/core/text.h"
#include "engine/query/search_ast.h"

#include <cmath>
#include <set>

namespace cairn::analysis {
namespace {

bool sameNumber(const std::optional<double>& a, const std::optional<double>& b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    return *a == *b || (std::isnan(*a) && std::isnan(*b));
}

void finish(CompareRow& row)
{
    for (std::size_t i = 1; i < row.values.size() && !row.differs; ++i)
        row.differs = row.numbers.empty() ? row.values[i] != row.values[0] : !sameNumber(row.numbers[i], row.numbers[0]);
}

std::string fieldName(query::FieldKind kind, const std::string& key, query::MetricStat stat = query::MetricStat::Last)
{
    query::Field f;
    f.kind = kind;
    f.key = key;
    f.stat = stat;
    return query::fieldText(f);
}

// A numeric row from a getter returning std::optional<double> and a display formatter.
template <typename Get, typename Show>
CompareRow numericRow(std::string field, const std::vector<RunSummary>& runs, Get get, Show show)
{
    CompareRow row{std::move(field), {}, {}, false};
    for (const RunSummary& rs : runs) {
        std::optional<double> v = get(rs);
        row.numbers.push_back(v);
        row.values.push_back(v ? std::optional<std::string>(show(*v)) : std::nullopt);
    }
    finish(row);
    return row;
}

} // namespace

std::vector<CompareRow> compareRuns(const std::vector<RunSummary>& runs)
{
    std::vector<CompareRow> rows;
    auto attribute = [&](const char* field, auto get) {
        CompareRow row{field, {}, {}, false};
        for (const RunSummary& rs : runs) {
            std::string v = get(rs.run);
            row.values.push_back(v.empty() ? std::nullopt : std::optional<std::string>(v));
        }
        finish(row);
        rows.push_back(std::move(row));
    };
    attribute("name", [](const Run& r) { return r.name; });
    attribute("experiment", [](const Run& r) { return r.experiment; });
    attribute("status", [](const Run& r) { return std::string(toString(r.status)); });
    rows.push_back(numericRow(
        "exit_code", runs,
        [](const RunSummary& rs) { return rs.run.exitCode ? std::optional<double>(*rs.run.exitCode) : std::nullopt; },
        [](double v) { return std::to_string(static_cast<long long>(v)); }));
    rows.push_back(numericRow(
        "duration", runs,
        [](const RunSummary& rs) {
            const Run& r = rs.run;
            return r.startMs > 0 && r.endMs >= r.startMs ? std::optional<double>(static_cast<double>(r.endMs - r.startMs))
                                                         : std::nullopt;
        },
        [](double ms) { return formatDuration(static_cast<long long>(ms)); }));
    attribute("command", [](const Run& r) { return r.command; });

    auto pairs = [&](query::FieldKind kind, auto member) {
        std::set<std::string> keys;
        for (const RunSummary& rs : runs)
            for (const auto& [k, v] : rs.run.*member)
                keys.insert(k);
        for (const std::string& k : keys) {
            CompareRow row{fieldName(kind, k), {}, {}, false};
            for (const RunSummary& rs : runs) {
                auto it = (rs.run.*member).find(k);
                row.values.push_back(it == (rs.run.*member).end() ? std::nullopt : std::optional<std::string>(it->second));
            }
            finish(row);
            rows.push_back(std::move(row));
        }
    };
    pairs(query::FieldKind::Param, &Run::params);
    pairs(query::FieldKind::Tag, &Run::tags);

    std::set<std::string> metricKeys;
    for (const RunSummary& rs : runs)
        for (const auto& [k, m] : rs.metrics)
            metricKeys.insert(k);
    for (const std::string& k : metricKeys) {
        struct Part {
            query::MetricStat stat;
            double MetricSummary::*value;
        };
        for (const Part& part : {Part{query::MetricStat::Last, &MetricSummary::last}, Part{query::MetricStat::Min, &MetricSummary::min},
                                 Part{query::MetricStat::Max, &MetricSummary::max}}) {
            rows.push_back(numericRow(
                fieldName(query::FieldKind::Metric, k, part.stat), runs,
                [&](const RunSummary& rs) {
                    auto it = rs.metrics.find(k);
                    return it == rs.metrics.end() ? std::nullopt : std::optional<double>(it->second.*part.value);
                },
                [](double v) { return formatDouble(v); }));
        }
    }
    return rows;
}

} // namespace cairn::analysis
