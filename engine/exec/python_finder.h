// Finds a Python interpreter that can import the given modules. On these machines `python3`
// on PATH may be a separately built interpreter without Debian's numpy and scikit-learn, so
// Debian's /usr/bin/python3 is tried first.
#pragma once

#include "engine/core/result.h"

#include <string>
#include <vector>

namespace cairn::exec {

// `configured` (cairn.yaml's python) wins when set; it must then import the modules.
Result<std::string> findPython(const std::string& configured, const std::vector<std::string>& modules);

} // namespace cairn::exec
