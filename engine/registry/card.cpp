#include "engine/registry/card.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/registry/audit_chain.h"
#include "engine/store/store.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <sstream>
#include <tuple>

namespace cairn::registry {
namespace {

using nlohmann::ordered_json;

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isEvaluationName(const std::string& name)
{
    const std::string n = asciiLower(name);
    for (const char* w : {"test", "eval", "valid", "holdout"})
        if (n.find(w) != std::string::npos)
            return true;
    return false;
}

// Splits a metric key by the card conventions: NAME[/slice/SLICE][.ci_low|.ci_high].
struct KeyParts {
    std::string name, slice, bound;  // bound: "", "low" or "high"
    bool fairness = false;
};

KeyParts splitKey(const std::string& key)
{
    KeyParts p;
    std::string k = key;
    if (endsWith(k, ".ci_low")) {
        p.bound = "low";
        k.resize(k.size() - 7);
    } else if (endsWith(k, ".ci_high")) {
        p.bound = "high";
        k.resize(k.size() - 8);
    }
    if (auto at = k.find("/slice/"); at != std::string::npos) {
        p.slice = k.substr(at + 7);
        k.resize(at);
    }
    p.fairness = k.starts_with("fairness.") || k.starts_with("fairness/");
    if (p.fairness)
        k = k.substr(9);
    p.name = k;
    return p;
}

std::string dayOf(std::int64_t ms) { return utcTimestamp(ms).substr(0, 10); }

} // namespace

std::string CardData::field(const std::string& key) const
{
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
}

std::vector<std::string> CardData::lines(const std::string& key) const
{
    std::vector<std::string> out;
    std::istringstream in(field(key));
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos)
            continue;
        line = line.substr(start);
        if (line.starts_with("- ") || line.starts_with("* "))
            line = line.substr(2);
        out.push_back(line);
    }
    return out;
}

const std::vector<std::string>& cardSectionTitles()
{
    static const std::vector<std::string> titles = {
        "Model details",  "Intended use",        "Limitations", "Training data",       "Evaluation data",
        "Metrics",        "Metrics by slice",    "Fairness",    "Ethical considerations", "Environment",
        "Promotion gates",
    };
    return titles;
}

Result<CardData> buildCard(Store& store, const Project& project, const std::string& model, std::int64_t version)
{
    auto v = store.modelVersion(model, version);
    if (!v)
        return v.error();
    CardData c;
    c.model = v->model;
    c.version = v->version;
    c.registeredAt = utcTimestamp(v->createdMs).substr(0, 16) + " UTC";
    c.registeredAt[10] = ' ';
    c.registeredDate = dayOf(v->createdMs);
    c.registeredBy = v->createdBy;
    c.aliases = v->aliases;
    c.artifact = v->artifact;
    c.artifactHash = v->artifactHash;
    c.runId = v->runId;
    c.generatedAt = utcTimestamp(nowMs()).substr(0, 19) + "Z";
    c.previousVersion = static_cast<int>(version - 1);
    if (auto fields = store.cardFields(model, version))
        c.fields = *fields;
    if (auto run = store.findRun(v->runId)) {
        c.runName = run->name;
        c.experiment = run->experiment;
        c.runStatus = std::string(toString(run->status));
        c.runCommand = run->command;
        c.runUser = run->user;
    }
    auto snap = ordered_json::parse(v->snapshot, nullptr, false);
    if (snap.is_object()) {
        const ordered_json paramsOfSnap = snap.value("params", ordered_json::object());
        for (auto& [k, val] : paramsOfSnap.items())
            c.params.emplace_back(k, val.is_string() ? val.get<std::string>() : val.dump());
        // Metrics, their intervals and slices, by the conventions in card.h. A bound whose
        // metric was not logged is left out.
        using Key = std::tuple<bool, std::string, std::string>;  // fairness, slice, name
        std::map<Key, std::pair<CardMetric, bool>> found;
        const ordered_json metricsOfSnap = snap.value("metrics", ordered_json::object());
        for (auto& [k, m] : metricsOfSnap.items()) {
            if (k.starts_with("sys/"))
                continue;  // the supervisor's CPU and memory samples describe the run, not the model
            const double value = snapshotNumber(m.value("last", ordered_json()));
            const KeyParts p = splitKey(k);
            auto& [cm, valued] = found[Key{p.fairness, p.slice, p.name}];
            cm.name = p.name;
            cm.slice = p.slice;
            if (p.bound == "low")
                cm.low = value;
            else if (p.bound == "high")
                cm.high = value;
            else {
                cm.value = value;
                valued = true;
            }
        }
        for (auto& [key, entry] : found) {
            if (!entry.second)
                continue;
            auto& to = std::get<0>(key) ? c.fairness : std::get<1>(key).empty() ? c.metrics : c.sliced;
            to.push_back(entry.first);
        }
        for (auto& i : snap.value("inputs", ordered_json::array())) {
            CardDataset d;
            d.artifact = i.value("artifact", "");
            d.type = i.value("type", "");
            d.hash = i.value("hash", "");
            d.role = isEvaluationName(d.artifact) ? "evaluation" : "training";
            c.datasets.push_back(d);
        }
    }
    // Fairness the run's newest fairness report measured (`cairn fairness ... --run RUN`), for
    // the metrics the run did not log itself as fairness.NAME.
    if (auto report = store.latestReport(v->runId, "fairness"); report && *report) {
        for (const auto& [name, value] : (*report)->values) {
            if (name == "groups")
                continue;
            const bool logged = std::any_of(c.fairness.begin(), c.fairness.end(), [&](const CardMetric& m) { return m.name == name; });
            if (!logged)
                c.fairness.push_back(CardMetric{name, {}, value, {}, {}});
        }
    }
    if (auto graph = store.lineage(v->runId, 0, true, false, -1))
        c.lineage = *graph;
    // The environment the run recorded (docs/lineage.md).
    std::ifstream env(project.runDir(v->runId) / "env.json", std::ios::binary);
    if (env) {
        std::stringstream ss;
        ss << env.rdbuf();
        c.environment = ordered_json::parse(ss.str(), nullptr, false);
        if (c.environment.is_discarded())
            c.environment = nullptr;
    }
    // Every alias's gates, as they stand now.
    std::vector<GateRule> rules;
    for (const auto& [alias, list] : project.config().governance.gates)
        rules.insert(rules.end(), list.begin(), list.end());
    if (!rules.empty()) {
        if (auto subject = subjectFor(store, *v, project.root()))
            c.gates = evaluateGates(rules, *subject, builtinGateSources());
    }
    // Curves: up to four whole-set metrics logged at several steps, thinned to ~200 points.
    int curves = 0;
    if (auto summaries = store.metricSummaries(v->runId)) {
        for (const MetricSummary& s : *summaries) {
            const KeyParts p = splitKey(s.key);
            if (s.count < 2 || !p.bound.empty() || !p.slice.empty() || p.fairness || curves >= 4 || s.key.starts_with("sys/"))
                continue;
            auto points = store.metrics(v->runId, s.key);
            if (!points)
                continue;
            CardSeries series;
            series.key = s.key;
            const std::size_t stride = std::max<std::size_t>(1, points->size() / 200);
            for (std::size_t i = 0; i < points->size(); i += stride)
                if (std::isfinite((*points)[i].value))
                    series.points.emplace_back(static_cast<double>((*points)[i].step), (*points)[i].value);
            if (series.points.size() >= 2) {
                c.curves.push_back(std::move(series));
                ++curves;
            }
        }
    }
    return c;
}

