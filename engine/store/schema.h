// Schema versions and forward migrations of cairn.db (PRAGMA user_version).
#pragma once

#include "engine/core/result.h"

#include <filesystem>

namespace cairn {

class Database;

namespace schema {

// The newest schema this build knows.
int latestVersion();

// Reads PRAGMA user_version without writing anything.
Result<int> readVersion(Database& db);

// Applies every migration after the database's version up to `target`, each in a transaction.
Status migrate(Database& db, int target);

// Creates a new database file migrated to exactly `version` (tests use it to build old databases).
Status createAtVersion(const std::filesystem::path& path, int version);

} // namespace schema
} // namespace cairn
