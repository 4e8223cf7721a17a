#include "engine/pipeline/stage_edit.h"

#include <algorithm>
#include <array>

namespace cairn::pipeline {
namespace {

constexpr std::array<std::string_view, 21> kFieldOrder = {
    "desc", "foreach", "matrix", "vars", "do", "cmd", "wdir", "deps", "params", "outs", "metrics",
    "plots", "resources", "retries", "timeout", "env", "frozen", "always_changed", "meta", "live", "checkpoint"};

int rank(std::string_view field)
{
    auto it = std::find(kFieldOrder.begin(), kFieldOrder.end(), field);
    return it == kFieldOrder.end() ? static_cast<int>(kFieldOrder.size()) : static_cast<int>(it - kFieldOrder.begin());
}

bool isEmpty(const Value& v)
{
    return v.isNull() || (v.isList() && v.items().empty()) || (v.isMap() && v.entries().empty());
}

} // namespace

const Value* stageFields(const Value& body)
{
    if (!body.isMap())
        return nullptr;
    if (body.find("foreach") || (body.find("do") && !body.find("cmd"))) {
        const Value* d = body.find("do");
        return d && d->isMap() ? d : nullptr;
    }
    return &body;
}

Value* stageFields(Value& body) { return const_cast<Value*>(stageFields(static_cast<const Value&>(body))); }

const Value* stageField(const Value& body, std::string_view field)
{
    const Value* fields = stageFields(body);
    return fields ? fields->find(field) : nullptr;
}

Value withField(const Value& body, std::string_view field, Value value)
{
    Value out = body.isMap() ? body : Value::map();
    Value* fields = stageFields(out);
    if (!fields) {  // a foreach without a usable `do`
        if (out.find("foreach")) {
            out = withField(out, "do", Value::map());
            fields = stageFields(out);
        } else {
            fields = &out;
        }
    }
    auto& entries = fields->entries();
    auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first.isScalar() && scalarText(e.first) == field; });
    if (isEmpty(value)) {
        if (it != entries.end())
            entries.erase(it);
        return out;
    }
    if (it != entries.end()) {
        it->second = std::move(value);
        return out;
    }
    const int r = rank(field);
    auto at = entries.end();
    for (auto e = entries.begin(); e != entries.end(); ++e)
        if (rank(scalarText(e->first)) > r) {
            at = e;
            break;
        }
    entries.insert(at, {Value::string(std::string(field)), std::move(value)});
    return out;
}

std::vector<std::string> listPaths(const Value* list)
{
    std::vector<std::string> paths;
    if (!list)
        return paths;
    if (list->isString()) {
        paths.push_back(list->text());
        return paths;
    }
    for (const auto& item : list->items()) {
        if (item.isMap() && !item.entries().empty())
            paths.push_back(scalarText(item.entries().front().first));
        else if (item.isScalar() && !item.isNull())
            paths.push_back(scalarText(item));
    }
    return paths;
}

Value stringList(const std::vector<std::string>& items)
{
    Value list = Value::list();
    for (const auto& s : items)
        list.push(Value::string(s));
    return list;
}

std::string uniqueStageName(const PipelineDocument& doc, std::string base)
{
    for (char& c : base)
        if (c == '@' || c == ':' || c == '/' || c == '\\' || c == ' ')
            c = '_';
    if (base.empty())
        base = "stage";
    if (doc.stageIndex(base) < 0)
        return base;
    // "train_2" -> base "train".
    if (auto u = base.rfind('_'); u != std::string::npos && u + 1 < base.size()
        && base.find_first_not_of("0123456789", u + 1) == std::string::npos)
        base.resize(u);
    for (int i = 2;; ++i) {
        std::string name = base + "_" + std::to_string(i);
        if (doc.stageIndex(name) < 0)
            return name;
    }
}

} // namespace cairn::pipeline
