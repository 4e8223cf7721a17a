#pragma once
#include "engine/core/result.h"
#include <map>
#include <string>
#include <vector>
namespace cairn::cli {
// Parses repeated KEY=VALUE options (--param lr=0.1); `what` names the option in errors.
Result<std::map<std::string, std::string>> parseKeyValues(const std::vector<std::string>& items, const std::string& what);
} // namespace cairn::cli
