// OpenLineage import: events of other tools (or Cairn's own exports) to ExternalRun values,
// one per runId with its events merged (docs/openlineage.md).
#include "engine/lineage/openlineage.h"

#include "engine/artifacts/sha256.h"
#include "engine/ingest/metric_line.h"

#include <ctime>
#include <map>
#include <set>
#include <sstream>

namespace cairn::lineage::openlineage {
namespace {

using json = nlohmann::json;

// A tag key from any text: letters, digits and _ . - / (what run keys allow).
std::string keyFrom(const std::string& text)
{
    std::string out;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                        || c == '-' || c == '/';
        out += ok ? c : '_';
    }
    return out.substr(0, 200);
}

std::string str(const json& j, const char* field)
{
    auto it = j.find(field);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* facets(const json& holder, const char* field = "facets")
{
    auto it = holder.find(field);
    return it != holder.end() && it->is_object() ? &*it : nullptr;
}

const json* facetNamed(const json* f, const char* name)
{
    if (!f)
        return nullptr;
    auto it = f->find(name);
    return it != f->end() && it->is_object() ? &*it : nullptr;
}

bool isFileNamespace(const std::string& ns) { return ns == "file" || ns.starts_with("file://"); }

ExternalDataset datasetFrom(const json& d)
{
    ExternalDataset x;
    x.ns = str(d, "namespace");
    x.name = str(d, "name");
    const json* f = facets(d);
    std::string version;
    if (const json* v = facetNamed(f, "version"))
        version = str(*v, "datasetVersion");
    const json* cairn = facetNamed(f, "cairn_artifact");
    if (cairn) {
        x.contentHash = str(*cairn, "hash");
        const std::string t = str(*cairn, "type");
        if (isArtifactType(t))
            x.type = t;
    } else if (const json* dt = facetNamed(f, "datasetType"); dt && str(*dt, "datasetType") == "MODEL") {
        x.type = "model";
    }
    if (x.contentHash.empty() && version.size() == 64 && version.find_first_not_of("0123456789abcdef") == std::string::npos)
        x.contentHash = version;
    if (isFileNamespace(x.ns))
        x.path = x.name;
    x.versionHash = artifacts::sha256Hex("openlineage\n" + x.ns + "\n" + x.name + "\n" + version);
    std::string display = x.name;
    if (!x.path.empty()) {
        while (display.size() > 1 && display.back() == '/')
            display.pop_back();
        if (auto slash = display.rfind('/'); slash != std::string::npos && slash + 1 < display.size())
            display = display.substr(slash + 1);
    }
    if (cairn && !str(*cairn, "name").empty())
        display = str(*cairn, "name");
    for (char& c : display)  // NAME:N is how versions are named, so names hold no ':'
        if (c == ':' || c == '\n' || c == '\t')
            c = '_';
    x.displayName = display;
    return x;
}

// A status only moves forward: an OTHER or a late RUNNING never reopens an ended run.
int rank(RunStatus s) { return s == RunStatus::Running || s == RunStatus::Queued ? 0 : 1; }

void addDatasets(std::vector<ExternalDataset>& into, const json& list)
{
    if (!list.is_array())
        return;
    for (const auto& d : list) {
        if (!d.is_object() || str(d, "namespace").empty() || str(d, "name").empty())
            continue;
        ExternalDataset x = datasetFrom(d);
        bool seen = false;
        for (const auto& y : into)
            seen |= y.ns == x.ns && y.name == x.name && y.versionHash == x.versionHash;
        if (!seen)
            into.push_back(std::move(x));
    }
}

struct Merger {
    ParsedEvents& out;
    std::map<std::string, std::size_t> index;  // run id -> position in out.runs
    std::string fileName;
    bool arrayMode = false;  // a JSON array: `line` counts its elements

    void error(int line, const std::string& message)
    {
        if (out.errors.size() < 50)
            out.errors.push_back(fileName + (arrayMode ? ": event " : ":") + std::to_string(line) + ": " + message);
    }

    void event(const json& e, int line)
    {
        if (!e.is_object()) {
            error(line, "an event must be a JSON object");
            return;
        }
        if (!e.contains("run")) {  // DatasetEvent or JobEvent: static metadata, no run to record
            if (e.contains("job") || e.contains("dataset"))
                ++out.otherEvents;
            else
                error(line, "not an OpenLineage event: no 'run', 'job' or 'dataset' field");
            return;
        }
        const json& run = e["run"];
        const json* job = e.contains("job") && e["job"].is_object() ? &e["job"] : nullptr;
        std::string problem;
        if (!run.is_object())
            problem = "'run' must be an object";
        else if (str(run, "runId").empty())
            problem = "run.runId is missing or not a string";
        else if (!job)
            problem = "'job' is missing or not an object";
        else if (str(*job, "namespace").empty())
            problem = "job.namespace is missing or not a string";
        else if (str(*job, "name").empty())
            problem = "job.name is missing or not a string";
        else if (str(e, "eventTime").empty())
            problem = "eventTime is missing or not a string";
        else if (!parseTime(str(e, "eventTime")))
            problem = "eventTime '" + str(e, "eventTime") + "' is not an ISO 8601 time";
        else if (e.contains("eventType") && !e["eventType"].is_string())
            problem = "eventType must be a string";
        if (!problem.empty()) {
            error(line, problem);
            return;
        }
        ++out.runEvents;
        const std::string id = runIdFromUuid(str(run, "runId"));
        auto [it, fresh] = index.try_emplace(id, out.runs.size());
        if (fresh) {
            ExternalRun r;
            r.id = id;
            r.name = str(*job, "name");
            r.experiment = str(*job, "namespace");
            out.runs.push_back(std::move(r));
        }
        ExternalRun& r = out.runs[it->second];
        const std::int64_t t = *parseTime(str(e, "eventTime"));
        const std::string type = str(e, "eventType");
        if (r.startMs == 0 || t < r.startMs)
            r.startMs = t;
        RunStatus status = r.status;
        std::optional<int> exitCode = r.exitCode;
        if (type == "COMPLETE") {
            status = RunStatus::Finished;
            exitCode = 0;
        } else if (type == "FAIL") {
            status = RunStatus::Failed;
            exitCode = std::nullopt;
        } else if (type == "ABORT") {
            status = RunStatus::Killed;
            exitCode = std::nullopt;
        }
        const bool changes = type == "START" || type == "RUNNING" || type == "COMPLETE" || type == "FAIL" || type == "ABORT";
        if (changes && rank(status) >= rank(r.status) && (rank(status) == 0 || t >= r.endMs)) {
            r.status = status;
            r.exitCode = exitCode;
            if (rank(status) == 1)
                r.endMs = t;
        }
        r.tags["openlineage.job.namespace"] = r.experiment;
        r.tags["openlineage.job.name"] = r.name;
        r.tags["openlineage.run_id"] = str(run, "runId");
        if (!str(e, "producer").empty())
            r.tags["openlineage.producer"] = str(e, "producer");
        const json* rf = facets(run);
        if (const json* tags = facetNamed(rf, "tags"); tags && tags->contains("tags") && (*tags)["tags"].is_array())
            for (const auto& t2 : (*tags)["tags"])
                if (t2.is_object() && !str(t2, "key").empty() && !str(t2, "key").starts_with("cairn."))
                    r.tags[keyFrom(str(t2, "key"))] = str(t2, "value");
        if (const json* parent = facetNamed(rf, "parent"); parent && parent->contains("job") && (*parent)["job"].is_object())
            r.tags["openlineage.parent"] = str((*parent)["job"], "namespace") + "/" + str((*parent)["job"], "name");
        if (const json* cr = facetNamed(rf, "cairn_run"); cr && cr->contains("params") && (*cr)["params"].is_object())
            for (const auto& [k, v] : (*cr)["params"].items())
                if (ingest::isValidKey(k) && v.is_string())
                    r.params[k] = v.get<std::string>();
        if (const json* err = facetNamed(rf, "errorMessage"); err && !str(*err, "message").empty())
            r.tags["openlineage.error"] = str(*err, "message").substr(0, 500);
        if (e.contains("inputs"))
            addDatasets(r.inputs, e["inputs"]);
        if (e.contains("outputs"))
            addDatasets(r.outputs, e["outputs"]);
    }
};

} // namespace

std::optional<std::int64_t> parseTime(const std::string& text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]
    int y, mo, d, h, mi, s;
    int used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[Tt ]%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used) != 6 || used < 19)
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    std::size_t i = static_cast<std::size_t>(used);
    std::int64_t ms = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        int digits = 0;
        std::int64_t frac = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            if (digits < 3) {
                frac = frac * 10 + (text[i] - '0');
                ++digits;
            }
            ++i;
        }
        if (digits == 0)
            return std::nullopt;
        while (digits++ < 3)
            frac *= 10;
        ms = frac;
    }
    std::int64_t offsetMinutes = 0;
    if (i < text.size()) {
        const char c = text[i];
        if ((c == 'Z' || c == 'z') && i + 1 == text.size()) {
        } else if ((c == '+' || c == '-') && text.size() - i == 6 && text[i + 3] == ':') {
            int oh = 0, om = 0;
            if (std::sscanf(text.c_str() + i + 1, "%2d:%2d", &oh, &om) != 2)
                return std::nullopt;
            offsetMinutes = (c == '+' ? 1 : -1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
    }
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::int64_t epoch = static_cast<std::int64_t>(timegm(&tm));
    return (epoch - offsetMinutes * 60) * 1000 + ms;
}

ParsedEvents parseEvents(std::istream& in, const std::string& fileName)
{
    ParsedEvents out;
    Merger merger{out, {}, fileName};
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // One JSON document (an event, or an array of them), else JSON lines.
    json whole = json::parse(text, nullptr, false);
    if (!whole.is_discarded() && (whole.is_object() || whole.is_array())) {
        if (whole.is_object()) {
            merger.event(whole, 1);
        } else {
            int n = 0;
            merger.arrayMode = true;
            for (const auto& e : whole)
                merger.event(e, ++n);
        }
        return out;
    }
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        json e = json::parse(line, nullptr, false);
        if (e.is_discarded()) {
            try {
                const json again = json::parse(line);  // only to say why it is not JSON
            } catch (const json::parse_error& err) {
                merger.error(number, std::string("not JSON: ") + err.what());
            }
            continue;
        }
        merger.event(e, number);
    }
    return out;
}

