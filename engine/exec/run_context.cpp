#include "engine/exec/run_context.h"

#include <cstdlib>
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

} // namespace cairn::exec
