#include "engine/registry/alias_stack.h"

namespace cairn::registry {

std::vector<std::int64_t> aliasStack(const std::vector<AliasChange>& history)
{
    std::vector<std::int64_t> stack;
    for (const AliasChange& c : history) {
        if (c.action == "rollback") {
            if (!stack.empty())
                stack.pop_back();
            if (stack.empty() || stack.back() != c.version)
                stack.push_back(c.version);  // a history that does not replay cleanly still ends at the holder
        } else if (stack.empty() || stack.back() != c.version) {
            stack.push_back(c.version);
        }
    }
    return stack;
}

} // namespace cairn::registry
