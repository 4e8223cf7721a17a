#include "engine/cli/artifact_cli.h"

#include "engine/artifacts/sha256.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <ostream>

namespace cairn::cli::artifact_cli {

std::string formatBytes(std::uint64_t bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    char buf[32];
    if (u == 0)
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

std::string formatRate(std::uint64_t bytes, double seconds)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f MB/s", seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
    return buf;
}

ProgressLine::ProgressLine(Context& ctx, std::string verb) : m_ctx(ctx), m_verb(std::move(verb))
{
    m_enabled = &ctx.err == &std::cerr && ::isatty(STDERR_FILENO);
}

ProgressLine::~ProgressLine()
{
    if (m_drawn)
        m_ctx.err << "\r\033[K" << std::flush;
}

artifacts::ProgressFn ProgressLine::fn()
{
    if (!m_enabled)
        return {};
    return [this](const artifacts::Progress& p) {
        std::string line = "\r\033[K  " + m_verb;
        if (p.bytesTotal > 0)
            line += "  " + formatBytes(p.bytesDone) + " / " + formatBytes(p.bytesTotal) + " ("
                    + std::to_string(p.bytesDone * 100 / p.bytesTotal) + "%)";
        if (p.filesTotal > 1)
            line += "  " + std::to_string(p.filesDone) + " / " + std::to_string(p.filesTotal) + " files";
        m_ctx.err << line << std::flush;
        m_drawn = true;
    };
}

std::string Target::label() const
{
    return version ? version->name + ":" + std::to_string(version->version) : hash.substr(0, 12);
}

std::optional<Target> resolve(Context& ctx, const std::string& command, Store& store, const artifacts::ObjectStore& objects,
                              const std::string& reference)
{
    auto v = store.findArtifactVersion(reference);
    if (v)
        return Target{*v, v->hash, v->directory};
    // Any object, e.g. one file of a directory version.
    if (reference.size() >= 4 && artifacts::isHexPrefix(reference)) {
        auto matches = objects.matchPrefix(reference);
        if (matches.size() == 1)
            return Target{std::nullopt, matches.front(), false};
        if (matches.size() > 1) {
            ctx.err << "cairn artifact " << command << ": '" << reference << "' matches " << matches.size()
                    << " objects; give more digits\n";
            return std::nullopt;
        }
    }
    ctx.err << "cairn artifact " << command << ": " << v.message() << "\n";
    return std::nullopt;
}

nlohmann::ordered_json versionJson(const ArtifactVersion& v)
{
    return {{"name", v.name},
            {"version", v.version},
            {"type", v.type},
            {"kind", v.directory ? "directory" : "file"},
            {"hash", v.hash},
            {"size", v.size},
            {"files", v.fileCount},
            {"created_ms", v.createdMs},
            {"run", v.runId.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.runId)},
            {"source", v.source},
            {"external", v.external ? nlohmann::ordered_json{{"namespace", v.olNamespace}, {"name", v.olName}} : nlohmann::ordered_json(nullptr)}};
}

} // namespace cairn::cli::artifact_cli
