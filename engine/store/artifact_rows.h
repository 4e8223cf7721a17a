// Plain value types of artifact versions in the project store (engine/store/store_artifacts.cpp).
#pragma once

#include <cstdint>
#include <string>

namespace cairn {

// One version of a named artifact: the hash of its bytes (a file) or of its manifest (a
// directory) in the project's object store (docs/artifacts.md).
struct ArtifactVersion {
    std::int64_t id = 0;
    std::string name;
    std::string type;            // dataset, model or file
    std::int64_t version = 0;    // 1, 2, ... per name
    std::string hash;            // 64 hex digits
    bool directory = false;      // hash names a manifest
    std::int64_t size = 0;       // bytes of file content
    std::int64_t fileCount = 0;
    std::int64_t createdMs = 0;
    std::string runId;           // the run that produced it; empty when added by hand
    std::string source;          // the path it was added from
    // A dataset of another tool (imported from OpenLineage): no bytes in the store, `hash` only
    // tells its versions apart. Its OpenLineage identity is olNamespace and olName.
    bool external = false;
    std::string olNamespace;
    std::string olName;
};

inline bool isArtifactType(const std::string& t) { return t == "dataset" || t == "model" || t == "file"; }

} // namespace cairn
