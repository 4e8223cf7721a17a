// Deterministic generated datasets for the drift tests (no std:: distributions, whose output
// differs between standard libraries).
#pragma once

#include "tests/common/test_rng.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace driftdata {

using Rng = cairn::testing::Rng;

// One column: a cell generator per row (empty string = missing).
struct ColumnGen {
    std::string name;
    std::function<std::string(Rng&, std::size_t)> cell;
};

inline std::string num(double v)
{
    if (std::isnan(v))
        return "";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

inline void writeCsv(const std::string& path, const std::vector<ColumnGen>& cols, std::size_t rows, std::uint64_t seed)
{
    Rng rng(seed);
    std::ofstream out(path, std::ios::binary);
    for (std::size_t c = 0; c < cols.size(); ++c)
        out << (c ? "," : "") << cols[c].name;
    out << "\n";
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols.size(); ++c)
            out << (c ? "," : "") << cols[c].cell(rng, r);
        out << "\n";
    }
}

} // namespace driftdata
