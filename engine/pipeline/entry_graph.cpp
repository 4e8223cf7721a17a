#include "engine/pipeline/entry_graph.h"

#include "engine/pipeline/stage_edit.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

namespace cairn::pipeline {
namespace {

int portOf(const Value* fields, Output::Kind kind, int index)
{
    int base = 0;
    for (Output::Kind k : {Output::Kind::Out, Output::Kind::Metric, Output::Kind::Plot}) {
        const int n = fields ? static_cast<int>(listPaths(fields->find(outputListName(k))).size()) : 0;
        if (k == kind)
            return index < n ? base + index : -1;
        base += n;
    }
    return -1;
}

bool namesItemOrKey(const std::string& s)
{
    return s.find("${item") != std::string::npos || s.find("${key") != std::string::npos;
}

std::string relativeTo(const std::string& rootRel, const std::string& wdir)
{
    if (wdir.empty() || wdir == ".")
        return rootRel;
    return std::filesystem::path(rootRel).lexically_relative(wdir).generic_string();
}

} // namespace

int EntryGraph::indexOf(const std::string& name) const
{
    auto it = byName.find(name);
    return it == byName.end() ? -1 : it->second;
}

std::string entryOfField(const std::string& field, const std::unordered_map<std::string, int>& names)
{
    if (!field.starts_with("stages."))
        return {};
    const std::string rest = field.substr(7);
    std::string best;
    for (std::size_t cut = 0; cut <= rest.size(); ++cut) {
        if (cut < rest.size() && rest[cut] != '.' && rest[cut] != '[')
            continue;
        std::string candidate = rest.substr(0, cut);
        if (names.count(candidate))
            best = candidate;  // the longest match wins ("a.b" over "a")
    }
    return best;
}

EntryGraph buildEntryGraph(const PipelineDocument& doc, const CheckedPipeline& checked)
{
    EntryGraph g;
    for (const std::string& name : doc.stageNames()) {
        if (g.byName.count(name))
            continue;
        EntryNode node;
        node.name = name;
        const Value* body = doc.stage(name);
        if (body && body->isMap()) {
            if (body->find("matrix"))
                node.kind = StageEntry::Kind::Matrix;
            else if (body->find("foreach") || body->find("do"))
                node.kind = StageEntry::Kind::Foreach;
        }
        const Value* fields = body ? stageFields(*body) : nullptr;
        if (fields) {
            if (const Value* cmd = fields->find("cmd")) {
                if (cmd->isString())
                    node.cmd = cmd->text();
                else if (cmd->isList() && !cmd->items().empty() && cmd->items()[0].isScalar())
                    node.cmd = scalarText(cmd->items()[0]);
            }
            if (const Value* desc = fields->find("desc"); desc && desc->isString())
                node.desc = desc->text();
            node.inputs = listPaths(fields->find("deps"));
            for (Output::Kind k : {Output::Kind::Out, Output::Kind::Metric, Output::Kind::Plot}) {
                const auto paths = listPaths(fields->find(outputListName(k)));
                for (std::size_t i = 0; i < paths.size(); ++i)
                    node.outputs.push_back({paths[i], k, static_cast<int>(i)});
            }
            if (const Value* res = fields->find("resources"); res && res->isMap())
                if (const Value* gpus = res->find("gpus"); gpus && gpus->kind() == Value::Kind::Int)
                    node.gpus = static_cast<int>(gpus->asInt());
        }
        g.byName.emplace(name, static_cast<int>(g.nodes.size()));
        g.nodes.push_back(std::move(node));
    }
    const PipelineSpec& spec = checked.spec;
    for (const Stage& st : spec.stages) {
        const int n = g.indexOf(st.entry);
        if (n >= 0)
            g.nodes[static_cast<std::size_t>(n)].stages.push_back(st.name);
    }
    std::set<std::tuple<int, int, int, int>> seen;
    for (const Edge& e : checked.dag.edges()) {
        const Stage& a = spec.stages[static_cast<std::size_t>(e.from)];
        const Stage& b = spec.stages[static_cast<std::size_t>(e.to)];
        const int from = g.indexOf(a.entry), to = g.indexOf(b.entry);
        if (from < 0 || to < 0 || from == to)
            continue;
        const Value* fromBody = doc.stage(a.entry);
        const Output& out = a.outs[static_cast<std::size_t>(e.out)];
        const int output = portOf(fromBody ? stageFields(*fromBody) : nullptr, out.kind, out.index);
        const int input = b.deps[static_cast<std::size_t>(e.dep)].index;
        if (output < 0 || input < 0 || input >= static_cast<int>(g.nodes[static_cast<std::size_t>(to)].inputs.size()))
            continue;
        if (seen.emplace(from, output, to, input).second)
            g.edges.push_back({from, output, to, input});
    }
    for (const Diagnostic& d : checked.diagnostics.list()) {
        const std::string entry = d.file == spec.file ? entryOfField(d.field, g.byName) : std::string();
        if (entry.empty())
            g.general.push_back(d);
        else
            g.nodes[static_cast<std::size_t>(g.indexOf(entry))].problems.push_back(d);
    }
    return g;
}

std::optional<Value> connectedBody(const PipelineDocument& doc, const CheckedPipeline& checked, const std::string& from, int port,
                                   const std::string& to)
{
    const Value* fromBody = doc.stage(from);
    const Value* toBody = doc.stage(to);
    if (!fromBody || !toBody || from == to)
        return std::nullopt;
    const Value* fromFields = stageFields(*fromBody);
    std::vector<std::pair<Output::Kind, int>> ports;
    for (Output::Kind k : {Output::Kind::Out, Output::Kind::Metric, Output::Kind::Plot}) {
        const auto paths = listPaths(fromFields ? fromFields->find(outputListName(k)) : nullptr);
        for (std::size_t i = 0; i < paths.size(); ++i)
            ports.emplace_back(k, static_cast<int>(i));
    }
    if (port < 0 || port >= static_cast<int>(ports.size()))
        return std::nullopt;
    const auto [kind, index] = ports[static_cast<std::size_t>(port)];
    const std::string written = listPaths(fromFields->find(outputListName(kind)))[static_cast<std::size_t>(index)];

    // The generated stages of both entries, as loaded.
    std::vector<const Stage*> producers, consumers;
    for (const Stage& st : checked.spec.stages) {
        if (st.entry == from)
            producers.push_back(&st);
        if (st.entry == to)
            consumers.push_back(&st);
    }
    const std::string toWdir = consumers.empty() ? std::string() : consumers.front()->wdir;
    const std::string fromWdir = producers.empty() ? std::string() : producers.front()->wdir;
    std::vector<std::string> add;
    if (!namesItemOrKey(written) && normalizePath(toWdir.empty() ? "." : toWdir) == normalizePath(fromWdir.empty() ? "." : fromWdir)) {
        add.push_back(written);
    } else {
        for (const Stage* p : producers)
            for (const Output& o : p->outs)
                if (o.kind == kind && o.index == index)
                    add.push_back(relativeTo(stagePath(*p, o.path), toWdir));
        if (add.empty())
            return std::nullopt;  // the producer did not load: nothing to name
    }
    Value body = *toBody;
    const Value* deps = stageField(body, "deps");
    Value list = deps && deps->isList() ? *deps : Value::list();
    if (deps && deps->isString())
        list.push(*deps);
    std::vector<std::string> have = listPaths(&list);
    bool changed = false;
    for (const auto& p : add) {
        const bool already = std::any_of(have.begin(), have.end(), [&](const std::string& h) { return normalizePath(h) == normalizePath(p); });
        if (already)
            continue;
        list.push(Value::string(p));
        have.push_back(p);
        changed = true;
    }
    if (!changed)
        return std::nullopt;
    return withField(body, "deps", std::move(list));
}

std::optional<Value> disconnectedBody(const PipelineDocument& doc, const EntryGraph& graph, const std::string& from,
                                      const std::string& to)
{
    return disconnectedBody(doc, graph, std::vector<std::string>{from}, to);
}

std::optional<Value> disconnectedBody(const PipelineDocument& doc, const EntryGraph& graph, const std::vector<std::string>& from,
                                      const std::string& to)
{
    const int b = graph.indexOf(to);
    const Value* toBody = doc.stage(to);
    if (b < 0 || !toBody)
        return std::nullopt;
    std::set<int> sources;
    for (const auto& f : from)
        if (const int a = graph.indexOf(f); a >= 0)
            sources.insert(a);
    std::set<int> inputs;
    for (const EntryEdge& e : graph.edges)
        if (sources.count(e.from) && e.to == b)
            inputs.insert(e.input);
    const Value* deps = stageField(*toBody, "deps");
    if (inputs.empty() || !deps || !deps->isList())
        return std::nullopt;
    Value list = Value::list(deps->pos());
    for (std::size_t i = 0; i < deps->items().size(); ++i)
        if (!inputs.count(static_cast<int>(i)))
            list.push(deps->items()[i]);
    return withField(*toBody, "deps", std::move(list));
}

} // namespace cairn::pipeline
