#include "engine/pipeline/interpolate.h"

#include "engine/core/text.h"

#include <cctype>
#include <charconv>

namespace cairn::pipeline {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string joinPath(const std::vector<std::string>& segments, std::size_t upTo)
{
    std::string out;
    for (std::size_t i = 0; i < upTo && i < segments.size(); ++i)
        out += (i ? "." : "") + segments[i];
    return out;
}

std::vector<std::string> keysOf(const Value& m)
{
    std::vector<std::string> keys;
    for (const auto& [k, v] : m.entries())
        keys.push_back(scalarText(k));
    return keys;
}

// dvc.utils.flatten: nested mappings become dotted keys; lists stay values.
void flatten(const Value& m, const std::string& prefix, std::vector<std::pair<std::string, const Value*>>& out)
{
    for (const auto& [k, v] : m.entries()) {
        std::string key = prefix.empty() ? scalarText(k) : prefix + "." + scalarText(k);
        if (v.isMap() && !v.entries().empty())
            flatten(v, key, out);
        else
            out.emplace_back(std::move(key), &v);
    }
}

// DVC's to_str for a mapping in `cmd`: --key value flags (argparse's store_true and nargs).
bool cmdFlags(const Value& m, std::string& out, std::string& error)
{
    std::vector<std::pair<std::string, const Value*>> flat;
    flatten(m, "", flat);
    std::string result;
    for (const auto& [k, v] : flat) {
        if (v->kind() == Value::Kind::Bool) {
            if (v->asBool())
                result += "--" + k + " ";
        } else if (v->isString()) {
            result += "--" + k + " " + shellQuoteLikePython(v->text()) + " ";
        } else if (v->isList()) {
            for (std::size_t n = 0; n < v->items().size(); ++n) {
                const Value& i = v->items()[n];
                if (!i.isScalar()) {
                    error = "cannot interpolate the nested list or mapping in '" + k + "'";
                    return false;
                }
                std::string text = i.isString() ? shellQuoteLikePython(i.text()) : scalarText(i);
                result += n > 0 ? text + " " : "--" + k + " " + text + " ";
            }
        } else if (v->isMap()) {  // an empty mapping: Python prints {}
            result += "--" + k + " {} ";
        } else {
            result += "--" + k + " " + scalarText(*v) + " ";
        }
    }
    while (!result.empty() && result.back() == ' ')
        result.pop_back();
    out = std::move(result);
    return true;
}

std::string replaceEscapes(std::string s)
{
    std::size_t at = 0;
    while ((at = s.find("\\${", at)) != std::string::npos) {
        s.erase(at, 1);
        at += 2;
    }
    return s;
}

bool interpolatable(const Value& v, std::string_view field)
{
    if (v.isScalar())
        return true;
    if (field.empty() || field.find("foreach") != std::string_view::npos || field == "matrix")
        return true;
    return v.isMap() && field == "cmd";
}

Value resolveString(const Value& s, const Scope& scope, std::string_view field, std::vector<ResolveProblem>& problems)
{
    const std::string& text = s.text();
    const std::vector<Placeholder> found = findPlaceholders(text);
    if (found.empty()) {
        if (text.find("\\${") == std::string::npos)
            return s;
        return Value::string(replaceEscapes(text), s.pos(), s.quoted());
    }
    auto fail = [&](std::size_t index, std::string message) {
        problems.push_back({s.pos(), text, {index, std::move(message)}});
        return s;
    };
    std::vector<const Value*> values;
    for (const auto& ph : found) {
        std::vector<std::string> segments;
        std::string error;
        if (!parseExpression(ph.inner, segments, error))
            return fail(ph.begin, error);
        const Value* v = select(scope, segments, error);
        if (!v)
            return fail(ph.begin, error);
        if (!interpolatable(*v, field))
            return fail(ph.begin, "cannot interpolate " + v->kindName() + " ('" + std::string(ph.inner) + "') into '" + std::string(field) + "'");
        values.push_back(v);
    }
    if (found.size() == 1 && found[0].begin == 0 && found[0].end == text.size()) {
        Value copy = *values[0];  // the value itself, its type kept
        copy.setPos(s.pos());
        return copy;
    }
    std::string out;
    std::size_t at = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        out.append(text, at, found[i].begin - at);
        const Value& v = *values[i];
        if (v.isMap()) {
            std::string flags, error;
            if (!cmdFlags(v, flags, error))
                return fail(found[i].begin, error);
            out += flags;
        } else if (v.isList()) {
            return fail(found[i].begin, "cannot interpolate a list inside a string");
        } else {
            out += scalarText(v);
        }
        at = found[i].end;
    }
    out.append(text, at, std::string::npos);
    return Value::string(replaceEscapes(std::move(out)), s.pos(), s.quoted());
}

} // namespace

