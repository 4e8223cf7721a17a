#include "engine/analysis/fairness_json.h"

#include <cmath>
#include <limits>

using nlohmann::json;
using nlohmann::ordered_json;

namespace cairn::analysis {
namespace {

ordered_json num(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr); }

double real(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

ordered_json groupJson(const GroupMetrics& g)
{
    return {{"group", g.group}, {"count", g.count}, {"selection_rate", num(g.selectionRate)}, {"accuracy", num(g.accuracy)},
            {"tpr", num(g.tpr)}, {"fpr", num(g.fpr)}, {"tp", g.tp}, {"fp", g.fp}, {"tn", g.tn}, {"fn", g.fn}};
}

GroupMetrics groupFrom(const json& j)
{
    GroupMetrics g;
    g.group = j.value("group", std::string());
    g.count = j.value("count", std::size_t(0));
    g.selectionRate = real(j, "selection_rate");
    g.accuracy = real(j, "accuracy");
    g.tpr = real(j, "tpr");
    g.fpr = real(j, "fpr");
    g.tp = j.value("tp", std::size_t(0));
    g.fp = j.value("fp", std::size_t(0));
    g.tn = j.value("tn", std::size_t(0));
    g.fn = j.value("fn", std::size_t(0));
    return g;
}

} // namespace

ordered_json fairnessJson(const FairnessReport& r)
{
    ordered_json groups = ordered_json::array();
    for (const auto& g : r.groups)
        groups.push_back(groupJson(g));
    return {{"kind", "fairness"},
            {"data", r.data},
            {"label", r.label},
            {"pred", r.pred},
            {"sensitive", r.sensitive},
            {"pos_label", r.posLabel},
            {"groups", groups},
            {"overall", groupJson(r.overall)},
            {"demographic_parity_difference", num(r.demographicParityDifference)},
            {"demographic_parity_ratio", num(r.demographicParityRatio)},
            {"equalized_odds_difference", num(r.equalizedOddsDifference)},
            {"equalized_odds_ratio", num(r.equalizedOddsRatio)}};
}

Result<FairnessReport> fairnessFromBody(const json& body)
{
    if (!body.is_object() || !body.contains("groups") || !body["groups"].is_array())
        return makeError("not a fairness report (no 'groups' list)");
    try {
        FairnessReport r;
        r.data = body.value("data", std::string());
        r.label = body.value("label", std::string());
        r.pred = body.value("pred", std::string());
        r.sensitive = body.value("sensitive", std::string());
        r.posLabel = body.value("pos_label", std::string());
        for (const auto& g : body["groups"])
            r.groups.push_back(groupFrom(g));
        if (body.contains("overall"))
            r.overall = groupFrom(body["overall"]);
        r.demographicParityDifference = real(body, "demographic_parity_difference");
        r.demographicParityRatio = real(body, "demographic_parity_ratio");
        r.equalizedOddsDifference = real(body, "equalized_odds_difference");
        r.equalizedOddsRatio = real(body, "equalized_odds_ratio");
        return r;
    } catch (const json::exception& e) {
        return makeError(std::string("damaged fairness report: ") + e.what());
    }
}

std::map<std::string, double> fairnessSummary(const FairnessReport& r)
{
    return {{"demographic_parity_difference", r.demographicParityDifference},
            {"demographic_parity_ratio", r.demographicParityRatio},
            {"equalized_odds_difference", r.equalizedOddsDifference},
            {"equalized_odds_ratio", r.equalizedOddsRatio},
            {"accuracy", r.overall.accuracy},
            {"selection_rate", r.overall.selectionRate},
            {"groups", double(r.groups.size())}};
}

} // namespace cairn::analysis
