// Internal to readLock (cache_key.cpp): the lock file's JSON parsed straight into a LockFile,
// without building a JSON tree first (a 10,000-stage lock is 5 MB; the tree cost ~150 ms).
#pragma once

#include "engine/core/result.h"
#include "engine/pipeline/cache_key.h"

#include <string>
#include <string_view>

namespace cairn::pipeline {

// Unknown keys are skipped (newer Cairns may add some); a value of the wrong type, or text that
// is not JSON, is an error naming `path`.
Result<LockFile> parseLock(std::string_view text, const std::string& path);

} // namespace cairn::pipeline
