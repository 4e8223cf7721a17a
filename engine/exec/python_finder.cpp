#include "engine/exec/python_finder.h"

#include "engine/exec/process_runner.h"

#include <boost/process.hpp>

namespace bp = boost::process;

namespace cairn::exec {
namespace {

bool canImport(const std::string& python, const std::vector<std::string>& modules)
{
    auto exe = resolveExecutable(python);
    if (exe.empty())
        return false;
    std::string code = "import sys";
    for (const auto& m : modules)
        code += ", " + m;
    std::error_code ec;
    int rc = bp::system(bp::exe = exe.string(), bp::args = {"-c", code}, bp::std_out > bp::null,
                        bp::std_err > bp::null, ec);
    return !ec && rc == 0;
}

} // namespace

Result<std::string> findPython(const std::string& configured, const std::vector<std::string>& modules)
{
    std::string list;
    for (const auto& m : modules)
        list += (list.empty() ? "" : ", ") + m;
    if (!configured.empty()) {
        if (canImport(configured, modules))
            return configured;
        return makeError("the Python set in cairn.yaml (" + configured + ") cannot import " + list
                         + "; fix 'python:' in cairn.yaml or install them (installer/install-deps.sh)");
    }
    for (const char* candidate : {"/usr/bin/python3", "python3", "python"}) {
        if (canImport(candidate, modules))
            return std::string(resolveExecutable(candidate).string());
    }
    return makeError("no Python interpreter that can import " + list
                     + " was found (tried /usr/bin/python3, python3, python); on Debian run "
                       "installer/install-deps.sh, or set 'python:' in cairn.yaml");
}

} // namespace cairn::exec
