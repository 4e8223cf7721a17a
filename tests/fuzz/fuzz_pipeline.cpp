#include "fuzz_pipeline.h"

#include "engine/pipeline/validate.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

using namespace cairn::pipeline;

namespace {

void checkInvariants(const CheckedPipeline& c, const std::string& text)
{
    const long lines = static_cast<long>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto& d : c.diagnostics.list()) {
        if (d.message.empty())
            std::abort();
        if (d.file == c.spec.file) {
            if (!d.pos.known() || d.pos.column < 1 || d.pos.line > lines + 1)
                std::abort();  // every problem of the file points into it
        }
    }
    std::set<std::string> names;
    for (const auto& s : c.spec.stages)
        if (!names.insert(s.name).second || s.entryIndex < 0 || s.entryIndex >= static_cast<int>(c.spec.entries.size()))
            std::abort();
    long prevEnd = 0;
    for (const auto& e : c.spec.entries) {
        if (!e.span.valid())
            continue;
        if (e.span.begin < prevEnd || e.span.end > static_cast<long>(text.size()))
            std::abort();
        prevEnd = e.span.end;
    }
    if (c.dag.order().size() > c.spec.stages.size())
        std::abort();
    for (const auto& e : c.dag.edges())
        if (e.from < 0 || e.to < 0 || e.from >= c.dag.size() || e.to >= c.dag.size())
            std::abort();
    if (!c.dag.acyclic() && c.dag.cycles().empty() && !c.diagnostics.hasErrors())
        std::abort();  // a stage left unordered is on a cycle or after one, and that is an error
}

} // namespace

void fuzzPipelineOne(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    MemoryFiles files;
    files.add("/fz/params.yaml", "train: {lr: 0.1, layers: [1, 2]}\nmodels: [a, b]\nm: {x: 1}\n");
    files.add("/fz/data/raw.csv", "x\n");
    checkInvariants(checkPipelineText(text, "p.yaml", "/fz", files), text);

    // The same bytes as the params file a small pipeline reads.
    MemoryFiles asParams;
    asParams.add("/fz/params.yaml", text);
    const std::string pipeline = "stages:\n  s:\n    foreach: ${models}\n    do:\n      cmd: echo ${item} ${train.lr}\n"
                                 "      params: [train.lr]\n";
    checkInvariants(checkPipelineText(pipeline, "p.yaml", "/fz", asParams), pipeline);
}
