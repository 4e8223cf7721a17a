// Whole-pipeline checks on top of loading: outputs two stages write, outputs inside
// another output's folder, dependency cycles, params keys no params file defines (errors);
// deps nothing produces and that are not on disk, params files not on disk (warnings:
// a fresh checkout has no data yet; running the stage makes them errors).
#pragma once

#include "engine/pipeline/dag.h"
#include "engine/pipeline/diagnostic.h"
#include "engine/pipeline/loader.h"

namespace cairn::pipeline {

struct CheckedPipeline {
    PipelineSpec spec;
    Dag dag;
    Diagnostics diagnostics;  // sorted by position
};

void validate(const PipelineSpec& spec, const Dag& dag, const SourceFiles& files, Diagnostics& diags);

// load + DAG + validate.
CheckedPipeline checkPipeline(const std::string& file, const SourceFiles& files);
CheckedPipeline checkPipelineText(std::string text, const std::string& displayName, const std::filesystem::path& root,
                                  const SourceFiles& files);

} // namespace cairn::pipeline