std::vector<std::pair<std::string, std::string>> environmentRows(const CardData& c)
{
    std::vector<std::pair<std::string, std::string>> rows;
    const ordered_json& e = c.environment;
    if (!e.is_object())
        return rows;
    if (auto g = e.find("git"); g != e.end() && g->is_object())
        rows.emplace_back("git", g->value("commit", "?") + (g->value("branch", "").empty() ? "" : " on " + g->value("branch", ""))
                                     + (g->value("dirty", false) ? " (uncommitted changes)" : ""));
    if (auto o = e.find("os"); o != e.end() && o->is_object())
        rows.emplace_back("OS", (o->value("distribution", "").empty() ? o->value("system", "") : o->value("distribution", "")) + ", "
                                    + o->value("system", "") + " " + o->value("release", "") + " " + o->value("machine", ""));
    if (auto cpu = e.find("cpu"); cpu != e.end() && cpu->is_object())
        rows.emplace_back("CPU", cpu->value("model", "?") + ", " + std::to_string(cpu->value("cores", 0)) + " cores");
    if (auto py = e.find("python"); py != e.end() && py->is_object()) {
        rows.emplace_back("Python", py->value("version", "?") + " (" + py->value("executable", "") + ")");
        const auto pkgs = py->value("packages", ordered_json::array());
        std::string list;
        for (std::size_t i = 0; i < pkgs.size() && i < 12; ++i)
            list += (list.empty() ? "" : ", ") + (pkgs[i].is_string() ? pkgs[i].get<std::string>() : pkgs[i].dump());
        if (pkgs.size() > 12)
            list += ", ... (" + std::to_string(pkgs.size()) + " in all)";
        if (!list.empty())
            rows.emplace_back("packages", list);
    }
    if (auto vars = e.find("env"); vars != e.end() && vars->is_object() && !vars->empty()) {
        std::string list;
        for (auto& [k, v] : vars->items())
            list += (list.empty() ? "" : ", ") + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
        rows.emplace_back("env", list);
    }
    return rows;
}

std::string displayNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string metricText(const CardMetric& m)
{
    std::string t = displayNumber(m.value);
    if (m.low && m.high)
        t += " (" + displayNumber(*m.low) + " to " + displayNumber(*m.high) + ")";
    else if (m.low)
        t += " (from " + displayNumber(*m.low) + ")";
    else if (m.high)
        t += " (to " + displayNumber(*m.high) + ")";
    return t;
}

std::string htmlEscape(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string base64(const std::string& bytes)
{
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8)
                           | static_cast<unsigned char>(bytes[i + 2]);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace cairn::registry
