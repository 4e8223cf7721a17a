#include "engine/exec/run_context.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <unistd.h>

namespace cairn::exec {

std::string hostName()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0)
        return "unknown";
    return buf;
}

std::string userName()
{
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return pw->pw_name;
    if (const char* u = std::getenv("USER"))
        return u;
    return "uid" + std::to_string(::geteuid());
}

std::string defaultRunName(const std::vector<std::string>& argv, const std::string& runId)
{
    std::string base;
    for (const auto& a : argv) {
        std::filesystem::path p(a);
        std::string ext = p.extension().string();
        if (ext == ".py" || ext == ".sh" || ext == ".R" || ext == ".jl" || ext == ".ipynb") {
            base = p.stem().string();
            break;
        }
    }
    if (base.empty() && !argv.empty())
        base = std::filesystem::path(argv[0]).filename().string();
    std::string clean;
    for (char c : base.substr(0, 40))
        clean += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    return (clean.empty() ? "run" : clean) + "-" + runId.substr(0, 6);
}

} // namespace cairn::exec
