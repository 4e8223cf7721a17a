// Rollback (docs/registry.md#aliases): an alias's history read as a stack. Setting or
// promoting pushes a version; a rollback pops one. So `rollback` goes back to the previous
// holder, and rolling back again goes back one more, never forward again.
#pragma once

#include "engine/store/registry_rows.h"

#include <cstdint>
#include <vector>

namespace cairn::registry {

// The versions the alias has held, oldest first, the current holder last.
std::vector<std::int64_t> aliasStack(const std::vector<AliasChange>& history);

} // namespace cairn::registry
