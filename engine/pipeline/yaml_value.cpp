// parseYaml: libyaml builds the tree of every well-formed document (yaml_events.cpp); yaml-cpp
// parses what libyaml refuses, so that errors keep yaml-cpp's words and positions.
#include "engine/pipeline/yaml_internal.h"
#include "engine/pipeline/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

namespace cairn::pipeline {

Value yaml::scalar(const std::string& tag, const std::string& text, SourcePos p)
{
    if (tag == "?")
        return typedPlainScalar(text, p);
    if (tag == "!" || tag.ends_with(":str"))
        return Value::string(text, p, tag == "!");
    if (tag.ends_with(":null") || tag.ends_with(":bool") || tag.ends_with(":int") || tag.ends_with(":float")) {
        Value v = typedPlainScalar(text, p);
        if (!v.isString())
            return v;
    }
    return Value::string(text, p);
}

void yaml::addEntry(Value& map, std::unordered_set<std::string>& seen, Value key, Value value, std::vector<YamlError>* problems)
{
    if (key.isScalar()) {
        std::string k = scalarText(key);
        bool repeated = false;
        if (map.entries().size() < 8) {  // small maps compare directly; the set is made past a few keys
            for (const auto& [other, ov] : map.entries())
                repeated = repeated || (other.isScalar() && scalarText(other) == k);
        } else {
            if (seen.empty())
                for (const auto& [other, ov] : map.entries())
                    if (other.isScalar())
                        seen.insert(scalarText(other));
            repeated = !seen.insert(k).second;
        }
        if (repeated && problems)
            problems->push_back({key.pos(), "duplicate key '" + k + "'"});
    }
    map.insert(std::move(key), std::move(value));
}

namespace {

using yaml::kMaxDepth;
using yaml::kMaxNodes;

struct Converter {
    long offsetShift = 0;  // a UTF-8 byte order mark yaml-cpp skips without counting
    long nodes = 0;
    std::vector<YamlError>* problems = nullptr;
    std::vector<const YAML::Node*> path;  // the collections being converted, outermost first

    SourcePos pos(const YAML::Mark& m, SourcePos fallback) const
    {
        if (m.is_null() || m.line < 0)
            return fallback;
        return {m.line + 1, m.column + 1, m.pos + offsetShift};
    }

