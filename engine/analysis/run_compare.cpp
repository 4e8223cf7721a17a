#include "engine/analysis/run_compare.h"

#include "engine/core/text.h"

#include <set>

namespace cairn::analysis {
namespace {

void finish(CompareRow& row)
{
    for (std::size_t i = 1; i < row.values.size(); ++i)
        if (row.values[i] != row.values[0])
            row.differs = true;
}

std::string duration(const Run& r)
{
    if (r.startMs <= 0 || r.endMs < r.startMs)
        return {};
    return formatDouble(static_cast<double>(r.endMs - r.startMs) / 1000.0) + " s";
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
    attribute("duration", duration);
    attribute("command", [](const Run& r) { return r.command; });

    auto pairs = [&](const char* prefix, auto member) {
        std::set<std::string> keys;
        for (const RunSummary& rs : runs)
            for (const auto& [k, v] : rs.run.*member)
                keys.insert(k);
        for (const std::string& k : keys) {
            CompareRow row{prefix + k, {}, {}, false};
            for (const RunSummary& rs : runs) {
                auto it = (rs.run.*member).find(k);
                row.values.push_back(it == (rs.run.*member).end() ? std::nullopt : std::optional<std::string>(it->second));
            }
            finish(row);
            rows.push_back(std::move(row));
        }
    };
    pairs("params.", &Run::params);
    pairs("tags.", &Run::tags);

    std::set<std::string> metricKeys;
    for (const RunSummary& rs : runs)
        for (const auto& [k, m] : rs.metrics)
            metricKeys.insert(k);
    for (const std::string& k : metricKeys) {
        struct Part {
            const char* name;
            double MetricSummary::*value;
        };
        for (const Part& part : {Part{"last", &MetricSummary::last}, Part{"min", &MetricSummary::min},
                                 Part{"max", &MetricSummary::max}}) {
            CompareRow row{"metrics." + k + "." + part.name, {}, {}, false};
            for (const RunSummary& rs : runs) {
                auto it = rs.metrics.find(k);
                if (it == rs.metrics.end()) {
                    row.values.push_back(std::nullopt);
                    row.numbers.push_back(std::nullopt);
                    continue;
                }
                const double v = it->second.*part.value;
                row.values.push_back(formatDouble(v));
                row.numbers.push_back(v);
            }
            finish(row);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace cairn::analysis
