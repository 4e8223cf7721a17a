// Everything the artifact panel shows for one version, loaded in one go off the UI thread
// (the workbench's LineageSession): the artifact's versions, the version's files (a
// directory's manifest), the runs that read and wrote it, and its dataset profiles.
#pragma once

#include "engine/store/artifact_rows.h"
#include "engine/store/profile_rows.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace cairn::widgets {

struct ArtifactFile {
    std::string path;
    std::string type;  // file, dir or link
    std::uint64_t size = 0;
    std::string hash;  // files
    std::string target;  // links
};

struct ArtifactRunRef {
    std::string id, name, status;
    std::string direction;  // "input": the run read it; "output": the run wrote it
};

struct ArtifactProfile {
    std::string path;  // inside a directory version; empty for a file version
    DatasetProfile profile;
};

struct ArtifactDetail {
    std::vector<ArtifactVersion> versions;  // every version of the artifact, newest first
    ArtifactVersion version;                // the one shown
    bool stored = true;                     // its object is in artifacts/
    std::vector<ArtifactFile> files;
    std::size_t totalFiles = 0;             // files listed may stop at a limit
    std::vector<ArtifactRunRef> runs;
    std::vector<ArtifactProfile> profiles;
    QString error;
};

using ArtifactDetailPtr = std::shared_ptr<const ArtifactDetail>;

// One row of the workbench's artifact list.
struct ArtifactSummary {
    std::string name, type;
    std::int64_t versions = 0;
    ArtifactVersion newest;
};
using ArtifactListPtr = std::shared_ptr<const std::vector<ArtifactSummary>>;

} // namespace cairn::widgets

Q_DECLARE_METATYPE(cairn::widgets::ArtifactDetailPtr)
Q_DECLARE_METATYPE(cairn::widgets::ArtifactListPtr)
