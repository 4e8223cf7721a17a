// YAML text to a Value tree with positions (yaml-cpp stays inside yaml_value.cpp).
#pragma once

#include "engine/pipeline/value.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::pipeline {

struct YamlError {
    SourcePos pos;
    std::string message;
};

struct YamlDocument {
    Value root;                       // Null for an empty document
    std::optional<YamlError> error;   // a syntax error with yaml-cpp's position
    std::vector<YamlError> problems;  // not fatal: duplicate keys (DVC refuses them too)
};

// Parses one YAML document. Aliases are expanded (bounded: a document that expands past
// a few million nodes is an error, not an out-of-memory); duplicate keys are reported.
YamlDocument parseYaml(std::string_view text);

} // namespace cairn::pipeline
