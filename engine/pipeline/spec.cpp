#include "engine/pipeline/spec.h"

namespace cairn::pipeline {

const Stage* PipelineSpec::stage(const std::string& name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &stages[static_cast<std::size_t>(i)];
}

int PipelineSpec::indexOf(const std::string& name) const
{
    auto it = byName.find(name);
    return it == byName.end() ? -1 : it->second;
}

const char* outputListName(Output::Kind kind)
{
    return kind == Output::Kind::Out ? "outs" : kind == Output::Kind::Metric ? "metrics" : "plots";
}

std::string normalizePath(const std::string& path)
{
    std::string out = std::filesystem::path(path).lexically_normal().generic_string();
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    return out.empty() ? "." : out;
}

std::string stagePath(const Stage& stage, const std::string& path)
{
    if (stage.wdir.empty() || (!path.empty() && path[0] == '/'))
        return normalizePath(path);
    return normalizePath(stage.wdir + "/" + path);
}

} // namespace cairn::pipeline
