#include "engine/analysis/drift_json.h"

#include <cmath>
#include <limits>

using nlohmann::json;
using nlohmann::ordered_json;

namespace cairn::analysis {
namespace {

ordered_json score(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr); }

double number(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

ordered_json driftJson(const DriftReport& r)
{
    ordered_json cols = ordered_json::array();
    for (const auto& c : r.columns)
        cols.push_back({{"name", c.name}, {"type", toString(c.type)}, {"test", testName(c.test)},
                        {"score", score(c.score)}, {"threshold", c.threshold}, {"drifted", c.drifted},
                        {"ref_rows", c.refRows}, {"cur_rows", c.curRows}});
    return {{"columns", cols}, {"drifted_columns", r.driftedColumns}, {"share", r.share}, {"dataset_drift", r.datasetDrift}};
}

ordered_json driftBody(const DriftReport& r, const std::string& reference, const std::string& current, std::size_t maxBytes)
{
    ordered_json body = {{"kind", "drift"}, {"reference", reference}, {"current", current}, {"drift_share", r.driftShare}};
    ordered_json base = driftJson(r);
    for (auto& [k, v] : base.items())
        body[k] = v;
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        const auto& c = r.columns[i];
        auto& col = body["columns"][i];
        col["warnings"] = c.warnings;
        col["histogram"] = {{"labels", c.binLabels}, {"ref", c.refShares}, {"cur", c.curShares}};
    }
    if (body.dump().size() > maxBytes) {
        for (auto& col : body["columns"])
            col.erase("histogram");
        body["histograms_omitted"] = true;
    }
    return body;
}

Result<DriftReport> driftFromBody(const json& body, std::string* reference, std::string* current)
{
    if (!body.is_object() || !body.contains("columns") || !body["columns"].is_array())
        return makeError("not a drift report (no 'columns' list)");
    try {
        DriftReport r;
        for (const auto& c : body["columns"]) {
            ColumnDrift d;
            d.name = c.value("name", std::string());
            d.type = c.value("type", std::string("num")) == "cat" ? ColumnType::Categorical : ColumnType::Numeric;
            d.test = parseTest(c.value("test", std::string("auto"))).value_or(DriftTest::Auto);
            d.score = number(c, "score");
            d.threshold = number(c, "threshold");
            d.drifted = c.value("drifted", false);
            d.refRows = c.value("ref_rows", std::size_t(0));
            d.curRows = c.value("cur_rows", std::size_t(0));
            if (auto w = c.find("warnings"); w != c.end() && w->is_array())
                d.warnings = w->get<std::vector<std::string>>();
            if (auto h = c.find("histogram"); h != c.end() && h->is_object()) {
                d.binLabels = h->value("labels", std::vector<std::string>());
                d.refShares = h->value("ref", std::vector<double>());
                d.curShares = h->value("cur", std::vector<double>());
                if (d.refShares.size() != d.binLabels.size() || d.curShares.size() != d.binLabels.size())
                    d.binLabels.clear(), d.refShares.clear(), d.curShares.clear();
            }
            r.columns.push_back(std::move(d));
        }
        r.driftedColumns = body.value("drifted_columns", std::size_t(0));
        r.share = body.value("share", 0.0);
        r.datasetDrift = body.value("dataset_drift", false);
        r.driftShare = body.value("drift_share", 0.5);
        if (reference)
            *reference = body.value("reference", std::string());
        if (current)
            *current = body.value("current", std::string());
        return r;
    } catch (const json::exception& e) {
        return makeError(std::string("damaged drift report: ") + e.what());
    }
}

std::map<std::string, double> driftSummary(const DriftReport& r)
{
    return {{"share", r.share},
            {"drifted_columns", double(r.driftedColumns)},
            {"columns", double(r.columns.size())},
            {"dataset_drift", r.datasetDrift ? 1.0 : 0.0},
            {"drift_share", r.driftShare}};
}

} // namespace cairn::analysis
