#include "engine/store/search_functions.h"

#include "engine/query/search_sql.h"
#include "engine/query/search_values.h"

#include <sqlite3.h>

namespace cairn {
namespace {

void cairnNumber(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        sqlite3_result_double(ctx, sqlite3_value_double(argv[0]));
        return;
    case SQLITE_TEXT: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        const int n = sqlite3_value_bytes(argv[0]);
        if (auto v = query::parseNumber(std::string_view(p, static_cast<std::size_t>(n)))) {
            sqlite3_result_double(ctx, *v);
            return;
        }
        break;
    }
    default: break;
    }
    sqlite3_result_null(ctx);
}

} // namespace

void registerSearchFunctions(sqlite3* db)
{
    sqlite3_create_function_v2(db, query::kNumberFunction, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               nullptr, cairnNumber, nullptr, nullptr, nullptr);
}

} // namespace cairn
