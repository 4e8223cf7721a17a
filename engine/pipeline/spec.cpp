#include "engine/pipeline/spec.h"

#include <string_view>

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
    // lexically_normal for '/'-separated relative or absolute paths, without std::filesystem
    // (this runs for every dep and output of 10,000 stages).
    const bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string_view> parts;
    std::string_view rest(path);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (part.empty() || part == ".")
            continue;
        if (part == ".." && !parts.empty() && parts.back() != "..") {
            parts.pop_back();
            continue;
        }
        if (part == ".." && absolute)
            continue;
        parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += '/';
        out += parts[i];
    }
    return out.empty() ? "." : out;
}

std::string stagePath(const Stage& stage, const std::string& path)
{
    if (stage.wdir.empty() || (!path.empty() && path[0] == '/'))
        return normalizePath(path);
    return normalizePath(stage.wdir + "/" + path);
}

} // namespace cairn::pipeline
