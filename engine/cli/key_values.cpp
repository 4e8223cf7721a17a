#include "engine/cli/key_values.h"

#include "engine/ingest/metric_line.h"

namespace cairn::cli {

Result<std::map<std::string, std::string>> parseKeyValues(const std::vector<std::string>& items, const std::string& what)
{
    std::map<std::string, std::string> out;
    for (const auto& item : items) {
        auto eq = item.find('=');
        if (eq == std::string::npos)
            return makeError(what + " '" + item + "' is not KEY=VALUE");
        std::string key = item.substr(0, eq);
        if (!ingest::isValidKey(key))
            return makeError(what + " key '" + key + "' is invalid: keys use letters, digits and _ . - /");
        if (out.count(key))
            return makeError(what + " '" + key + "' given twice");
        out[key] = item.substr(eq + 1);
    }
    return out;
}

} // namespace cairn::cli
