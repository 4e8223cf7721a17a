#include "engine/pipeline/pipeline_files.h"

#include <algorithm>

namespace cairn::pipeline {

std::vector<std::string> projectPipelineFiles(const std::filesystem::path& projectRoot)
{
    std::vector<std::string> files;
    std::error_code ec;
    const auto dir = projectRoot / "pipelines";
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec))
            files.push_back("pipelines/" + it->path().filename().string());
    }
    std::sort(files.begin(), files.end());
    if (std::filesystem::is_regular_file(projectRoot / "dvc.yaml", ec))
        files.push_back("dvc.yaml");
    return files;
}

} // namespace cairn::pipeline
