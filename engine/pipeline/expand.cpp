// foreach and matrix: one `stages:` entry to many stages, named and keyed as DVC does
// (dvc/parsing/__init__.py: ForeachDefinition, MatrixDefinition).
#include "engine/pipeline/loader_internal.h"

#include "engine/core/text.h"

#include <unordered_map>

namespace cairn::pipeline::detail {

// foreach/matrix data: a list or mapping written out, or `${var}` naming one.
std::optional<Value> Loader::iterable(const Value& v, const std::string& field, const char* what)
{
    std::vector<ResolveProblem> problems;
    Value data = resolveValue(v, Scope{&globals.root(), nullptr, nullptr}, what, problems);
    st.report(problems, field, {});
    if (!problems.empty())
        return std::nullopt;
    return data;
}

void Loader::foreachEntry(int entryIndex, const Value& body, const std::string& prefix)
{
    const StageEntry entry = st.spec.entries[static_cast<std::size_t>(entryIndex)];
    const Value* data = body.find("foreach");
    const Value* tmpl = body.find("do");
    for (const auto& [k, v] : body.entries()) {
        const std::string key = scalarText(k);
        if (key != "foreach" && key != "do")
            st.error(k.pos(), prefix + "." + key, "'" + key + "' is not allowed beside 'foreach' and 'do'"
                                                      + std::string(key == "matrix" ? " (a stage has foreach or matrix, not both)" : "; move it into 'do'"));
    }
    if (!data) {
        st.error(entry.pos, prefix, "'do' needs a 'foreach' list or mapping to iterate over");
        return;
    }
    if (!tmpl) {
        st.error(entry.pos, prefix, "'foreach' needs a 'do' stage to generate");
        return;
    }
    if (!tmpl->isMap()) {
        st.error(tmpl->pos(), prefix + ".do", "must be a stage mapping with at least 'cmd', not " + tmpl->kindName());
        return;
    }
    auto items = iterable(*data, prefix + ".foreach", "foreach");
    if (!items)
        return;
    if (!items->isList() && !items->isMap()) {
        st.error(data->pos(), prefix + ".foreach", "must be a list, a mapping or '${name}' of one, not " + items->kindName()
                                                      + (items->isString() ? " ('" + items->text() + "')" : ""));
        return;
    }
    const bool isMap = items->isMap();
    for (const char* name : {"item", "key"})
        if ((isMap || std::string(name) == "item") && globals.root().find(name))
            st.warning(data->pos(), prefix + ".foreach", std::string("'") + name + "' is already defined; stages generated from '"
                                                             + entry.name + "' see the foreach's " + name + " instead");
    std::vector<std::pair<std::string, const Value*>> members;
    std::unordered_map<std::string, std::size_t> at;
    auto add = [&](std::string key, const Value* v, SourcePos pos) {
        auto [it, fresh] = at.emplace(key, members.size());
        if (fresh) {
            members.emplace_back(std::move(key), v);
            return;
        }
        st.warning(pos, prefix + ".foreach", "'" + key + "' appears twice; stage '" + entry.name + "@" + key
                                                 + "' is generated once, from the last one (as DVC does)");
        members[it->second].second = v;
    };
    if (isMap) {
        for (const auto& [k, v] : items->entries())
            add(scalarText(k), &v, k.pos());
    } else {
        bool composite = false;
        for (const auto& v : items->items())
            composite = composite || !v.isScalar();
        for (std::size_t i = 0; i < items->items().size(); ++i) {
            const Value& v = items->items()[i];
            add(composite ? std::to_string(i) : scalarText(v), &v, v.pos());
        }
    }
    if (members.empty())
        st.warning(data->pos(), prefix + ".foreach", "iterates over nothing, so '" + entry.name + "' makes no stages");
    if (members.size() > kMaxGenerated) {
        st.error(data->pos(), prefix + ".foreach", "generates " + std::to_string(members.size()) + " stages, more than "
                                                       + std::to_string(kMaxGenerated));
        return;
    }
    for (const auto& [key, v] : members) {
        const Value keyValue = Value::string(key);
        generate(entryIndex, *tmpl, prefix + ".do", entry.name + "@" + key, key, v, isMap ? &keyValue : nullptr);
    }
}

void Loader::matrixEntry(int entryIndex, const Value& body, const std::string& prefix)
{
    const StageEntry entry = st.spec.entries[static_cast<std::size_t>(entryIndex)];
    const Value* matrix = body.find("matrix");
    for (const char* k : {"foreach", "do"})
        if (const Value* v = body.find(k); v)
            st.error(v->pos(), prefix + "." + k, "a stage has 'matrix' or 'foreach', not both");
    if (!matrix->isMap() || matrix->entries().empty()) {
        st.error(matrix->pos(), prefix + ".matrix", "must be a mapping of names to lists of values, such as {model: [cnn, mlp], lr: [0.1, 0.01]}");
        return;
    }
    std::vector<std::string> names;
    std::vector<Value> lists;
    bool ok = true;
    double combos = 1;
    for (const auto& [k, v] : matrix->entries()) {
        const std::string name = scalarText(k);
        const std::string field = prefix + ".matrix." + name;
        auto data = iterable(v, field, "matrix");
        if (!data) {
            ok = false;
            continue;
        }
        if (!data->isList()) {
            st.error(v.pos(), field, "must be a list of values or '${name}' of one, not " + data->kindName()
                                         + (data->isString() ? " ('" + data->text() + "')" : ""));
            ok = false;
            continue;
        }
        combos *= static_cast<double>(data->items().size());
        names.push_back(name);
        lists.push_back(std::move(*data));
    }
    if (!ok)
        return;
    for (const char* name : {"item", "key"})
        if (globals.root().find(name))
            st.warning(matrix->pos(), prefix + ".matrix", std::string("'") + name + "' is already defined; stages generated from '"
                                                              + entry.name + "' see the matrix's " + name + " instead");
    if (combos == 0) {
        st.warning(matrix->pos(), prefix + ".matrix", "has an empty list, so '" + entry.name + "' makes no stages");
        return;
    }
    if (combos > static_cast<double>(kMaxGenerated)) {
        st.error(matrix->pos(), prefix + ".matrix", "generates " + formatDouble(combos) + " stages, more than "
                                                        + std::to_string(kMaxGenerated));
        return;
    }
    std::vector<std::pair<std::string, Value>> members;
    std::unordered_map<std::string, std::size_t> at;
    std::vector<std::size_t> idx(names.size(), 0);
    while (true) {
        Value item = Value::map(matrix->pos());
        std::string key;
        for (std::size_t n = 0; n < names.size(); ++n) {
            const Value& v = lists[n].items()[idx[n]];
            item.insert(Value::string(names[n]), v);
            key += (n ? "-" : "") + (v.isScalar() ? scalarText(v) : names[n] + std::to_string(idx[n]));
        }
        auto [it, fresh] = at.emplace(key, members.size());
        if (fresh)
            members.emplace_back(key, std::move(item));
        else
            members[it->second].second = std::move(item);
        std::size_t n = names.size();
        while (n > 0) {
            --n;
            if (++idx[n] < lists[n].items().size())
                break;
            idx[n] = 0;
            if (n == 0) {
                n = names.size() + 1;
                break;
            }
        }
        if (n == names.size() + 1)
            break;
    }
    for (const auto& [key, item] : members) {
        const Value keyValue = Value::string(key);
        generate(entryIndex, body, prefix, entry.name + "@" + key, key, &item, &keyValue);
    }
}

} // namespace cairn::pipeline::detail
