// The pipelines of a project, as `cairn pipeline list` and the workbench's Pipelines dock
// show them: pipelines/*.yaml and *.yml (sorted), then dvc.yaml at the project root.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cairn::pipeline {

// Paths relative to the project root ("pipelines/train.yaml", "dvc.yaml").
std::vector<std::string> projectPipelineFiles(const std::filesystem::path& projectRoot);

} // namespace cairn::pipeline
