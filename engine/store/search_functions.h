// SQL functions that compiled search filters call (engine/query/search_sql.h). Private to
// engine/store.
#pragma once

struct sqlite3;

namespace cairn {

// cairn_number(text): the text as a REAL when all of it is a number, else NULL.
void registerSearchFunctions(sqlite3* db);

} // namespace cairn
