#include "engine/pipeline/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <unordered_set>

namespace cairn::pipeline {
namespace {

constexpr long kMaxNodes = 4'000'000;

struct Converter {
    long offsetShift = 0;  // a UTF-8 byte order mark yaml-cpp skips without counting
    long nodes = 0;
    std::vector<YamlError>* problems = nullptr;

    SourcePos pos(const YAML::Mark& m, SourcePos fallback) const
    {
        if (m.is_null() || m.line < 0)
            return fallback;
        return {m.line + 1, m.column + 1, m.pos + offsetShift};
    }

    Value scalar(const YAML::Node& n, SourcePos p) const
    {
        const std::string& tag = n.Tag();
        const std::string& text = n.Scalar();
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

    Value convert(const YAML::Node& n, SourcePos fallback)
    {
        if (++nodes > kMaxNodes)
            throw YAML::Exception(n.Mark(), "the document expands to more than 4 million values (aliases?)");
        const SourcePos p = pos(n.Mark(), fallback);
        switch (n.Type()) {
        case YAML::NodeType::Scalar: return scalar(n, p);
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
                if (key.isScalar()) {
                    std::string k = scalarText(key);
                    if (!seen.insert(k).second && problems)
                        problems->push_back({key.pos(), "duplicate key '" + k + "'"});
                }
                v.insert(std::move(key), std::move(value));
            }
            return v;
        }
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
        default: return Value::null(p);
        }
    }
};

} // namespace

YamlDocument parseYaml(std::string_view text)
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
