// The pipeline model: what pipelines/NAME.yaml or a dvc.yaml says, after `${...}`, `foreach`
// and `matrix` are expanded. Stage names are the stable ids (DVC's: `build@us`,
// `train@cnn-0.1`); every field keeps its source position for messages, and every entry
// under `stages:` keeps its byte span so a writer can rewrite only the entries an edit
// touched and leave the rest of the file byte for byte.
#pragma once

#include "engine/pipeline/value.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::pipeline {

// [begin, end) byte offsets in the source file.
struct Span {
    long begin = -1;
    long end = -1;
    bool valid() const { return begin >= 0 && end >= begin; }
};

struct PathEntry {
    std::string path;  // as written, interpolated; relative to the stage's wdir
    SourcePos pos;
    int index = 0;     // in the list it was written in (deps[2])
};

// An entry of outs, metrics or plots, with DVC's per-output options.
struct Output {
    enum class Kind { Out, Metric, Plot };
    Kind kind = Kind::Out;
    std::string path;
    SourcePos pos;
    int index = 0;  // in its list: outs[1], metrics[0]
    bool cache = true;
    bool persist = false;
    bool checkpoint = false;  // DVC 2.x; accepted, not used
    bool push = true;
    std::string remote;
    std::string desc;
    std::string type;
    std::vector<std::string> labels;
    std::map<std::string, std::string> plotProps;  // template, x, y, x_label, y_label, title, header
};

// One entry of `params:`. `keys` empty and wholeFile: every key of the file.
struct ParamRef {
    std::string file;  // params.yaml unless named
    bool wholeFile = false;
    std::vector<PathEntry> keys;  // dotted keys (`train.lr`) or whole groups (`train`)
    SourcePos pos;
};

struct Resources {
    int gpus = 0;
    int nproc = 1;
};

struct Stage {
    std::string name;   // the stable id
    std::string entry;  // the `stages:` key it came from (== name unless foreach/matrix)
    std::string key;    // the foreach/matrix key (`us`, `cnn-0.1`), empty otherwise
    int entryIndex = -1;

    std::vector<std::string> cmd;  // one command, or the list `cmd: [a, b]` runs in order
    bool cmdIsList = false;
    std::string wdir;  // relative to the pipeline root, "" for the root itself
    std::string desc;
    std::vector<PathEntry> deps;
    std::vector<Output> outs;  // outs, metrics and plots, in that order
    std::vector<ParamRef> params;
    bool frozen = false;
    bool alwaysChanged = false;

    // Cairn's own fields.
    Resources resources;
    int retries = 0;
    std::optional<double> timeoutSeconds;
    std::vector<std::pair<std::string, std::string>> env;

    SourcePos pos;                            // the stage's name in the file
    std::map<std::string, SourcePos> fields;  // where each field's key is
};

struct StageEntry {
    enum class Kind { Plain, Foreach, Matrix };
    std::string name;
    Kind kind = Kind::Plain;
    SourcePos pos;
    // Whole lines from the entry's first line up to the next entry's (comment and blank
    // lines just above the next entry belong to it). For a flow mapping `stages: {a: ...}`
    // the span runs from key to key and `lineSpan` is false.
    Span span;
    bool lineSpan = true;
    std::vector<int> stages;  // indexes into PipelineSpec::stages
};

struct PipelineSpec {
    std::string file;                 // as the user named it (messages print this)
    std::filesystem::path root;       // paths are relative to this folder
    bool dvc = false;                 // a dvc.yaml (DVC's keys only would be expected)
    std::string text;                 // the file's bytes
    Value document;                   // the parsed file, before interpolation
    Value variables;                  // the merged `vars` and params.yaml, a mapping
    std::vector<StageEntry> entries;  // in file order
    std::vector<Stage> stages;        // expanded, in file order
    Span stagesSpan;                  // the `stages:` mapping's lines

    std::unordered_map<std::string, int> byName;  // stage name -> index

    const Stage* stage(const std::string& name) const;
    int indexOf(const std::string& name) const;  // -1 when absent
};

// "outs", "metrics" or "plots".
const char* outputListName(Output::Kind kind);

// wdir joined with a path, normalized, relative to the pipeline root ("data/x", "../y").
std::string stagePath(const Stage& stage, const std::string& path);
std::string normalizePath(const std::string& path);

} // namespace cairn::pipeline
