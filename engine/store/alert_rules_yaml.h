// Parsing the `alerts:` list of cairn.yaml (internal to cairn_core: project.cpp).
#pragma once

#include "engine/core/result.h"
#include "engine/store/alert_rules.h"

#include <yaml-cpp/yaml.h>

#include <vector>

namespace cairn {

// Errors name file:line:col and the field, with a suggestion for a misspelt key.
Result<std::vector<AlertRule>> parseAlertRules(const YAML::Node& node, const std::string& fileName);

} // namespace cairn
