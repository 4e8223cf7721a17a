#include "engine/lineage/run_diff.h"

#include "engine/core/text.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

namespace cairn::lineage {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string scalar(const ordered_json& j)
{
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_boolean())
        return j.get<bool>() ? "yes" : "no";
    if (j.is_null())
        return {};
    return j.dump();
}

// "numpy==1.24.2" -> {"numpy", "1.24.2"}; "pkg @ file:///x" -> {"pkg", "@ file:///x"};
// "-e git+https://...#egg=name" -> {"name", the line}. Names compare case-insensitively with
// '-' and '_' alike, as pip does.
std::pair<std::string, std::string> splitRequirement(const std::string& line)
{
    std::string name, rest;
    if (auto eq = line.find("=="); eq != std::string::npos) {
        name = line.substr(0, eq);
        rest = line.substr(eq + 2);
    } else if (auto at = line.find(" @ "); at != std::string::npos) {
        name = line.substr(0, at);
        rest = line.substr(at + 1);
    } else if (auto egg = line.find("#egg="); egg != std::string::npos) {
        name = line.substr(egg + 5);
        rest = line;
    } else {
        name = line;
    }
    std::string key;
    for (char c : trimmed(name))
        key += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {key, rest};
}

std::string formatBytesShort(std::uint64_t bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

std::string relativeChange(double a, double b)
{
    if (!std::isfinite(a) || !std::isfinite(b) || a == 0)
        return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.3g%%", (b - a) / std::fabs(a) * 100.0);
    return buf;
}

ordered_json sideJson(const std::string& value, bool present) { return present ? ordered_json(value) : ordered_json(nullptr); }

} // namespace

Result<RunSide> loadRunSide(Store& store, const Project& project, const std::string& runId)
{
    RunSide side;
    auto run = store.findRun(runId);
    if (!run)
        return run.error();
    side.run = *run;
    auto metrics = store.metricSummaries(run->id);
    if (!metrics)
        return metrics.error();
    side.metrics = *metrics;
    auto artifacts = store.runArtifacts(run->id);
    if (!artifacts)
        return artifacts.error();
    for (auto& a : *artifacts)
        (a.direction == "input" ? side.inputs : side.outputs).push_back(std::move(a.version));
    std::ifstream in(project.runDir(run->id) / "env.json");
    side.environment = in ? ordered_json::parse(in, nullptr, false) : ordered_json(nullptr);
    if (side.environment.is_discarded())
        side.environment = nullptr;
    return side;
}

std::map<std::string, std::string> flattenEnvironment(const ordered_json& env)
{
    std::map<std::string, std::string> out;
    if (!env.is_object())
        return out;
    for (const auto& [key, value] : env.items()) {
        if (key == "format")
            continue;
        if (key == "argv" && value.is_array()) {
            std::vector<std::string> argv;
            for (const auto& a : value)
                argv.push_back(scalar(a));
            out["argv"] = shellJoin(argv);
        } else if (key == "python" && value.is_object()) {
            for (const auto& [k, v] : value.items()) {
                if (k == "packages" && v.is_array()) {
                    for (const auto& line : v) {
                        auto [name, version] = splitRequirement(scalar(line));
                        if (!name.empty())
                            out["python.packages." + name] = version;
                    }
                } else {
                    out["python." + k] = scalar(v);
                }
            }
        } else if (key == "gpu" && value.is_object()) {
            for (const auto& [k, v] : value.items()) {
                if (k == "devices" && v.is_array()) {
                    for (const auto& d : v)
                        out["gpu." + scalar(d.value("index", ordered_json(0)))] =
                            d.value("name", std::string()) + " (" + formatBytesShort(d.value("memory_bytes", std::uint64_t(0))) + ")";
                    out["gpu.count"] = std::to_string(v.size());
                } else {
                    out["gpu." + k] = scalar(v);
                }
            }
        } else if (value.is_object()) {
            for (const auto& [k, v] : value.items())
                out[key + "." + k] = scalar(v);
        } else {
            out[key] = scalar(value);
        }
    }
    // git's root is where the checkout lives, not what it holds; diff_bytes follows diff_sha256.
    out.erase("git.root");
    out.erase("git.diff_bytes");
    return out;
}

