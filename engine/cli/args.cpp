#include "engine/cli/args.h"

#include "engine/core/text.h"

#include <optional>
#include <sstream>

namespace cairn::cli {

Args& Args::flag(const std::string& name, const std::string& help)
{
    m_specs[name] = {"", help, true, false, {}};
    m_specOrder.push_back(name);
    return *this;
}

Args& Args::option(const std::string& name, const std::string& valueName, const std::string& help)
{
    m_specs[name] = {valueName, help, false, false, {}};
    m_specOrder.push_back(name);
    return *this;
}

Args& Args::repeated(const std::string& name, const std::string& valueName, const std::string& help)
{
    m_specs[name] = {valueName, help, false, true, {}};
    m_specOrder.push_back(name);
    return *this;
}

Args& Args::positional(const std::string& name, const std::string& help, bool required)
{
    m_positionalSpecs.emplace_back(name, help);
    m_positionalRequired.push_back(required);
    return *this;
}

Args& Args::positionalList(const std::string& name, const std::string& help)
{
    m_listName = name;
    m_listHelp = help;
    return *this;
}

Args& Args::passthrough(const std::string& name, bool required)
{
    m_passthroughName = name;
    m_passthroughAllowed = true;
    m_passthroughRequired = required;
    return *this;
}

Args& Args::choices(const std::string& name, std::set<std::string> allowed)
{
    m_specs[name].allowed = std::move(allowed);
    return *this;
}

Status Args::parse(const std::vector<std::string>& argv)
{
    std::size_t nextPositional = 0;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        // A one-letter option may be written -o as well as --o.
        const std::string a = argv[i].size() == 2 && argv[i][0] == '-' && m_specs.count(argv[i].substr(1))
                                  ? "-" + argv[i]
                                  : argv[i];
        if (a == "--") {
            if (!m_passthroughAllowed)
                return makeError("unexpected '--': this command runs no other command");
            m_rest.assign(argv.begin() + static_cast<long>(i) + 1, argv.end());
            break;
        }
        if (a == "-h" || a == "--help") {
            m_help = true;
            return Ok{};
        }
        if (a.size() > 2 && a.starts_with("--")) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            auto it = m_specs.find(name);
            if (it == m_specs.end()) {
                std::vector<std::string> names(m_specOrder.begin(), m_specOrder.end());
                std::string hint = didYouMean(name, names);
                return makeError("unknown option '--" + name + "'" + (hint.empty() ? "" : " (did you mean '--" + hint + "'?)"));
            }
            const Spec& spec = it->second;
            if (spec.isFlag) {
                if (inlineValue)
                    return makeError("option '--" + name + "' takes no value");
                m_values[name].push_back("1");
                continue;
            }
            std::string value;
            if (inlineValue) {
                value = *inlineValue;
            } else {
                if (i + 1 >= argv.size())
                    return makeError("option '--" + name + "' needs a value (" + spec.valueName + ")");
                value = argv[++i];
            }
            if (!spec.allowed.empty() && !spec.allowed.count(value)) {
                std::string list;
                for (auto& v : spec.allowed)
                    list += (list.empty() ? "" : ", ") + v;
                return makeError("option '--" + name + "' got '" + value + "'; expected one of: " + list);
            }
            if (!spec.isRepeated && m_values.count(name))
                return makeError("option '--" + name + "' given twice");
            m_values[name].push_back(value);
            continue;
        }
        if (a.size() > 1 && a[0] == '-' && a != "-") {
            return makeError("unknown option '" + a + "'");
        }
        if (nextPositional >= m_positionalSpecs.size() && !m_listName.empty()) {
            m_values[m_listName].push_back(a);
            continue;
        }
        if (nextPositional >= m_positionalSpecs.size()) {
            if (m_passthroughAllowed)
                return makeError("unexpected argument '" + a + "': put the command to run after '--'");
            return makeError("unexpected argument '" + a + "'");
        }
        m_positionals[m_positionalSpecs[nextPositional++].first] = a;
    }
    for (std::size_t p = nextPositional; p < m_positionalSpecs.size(); ++p)
        if (m_positionalRequired[p])
            return makeError("missing argument " + m_positionalSpecs[p].first);
    if (m_passthroughRequired && m_rest.empty())
        return makeError("missing the command to run: put it after '--', e.g. 'cairn " + m_command + " -- python train.py'");
    return Ok{};
}

bool Args::has(const std::string& name) const { return m_values.count(name) > 0; }

std::string Args::get(const std::string& name, const std::string& fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::positionalValue(const std::string& name, const std::string& fallback) const
{
    auto it = m_positionals.find(name);
    return it == m_positionals.end() ? fallback : it->second;
}

std::string Args::usage() const
{
    std::ostringstream u;
    u << "usage: cairn " << m_command;
    for (std::size_t i = 0; i < m_positionalSpecs.size(); ++i)
        u << (m_positionalRequired[i] ? " " : " [") << m_positionalSpecs[i].first << (m_positionalRequired[i] ? "" : "]");
    if (!m_listName.empty())
        u << " " << m_listName << "...";
    if (!m_specOrder.empty())
        u << " [options]";
    if (m_passthroughAllowed)
        u << (m_passthroughRequired ? " -- " : " [-- ") << m_passthroughName << (m_passthroughRequired ? "" : "]");
    u << "\n";
    for (std::size_t i = 0; i < m_positionalSpecs.size(); ++i)
        u << "  " << m_positionalSpecs[i].first << std::string(std::max<std::size_t>(2, 26 - m_positionalSpecs[i].first.size()), ' ')
          << m_positionalSpecs[i].second << "\n";
    if (!m_listName.empty())
        u << "  " << m_listName << "..." << std::string(std::max<std::size_t>(2, 23 - m_listName.size()), ' ') << m_listHelp
          << "\n";
    for (const auto& name : m_specOrder) {
        const Spec& s = m_specs.at(name);
        std::string left = (name.size() == 1 ? "-" : "--") + name + (s.isFlag ? "" : " " + s.valueName);
        u << "  " << left << std::string(std::max<std::size_t>(2, 26 - left.size()), ' ') << s.help
          << (s.isRepeated ? " (repeatable)" : "") << "\n";
    }
    return u.str();
}

} // namespace cairn::cli
