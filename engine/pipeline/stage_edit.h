// Editing one stage entry's body the way the canvas does: fields set and removed in a
// sensible order, list fields read as paths, new names made unique. A plain or matrix
// stage's fields are in its mapping; a foreach stage's are under `do:`.
#pragma once

#include "engine/pipeline/document.h"
#include "engine/pipeline/value.h"

#include <string>
#include <string_view>
#include <vector>

namespace cairn::pipeline {

// The mapping that holds cmd, deps, outs... (`do` of a foreach stage); nullptr when none.
const Value* stageFields(const Value& body);
Value* stageFields(Value& body);
const Value* stageField(const Value& body, std::string_view field);

// `body` with `field` set to `value`; a Null value (or an empty list or mapping) removes it.
// A new field goes after the fields that come before it in the usual order (desc, cmd, wdir,
// deps, params, outs, metrics, plots, resources, retries, timeout, env, ...).
Value withField(const Value& body, std::string_view field, Value value);

// The paths of a deps/outs/metrics/plots list: strings as they are, `- path: {options}` by
// their key.
std::vector<std::string> listPaths(const Value* list);
// A list of strings.
Value stringList(const std::vector<std::string>& items);

// `base` if no stage has that name, else `base_2`, `base_3`... (names that DVC accepts:
// '@', ':', '/' and '\' become '_').
std::string uniqueStageName(const PipelineDocument& doc, std::string base);

} // namespace cairn::pipeline
