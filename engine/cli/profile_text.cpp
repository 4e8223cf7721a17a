#include "engine/cli/profile_text.h"

#include "engine/cli/output.h"
#include "engine/core/text.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace cairn::cli {

std::string sparkline(const Histogram& h)
{
    static const char* const kBlocks[] = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"};
    if (h.counts.empty())
        return {};
    const std::uint64_t top = *std::max_element(h.counts.begin(), h.counts.end());
    std::string out;
    for (std::uint64_t c : h.counts) {
        if (c == 0) {
            out += " ";
            continue;
        }
        const std::size_t level = top ? static_cast<std::size_t>((c * 7 + top - 1) / top) : 0;
        out += kBlocks[std::min<std::size_t>(level, 7)];
    }
    return out;
}

void printProfile(std::ostream& out, const DatasetProfile& p, const std::string& title)
{
    out << "\nprofile " << title << ": " << p.rows << " row" << (p.rows == 1 ? "" : "s") << ", " << p.columns.size() << " column"
        << (p.columns.size() == 1 ? "" : "s") << (p.truncated ? " (the first " + std::to_string(p.bytes) + " bytes of a longer file)" : "")
        << "\n";
    TextTable t({"  column", "type", "count", "nulls", "distinct", "min", "max", "mean", "histogram / top value"});
    for (const auto& c : p.columns) {
        std::string shape;
        std::string mn, mx, mean;
        if (c.numeric) {
            mn = formatDouble(c.numeric->min);
            mx = formatDouble(c.numeric->max);
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.6g", c.numeric->mean);
            mean = buf;
            shape = sparkline(c.numeric->histogram);
        } else if (!c.top.empty()) {
            std::string v = c.top.front().value;
            if (v.size() > 24)
                v = v.substr(0, 21) + "...";
            shape = v + " (" + std::to_string(c.top.front().count) + ")";
        }
        t.add({"  " + c.name, c.type, std::to_string(c.count), std::to_string(c.nulls),
               std::to_string(c.distinct) + (c.distinctExact ? "" : "+"), mn, mx, mean, shape});
    }
    t.print(out);
}

} // namespace cairn::cli
