// Profiling what an add stored (docs/artifacts.md): the CSV file itself, or the CSV files of a
// directory's manifest, read from their objects in the store (exactly the bytes that were
// hashed), skipping those the database already has a profile of, each sent to the engine
// with the `artifact.profile` request. Used by `cairn artifact add` and by run declarations.
#pragma once

#include "engine/analysis/dataset_profile.h"
#include "engine/artifacts/operations.h"
#include "engine/server/client.h"
#include "engine/store/project.h"

#include <string>
#include <vector>

namespace cairn::lineage {

struct ProfileOutcome {
    int profiled = 0;   // new profiles recorded
    int known = 0;      // CSV objects that had one already
    std::vector<std::string> warnings;  // a CSV that could not be profiled, naming file and line
};

ProfileOutcome profileAdded(const Project& project, server::EngineClient& client, const artifacts::ObjectStore& objects,
                            const artifacts::AddResult& added, const std::filesystem::path& source,
                            const analysis::ProfileOptions& options = {});

} // namespace cairn::lineage
