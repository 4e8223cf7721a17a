// Shared by loader.cpp and stage_fields.cpp only.
#pragma once

#include "engine/pipeline/diagnostic.h"
#include "engine/pipeline/interpolate.h"
#include "engine/pipeline/source_files.h"
#include "engine/pipeline/spec.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cairn::pipeline::detail {

struct LoadState {
    PipelineSpec& spec;
    Diagnostics& diags;
    const SourceFiles& files;
    std::string displayDir;  // how messages name the root folder ("" or "some/dir/")
    std::map<std::string, std::optional<Value>> yamlCache;
    std::map<std::string, std::string> yamlErrors;

    void error(SourcePos pos, std::string field, std::string message)
    {
        diags.error(spec.file, pos, std::move(field), std::move(message));
    }
    void warning(SourcePos pos, std::string field, std::string message)
    {
        diags.warning(spec.file, pos, std::move(field), std::move(message));
    }
    // The position of byte `index` of a string value, exact when the string is written on
    // one line (plain or quoted without escapes before it), else the string's start.
    SourcePos posInString(const Value& str, std::size_t index) const;
    void report(const std::vector<ResolveProblem>& problems, const std::string& field, const std::string& stageName);
    // A YAML or JSON file under the root, parsed once. nullopt with `error` set when missing
    // or malformed; syntax errors are reported (once) in that file's own name.
    const Value* yamlFile(const std::string& rootRelative, std::string& error);
    std::string display(const std::string& rootRelative) const { return displayDir + rootRelative; }
};

// Reads the interpolated stage mapping `m` into `stage`; `prefix` is the field path
// ("stages.train" or "stages.build.do").
void parseStageFields(LoadState& st, const Value& m, Stage& stage, const std::string& prefix);

constexpr std::size_t kMaxGenerated = 200'000;  // stages one foreach/matrix entry may make

// Loads the variables and the stages of one file into st.spec (loader.cpp), foreach and
// matrix entries expanded by expand.cpp.
struct Loader {
    LoadState& st;
    VarContext globals;

    // vars: [file, file:key1,key2, {name: value}] merged into `ctx`.
    void loadVars(const Value& vars, VarContext& ctx, const std::string& base, const std::string& field,
                  const std::string& stageName, bool reserveItemKey);
    void loadGlobals(const Value& root);
    // One stage from `tmpl` (a stage mapping) with item/key set for generated stages.
    void generate(int entryIndex, const Value& tmpl, const std::string& prefix, const std::string& name,
                  const std::string& key, const Value* item, const Value* keyValue);
    // foreach/matrix data: a list or mapping written out, or `${var}` naming one.
    std::optional<Value> iterable(const Value& v, const std::string& field, const char* what);
    void foreachEntry(int entryIndex, const Value& body, const std::string& prefix);
    void matrixEntry(int entryIndex, const Value& body, const std::string& prefix);
    void stages(const Value& stagesValue);
    void topLevel(const Value& root);
    void spans(const Value& root, const Value& stagesValue, std::size_t stagesIndex);
};

// The keys a stage may have, for "did you mean".
const std::vector<std::string>& stageKeys();

} // namespace cairn::pipeline::detail
