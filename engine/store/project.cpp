#include "engine/store/project.h"

#include "engine/store/store.h"

#include <yaml-cpp/yaml.h>

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
                                                "env_allowlist", "engine"};
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
