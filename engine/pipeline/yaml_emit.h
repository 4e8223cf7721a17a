// Value trees back to YAML text, in the style a file is already written in (indent width,
// `- item` under or beside its key, short lists as `[a, b]`, blank lines between stages,
// CRLF). Everything emitted parses back to an equal Value (sameValue): strings that would
// read as a number, a boolean or null, or that hold YAML indicators, are quoted.
#pragma once

#include "engine/pipeline/value.h"

#include <string>
#include <string_view>

namespace cairn::pipeline {

struct YamlStyle {
    int indent = 2;            // spaces per nesting level
    int seqIndent = 2;         // where `- item` goes under `key:`: 0 beside the key, else indented
    bool flowLists = true;     // short lists of plain values as [a, b]
    bool blankBetweenStages = true;
    std::string newline = "\n";
};

// Guesses the style of `text` (whose parse is `root`) from its stages: how far fields are
// indented, where list dashes sit, whether short lists are flow lists, blank lines between
// stages. A file without stages gets the defaults above.
YamlStyle detectStyle(std::string_view text, const Value& root);

// Equal content: kinds, scalars (ints by value text, floats by value, NaN equal to NaN),
// items and entries in order. Positions and quoting are ignored.
bool sameValue(const Value& a, const Value& b);

// How a scalar is written: plain when that reads back as the same value, else quoted.
// `source`, when given, is the text `v` was parsed from: a scalar that was quoted keeps its
// quote style.
std::string scalarYaml(const Value& v, bool flow = false, std::string_view source = {});

// `key: value` (and what nests under it) at `indent` spaces, ending with a newline.
// `listHint`, when a list, is the value the field had before: its flow or block style and
// dash position are kept.
void emitEntry(std::string& out, const Value& key, const Value& value, int indent, const YamlStyle& style,
               std::string_view source = {}, const Value* listHint = nullptr);

// `stages:` and its entries at `indent`, a blank line between stages when the style has them.
void emitStagesEntry(std::string& out, const Value& key, const Value& stages, int indent, const YamlStyle& style,
                     std::string_view source = {});

// A whole document (a mapping at the top, or any value).
std::string emitDocument(const Value& root, const YamlStyle& style);

} // namespace cairn::pipeline
