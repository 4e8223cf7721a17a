// A small declarative argument parser for cairn's subcommands.
// Options: --name VALUE, --name=VALUE, repeated options, flags, positionals, and `--` after
// which everything is passed through untouched (the command to run).
#pragma once

#include "engine/core/result.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cairn::cli {

class Args {
public:
    explicit Args(std::string command) : m_command(std::move(command)) {}

    Args& flag(const std::string& name, const std::string& help);
    Args& option(const std::string& name, const std::string& valueName, const std::string& help);
    Args& repeated(const std::string& name, const std::string& valueName, const std::string& help);
    Args& positional(const std::string& name, const std::string& help, bool required = true);
    // Any number of positionals after the others (read them with all(name)).
    Args& positionalList(const std::string& name, const std::string& help);
    // Accept `-- COMMAND...`; required makes the command mandatory.
    Args& passthrough(const std::string& name, bool required);
    // Restrict an option's values.
    Args& choices(const std::string& name, std::set<std::string> allowed);

    Status parse(const std::vector<std::string>& argv);

    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> all(const std::string& name) const;
    std::string positionalValue(const std::string& name, const std::string& fallback = {}) const;
    const std::vector<std::string>& rest() const { return m_rest; }
    bool helpRequested() const { return m_help; }
    std::string usage() const;
    const std::string& command() const { return m_command; }

private:
    struct Spec {
        std::string valueName;
        std::string help;
        bool isFlag = false;
        bool isRepeated = false;
        std::set<std::string> allowed;
    };
    std::string m_command;
    std::map<std::string, Spec> m_specs;
    std::vector<std::string> m_specOrder;
    std::vector<std::pair<std::string, std::string>> m_positionalSpecs;
    std::vector<bool> m_positionalRequired;
    std::string m_listName;
    std::string m_listHelp;
    std::string m_passthroughName;
    bool m_passthroughAllowed = false;
    bool m_passthroughRequired = false;

    std::map<std::string, std::vector<std::string>> m_values;
    std::map<std::string, std::string> m_positionals;
    std::vector<std::string> m_rest;
    bool m_help = false;
};

} // namespace cairn::cli
