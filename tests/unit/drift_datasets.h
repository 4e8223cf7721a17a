// The table of generated datasets that the drift reference tests score with Cairn and with
// the references (scipy: tst_drift_reference; Evidently: tst_evidently_reference): shifted and
// unshifted normals, Cauchy tails, constants, NaN-heavy columns with inf, 0/1 columns,
// categories unseen in the reference, few-valued integers, 10 to 100,000 rows.
#pragma once

#include "drift_data.h"

#include <functional>
#include <string>
#include <vector>

namespace driftdata {

using Gen = std::function<std::string(Rng&, std::size_t)>;

inline Gen normal(double mu, double sigma, double nanShare = 0)
{
    return [=](Rng& r, std::size_t) { return r.uniform() < nanShare ? std::string() : num(r.normal(mu, sigma)); };
}
inline Gen cauchy(double shift) { return [=](Rng& r, std::size_t) { return num(r.cauchy() + shift); }; }
inline Gen ints(std::size_t n, std::size_t offset = 0) { return [=](Rng& r, std::size_t) { return std::to_string(r.below(n) + offset); }; }
inline Gen constant(std::string v) { return [=](Rng&, std::size_t) { return v; }; }
inline Gen binary(double p) { return [=](Rng& r, std::size_t) { return std::string(r.uniform() < p ? "1" : "0"); }; }
inline Gen cats(std::vector<std::string> names)
{
    return [=](Rng& r, std::size_t) { return names[r.below(names.size())]; };
}
inline Gen withInf(double nanShare)
{
    return [=](Rng& r, std::size_t) {
        const double u = r.uniform();
        return u < nanShare ? std::string() : u < nanShare + 0.05 ? std::string("inf") : num(r.normal());
    };
}

// The columns of a dataset kind; `cur` picks the current sample's generators.
inline std::vector<ColumnGen> columnsFor(const std::string& kind, bool cur)
{
    if (kind == "normal")
        return {{"same", normal(0, 1)}, {"shift", normal(cur ? 0.6 : 0, 1)}, {"scale", normal(0, cur ? 2 : 1)},
                {"tiny_shift", normal(cur ? 0.05 : 0, 1)}};
    if (kind == "heavy")
        return {{"cauchy", cauchy(0)}, {"cauchy_shift", cauchy(cur ? 1.0 : 0)}};
    if (kind == "constant")
        return {{"same_const", constant("3")}, {"other_const", constant(cur ? "4" : "3")},
                {"const_cat", constant("a")}, {"const_vs_two", cur ? binary(0.5) : constant("1")}};
    if (kind == "nan")
        return {{"nan70", normal(cur ? 0.4 : 0, 1, 0.7)}, {"nan_inf", withInf(0.3)}, {"nan95", normal(0, 1, 0.95)}};
    if (kind == "two")
        return {{"bin_same", binary(0.3)}, {"bin_shift", binary(cur ? 0.45 : 0.3)}};
    if (kind == "cat")
        return {{"unseen", cats(cur ? std::vector<std::string>{"a", "b", "c", "d", "e"} : std::vector<std::string>{"a", "b", "c", "d"})},
                {"same_cats", cats({"red", "green", "blue"})},
                {"two_cats", cats(cur ? std::vector<std::string>{"x", "y", "y"} : std::vector<std::string>{"x", "y"})}};
    if (kind == "few")
        return {{"three", ints(3)}, {"five", ints(cur ? 5 : 4)}, {"ten", ints(10, cur ? 1 : 0)}, {"thirty", ints(30, cur ? 2 : 0)}};
    return {};
}

struct Dataset {
    std::string tag;  // "normal 300x450"
    std::string kind;
    int refRows = 0, curRows = 0;
};

inline std::vector<Dataset> referenceDatasets()
{
    std::vector<Dataset> out;
    for (std::string kind : {"normal", "heavy", "constant", "nan", "two", "cat", "few"}) {
        for (auto [r, c] : std::vector<std::pair<int, int>>{{10, 10}, {300, 450}, {1000, 1000}, {100000, 100000}}) {
            if ((r == 100000 && kind == "heavy") || (r == 10 && kind == "nan"))
                continue;  // (a 10-row sample with 95% missing is empty: an error, tested elsewhere)
            out.push_back({kind + " " + std::to_string(r) + "x" + std::to_string(c), kind, r, c});
        }
    }
    // The asymptotic KS path (current > 10,000 rows) with small and mid-size effective n.
    out.push_back({"normal ks-asymp 10x20000", "normal", 10, 20000});
    out.push_back({"normal ks-asymp 120x15000", "normal", 120, 15000});
    out.push_back({"normal ks-asymp 900x12000", "normal", 900, 12000});
    out.push_back({"heavy 5000x4000", "heavy", 5000, 4000});
    out.push_back({"cat 3000x2000", "cat", 3000, 2000});
    return out;
}

// Writes TAG-ref.csv and TAG-cur.csv under `dir` (seeded by the tag, as the tests always did).
inline std::pair<std::string, std::string> writeDataset(const std::string& dir, const Dataset& d)
{
    const std::string ref = dir + "/" + d.tag + "-ref.csv", cur = dir + "/" + d.tag + "-cur.csv";
    const auto seed = static_cast<std::uint64_t>(std::hash<std::string>{}(d.tag) & 0xFFFFFF);
    writeCsv(ref, columnsFor(d.kind, false), static_cast<std::size_t>(d.refRows), seed);
    writeCsv(cur, columnsFor(d.kind, true), static_cast<std::size_t>(d.curRows), seed + 1);
    return {ref, cur};
}

} // namespace driftdata