std::vector<Placeholder> findPlaceholders(std::string_view s)
{
    std::vector<Placeholder> out;
    std::size_t at = 0;
    while ((at = s.find("${", at)) != std::string_view::npos) {
        if (at > 0 && s[at - 1] == '\\') {
            at += 2;
            continue;
        }
        std::size_t close = s.find('}', at + 2);
        if (close == std::string_view::npos)
            break;
        out.push_back({at, close + 1, s.substr(at + 2, close - at - 2)});
        at = close + 1;
    }
    return out;
}

bool hasPlaceholders(std::string_view s)
{
    return s.find("${") != std::string_view::npos && !findPlaceholders(s).empty();
}

bool parseExpression(std::string_view inner, std::vector<std::string>& segments, std::string& error)
{
    // word ( '.' word | '[' word ']' )*, a word being any characters but . [ ]
    segments.clear();
    std::string_view s = trim(inner);
    auto bad = [&](std::string why) {
        error = "bad interpolation '${" + std::string(inner) + "}': " + why;
        return false;
    };
    if (s.empty())
        return bad("expected a variable name");
    std::size_t i = 0;
    auto word = [&](std::string& out) {
        std::size_t start = i;
        while (i < s.size() && s[i] != '.' && s[i] != '[' && s[i] != ']')
            ++i;
        out = std::string(trim(s.substr(start, i - start)));
        return !out.empty();
    };
    std::string w;
    if (!word(w))
        return bad("expected a variable name at character " + std::to_string(i + 1));
    segments.push_back(w);
    while (i < s.size()) {
        if (s[i] == '.') {
            ++i;
            if (!word(w))
                return bad("expected a name after '.' at character " + std::to_string(i + 1));
            segments.push_back(w);
        } else if (s[i] == '[') {
            ++i;
            if (!word(w))
                return bad("expected an index inside [] at character " + std::to_string(i + 1));
            if (i >= s.size() || s[i] != ']')
                return bad("expected ']' at character " + std::to_string(i + 1));
            ++i;
            segments.push_back(w);
        } else {
            return bad("unexpected '" + std::string(1, s[i]) + "' at character " + std::to_string(i + 1));
        }
    }
    return true;
}

const Value* select(const Scope& scope, const std::vector<std::string>& segments, std::string& error)
{
    if (segments.empty()) {
        error = "empty variable name";
        return nullptr;
    }
    const Value* cur = nullptr;
    if (segments[0] == "item" && scope.item)
        cur = scope.item;
    else if (segments[0] == "key" && scope.key)
        cur = scope.key;
    else if (scope.vars)
        cur = scope.vars->find(segments[0]);
    if (!cur) {
        std::vector<std::string> names = scope.vars ? keysOf(*scope.vars) : std::vector<std::string>{};
        if (scope.item)
            names.push_back("item");
        if (scope.key)
            names.push_back("key");
        std::string hint = didYouMean(segments[0], names);
        error = "undefined variable '" + segments[0] + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
        return nullptr;
    }
    for (std::size_t i = 1; i < segments.size(); ++i) {
        const std::string& seg = segments[i];
        const Value* next = nullptr;
        std::string hint;
        if (cur->isMap()) {
            next = cur->find(seg);
            if (!next)
                hint = didYouMean(seg, keysOf(*cur));
        } else if (cur->isList()) {
            long long index = 0;
            auto [p, ec] = std::from_chars(seg.data(), seg.data() + seg.size(), index);
            const long long n = static_cast<long long>(cur->items().size());
            if (ec == std::errc() && p == seg.data() + seg.size()) {
                if (index < 0)
                    index += n;
                if (index >= 0 && index < n)
                    next = &cur->items()[static_cast<std::size_t>(index)];
            }
            if (!next) {
                error = "undefined variable '" + joinPath(segments, i + 1) + "': '" + joinPath(segments, i) + "' is a list of "
                        + std::to_string(n) + " and '" + seg + "' is not an index in it";
                return nullptr;
            }
        }
        if (!next) {
            error = "undefined variable '" + joinPath(segments, i + 1) + "'";
            if (!cur->isMap())
                error += ": '" + joinPath(segments, i) + "' is " + cur->kindName() + ", not a mapping";
            else if (!hint.empty())
                error += " (did you mean '" + joinPath(segments, i) + "." + hint + "'?)";
            return nullptr;
        }
        cur = next;
    }
    return cur;
}

