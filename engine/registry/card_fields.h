// The written fields of a model card (docs/registry.md#model-cards): what a person knows and
// Cairn cannot measure. Stored per model version in model_cards; a new version starts with the
// previous version's fields. Multi-line values list one item per line.
#pragma once

#include <string>
#include <vector>

namespace cairn::registry {

struct CardField {
    const char* key;
    const char* label;
    const char* help;
    bool multiLine;
};

const std::vector<CardField>& cardFields();
const CardField* findCardField(const std::string& key);
std::vector<std::string> cardFieldKeys();

} // namespace cairn::registry

#include "engine/core/result.h"

#include <map>

namespace cairn::registry {

// A YAML mapping of card fields (`overview: ...`, lists for the multi-line ones), as
// `cairn card set --file` and `cairn card edit` read it. Errors name file:line:col and the field.
Result<std::map<std::string, std::string>> parseCardFieldsYaml(const std::string& text, const std::string& fileName);
// The fields as YAML that parseCardFieldsYaml reads back (every field, empty ones as "").
std::string cardFieldsYaml(const std::map<std::string, std::string>& fields);

} // namespace cairn::registry
