// Loading a pipeline file: pipelines/NAME.yaml (Cairn) or an unchanged dvc.yaml.
// Interpolation, foreach and matrix are expanded here; every problem found on the way is
// collected (the load never stops at the first). Graph checks live in validate.h.
#pragma once

#include "engine/pipeline/diagnostic.h"
#include "engine/pipeline/source_files.h"
#include "engine/pipeline/spec.h"

#include <filesystem>
#include <string>

namespace cairn::pipeline {

struct LoadResult {
    PipelineSpec spec;
    Diagnostics diagnostics;
};

// The folder a pipeline's paths are relative to: the project root for
// <project>/pipelines/NAME.yaml (a folder with cairn.yaml above pipelines/), else the
// file's own folder (as DVC does for dvc.yaml).
std::filesystem::path pipelineRoot(const std::filesystem::path& file, const SourceFiles& files);

// Reads `file` through `files`; a missing file is an error diagnostic at 0:0.
LoadResult loadPipeline(const std::string& file, const SourceFiles& files);
// `displayName` is used in messages; params.yaml and vars files are read under `root`.
LoadResult loadPipelineText(std::string text, const std::string& displayName, const std::filesystem::path& root,
                            const SourceFiles& files);

// Parses "90", "90s", "30m", "2h", "1h30m", "1.5h" into seconds; nullopt when malformed.
std::optional<double> parseDuration(const std::string& text);

} // namespace cairn::pipeline