DiffSection diffMaps(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b)
{
    DiffSection d;
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
            d.differ.push_back({ia->first, ia->second, {}, true, false, {}});
            ++ia;
        } else if (ia == a.end() || ib->first < ia->first) {
            d.differ.push_back({ib->first, {}, ib->second, false, true, {}});
            ++ib;
        } else {
            if (ia->second == ib->second)
                ++d.same;
            else
                d.differ.push_back({ia->first, ia->second, ib->second, true, true, {}});
            ++ia;
            ++ib;
        }
    }
    return d;
}

RunComparison compareRuns(const RunSide& original, const RunSide& reproduction)
{
    RunComparison c;
    if (original.environment.is_object() && reproduction.environment.is_object())
        c.environment = diffMaps(flattenEnvironment(original.environment), flattenEnvironment(reproduction.environment));
    else if (original.environment.is_object() != reproduction.environment.is_object())
        c.environment.differ.push_back({"env.json", original.environment.is_object() ? "recorded" : "",
                                        reproduction.environment.is_object() ? "recorded" : "", original.environment.is_object(),
                                        reproduction.environment.is_object(), {}});

    auto exitText = [](const Run& r) { return r.exitCode ? std::to_string(*r.exitCode) : std::string("-"); };
    c.status = diffMaps({{"status", std::string(toString(original.run.status))}, {"exit_code", exitText(original.run)}},
                        {{"status", std::string(toString(reproduction.run.status))}, {"exit_code", exitText(reproduction.run)}});

    c.params = diffMaps(original.run.params, reproduction.run.params);
    // cairn.* tags say where a run came from (a pipeline, a reproduction); they are expected to differ.

    std::map<std::string, double> ma, mb;
    for (const auto& m : original.metrics)
        ma[m.key] = m.last;
    for (const auto& m : reproduction.metrics)
        mb[m.key] = m.last;
    std::set<std::string> keys;
    for (const auto& [k, v] : ma)
        keys.insert(k);
    for (const auto& [k, v] : mb)
        keys.insert(k);
    for (const std::string& k : keys) {
        auto a = ma.find(k), b = mb.find(k);
        if (a == ma.end() || b == mb.end()) {
            c.metrics.differ.push_back({k, a == ma.end() ? "" : formatDouble(a->second), b == mb.end() ? "" : formatDouble(b->second),
                                        a != ma.end(), b != mb.end(), {}});
            continue;
        }
        const double x = a->second, y = b->second;
        if ((std::isnan(x) && std::isnan(y)) || x == y) {  // bit for bit (NaN equals NaN here)
            ++c.metrics.same;
            continue;
        }
        std::string tx = formatDouble(x), ty = formatDouble(y);
        if (tx == ty) {  // equal when rounded for display: show every digit
            char bx[40], by[40];
            std::snprintf(bx, sizeof bx, "%.17g", x);
            std::snprintf(by, sizeof by, "%.17g", y);
            tx = bx;
            ty = by;
        }
        c.metrics.differ.push_back({k, tx, ty, true, true, relativeChange(x, y)});
    }

    // Outputs by artifact name: what each run wrote under it (the newest version if several).
    std::map<std::string, std::string> oa, ob;
    for (const auto& v : original.outputs)
        oa[v.name] = v.hash;
    for (const auto& v : reproduction.outputs)
        ob[v.name] = v.hash;
    c.outputs = diffMaps(oa, ob);
    return c;
}

ordered_json comparisonJson(const RunComparison& c)
{
    auto section = [](const DiffSection& s) {
        ordered_json differ = ordered_json::array();
        for (const auto& f : s.differ) {
            ordered_json j = {{"field", f.field}, {"original", sideJson(f.original, f.inOriginal)},
                              {"reproduction", sideJson(f.reproduction, f.inReproduction)}};
            if (!f.note.empty())
                j["note"] = f.note;
            differ.push_back(std::move(j));
        }
        return ordered_json{{"same", s.same}, {"differ", differ}};
    };
    return {{"environment", section(c.environment)}, {"status", section(c.status)},   {"params", section(c.params)},
            {"metrics", section(c.metrics)},         {"outputs", section(c.outputs)}, {"results_identical", c.resultsIdentical()}};
}

} // namespace cairn::lineage
