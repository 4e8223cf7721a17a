#include "engine/registry/roles.h"

#include <algorithm>
#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace cairn::registry {

const char* roleName(Role r)
{
    switch (r) {
    case Role::Viewer: return "viewer";
    case Role::Editor: return "editor";
    case Role::Approver: return "approver";
    case Role::Admin: return "admin";
    }
    return "viewer";
}

Role roleOf(const GovernanceConfig& config, const std::string& user)
{
    if (config.roles.empty())
        return Role::Admin;
    auto it = config.roles.find(user);
    if (it == config.roles.end())
        it = config.roles.find("*");
    if (it == config.roles.end())
        return Role::Viewer;
    const std::string& r = it->second;
    return r == "admin" ? Role::Admin : r == "approver" ? Role::Approver : r == "editor" ? Role::Editor : Role::Viewer;
}

bool isProtected(const GovernanceConfig& config, const std::string& alias)
{
    return std::find(config.protectedAliases.begin(), config.protectedAliases.end(), alias) != config.protectedAliases.end();
}

Status requireRole(const GovernanceConfig& config, const std::string& user, Role needed, const std::string& action)
{
    const Role has = roleOf(config, user);
    if (has >= needed)
        return Ok{};
    const bool listed = config.roles.count(user) > 0;
    return makeError(action + " needs the " + roleName(needed) + " role (or higher), but " + user + " is "
                     + (has == Role::Editor || has == Role::Approver || has == Role::Admin ? "an " : "a ") + roleName(has)
                     + (listed ? " in cairn.yaml (roles:)" : " (not listed under roles: in cairn.yaml)"));
}

std::string userName(unsigned uid)
{
    struct passwd pw {};
    struct passwd* result = nullptr;
    char buf[4096];
    if (getpwuid_r(static_cast<uid_t>(uid), &pw, buf, sizeof buf, &result) == 0 && result && result->pw_name)
        return result->pw_name;
    return "uid " + std::to_string(uid);
}

std::string currentUser() { return userName(static_cast<unsigned>(::geteuid())); }

bool testIdentityEnabled()
{
    const char* v = std::getenv("CAIRN_TEST_IDENTITY");
    return v && std::string(v) == "1";
}

} // namespace cairn::registry
