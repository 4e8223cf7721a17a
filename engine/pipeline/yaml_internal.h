// Internal to parseYaml: what its two parsers share. libyaml (yaml_events.cpp) parses every
// well-formed document, ~10x faster than yaml-cpp; yaml-cpp (yaml_value.cpp) parses the rest
// and words their errors, so messages and positions stay those the tests and docs show.
#pragma once

#include "engine/pipeline/yaml_value.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace cairn::pipeline::yaml {

constexpr long kMaxNodes = 2'000'000;
constexpr std::size_t kMaxDepth = 400;

// A scalar typed by its tag as yaml-cpp spells tags: "?" plain and untagged, "!" quoted or
// non-specific, else the resolved tag ("tag:yaml.org,2002:str").
Value scalar(const std::string& tag, const std::string& text, SourcePos pos);

// Adds key: value to `map`, reporting a repeated key; `seen` belongs to the map.
void addEntry(Value& map, std::unordered_set<std::string>& seen, Value key, Value value, std::vector<YamlError>* problems);

// libyaml's parse, or nullopt when libyaml finds an error or a limit is passed (too many
// values, too deep, an alias loop, more than one document): yaml-cpp then decides and words it.
std::optional<YamlDocument> parseWithLibyaml(std::string_view text);
// yaml-cpp's parse alone (what parseYaml falls back to; tests compare the two trees).
YamlDocument parseWithYamlCpp(std::string_view text);

} // namespace cairn::pipeline::yaml
