// Shared by the pipeline tests: an in-memory project with a params.yaml, and diagnostics
// as text for failure messages.
#pragma once

#include "engine/pipeline/validate.h"

#include <string>

namespace pipeline_test {

inline cairn::pipeline::MemoryFiles projectFiles()
{
    cairn::pipeline::MemoryFiles files;
    files.add("/proj/cairn.yaml", "name: p\n");
    files.add("/proj/params.yaml",
              "train:\n  lr: 0.01\n  epochs: 10\n  layers: [8, 16]\n  opt: {name: adam, beta: 0.9}\n"
              "data:\n  path: data/raw.csv\nmodels: [cnn, mlp]\nregions: {us: 1, eu: 2}\n");
    files.add("/proj/config.yaml", "base:\n  seed: 1\n  dir: out\n");
    files.add("/proj/data/raw.csv", "a,b\n1,2\n");
    files.add("/proj/src/train.py", "print(1)\n");
    return files;
}

inline cairn::pipeline::CheckedPipeline check(const std::string& yaml, const cairn::pipeline::SourceFiles& files)
{
    return cairn::pipeline::checkPipelineText(yaml, "p.yaml", "/proj", files);
}

inline std::string dump(const cairn::pipeline::Diagnostics& d)
{
    std::string out;
    for (const auto& x : d.list())
        out += cairn::pipeline::formatDiagnostic(x) + "\n";
    return out.empty() ? "(no diagnostics)\n" : out;
}

} // namespace pipeline_test
