// The graph the canvas draws: one node per entry under `stages:` (a foreach or matrix stage
// is one node standing for the stages it generates), its deps as input ports and its outs,
// metrics and plots as output ports, as written; edges from the stage graph of the expanded
// pipeline, each from an output port to the input port that reads it. Problems found by
// validation are attached to the node whose field they name.
#pragma once

#include "engine/pipeline/diagnostic.h"
#include "engine/pipeline/document.h"
#include "engine/pipeline/validate.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::pipeline {

struct EntryPort {
    std::string path;  // as written (may hold ${...})
    Output::Kind kind = Output::Kind::Out;
    int index = 0;     // in its list: outs[1], metrics[0]
};

struct EntryNode {
    std::string name;
    StageEntry::Kind kind = StageEntry::Kind::Plain;
    std::vector<std::string> stages;   // the generated stages' names (the name itself for a plain stage)
    std::string cmd;                   // the first command as written
    std::string desc;
    std::vector<std::string> inputs;   // deps as written
    std::vector<EntryPort> outputs;    // outs, then metrics, then plots
    int gpus = 0;
    std::vector<Diagnostic> problems;  // sorted by position
};

struct EntryEdge {
    int from = -1;    // node index
    int output = -1;  // port index in nodes[from].outputs
    int to = -1;
    int input = -1;   // port index in nodes[to].inputs
};

struct EntryGraph {
    std::vector<EntryNode> nodes;     // in file order
    std::vector<EntryEdge> edges;
    std::vector<Diagnostic> general;  // problems of the file as a whole or of other files
    std::unordered_map<std::string, int> byName;
    int indexOf(const std::string& name) const;
};

// `checked` is the load of doc.text().
EntryGraph buildEntryGraph(const PipelineDocument& doc, const CheckedPipeline& checked);

// The name of the entry a diagnostic's field is about ("stages.train.deps[0]" -> "train"),
// given the entries' names; empty when none.
std::string entryOfField(const std::string& field, const std::unordered_map<std::string, int>& names);

// The body of `to` with deps added that read output `port` of `from`: the path as written,
// or, when it names ${item} or ${key} of a foreach/matrix stage or the two stages have
// different wdirs, the path of each generated stage's output. nullopt when `to` reads them
// already, or an argument is wrong.
std::optional<Value> connectedBody(const PipelineDocument& doc, const CheckedPipeline& checked, const std::string& from, int port,
                                   const std::string& to);

// The body of `to` without the deps that make it read outputs of `from`; nullopt when none do.
// `graph` is the graph of doc as it is.
std::optional<Value> disconnectedBody(const PipelineDocument& doc, const EntryGraph& graph, const std::string& from,
                                      const std::string& to);
// The same for several stages `to` reads from.
std::optional<Value> disconnectedBody(const PipelineDocument& doc, const EntryGraph& graph, const std::vector<std::string>& from,
                                      const std::string& to);

} // namespace cairn::pipeline
