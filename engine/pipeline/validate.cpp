#include "engine/pipeline/validate.h"

#include "engine/core/text.h"
#include "engine/pipeline/yaml_value.h"

#include <map>
#include <set>

namespace cairn::pipeline {
namespace {

std::string outputField(const Stage& s, const Output& o)
{
    return "stages." + s.name + "." + outputListName(o.kind) + "[" + std::to_string(o.index) + "]";
}

// The field path of a stage as written: a generated stage's fields live in its entry's
// template, so one problem there is reported once, not once per generated stage.
std::string writtenField(const PipelineSpec& spec, const Stage& s)
{
    if (s.entry == s.name || s.entryIndex < 0)
        return "stages." + s.name;
    const bool foreach = spec.entries[static_cast<std::size_t>(s.entryIndex)].kind == StageEntry::Kind::Foreach;
    return "stages." + s.entry + (foreach ? ".do" : "");
}

std::string where(const Stage& s)
{
    return "stage '" + s.name + "' (line " + std::to_string(s.pos.line) + ")";
}

class ParamsFiles {
public:
    ParamsFiles(const PipelineSpec& spec, const SourceFiles& files, Diagnostics& diags) : m_spec(spec), m_files(files), m_diags(diags) {}

    // nullptr when missing (warned) or unreadable (reported); `checkable` false for formats not read.
    const Value* get(const std::string& rel, const ParamRef& ref, const std::string& field, bool& checkable)
    {
        checkable = !(rel.ends_with(".toml") || rel.ends_with(".py"));
        auto it = m_cache.find(rel);
        if (it == m_cache.end()) {
            std::optional<Value> v;
            if (!checkable) {
                // TOML and Python params files are not read; their keys are not checked.
            } else if (!m_files.exists(m_spec.root / rel)) {
                m_missing.insert(rel);
            } else if (auto bytes = m_files.read(m_spec.root / rel)) {
                YamlDocument doc = parseYaml(*bytes);
                if (!doc.error && (doc.root.isMap() || doc.root.isNull()))
                    v = doc.root.isNull() ? Value::map() : std::move(doc.root);
            }
            it = m_cache.emplace(rel, std::move(v)).first;
        }
        if (!it->second && checkable) {
            if (m_missing.count(rel))
                m_diags.warning(m_spec.file, ref.pos, field, "params file '" + rel + "' does not exist yet; its keys are checked once it does");
            else
                m_diags.error(m_spec.file, ref.pos, field, "params file '" + rel + "' is not a YAML or JSON mapping");
        }
        return it->second ? &*it->second : nullptr;
    }

private:
    const PipelineSpec& m_spec;
    const SourceFiles& m_files;
    Diagnostics& m_diags;
    std::map<std::string, std::optional<Value>> m_cache;
    std::set<std::string> m_missing;
};

// "train.lr" in a params mapping; the message says what is missing.
bool hasKey(const Value& params, const std::string& dotted, std::string& missing)
{
    const Value* cur = &params;
    std::size_t at = 0;
    std::string sofar;
    while (at <= dotted.size()) {
        auto dot = dotted.find('.', at);
        if (dot == std::string::npos)
            dot = dotted.size();
        const std::string seg = dotted.substr(at, dot - at);
        const Value* next = nullptr;
        if (cur->isMap()) {
            next = cur->find(seg);
        } else if (cur->isList()) {
            try {
                std::size_t used = 0;
                long idx = std::stol(seg, &used);
                if (used == seg.size() && idx >= 0 && static_cast<std::size_t>(idx) < cur->items().size())
                    next = &cur->items()[static_cast<std::size_t>(idx)];
            } catch (...) {
            }
        }
        if (!next) {
            std::vector<std::string> names;
            for (const auto& [k, v] : cur->entries())
                names.push_back((sofar.empty() ? "" : sofar + ".") + scalarText(k));
            const std::string hint = didYouMean((sofar.empty() ? "" : sofar + ".") + seg, names);
            missing = hint.empty() ? "" : " (did you mean '" + hint + "'?)";
            return false;
        }
        sofar += (sofar.empty() ? "" : ".") + seg;
        cur = next;
        at = dot + 1;
    }
    return true;
}

} // namespace

void validate(const PipelineSpec& spec, const Dag& dag, const SourceFiles& files, Diagnostics& diags)
{
    const auto& stages = spec.stages;
    auto stageAt = [&](int i) -> const Stage& { return stages[static_cast<std::size_t>(i)]; };
    auto outAt = [&](const OutputRef& r) -> const Output& { return stageAt(r.stage).outs[static_cast<std::size_t>(r.out)]; };

    for (const auto& c : dag.conflicts()) {
        const Stage& a = stageAt(c.first.stage);
        const Stage& b = stageAt(c.second.stage);
        const Output& oa = outAt(c.first);
        const Output& ob = outAt(c.second);
        if (c.kind == OutputConflict::Kind::Duplicate)
            diags.error(spec.file, ob.pos, outputField(b, ob),
                        "output '" + stagePath(b, ob.path) + "' is also an output of " + where(a) + "; two stages cannot write the same path");
        else
            diags.error(spec.file, ob.pos, outputField(b, ob),
                        "output '" + stagePath(b, ob.path) + "' is inside output '" + stagePath(a, oa.path) + "' of " + where(a)
                            + "; outputs cannot overlap (track the folder or the files in it, not both)");
    }

    for (const auto& cycle : dag.cycles()) {
        const Stage& first = stageAt(cycle.front());
        std::string text;
        for (int s : cycle)
            text += stageAt(s).name + " -> ";
        text += first.name;
        // Point at the dep of the first stage that reads from the last one.
        const int prev = cycle.back();
        SourcePos pos = first.pos;
        std::string field = "stages." + first.name;
        std::string detail;
        for (int e : dag.predecessors(cycle.front())) {
            const Edge& edge = dag.edge(e);
            if (edge.from != prev)
                continue;
            const PathEntry& dep = first.deps[static_cast<std::size_t>(edge.dep)];
            pos = dep.pos;
            field += ".deps[" + std::to_string(dep.index) + "]";
            detail = cycle.size() == 1 ? " ('" + dep.path + "' is its own output)"
                                       : " ('" + dep.path + "' comes from '" + stageAt(prev).name + "')";
            break;
        }
        diags.error(spec.file, pos, field, "dependency cycle: " + text + detail);
    }

    ParamsFiles params(spec, files, diags);
    for (const Stage& s : stages) {
        for (const ParamRef& ref : s.params) {
            const std::string rel = stagePath(s, ref.file);
            const std::string field = writtenField(spec, s) + ".params";
            bool checkable = true;
            const Value* file = params.get(rel, ref, field, checkable);
            if (!file)
                continue;
            for (const PathEntry& key : ref.keys) {
                std::string hint;
                if (!hasKey(*file, key.path, hint))
                    diags.error(spec.file, key.pos, field + "[" + std::to_string(key.index) + "]",
                                "params key '" + key.path + "' is not defined in '" + rel + "'" + hint);
            }
        }
    }

    for (const auto& [si, dj] : dag.externalDeps()) {
        const Stage& s = stageAt(si);
        const PathEntry& dep = s.deps[static_cast<std::size_t>(dj)];
        const std::string p = stagePath(s, dep.path);
        if (!files.exists(spec.root / p))
            diags.warning(spec.file, dep.pos, writtenField(spec, s) + ".deps[" + std::to_string(dep.index) + "]",
                          "'" + p + "' is not an output of any stage and is not on disk yet");
    }
}

CheckedPipeline checkPipelineText(std::string text, const std::string& displayName, const std::filesystem::path& root,
                                  const SourceFiles& files)
{
    LoadResult r = loadPipelineText(std::move(text), displayName, root, files);
    CheckedPipeline c{std::move(r.spec), {}, std::move(r.diagnostics)};
    c.dag = Dag::build(c.spec);
    validate(c.spec, c.dag, files, c.diagnostics);
    c.diagnostics.sort();
    return c;
}

CheckedPipeline checkPipeline(const std::string& file, const SourceFiles& files)
{
    LoadResult r = loadPipeline(file, files);
    CheckedPipeline c{std::move(r.spec), {}, std::move(r.diagnostics)};
    c.dag = Dag::build(c.spec);
    validate(c.spec, c.dag, files, c.diagnostics);
    c.diagnostics.sort();
    return c;
}

} // namespace cairn::pipeline
