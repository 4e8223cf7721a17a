#include "engine/ingest/metrics_jsonl.h"

#include "engine/core/text.h"
#include "engine/ingest/metric_line.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace cairn::ingest {
namespace {

using nlohmann::json;

// Quotes the bare tokens NaN, Infinity and -Infinity outside strings so that strict JSON
// parsers accept what Python's json module writes by default.
std::string quoteNonFiniteTokens(std::string_view in)
{
    std::string out;
    out.reserve(in.size() + 8);
    bool inString = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < in.size())
                out += in[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        auto match = [&](std::string_view token) { return in.substr(i, token.size()) == token; };
        if (match("-Infinity")) {
            out += "\"-inf\"";
            i += 8;
        } else if (match("Infinity")) {
            out += "\"inf\"";
            i += 7;
        } else if (match("NaN")) {
            out += "\"nan\"";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

bool readNumber(const json& v, double& out)
{
    if (v.is_number()) {
        out = v.get<double>();
        return true;
    }
    if (v.is_string()) {
        auto parsed = parseMetricValue(v.get<std::string>());
        if (parsed) {
            out = *parsed;
            return true;
        }
    }
    return false;
}

bool readInt(const json& v, const char* field, std::optional<std::int64_t>& out, std::string& error)
{
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
        error = std::string("'") + field + "' must be a whole number >= 0";
        return false;
    }
    out = v.get<std::int64_t>();
    return true;
}

std::string scalarText(const json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_float())
        return formatDouble(v.get<double>());
    return v.dump();
}

bool readPairs(const json& obj, const char* field, std::vector<std::pair<std::string, std::string>>& out, std::string& error)
{
    if (!obj.is_object()) {
        error = std::string("'") + field + "' must be an object of key: value";
        return false;
    }
    for (const auto& [k, v] : obj.items()) {
        if (!isValidKey(k)) {
            error = "invalid key '" + k + "' in '" + field + "': keys use letters, digits and _ . - /";
            return false;
        }
        if (v.is_object() || v.is_array()) {
            error = "value of '" + k + "' in '" + field + "' must be a string, number or boolean";
            return false;
        }
        out.emplace_back(k, scalarText(v));
    }
    return true;
}

bool parseObject(const json& obj, JsonlRecord& out, std::string& error)
{
    if (!obj.is_object()) {
        error = "expected a JSON object or an array of objects";
        return false;
    }
    static const std::vector<std::string> fields = {"key", "value", "step", "timestamp", "metrics", "params", "tags", "input", "output"};
    std::optional<std::int64_t> step, timestamp;
    for (const auto& [k, v] : obj.items()) {
        if (std::find(fields.begin(), fields.end(), k) == fields.end()) {
            std::string hint = didYouMean(k, fields);
            error = "unknown field '" + k + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
            return false;
        }
    }
    if (obj.contains("step") && !readInt(obj["step"], "step", step, error))
        return false;
    if (obj.contains("timestamp") && !readInt(obj["timestamp"], "timestamp", timestamp, error))
        return false;
    bool any = false;
    if (obj.contains("key") || obj.contains("value")) {
        if (!obj.contains("key") || !obj["key"].is_string()) {
            error = "'value' needs a 'key' string";
            return false;
        }
        std::string key = obj["key"].get<std::string>();
        if (!isValidKey(key)) {
            error = "invalid key '" + key + "': keys use letters, digits and _ . - /";
            return false;
        }
        double value = 0;
        if (!obj.contains("value") || !readNumber(obj["value"], value)) {
            error = "metric '" + key + "' needs a numeric 'value'";
            return false;
        }
        out.points.push_back({key, value, step, timestamp});
        any = true;
    }
    if (obj.contains("metrics")) {
        const json& m = obj["metrics"];
        if (!m.is_object()) {
            error = "'metrics' must be an object of key: number";
            return false;
        }
        for (const auto& [k, v] : m.items()) {
            double value = 0;
            if (!isValidKey(k)) {
                error = "invalid metric key '" + k + "': keys use letters, digits and _ . - /";
                return false;
            }
            if (!readNumber(v, value)) {
                error = "metric '" + k + "' is not a number";
                return false;
            }
            out.points.push_back({k, value, step, timestamp});
            any = true;
        }
    }
    if (obj.contains("params")) {
        if (!readPairs(obj["params"], "params", out.params, error))
            return false;
        any = true;
    }
    if (obj.contains("tags")) {
        if (!readPairs(obj["tags"], "tags", out.tags, error))
            return false;
        any = true;
    }
    for (const char* direction : {"input", "output"}) {
        if (!obj.contains(direction))
            continue;
        const json& d = obj[direction];
        ArtifactDecl decl;
        decl.direction = direction;
        if (d.is_string()) {
            decl.path = d.get<std::string>();
        } else if (d.is_object()) {
            for (const auto& [k, v] : d.items()) {
                if ((k != "path" && k != "name" && k != "type") || !v.is_string()) {
                    error = std::string("'") + direction + "' takes string fields path, name and type; got '" + k + "'";
                    return false;
                }
                (k == "path" ? decl.path : k == "name" ? decl.name : decl.type) = v.get<std::string>();
            }
        }
        if (decl.path.empty()) {
            error = std::string("'") + direction + "' needs a 'path' (a string, or an object with \"path\")";
            return false;
        }
        if (!decl.type.empty() && decl.type != "dataset" && decl.type != "model" && decl.type != "file") {
            error = "type must be dataset, model or file, not '" + decl.type + "'";
            return false;
        }
        out.artifacts.push_back(std::move(decl));
        any = true;
    }
    if (!any) {
        error = "nothing to record (expected 'key'/'value', 'metrics', 'params', 'tags', 'input' or 'output')";
        return false;
    }
    return true;
}

} // namespace

bool parseJsonlLine(std::string_view line, JsonlRecord& out, std::string& error)
{
    out = {};
    std::string text = quoteNonFiniteTokens(line);
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        error = "not valid JSON";
        return false;
    }
    JsonlRecord record;
    if (doc.is_array()) {
        if (doc.empty()) {
            error = "empty batch";
            return false;
        }
        for (const auto& item : doc)
            if (!parseObject(item, record, error))
                return false;
    } else if (!parseObject(doc, record, error)) {
        return false;
    }
    out = std::move(record);
    return true;
}

} // namespace cairn::ingest
