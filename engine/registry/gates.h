// Gate rules (`gates:` in cairn.yaml, docs/registry.md#gates): compiled with the run search
// language's parser (engine/query) and evaluated with its three-valued evaluator, so
// `metrics.accuracy >= 0.9` means here exactly what it means in `cairn runs --filter`. A rule
// passes only when it is true: false fails, and unknown (a missing metric, a NaN) fails too.
#pragma once

#include "engine/query/search_ast.h"
#include "engine/registry/gate_sources.h"
#include "engine/store/project.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cairn::registry {

struct CompiledGate {
    GateRule rule;
    query::Node root;
};

// Parses a rule. Errors read "FILE:LINE:COL: gates.ALIAS[NAME]: MESSAGE", the column pointing
// into the rule as cairn.yaml spells it.
Result<CompiledGate> compileGate(const GateRule& rule, const GateSourceSet& sources);

struct GateResult {
    enum class Outcome { Pass, Fail, Error };
    std::string alias;
    std::string name;
    std::string rule;
    std::string message;                                        // the rule's message, shown on failure
    Outcome outcome = Outcome::Error;
    std::vector<std::pair<std::string, std::string>> measured;  // field -> value ("missing" when absent)
    std::string error;                                          // Outcome::Error: why
};

struct GateReport {
    std::vector<GateResult> results;
    bool passed() const;        // every rule passed (no rules: true)
    int failures() const;       // Fail and Error
};

const char* outcomeName(GateResult::Outcome o);  // pass, fail, error

// Evaluates every rule against `subject`; a rule that does not compile, or whose source cannot
// be read, is an Error result (a failure), never skipped.
GateReport evaluateGates(const std::vector<GateRule>& rules, const GateSubject& subject, const GateSourceSet& sources);

nlohmann::ordered_json reportJson(const GateReport& report);

// The run's params, tags, metric summaries (last, min, max, count, step) and declared inputs,
// as stored in model_versions.snapshot when a version is registered.
Result<nlohmann::ordered_json> snapshotRun(Store& store, const std::string& runId);
// The subject of a registered version: its snapshot, with the run's attributes from the store.
Result<GateSubject> subjectFor(Store& store, const ModelVersion& version, const std::filesystem::path& projectRoot);

// Reads a metric value that the snapshot stored as a number or as "nan", "inf", "-inf".
double snapshotNumber(const nlohmann::ordered_json& v);

} // namespace cairn::registry