json externalRunToJson(const ExternalRun& r)
{
    auto datasets = [](const std::vector<ExternalDataset>& list) {
        json a = json::array();
        for (const auto& d : list)
            a.push_back({{"namespace", d.ns},
                         {"name", d.name},
                         {"version_hash", d.versionHash},
                         {"display_name", d.displayName},
                         {"type", d.type},
                         {"path", d.path},
                         {"content_hash", d.contentHash}});
        return a;
    };
    json j = {{"id", r.id},           {"name", r.name},         {"experiment", r.experiment}, {"status", std::string(toString(r.status))},
              {"start_ms", r.startMs}, {"end_ms", r.endMs},     {"tags", r.tags},             {"params", r.params},
              {"inputs", datasets(r.inputs)}, {"outputs", datasets(r.outputs)}};
    j["exit_code"] = r.exitCode ? json(*r.exitCode) : json(nullptr);
    return j;
}

Result<ExternalRun> externalRunFromJson(const json& j)
{
    try {
        ExternalRun r;
        r.id = j.at("id").get<std::string>();
        if (r.id.size() != 32 || r.id.find_first_not_of("0123456789abcdef") != std::string::npos)
            return makeError("run id '" + r.id + "' must be 32 lowercase hex digits");
        r.name = j.at("name").get<std::string>();
        r.experiment = j.at("experiment").get<std::string>();
        auto status = runStatusFromString(j.at("status").get<std::string>());
        if (!status)
            return makeError("unknown status '" + j.at("status").get<std::string>() + "'");
        r.status = *status;
        r.startMs = j.value("start_ms", std::int64_t(0));
        r.endMs = j.value("end_ms", std::int64_t(0));
        if (j.contains("exit_code") && j["exit_code"].is_number_integer())
            r.exitCode = j["exit_code"].get<int>();
        r.tags = j.value("tags", std::map<std::string, std::string>());
        r.params = j.value("params", std::map<std::string, std::string>());
        for (const auto& [k, v] : r.tags)
            if (!ingest::isValidKey(k))
                return makeError("invalid tag key '" + k + "'");
        for (const auto& [k, v] : r.params)
            if (!ingest::isValidKey(k))
                return makeError("invalid param key '" + k + "'");
        for (const char* field : {"inputs", "outputs"}) {
            for (const auto& d : j.value(field, json::array())) {
                ExternalDataset x;
                x.ns = d.at("namespace").get<std::string>();
                x.name = d.at("name").get<std::string>();
                x.versionHash = d.at("version_hash").get<std::string>();
                x.displayName = d.value("display_name", x.name);
                x.type = d.value("type", std::string("dataset"));
                x.path = d.value("path", std::string());
                x.contentHash = d.value("content_hash", std::string());
                if (x.versionHash.size() != 64)
                    return makeError("dataset '" + x.name + "': version_hash must be 64 hex digits");
                if (x.displayName.empty() || x.displayName.find_first_of(":\n\t") != std::string::npos)
                    return makeError("dataset '" + x.name + "': display_name must be non-empty, without ':'");
                (std::string_view(field) == "inputs" ? r.inputs : r.outputs).push_back(std::move(x));
            }
        }
        return r;
    } catch (const json::exception& e) {
        return makeError(std::string("bad run: ") + e.what());
    }
}

} // namespace cairn::lineage::openlineage