Value resolveValue(const Value& v, const Scope& scope, std::string_view field, std::vector<ResolveProblem>& problems)
{
    switch (v.kind()) {
    case Value::Kind::String: return resolveString(v, scope, field, problems);
    case Value::Kind::List: {
        Value out = Value::list(v.pos());
        out.items().reserve(v.items().size());
        for (const auto& item : v.items())
            out.push(resolveValue(item, scope, field, problems));
        return out;
    }
    case Value::Kind::Map: {
        Value out = Value::map(v.pos());
        out.entries().reserve(v.entries().size());
        for (const auto& [k, item] : v.entries()) {
            Value key = k.isString() ? resolveString(k, scope, field, problems) : k;
            if (!key.isScalar()) {  // a key that interpolated to a list or mapping
                problems.push_back({k.pos(), k.text(), {0, "a mapping key must be a string, '" + k.text() + "' is " + key.kindName()}});
                key = k;
            }
            out.insert(std::move(key), resolveValue(item, scope, field, problems));
        }
        return out;
    }
    default: return v;
    }
}

namespace {

std::string mergeInto(Value& into, const Value& update, const std::string& path, const std::string& source,
                      const std::map<std::string, std::string>& sources, const std::string& topKey)
{
    for (const auto& [k, v] : update.entries()) {
        const std::string key = scalarText(k);
        const std::string full = path.empty() ? key : path + "." + key;
        Value* existing = into.find(key);
        if (existing && existing->isMap() && v.isMap()) {
            if (auto err = mergeInto(*existing, v, full, source, sources, topKey.empty() ? key : topKey); !err.empty())
                return err;
            continue;
        }
        if (existing) {
            auto it = sources.find(topKey.empty() ? key : topKey);
            return "cannot redefine '" + full + "' from '" + source + "' as it already exists in '"
                   + (it == sources.end() ? std::string("vars") : it->second) + "'";
        }
        into.insert(k, v);
    }
    return {};
}

} // namespace

std::string VarContext::merge(const Value& m, const std::string& source)
{
    if (!m.isMap())
        return "expected a mapping of variables in '" + source + "', got " + m.kindName();
    std::string err = mergeInto(m_root, m, "", source, m_sources, "");
    if (!err.empty())
        return err;
    for (const auto& [k, v] : m.entries())
        m_sources.emplace(scalarText(k), source);
    return {};
}

std::string VarContext::noteImport(const std::string& path, const std::vector<std::string>& keys, bool& alreadyLoaded)
{
    alreadyLoaded = false;
    auto it = m_imports.find(path);
    if (it == m_imports.end()) {
        m_imports[path] = keys.empty() ? std::nullopt : std::optional(keys);
        return {};
    }
    const auto& imported = it->second;
    if (keys.empty() && !imported) {
        alreadyLoaded = true;  // naming a whole file twice is allowed
        return {};
    }
    if (keys.empty() && imported)
        return "cannot load '" + path + "' as it's partially loaded already";
    if (!imported)
        return "cannot partially load '" + path + "' as it's already loaded";
    for (const auto& k : keys)
        for (const auto& have : *imported)
            if (k == have)
                return "cannot load '" + path + ":" + k + "' as it's partially loaded already";
    it->second->insert(it->second->end(), keys.begin(), keys.end());
    return {};
}

std::string shellQuoteLikePython(const std::string& s)
{
    if (s.empty())
        return "''";
    bool safe = true;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || std::string_view("@%+=:,./-_").find(static_cast<char>(c)) != std::string_view::npos)) {
            safe = false;
            break;
        }
    if (safe)
        return s;
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\"'\"'";
        else
            out += c;
    }
    return out + "'";
}

} // namespace cairn::pipeline
