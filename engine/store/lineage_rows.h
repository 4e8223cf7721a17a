// The lineage graph read from run_artifacts (engine/store/store_lineage.cpp, docs/lineage.md):
// artifact versions and runs, with edges in the direction data flows: a version a run read
// points at the run (input), a run points at the versions it wrote (output).
#pragma once

#include "engine/store/artifact_rows.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cairn {

struct LineageNode {
    bool isRun = false;
    std::string id;       // a run's id, or "name:version"
    std::string name;     // run name, or artifact name
    std::string detail;   // run status, or artifact type
    std::string hash;     // artifact versions: the content hash
    std::int64_t version = 0;
    int depth = 0;        // hops from the start
    std::int64_t rowId = 0;  // runs.seq or artifact_versions.id
};

struct LineageEdge {
    std::string from, to;  // node ids
    std::string direction; // "input" (version -> run) or "output" (run -> version)
};

struct LineageGraph {
    std::vector<LineageNode> nodes;  // the start first, then by depth
    std::vector<LineageEdge> edges;
};

// A version a run read ("input") or wrote ("output").
struct RunArtifact {
    std::string direction;
    ArtifactVersion version;
};

} // namespace cairn
