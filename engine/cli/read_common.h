// Helpers shared by the commands that read the database: opening it, JSON for runs and
// numbers, and reporting a wrong search filter with a caret under its column.
#pragma once

#include "engine/cli/commands.h"
#include "engine/query/search_ast.h"
#include "engine/store/store.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace cairn::cli {

// Opens the located project's database for reading; prints the error and returns null on failure.
std::unique_ptr<Store> openForRead(Context& ctx, const std::string& command);

// A JSON number, or "nan", "inf", "-inf" (JSON has no such numbers).
nlohmann::ordered_json jsonNumber(double v);
nlohmann::ordered_json runJson(const Run& r);
nlohmann::ordered_json summaryJson(const MetricSummary& s);
// Milliseconds from start to end (to now while running); -1 when not started.
std::int64_t durationMs(const Run& r);

// Prints
//   cairn COMMAND: bad OPTION
//     TEXT
//          ^
//     column N: MESSAGE
// and returns kExitUsage.
int searchErrorExit(Context& ctx, const std::string& command, const std::string& option, const std::string& text,
                    const query::SearchError& error);

} // namespace cairn::cli
