#include "engine/registry/card_fields.h"

namespace cairn::registry {

const std::vector<CardField>& cardFields()
{
    static const std::vector<CardField> fields = {
        {"overview", "Overview", "one or two sentences: what the model does", false},
        {"owners", "Owners", "one owner a line: Name <contact>", true},
        {"license", "License", "an SPDX identifier (Apache-2.0, MIT...) or 'proprietary'", false},
        {"references", "References", "links with more information, one a line", true},
        {"citation", "Citation", "how to cite the model", false},
        {"intended_use", "Intended use", "the use cases it is meant for, one a line", true},
        {"users", "Intended users", "who is meant to use it, one a line", true},
        {"out_of_scope", "Out-of-scope uses", "uses it must not be put to, one a line", true},
        {"limitations", "Limitations", "known technical limitations, one a line", true},
        {"tradeoffs", "Trade-offs", "known accuracy/performance trade-offs, one a line", true},
        {"ethical_considerations", "Ethical considerations", "one risk a line; 'risk: mitigation'", true},
        {"training_data", "Training data", "what the model was trained on (the lineage adds the exact versions)", true},
        {"evaluation_data", "Evaluation data", "what the metrics were measured on", true},
    };
    return fields;
}

const CardField* findCardField(const std::string& key)
{
    for (const auto& f : cardFields())
        if (key == f.key)
            return &f;
    return nullptr;
}

std::vector<std::string> cardFieldKeys()
{
    std::vector<std::string> out;
    for (const auto& f : cardFields())
        out.emplace_back(f.key);
    return out;
}

} // namespace cairn::registry

#include "engine/core/text.h"

#include <yaml-cpp/yaml.h>

#include <sstream>

namespace cairn::registry {

Result<std::map<std::string, std::string>> parseCardFieldsYaml(const std::string& text, const std::string& fileName)
{
    auto at = [&](const YAML::Mark& m) { return fileName + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + ": "; };
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        return makeError(at(e.mark) + e.msg);
    }
    std::map<std::string, std::string> out;
    if (!root || root.IsNull())
        return out;
    if (!root.IsMap())
        return makeError(at(root.Mark()) + "a card file is a mapping of fields to text, e.g. overview: Classifies digits");
    for (const auto& kv : root) {
        const std::string key = kv.first.as<std::string>("");
        const CardField* f = findCardField(key);
        if (!f) {
            const std::string hint = didYouMean(key, cardFieldKeys());
            return makeError(at(kv.first.Mark()) + "unknown card field '" + key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        if (kv.second.IsNull()) {
            out[key] = "";
        } else if (kv.second.IsScalar()) {
            out[key] = kv.second.Scalar();
        } else if (kv.second.IsSequence() && f->multiLine) {
            std::string joined;
            for (const auto& item : kv.second) {
                std::string line;
                if (item.IsScalar()) {
                    line = item.Scalar();
                } else if (item.IsMap() && item.size() == 1 && item.begin()->first.IsScalar() && item.begin()->second.IsScalar()) {
                    // `- Risk: mitigation` reads as a one-entry mapping in YAML: keep it as the text it was.
                    line = item.begin()->first.Scalar() + ": " + item.begin()->second.Scalar();
                } else {
                    return makeError(at(item.Mark()) + "'" + key + "': each item must be text");
                }
                joined += (joined.empty() ? "" : "\n") + line;
            }
            out[key] = joined;
        } else {
            return makeError(at(kv.second.Mark()) + "'" + key + "' must be text" + (f->multiLine ? " or a list of text" : ""));
        }
    }
    return out;
}

std::string cardFieldsYaml(const std::map<std::string, std::string>& fields)
{
    YAML::Emitter y;
    y << YAML::BeginMap;
    for (const auto& f : cardFields()) {
        auto it = fields.find(f.key);
        const std::string value = it == fields.end() ? std::string() : it->second;
        y << YAML::Comment(std::string(f.label) + ": " + f.help);
        y << YAML::Key << f.key;
        if (f.multiLine && !value.empty()) {
            y << YAML::Value << YAML::BeginSeq;
            std::istringstream in(value);
            for (std::string line; std::getline(in, line);)
                if (!line.empty())
                    y << line;
            y << YAML::EndSeq;
        } else {
            y << YAML::Value << YAML::DoubleQuoted << value;
        }
    }
    y << YAML::EndMap;
    return std::string(y.c_str()) + "\n";
}

} // namespace cairn::registry
