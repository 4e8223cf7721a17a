// Small helpers shared by the `cairn pipeline run` and `status` commands.
#pragma once

#include "engine/cli/commands.h"
#include "engine/pipeline/spec.h"
#include "engine/store/project.h"

#include <filesystem>
#include <ostream>
#include <string>

namespace cairn::cli::pipeline_cli {

inline std::string plural(std::size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

inline bool readable(const std::string& file, Context& ctx, const std::string& command)
{
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec))
        return true;
    ctx.err << "cairn pipeline " << command << ": cannot read '" << file << "'\n";
    return false;
}

// Where the lock file lives: the project of the pipeline file, else the file's root.
inline std::filesystem::path projectRootFor(const pipeline::PipelineSpec& spec, Context& ctx)
{
    if (auto p = Project::locate(ctx.projectOption))
        return p->root();
    return spec.root;
}

} // namespace cairn::cli::pipeline_cli
