// Parser for the JSON-lines channel ($CAIRN_METRICS_FILE); grammar in docs/logging.md.
// Each line is one object or an array of objects:
//   {"key": "loss", "value": 0.3, "step": 4, "timestamp": 1700000000000}
//   {"metrics": {"loss": 0.3, "acc": 0.9}, "step": 4}
//   {"params": {"lr": 0.001}}     {"tags": {"model": "mlp"}}
//   {"input": {"path": "data.csv", "name": "raw"}}   {"output": {"path": "model.bin", "type": "model"}}
// Python's json.dumps spellings NaN, Infinity and -Infinity are accepted, as are the strings
// "nan", "inf" and "-inf".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cairn::ingest {

// An artifact a run declares it read (`input`) or wrote (`output`): cairn:input/cairn:output
// lines, {"input": {...}} JSON lines, or `cairn run --input/--output` (docs/lineage.md).
struct ArtifactDecl {
    std::string direction;  // "input" or "output"
    std::string path;       // as written; relative paths are against the run's workdir
    std::string name;       // empty: the file or folder name
    std::string type;       // empty: the artifact's type, else dataset (folder) or file
};

struct JsonlRecord {
    // Metric points: (key, value, explicit step or none, explicit timestamp ms or none).
    struct Point {
        std::string key;
        double value = 0;
        std::optional<std::int64_t> step;
        std::optional<std::int64_t> timestampMs;
    };
    std::vector<Point> points;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::pair<std::string, std::string>> tags;
    std::vector<ArtifactDecl> artifacts;
};

// Parses one line. Returns false with `error` set when the line is malformed; then nothing
// of the line is recorded (a batch is all or nothing).
bool parseJsonlLine(std::string_view line, JsonlRecord& out, std::string& error);

} // namespace cairn::ingest
