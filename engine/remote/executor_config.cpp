#include "engine/remote/executor_config.h"

#include "engine/core/text.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>

namespace cairn::remote {
namespace {

std::string position(const std::string& file, const YAML::Mark& mark)
{
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

const std::vector<std::string> kSshKeys = {"type", "host", "port", "user", "identity", "workdir", "python", "known_hosts", "ssh_options"};
const std::vector<std::string> kSlurmKeys = {"type", "partition", "gres", "account", "time", "qos", "extra", "via", "workdir", "python"};

bool isName(const std::string& s)
{
    static const std::regex re("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    return std::regex_match(s, re);
}

// One executor entry; `error` is set on failure.
class EntryReader {
public:
    EntryReader(const std::string& file, std::string name, std::string& error) : m_file(file), m_name(std::move(name)), m_error(error) {}

    bool fail(const YAML::Node& at, const std::string& message)
    {
        m_error = position(m_file, at.Mark()) + ": " + message;
        return false;
    }

    bool text(const YAML::Node& value, const std::string& key, std::string& out)
    {
        if (!value.IsScalar())
            return fail(value, "'executors." + m_name + "." + key + "' must be a string");
        out = value.as<std::string>();
        return true;
    }

    bool textList(const YAML::Node& value, const std::string& key, std::vector<std::string>& out)
    {
        if (value.IsScalar()) {
            out.push_back(value.as<std::string>());
            return true;
        }
        if (!value.IsSequence())
            return fail(value, "'executors." + m_name + "." + key + "' must be a list of strings");
        for (const auto& item : value) {
            if (!item.IsScalar())
                return fail(item, "'executors." + m_name + "." + key + "' entries must be strings");
            out.push_back(item.as<std::string>());
        }
        return true;
    }

    bool read(const YAML::Node& node, ExecutorConfig& e)
    {
        if (!node.IsMap())
            return fail(node, "executor '" + m_name + "' must be a mapping with at least 'type: ssh' or 'type: slurm'");
        e.name = m_name;
        YAML::Node type = node["type"];
        if (!type)
            return fail(node, "executor '" + m_name + "' needs a 'type' (ssh or slurm)");
        std::string t = type.IsScalar() ? type.as<std::string>() : std::string();
        if (t == "ssh") {
            e.type = ExecutorType::Ssh;
        } else if (t == "slurm") {
            e.type = ExecutorType::Slurm;
        } else {
            std::string hint = didYouMean(t, {"ssh", "slurm"});
            return fail(type, "'executors." + m_name + ".type' must be ssh or slurm, not '" + t + "'"
                                  + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        const auto& keys = e.type == ExecutorType::Ssh ? kSshKeys : kSlurmKeys;
        for (const auto& kv : node) {
            const std::string key = kv.first.as<std::string>("");
            const YAML::Node& v = kv.second;
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                std::string hint = didYouMean(key, keys);
                const auto& other = e.type == ExecutorType::Ssh ? kSlurmKeys : kSshKeys;
                std::string why = std::find(other.begin(), other.end(), key) != other.end()
                                      ? " (it belongs to " + std::string(e.type == ExecutorType::Ssh ? "slurm" : "ssh") + " executors)"
                                      : hint.empty() ? "" : " (did you mean '" + hint + "'?)";
                return fail(kv.first, "unknown field 'executors." + m_name + "." + key + "'" + why);
            }
            bool ok = true;
            if (key == "type")
                continue;
            else if (key == "host")
                ok = text(v, key, e.ssh.host);
            else if (key == "user")
                ok = text(v, key, e.ssh.user);
            else if (key == "identity")
                ok = text(v, key, e.ssh.identity);
            else if (key == "known_hosts")
                ok = text(v, key, e.ssh.knownHosts);
            else if (key == "ssh_options")
                ok = textList(v, key, e.ssh.options);
            else if (key == "workdir")
                ok = text(v, key, e.workdir);
            else if (key == "python")
                ok = text(v, key, e.python);
            else if (key == "partition")
                ok = text(v, key, e.slurm.partition);
            else if (key == "gres")
                ok = text(v, key, e.slurm.gres);
            else if (key == "account")
                ok = text(v, key, e.slurm.account);
            else if (key == "qos")
                ok = text(v, key, e.slurm.qos);
            else if (key == "via")
                ok = text(v, key, e.slurm.via);
            else if (key == "extra")
                ok = textList(v, key, e.slurm.extra);
            else if (key == "time") {
                ok = text(v, key, e.slurm.time);
                if (ok && !isSlurmTime(e.slurm.time))
                    return fail(v, "'executors." + m_name + ".time' must be a Slurm time limit such as 90 (minutes), 2:00:00 or 1-12:00:00, not '"
                                       + e.slurm.time + "'");
            } else if (key == "port") {
                int port = 0;
                if (!v.IsScalar() || !YAML::convert<int>::decode(v, port) || port < 1 || port > 65535)
                    return fail(v, "'executors." + m_name + ".port' must be a port number (1-65535)");
                e.ssh.port = port;
            }
            if (!ok)
                return false;
        }
        if (e.type == ExecutorType::Ssh && e.ssh.host.empty())
            return fail(node, "ssh executor '" + m_name + "' needs a 'host'");
        if (e.workdir.empty())
            return fail(node, "'executors." + m_name + ".workdir' must not be empty");
        if (e.python.empty())
            return fail(node, "'executors." + m_name + ".python' must not be empty");
        for (const std::string& line : e.slurm.extra)
            if (line.find('\n') != std::string::npos)
                return fail(node["extra"], "'executors." + m_name + ".extra' entries must be single lines");
        return true;
    }

private:
    const std::string& m_file;
    std::string m_name;
    std::string& m_error;
};

} // namespace

std::string_view toString(ExecutorType type) { return type == ExecutorType::Ssh ? "ssh" : "slurm"; }

bool isSlurmTime(const std::string& text)
{
    static const std::regex re(R"(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2}|UNLIMITED|unlimited|INFINITE|infinite)");
    return std::regex_match(text, re);
}

bool parseExecutors(const YAML::Node& node, const std::string& fileName, std::vector<ExecutorConfig>& out, std::string& error)
{
    out.clear();
    if (node.IsNull())
        return true;
    if (!node.IsMap()) {
        error = position(fileName, node.Mark()) + ": field 'executors' must be a mapping of names to executors, e.g.\n"
                "  executors:\n    box: {type: ssh, host: gpu-box.example}";
        return false;
    }
    std::vector<YAML::Node> viaNodes;
    for (const auto& kv : node) {
        const std::string name = kv.first.as<std::string>("");
        if (!isName(name)) {
            error = position(fileName, kv.first.Mark()) + ": executor name '" + name
                    + "' must be letters, digits, '_', '.' or '-' (at most 64), starting with a letter or digit";
            return false;
        }
        if (name == "local") {
            error = position(fileName, kv.first.Mark()) + ": 'local' is the name of this machine's executor; pick another name";
            return false;
        }
        ExecutorConfig e;
        if (!EntryReader(fileName, name, error).read(kv.second, e))
            return false;
        e.line = kv.first.Mark().line + 1;
        out.push_back(std::move(e));
        viaNodes.push_back(kv.second["via"]);
    }
    // `via` must name an ssh executor (a login node).
    for (std::size_t i = 0; i < out.size(); ++i) {
        const ExecutorConfig& e = out[i];
        if (e.type != ExecutorType::Slurm || e.slurm.via.empty())
            continue;
        const ExecutorConfig* target = findExecutor(out, e.slurm.via);
        if (target && target->type == ExecutorType::Ssh)
            continue;
        std::vector<std::string> sshNames;
        for (const auto& o : out)
            if (o.type == ExecutorType::Ssh)
                sshNames.push_back(o.name);
        std::string hint = didYouMean(e.slurm.via, sshNames);
        error = position(fileName, viaNodes[i].Mark()) + ": 'executors." + e.name + ".via' must name an ssh executor (a login node); '"
                + e.slurm.via + "' " + (target ? "is a slurm executor" : "is not defined")
                + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
        return false;
    }
    return true;
}

const ExecutorConfig* findExecutor(const std::vector<ExecutorConfig>& executors, const std::string& name)
{
    for (const auto& e : executors)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::string unknownExecutorMessage(const std::vector<ExecutorConfig>& executors, const std::string& name)
{
    if (executors.empty())
        return "no executor named '" + name + "': cairn.yaml defines none (add an 'executors:' section; see docs/executors.md)";
    std::vector<std::string> names;
    std::string list;
    for (const auto& e : executors) {
        names.push_back(e.name);
        list += (list.empty() ? "" : ", ") + e.name;
    }
    std::string hint = didYouMean(name, names);
    return "no executor named '" + name + "' in cairn.yaml" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; defined: " + list;
}

} // namespace cairn::remote
