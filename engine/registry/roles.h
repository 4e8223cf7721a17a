// Roles and identity (docs/registry.md#roles-and-approvals). `roles:` in cairn.yaml maps OS
// users to viewer < editor < approver < admin; "*" gives everyone else a role. Without a
// `roles:` section every user is an admin (a one-person project needs no setup). Protected
// aliases (`protected_aliases:`) change only through a request that a different approver or
// admin approves: nobody approves their own request.
#pragma once

#include "engine/core/result.h"
#include "engine/store/project.h"

#include <string>

namespace cairn::registry {

enum class Role { Viewer = 0, Editor = 1, Approver = 2, Admin = 3 };

const char* roleName(Role r);
Role roleOf(const GovernanceConfig& config, const std::string& user);
bool isProtected(const GovernanceConfig& config, const std::string& alias);
// Ok when `user` has at least `needed`; else an error saying who has which role and what `action` needs.
Status requireRole(const GovernanceConfig& config, const std::string& user, Role needed, const std::string& action);

// The OS user running this process (getpwuid(geteuid())), or "uid N" when it has no name.
std::string currentUser();
std::string userName(unsigned uid);
// True when CAIRN_TEST_IDENTITY=1: only then is `--as USER` honoured (a test hook for the
// two-person rule; in normal use the identity is always the OS user).
bool testIdentityEnabled();

} // namespace cairn::registry
