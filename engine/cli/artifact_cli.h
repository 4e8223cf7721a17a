// Helpers shared by the `cairn artifact` subcommands (cmd_artifact.cpp, cmd_artifact_check.cpp).
#pragma once

#include "engine/artifacts/operations.h"
#include "engine/cli/commands.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cairn::cli::artifact_cli {

// "1.4 GiB", "512 B".
std::string formatBytes(std::uint64_t bytes);
// Decimal megabytes per second, as sha256sum users compare.
std::string formatRate(std::uint64_t bytes, double seconds);

// Draws "  VERB  done/total ..." on stderr, redrawn in place, only when stderr is a terminal.
class ProgressLine {
public:
    ProgressLine(Context& ctx, std::string verb);
    ~ProgressLine();
    artifacts::ProgressFn fn();

private:
    Context& m_ctx;
    std::string m_verb;
    bool m_enabled = false;
    bool m_drawn = false;
};

// What a reference names: a recorded version, or (a hash of) an object no version names.
struct Target {
    std::optional<ArtifactVersion> version;
    std::string hash;
    bool directory = false;
    std::string label() const;  // "name:3" or the short hash
};

// Resolves NAME, NAME:N, a hash or a unique hash prefix (of a version or, failing that, of any
// object in the store). Prints the error and returns nullopt when nothing matches.
std::optional<Target> resolve(Context& ctx, const std::string& command, Store& store, const artifacts::ObjectStore& objects,
                              const std::string& reference);

nlohmann::ordered_json versionJson(const ArtifactVersion& v);

} // namespace cairn::cli::artifact_cli
