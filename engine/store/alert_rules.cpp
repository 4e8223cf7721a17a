#include "engine/store/alert_rules_yaml.h"

#include "engine/core/text.h"
#include "engine/query/search_parser.h"

#include <cmath>
#include <regex>
#include <set>

namespace cairn {
namespace {

std::string at(const std::string& file, const YAML::Mark& m)
{
    return file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + ": ";
}

// "drift.share >= 0.3": KIND.NAME OP NUMBER.
bool parseReportCondition(const std::string& text, AlertRule& r)
{
    static const std::regex re(R"(^\s*(drift|validation|fairness)\.([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|!=|<>|==|=|<|>)\s*([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*$)");
    std::smatch m;
    if (!std::regex_match(text, m, re))
        return false;
    r.reportKind = m[1];
    r.valueName = m[2];
    r.op = m[3] == "<>" ? "!=" : m[3] == "==" ? "=" : std::string(m[3]);
    try {
        r.threshold = std::stod(m[4]);
    } catch (...) {
        return false;
    }
    return true;
}

} // namespace

bool reportRuleMatches(const AlertRule& r, double v)
{
    if (std::isnan(v))
        return false;
    if (r.op == "<") return v < r.threshold;
    if (r.op == "<=") return v <= r.threshold;
    if (r.op == ">") return v > r.threshold;
    if (r.op == ">=") return v >= r.threshold;
    if (r.op == "=") return v == r.threshold;
    if (r.op == "!=") return v != r.threshold;
    return false;
}

std::string describe(const AlertRule& r)
{
    if (r.kind == AlertRule::Kind::Stale)
        return "no new points for " + std::to_string(r.staleMinutes) + " min";
    return r.when;
}

Result<std::vector<AlertRule>> parseAlertRules(const YAML::Node& node, const std::string& file)
{
    std::vector<AlertRule> rules;
    if (!node.IsSequence())
        return makeError(at(file, node.Mark()) + "field 'alerts' must be a list of rules, e.g. [{name: drifted, when: 'drift.share >= 0.3'}]");
    std::set<std::string> names;
    for (const auto& item : node) {
        if (!item.IsMap())
            return makeError(at(file, item.Mark()) + "each alert needs a mapping: {name: N, when: CONDITION} or {name: N, stale_minutes: M}");
        AlertRule r;
        r.line = item.Mark().line + 1;
        r.column = item.Mark().column + 1;
        YAML::Node whenNode;
        for (const auto& kv : item) {
            const std::string key = kv.first.as<std::string>("");
            const YAML::Node& v = kv.second;
            if (key == "name") {
                if (!v.IsScalar() || v.Scalar().empty())
                    return makeError(at(file, v.Mark()) + "'alerts.name' must be a non-empty string");
                r.name = v.Scalar();
            } else if (key == "when") {
                if (!v.IsScalar() || v.Scalar().empty())
                    return makeError(at(file, v.Mark()) + "'alerts.when' must be a condition such as 'metrics.loss > 5' or 'drift.share >= 0.3'");
                r.when = v.Scalar();
                whenNode = v;
            } else if (key == "stale_minutes") {
                int m = 0;
                if (!v.IsScalar() || !YAML::convert<int>::decode(v, m) || m < 1)
                    return makeError(at(file, v.Mark()) + "'alerts.stale_minutes' must be a whole number of minutes >= 1");
                r.staleMinutes = m;
            } else {
                std::string hint = didYouMean(key, {"name", "when", "stale_minutes"});
                return makeError(at(file, kv.first.Mark()) + "unknown field 'alerts." + key + "'"
                                 + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; expected name, when or stale_minutes");
            }
        }
        if (r.name.empty())
            return makeError(at(file, item.Mark()) + "alert without a 'name'");
        if (!names.insert(r.name).second)
            return makeError(at(file, item.Mark()) + "two alerts are named '" + r.name + "'");
        if (r.when.empty() == (r.staleMinutes == 0))
            return makeError(at(file, item.Mark()) + "alert '" + r.name + "' needs exactly one of 'when' and 'stale_minutes'");
        if (r.staleMinutes) {
            r.kind = AlertRule::Kind::Stale;
        } else if (r.when.starts_with("drift.") || r.when.starts_with("validation.") || r.when.starts_with("fairness.")) {
            r.kind = AlertRule::Kind::Report;
            if (!parseReportCondition(r.when, r))
                return makeError(at(file, whenNode.Mark()) + "'alerts.when': a report condition is KIND.NAME OP NUMBER, e.g. "
                                                             "'drift.share >= 0.3' (OP one of < <= > >= = !=)");
        } else {
            r.kind = AlertRule::Kind::Metric;
            if (auto err = query::searchError(r.when)) {
                YAML::Mark m = whenNode.Mark();
                return makeError(file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1)
                                 + ": 'alerts.when': " + err->text());
            }
        }
        rules.push_back(std::move(r));
    }
    return rules;
}

} // namespace cairn
