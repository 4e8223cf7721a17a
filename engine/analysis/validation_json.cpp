#include "engine/analysis/validation_json.h"

using nlohmann::json;
using nlohmann::ordered_json;

namespace cairn::analysis {

ordered_json validationJson(const ValidationReport& r, const std::string& expectationsFile)
{
    ordered_json results = ordered_json::array();
    for (const auto& x : r.results) {
        ordered_json examples = ordered_json::array();
        for (const auto& e : x.examples)
            examples.push_back({{"line", e.line}, {"value", e.value}});
        results.push_back({{"column", x.column.empty() ? ordered_json(nullptr) : ordered_json(x.column)},
                           {"expectation", x.expectation},
                           {"expected", x.expected},
                           {"passed", x.passed},
                           {"checked", x.checked},
                           {"failed", x.failed},
                           {"observed", x.observed},
                           {"examples", examples}});
    }
    return {{"kind", "validation"},      {"data", r.data},           {"expectations_file", expectationsFile},
            {"rows", r.rows},            {"passed", r.passed()},      {"failed", r.failed},
            {"expectations", r.results.size()}, {"results", results}};
}

Result<ValidationReport> validationFromBody(const json& body, std::string* expectationsFile)
{
    if (!body.is_object() || !body.contains("results") || !body["results"].is_array())
        return makeError("not a validation report (no 'results' list)");
    try {
        ValidationReport r;
        r.data = body.value("data", std::string());
        r.rows = body.value("rows", std::size_t(0));
        for (const auto& x : body["results"]) {
            ExpectationResult e;
            e.column = x["column"].is_string() ? x["column"].get<std::string>() : std::string();
            e.expectation = x.value("expectation", std::string());
            e.expected = x.value("expected", std::string());
            e.passed = x.value("passed", true);
            e.checked = x.value("checked", std::size_t(0));
            e.failed = x.value("failed", std::size_t(0));
            e.observed = x.value("observed", std::string());
            for (const auto& o : x.value("examples", json::array()))
                e.examples.push_back({o.value("line", std::size_t(0)), o.value("value", std::string())});
            r.failed += e.passed ? 0 : 1;
            r.results.push_back(std::move(e));
        }
        if (expectationsFile)
            *expectationsFile = body.value("expectations_file", std::string());
        return r;
    } catch (const json::exception& e) {
        return makeError(std::string("damaged validation report: ") + e.what());
    }
}

std::map<std::string, double> validationSummary(const ValidationReport& r)
{
    return {{"passed", r.passed() ? 1.0 : 0.0},
            {"failed", double(r.failed)},
            {"expectations", double(r.results.size())},
            {"rows", double(r.rows)}};
}

} // namespace cairn::analysis
