#include "engine/store/project.h"

#include "engine/core/text.h"
#include "engine/store/alert_rules_yaml.h"
#include "engine/store/store.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace cairn {
namespace {

std::string position(const std::string& file, const YAML::Mark& mark)
{
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

Result<std::string> readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}


const std::vector<std::string>& roleNames()
{
    static const std::vector<std::string> names = {"viewer", "editor", "approver", "admin"};
    return names;
}

// An alias name: letters, digits, '-', '_', '.', not starting with a digit (so it never reads as a version).
bool validAlias(const std::string& a)
{
    if (a.empty() || a.size() > 64 || std::isdigit(static_cast<unsigned char>(a[0])))
        return false;
    for (char c : a)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    return true;
}

std::string scalarText(const YAML::Node& n) { return n.IsScalar() ? n.Scalar() : std::string(); }

// The column where a scalar's text starts: after an opening quote; block scalars are inexact.
void ruleStart(const YAML::Node& n, const std::string& text, GateRule& rule)
{
    const YAML::Mark m = n.Mark();
    rule.line = m.line + 1;
    rule.column = m.column + 1;
    rule.exactColumns = true;
    std::size_t lineStart = 0;
    for (int i = 0; i < m.line && lineStart != std::string::npos; ++i) {
        lineStart = text.find('\n', lineStart);
        if (lineStart != std::string::npos)
            ++lineStart;
    }
    if (lineStart == std::string::npos || lineStart + static_cast<std::size_t>(m.column) >= text.size())
        return;
    const char first = text[lineStart + static_cast<std::size_t>(m.column)];
    if (first == '"' || first == '\'')
        rule.column += 1;
    else if (first == '|' || first == '>')
        rule.exactColumns = false;
}

Status parseGovernance(const std::string& key, const YAML::Node& node, const std::string& text, const std::string& file,
                       GovernanceConfig& out)
{
    auto at = [&](const YAML::Node& n) { return position(file, n.Mark()) + ": "; };
    if (key == "protected_aliases") {
        if (!node.IsSequence())
            return makeError(at(node) + "'protected_aliases' must be a list of aliases, e.g. [champion, production]");
        for (const auto& item : node) {
            const std::string a = scalarText(item);
            if (!validAlias(a))
                return makeError(at(item) + "'protected_aliases' entries must be alias names (letters, digits, - _ .), not '" + a + "'");
            out.protectedAliases.push_back(a);
        }
        return Ok{};
    }
    if (key == "roles") {
        if (!node.IsMap())
            return makeError(at(node) + "'roles' must map OS user names to roles, e.g. {alice: admin, bob: approver}");
        for (const auto& kv : node) {
            const std::string user = kv.first.as<std::string>("");
            const std::string role = scalarText(kv.second);
            if (user.empty())
                return makeError(at(kv.first) + "'roles' keys must be OS user names (or \"*\" for everyone else)");
            if (std::find(roleNames().begin(), roleNames().end(), role) == roleNames().end()) {
                const std::string hint = didYouMean(role, roleNames());
                return makeError(at(kv.second) + "'roles." + user + "': unknown role '" + role + "'"
                                 + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; expected viewer, editor, approver or admin");
            }
            out.roles[user] = role;
        }
        return Ok{};
    }
    // gates: ALIAS: [ {name, rule, message}... ]
    if (!node.IsMap())
        return makeError(at(node) + "'gates' must map aliases to lists of rules, e.g. champion: [{name: accurate, rule: metrics.acc >= 0.9}]");
    for (const auto& kv : node) {
        const std::string alias = kv.first.as<std::string>("");
        if (!validAlias(alias))
            return makeError(at(kv.first) + "'gates': '" + alias + "' is not an alias name (letters, digits, - _ ., not starting with a digit)");
        if (!kv.second.IsSequence())
            return makeError(at(kv.second) + "'gates." + alias + "' must be a list of rules, each with a name and a rule");
        std::vector<GateRule>& rules = out.gates[alias];
        int index = 0;
        for (const auto& item : kv.second) {
            const std::string where = "'gates." + alias + "[" + std::to_string(index++) + "]";
            if (!item.IsMap())
                return makeError(at(item) + where + "' must be a mapping with name, rule and optionally message");
            GateRule rule;
            rule.alias = alias;
            rule.file = file;
            bool hasRule = false;
            for (const auto& f : item) {
                const std::string field = f.first.as<std::string>("");
                if (field != "name" && field != "rule" && field != "message") {
                    const std::string hint = didYouMean(field, {"name", "rule", "message"});
                    return makeError(at(f.first) + where + "': unknown field '" + field + "'"
                                     + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; expected name, rule, message");
                }
                if (!f.second.IsScalar())
                    return makeError(at(f.second) + where + "." + field + "' must be text");
                const std::string value = f.second.Scalar();
                if (field == "name")
                    rule.name = value;
                else if (field == "message")
                    rule.message = value;
                else {
                    rule.rule = value;
                    hasRule = true;
                    ruleStart(f.second, text, rule);
                }
            }
            if (rule.name.empty())
                return makeError(at(item) + where + "' needs a name (name: accurate)");
            if (!hasRule || rule.rule.find_first_not_of(" \t\r\n") == std::string::npos)
                return makeError(at(item) + where + "' (" + rule.name + ") needs a rule (rule: metrics.accuracy >= 0.9)");
            for (const GateRule& other : rules)
                if (other.name == rule.name)
                    return makeError(at(item) + where + "': the name '" + rule.name + "' is used twice under 'gates." + alias + "'");
            rules.push_back(std::move(rule));
        }
    }
    return Ok{};
}

} // namespace

Result<ProjectConfig> parseProjectConfig(const std::string& text, const std::string& fileName)
{
    ProjectConfig config;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        return makeError(position(fileName, e.mark) + ": " + e.msg);
    }
    if (!root || root.IsNull())
        return config;
    if (!root.IsMap())
        return makeError(position(fileName, root.Mark()) + ": the project settings must be a mapping of keys to values");
    // Sections later issues own are accepted here and validated by their readers.
    static const std::set<std::string> known = {"name", "python", "executors", "gpus", "gates", "roles",
                                                "env_allowlist", "engine", "protected_aliases", "alerts"};
    for (const auto& kv : root) {
        std::string key = kv.first.as<std::string>("");
        if (!known.count(key))
            return makeError(position(fileName, kv.first.Mark()) + ": unknown field '" + key + "'");
        if (key == "name" || key == "python") {
            if (!kv.second.IsScalar())
                return makeError(position(fileName, kv.second.Mark()) + ": field '" + key + "' must be a string");
            (key == "name" ? config.name : config.python) = kv.second.as<std::string>();
        }
        if (key == "engine") {
            if (!kv.second.IsMap())
                return makeError(position(fileName, kv.second.Mark()) + ": field 'engine' must be a mapping, e.g. {idle_exit_s: 300}");
            for (const auto& e : kv.second) {
                std::string sub = e.first.as<std::string>("");
                if (sub != "idle_exit_s")
                    return makeError(position(fileName, e.first.Mark()) + ": unknown field 'engine." + sub + "' (expected idle_exit_s)");
                int seconds = 0;
                if (!e.second.IsScalar() || !YAML::convert<int>::decode(e.second, seconds) || seconds < 1)
                    return makeError(position(fileName, e.second.Mark()) + ": 'engine.idle_exit_s' must be a whole number of seconds >= 1");
                config.engineIdleExitSeconds = seconds;
            }
        }
        if (key == "gates" || key == "roles" || key == "protected_aliases") {
            if (auto st = parseGovernance(key, kv.second, text, fileName, config.governance); !st)
                return st.error();
        }
        if (key == "alerts") {
            auto rules = parseAlertRules(kv.second, fileName);
            if (!rules)
                return rules.error();
            config.alerts = std::move(*rules);
        }
        if (key == "executors") {
            std::string error;
            if (!remote::parseExecutors(kv.second, fileName, config.executors, error))
                return makeError(error);
        }
        if (key == "gpus") {
            if (!kv.second.IsSequence())
                return makeError(position(fileName, kv.second.Mark()) + ": field 'gpus' must be a list of GPU indices, e.g. [0, 1]");
            for (const auto& item : kv.second) {
                int index = -1;
                if (!item.IsScalar() || !YAML::convert<int>::decode(item, index) || index < 0)
                    return makeError(position(fileName, item.Mark()) + ": 'gpus' entries must be GPU indices (0, 1, ...)");
                config.gpus.push_back(index);
            }
        }
    }
    return config;
}

Result<Project> Project::init(const fs::path& dir, const std::string& name)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("cannot create " + dir.string() + ": " + ec.message());
    fs::path root = fs::absolute(dir, ec).lexically_normal();
    if (root.has_filename() == false)
        root = root.parent_path();
    if (fs::exists(root / "cairn.yaml"))
        return makeError(root.string() + " already holds a Cairn project (cairn.yaml exists)");
    for (const char* sub : {"runs", "artifacts", ".cairn"}) {
        fs::create_directories(root / sub, ec);
        if (ec)
            return makeError("cannot create " + (root / sub).string() + ": " + ec.message());
    }
    std::string projectName = name.empty() ? root.filename().string() : name;
    {
        std::ofstream out(root / "cairn.yaml");
        out << "# Cairn project settings. Hand-editable; see docs/project.md.\n"
            << "name: \"" << projectName << "\"\n"
            << "# Python interpreter for the demo and Python steps. Empty: the first of\n"
            << "# /usr/bin/python3 and python3 on PATH that can import numpy.\n"
            << "python: \"\"\n";
        if (!out)
            return makeError("cannot write " + (root / "cairn.yaml").string());
    }
    {
        std::ofstream ignore(root / ".gitignore");
        ignore << "# Cairn: the database and run outputs are data, not source.\ncairn.db*\nruns/\nartifacts/\n.cairn/\n";
    }
    auto store = Store::open(root / "cairn.db", Store::Mode::ReadWrite);
    if (!store)
        return store.error();
    return open(root);
}

Result<Project> Project::open(const fs::path& dir)
{
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (!fs::exists(root / "cairn.yaml"))
        return makeError(dir.string() + " is not a Cairn project (no cairn.yaml; create one with 'cairn init " + dir.string() + "')");
    auto text = readFile(root / "cairn.yaml");
    if (!text)
        return text.error();
    auto config = parseProjectConfig(*text, (root / "cairn.yaml").string());
    if (!config)
        return config.error();
    Project p;
    p.m_root = root;
    p.m_config = std::move(*config);
    return p;
}

Result<Project> Project::discover(const fs::path& start)
{
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    for (;;) {
        if (fs::exists(dir / "cairn.yaml", ec))
            return open(dir);
        if (!dir.has_parent_path() || dir.parent_path() == dir)
            break;
        dir = dir.parent_path();
    }
    return makeError("not inside a Cairn project (no cairn.yaml here or in any parent folder of " + start.string()
                     + "); use --project DIR or create one with 'cairn init DIR'");
}

Result<Project> Project::locate(const std::string& projectOption)
{
    if (!projectOption.empty())
        return open(projectOption);
    std::error_code ec;
    return discover(fs::current_path(ec));
}

} // namespace cairn
