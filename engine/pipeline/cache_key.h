// What decides whether a stage must run again: its cache key and its lock entry.
//
// A stage's key is the SHA-256 of a canonical JSON of its command(s), wdir, env, declared
// outputs, each dep's content hash (a file's SHA-256, a directory's artifact manifest hash,
// as engine/artifacts stores them) and the values of its params. After a stage succeeds its
// entry is written to `.cairn/pipelines/<name>.lock.json` (like dvc.lock): key, dep hashes,
// param values and out hashes. `pipeline status` compares the workspace with it; `pipeline
// run` skips a stage whose key matches and whose outs are there (or in the artifact store).
#pragma once

#include "engine/core/result.h"
#include "engine/pipeline/hash_cache.h"
#include "engine/pipeline/spec.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cairn::pipeline {

// The content hash of a file, or of a directory as its artifact manifest (files hashed,
// manifest encoded, hashed). "" with `error` set when it is missing or unreadable. With a
// cache, files whose stamp it remembers are not read again (hash_cache.h).
struct PathHash {
    std::string hash;
    bool directory = false;
    bool missing = false;
    std::string error;
};
PathHash hashPath(const std::filesystem::path& path, FileHashCache* cache = nullptr);

// Hashes and params files already read in this process, by path relative to the pipeline
// root: for `status`, where nothing changes between stages (a dep of one stage is often the
// out of another; every stage reads params.yaml). Not for `run`, where stages rewrite files.
struct HashMemo {
    std::map<std::string, PathHash> hashes;
    std::map<std::string, Value> params;  // parsed params files (Null when unreadable)
    FileHashCache* files = nullptr;        // optional: hashes remembered across commands
};

struct OutState {
    std::string hash;
    bool directory = false;
    bool cache = true;  // false: `cache: false`, never stored
};

// One stage as it is (computeStageState) or as the lock file recorded it.
struct StageState {
    std::string key;
    std::string cmd;   // commands joined with "\n"
    std::string wdir;
    std::map<std::string, std::string> env;
    std::map<std::string, std::string> deps;    // path (relative to the pipeline root) -> hash ("" missing)
    std::map<std::string, std::string> params;  // "file:key" -> canonical JSON of the value
    std::map<std::string, OutState> outs;       // path -> hash (lock: after the run)
    std::string run;                            // lock: the run that made the outs
    std::vector<std::string> missingDeps;       // computeStageState: deps not on disk
    std::vector<std::string> missingParams;     // "file:key" not found
};

// The stage's current state (deps hashed from disk, params read) and key. Outs are not hashed.
StageState computeStageState(const PipelineSpec& spec, const Stage& stage, HashMemo* memo = nullptr);

// Hashes of the stage's outs on disk now; a missing one has hash "".
std::map<std::string, OutState> hashOutputs(const PipelineSpec& spec, const Stage& stage, HashMemo* memo = nullptr);

struct LockFile {
    std::map<std::string, StageState> stages;
};

// `<project>/.cairn/pipelines/<name>.lock.json`; `name` is the file's stem (dvc for dvc.yaml).
std::filesystem::path lockPathFor(const std::filesystem::path& projectRoot, const std::string& pipelineFile);
std::string pipelineName(const std::string& pipelineFile);
// A missing file is an empty lock.
Result<LockFile> readLock(const std::filesystem::path& path);
// Written beside, synced, renamed: never half a file.
Status writeLock(const std::filesystem::path& path, const LockFile& lock);

// Why a stage is outdated, in words ("never run", "cmd changed", "dep 'x' changed",
// "param 'train.lr' changed", "out 'm' missing", ...); empty: up to date.
// `outsNow` from hashOutputs.
std::vector<std::string> outdatedReasons(const Stage& stage, const StageState& now,
                                         const std::map<std::string, OutState>& outsNow, const StageState* locked);

} // namespace cairn::pipeline
