// Profiling a CSV file when it is added (docs/artifacts.md): one streaming pass with the CSV
// reader drift uses (csv_table.h), memory bounded whatever the file's size. Deterministic:
// the same bytes always give the same profile (histogram samples use a fixed seed).
#pragma once

#include "engine/store/profile_rows.h"

#include <filesystem>

namespace cairn::analysis {

struct ProfileOptions {
    std::uint64_t maxBytes = 256ull << 20;  // profile at most this much of a file (then `truncated`)
    std::size_t bins = 20;
    std::size_t topValues = 10;
    std::size_t maxDistinct = 10000;      // distinct values tracked per column (fewer with many columns)
    std::size_t sampleSize = 65536;       // values kept per numeric column for its histogram
};

// Whether a file is one Cairn profiles: a .csv name (any case).
bool isProfilable(const std::filesystem::path& path);

// Errors name the file and line, as the CSV reader's do.
Result<DatasetProfile> profileCsv(const std::string& path, const ProfileOptions& options = {});

} // namespace cairn::analysis