    Value convert(const YAML::Node& n, SourcePos fallback)
    {
        if (++nodes > kMaxNodes)
            throw YAML::Exception(n.Mark(), "the document expands to more than 2 million values (aliases?)");
        const SourcePos p = pos(n.Mark(), fallback);
        if (n.IsMap() || n.IsSequence()) {
            // An alias may name the collection that holds it: refuse the loop.
            for (const YAML::Node* open : path)
                if (open->is(n))
                    throw YAML::Exception(n.Mark(), "an alias refers to a collection that contains it");
            if (path.size() >= kMaxDepth)
                throw YAML::Exception(n.Mark(), "values nest deeper than " + std::to_string(kMaxDepth) + " levels");
            path.push_back(&n);
        }
        struct Pop {
            std::vector<const YAML::Node*>& path;
            bool active;
            ~Pop()
            {
                if (active)
                    path.pop_back();
            }
        } pop{path, n.IsMap() || n.IsSequence()};
        switch (n.Type()) {
        case YAML::NodeType::Scalar: return yaml::scalar(n.Tag(), n.Scalar(), p);
        case YAML::NodeType::Sequence: {
            Value v = Value::list(p);
            v.items().reserve(n.size());
            for (const auto& item : n)
                v.push(convert(item, p));
            return v;
        }
        case YAML::NodeType::Map: {
            Value v = Value::map(p);
            v.entries().reserve(n.size());
            std::unordered_set<std::string> seen;
            for (const auto& kv : n) {
                Value key = convert(kv.first, p);
                Value value = convert(kv.second, key.pos());
                yaml::addEntry(v, seen, std::move(key), std::move(value), problems);
            }
            return v;
        }
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
        default: return Value::null(p);
        }
    }
};

// yaml-cpp 0.7 allocates without end on a ',' token outside flow collections at document
// level (`,`, `[a],`, `- a\n,`, `'x' ,`): such a comma is never valid YAML, so it is found
// here first and reported. A comma inside a plain scalar (`cmd: echo a, b`), a quoted
// scalar, a comment, a block scalar or [ ] / { } is left alone.
std::optional<std::size_t> strayComma(std::string_view t)
{
    const std::size_t n = t.size();
    std::size_t i = 0;
    int depth = 0;               // inside [ ] / { }
    long blockScalarIndent = -1; // inside a | or > scalar: lines indented more than this
    long plainIndent = -1;       // the previous line ended inside a plain scalar of this indent
    while (i < n) {
        // One line at a time at depth 0; flow collections and quotes may span lines.
        const std::size_t lineStart = i;
        std::size_t ind = 0;
        while (i < n && t[i] == ' ')
            ++i, ++ind;
        const bool blank = i >= n || t[i] == '\n' || t[i] == '\r' || t[i] == '#';
        if (depth == 0 && blockScalarIndent >= 0) {
            if (blank || static_cast<long>(ind) > blockScalarIndent) {
                while (i < n && t[i] != '\n')
                    ++i;
                ++i;
                continue;
            }
            blockScalarIndent = -1;
        }
        const bool continuation = depth == 0 && !blank && plainIndent >= 0 && static_cast<long>(ind) > plainIndent;
        if (!blank)
            plainIndent = -1;
        if (continuation) {  // more of a multi-line plain scalar
            plainIndent = static_cast<long>(ind) - 1;
            while (i < n && t[i] != '\n')
                ++i;
            ++i;
            continue;
        }
        bool tokenStart = true;  // at the start of a token (not inside a plain scalar)
        while (i < n && t[i] != '\n') {
            const char c = t[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                tokenStart = true;
                ++i;
                continue;
            }
            if (c == '#' && tokenStart) {
                while (i < n && t[i] != '\n')
                    ++i;
                break;
            }
            if (c == '"' || c == '\'') {
                ++i;
                while (i < n) {
                    if (c == '"' && t[i] == '\\') {
                        i += 2;
                        continue;
                    }
                    if (t[i] == c) {
                        if (c == '\'' && i + 1 < n && t[i + 1] == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    ++i;
                }
                ++i;
                tokenStart = true;
                continue;
            }
            if (c == '[' || c == '{') {
                ++depth;
                ++i;
                tokenStart = true;
                continue;
            }
            if (c == ']' || c == '}') {
                if (depth > 0)
                    --depth;
                ++i;
                tokenStart = true;
                continue;
            }
            if (depth > 0) {
                ++i;
                tokenStart = c == ',' || c == ':';
                continue;
            }
            if (c == ',' && tokenStart)
                return i;
            if (!tokenStart) {  // inside a plain scalar: ": " ends it
                if (c == ':' && (i + 1 >= n || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\r'))
                    tokenStart = true;
                ++i;
                continue;
            }
            if ((c == '-' || c == '?' || c == ':') && (i + 1 >= n || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\r')) {
                ++i;
                continue;
            }
            if ((c == '|' || c == '>')) {
                blockScalarIndent = static_cast<long>(ind);
                while (i < n && t[i] != '\n')
                    ++i;
                break;
            }
            if (c == '&' || c == '*' || c == '!' || c == '%' || (c == '-' && i == lineStart && t.substr(i, 3) == "---")
                || (c == '.' && i == lineStart && t.substr(i, 3) == "...")) {
                if (c == '%') {
                    while (i < n && t[i] != '\n')
                        ++i;
                    break;
                }
                while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != '\t')
                    ++i;
                continue;
            }
            // A plain scalar starts.
            tokenStart = false;
            plainIndent = static_cast<long>(ind);
            ++i;
        }
        ++i;
    }
    return std::nullopt;
}

} // namespace

YamlDocument parseYaml(std::string_view text)
{
    YamlDocument doc;
    if (auto comma = strayComma(text)) {
        const std::string_view before = text.substr(0, *comma);
        const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        const auto nl = before.rfind('\n');
        const int column = 1 + static_cast<int>(nl == std::string_view::npos ? *comma : *comma - nl - 1);
        doc.error = YamlError{{line, column, static_cast<long>(*comma)}, "',' outside [ ] or { }: commas separate items only in a flow list or mapping"};
        return doc;
    }
    if (auto fast = yaml::parseWithLibyaml(text))
        return std::move(*fast);
    return yaml::parseWithYamlCpp(text);
}

YamlDocument yaml::parseWithYamlCpp(std::string_view text)
{
    YamlDocument doc;
    Converter conv;
    conv.problems = &doc.problems;
    if (text.starts_with("\xEF\xBB\xBF"))
        conv.offsetShift = 3;
    try {
        const std::string owned(text);
        std::vector<YAML::Node> docs = YAML::LoadAll(owned);
        if (docs.empty())
            return doc;
        if (docs.size() > 1) {
            doc.error = YamlError{conv.pos(docs[1].Mark(), {1, 1, 0}), "a pipeline file holds one YAML document, this one has " + std::to_string(docs.size())};
            return doc;
        }
        doc.root = conv.convert(docs[0], {1, 1, 0});
    } catch (const YAML::Exception& e) {
        doc.root = Value();
        doc.problems.clear();
        doc.error = YamlError{conv.pos(e.mark, {1, 1, 0}), e.msg};
    } catch (const std::exception& e) {
        doc.root = Value();
        doc.error = YamlError{{1, 1, 0}, e.what()};
    }
    return doc;
}

} // namespace cairn::pipeline
