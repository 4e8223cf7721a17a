#include "engine/store/profile_rows.h"

#include <cmath>

namespace cairn {
namespace {

using json = nlohmann::json;

// JSON has no NaN or infinities: null stands for them.
json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double numberFrom(const json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

} // namespace

const ColumnProfile* DatasetProfile::find(const std::string& name) const
{
    for (const auto& c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

json profileToJson(const DatasetProfile& p)
{
    json columns = json::array();
    for (const auto& c : p.columns) {
        json j = {{"name", c.name}, {"type", c.type},         {"count", c.count},
                  {"nulls", c.nulls}, {"distinct", c.distinct}, {"distinct_exact", c.distinctExact}};
        if (c.numeric) {
            const NumericSummary& n = *c.numeric;
            json edges = json::array();
            for (double e : n.histogram.edges)
                edges.push_back(number(e));
            j["min"] = number(n.min);
            j["max"] = number(n.max);
            j["mean"] = number(n.mean);
            j["stddev"] = number(n.stddev);
            j["infinite"] = n.infinite;
            j["histogram"] = {{"edges", edges}, {"counts", n.histogram.counts}, {"sampled", n.histogram.sampled}};
        }
        if (!c.top.empty() || c.otherCount > 0) {
            json top = json::array();
            for (const auto& v : c.top)
                top.push_back({{"value", v.value}, {"count", v.count}});
            j["top"] = top;
            j["other"] = c.otherCount;
        }
        columns.push_back(std::move(j));
    }
    return {{"format", p.format}, {"rows", p.rows}, {"truncated", p.truncated}, {"bytes", p.bytes}, {"columns", columns}};
}

Result<DatasetProfile> profileFromJson(const json& j)
{
    try {
        DatasetProfile p;
        p.format = j.at("format").get<std::string>();
        p.rows = j.at("rows").get<std::uint64_t>();
        p.truncated = j.value("truncated", false);
        p.bytes = j.value("bytes", std::uint64_t(0));
        for (const auto& c : j.at("columns")) {
            ColumnProfile col;
            col.name = c.at("name").get<std::string>();
            col.type = c.at("type").get<std::string>();
            col.count = c.at("count").get<std::uint64_t>();
            col.nulls = c.at("nulls").get<std::uint64_t>();
            col.distinct = c.value("distinct", std::uint64_t(0));
            col.distinctExact = c.value("distinct_exact", true);
            if (c.contains("histogram")) {
                NumericSummary n;
                n.min = numberFrom(c.value("min", json()));
                n.max = numberFrom(c.value("max", json()));
                n.mean = numberFrom(c.value("mean", json()));
                n.stddev = numberFrom(c.value("stddev", json()));
                n.infinite = c.value("infinite", std::uint64_t(0));
                const json& h = c.at("histogram");
                for (const auto& e : h.at("edges"))
                    n.histogram.edges.push_back(numberFrom(e));
                n.histogram.counts = h.at("counts").get<std::vector<std::uint64_t>>();
                n.histogram.sampled = h.value("sampled", false);
                if (!n.histogram.counts.empty() && n.histogram.edges.size() != n.histogram.counts.size() + 1)
                    return makeError("profile column '" + col.name + "': a histogram needs one edge more than it has bins");
                col.numeric = n;
            }
            for (const auto& t : c.value("top", json::array()))
                col.top.push_back({t.at("value").get<std::string>(), t.at("count").get<std::uint64_t>()});
            col.otherCount = c.value("other", std::uint64_t(0));
            p.columns.push_back(std::move(col));
        }
        return p;
    } catch (const json::exception& e) {
        return makeError(std::string("bad dataset profile: ") + e.what());
    }
}

} // namespace cairn
