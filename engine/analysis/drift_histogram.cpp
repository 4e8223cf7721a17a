// Small reference-vs-current histograms for drift reports (display only, not a statistic).
#include "engine/analysis/drift_sample.h"
#include "engine/core/text.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cairn::analysis {
namespace {

constexpr std::size_t kMaxBins = 20;

std::string shortNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

} // namespace

void reportHistogram(const Sample& s, ColumnType type, std::vector<std::string>& labels, std::vector<double>& refShares,
                     std::vector<double>& curShares)
{
    labels.clear();
    refShares.clear();
    curShares.clear();
    if (s.nRef == 0 || s.nCur == 0)
        return;
    if (type == ColumnType::Numeric && !s.text && s.nUnique > kMaxBins) {
        // Both samples are sorted: the finite values are a middle range, and each bin a run.
        auto finite = [](const std::vector<double>& v) {
            const auto b = std::upper_bound(v.begin(), v.end(), -INFINITY);
            return std::pair(b, std::lower_bound(b, v.end(), INFINITY));
        };
        const auto [rb, re] = finite(s.ref);
        const auto [cb, ce] = finite(s.cur);
        double lo = INFINITY, hi = -INFINITY;
        for (auto [b, e] : {std::pair(rb, re), std::pair(cb, ce)})
            if (b != e) {
                lo = std::min(lo, *b);
                hi = std::max(hi, *(e - 1));
            }
        if (!(lo < hi))
            return;
        const std::size_t bins = kMaxBins;
        auto bin = [&](double x) {
            const double f = (x - lo) / (hi - lo) * double(bins);
            return std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, f)));
        };
        auto shares = [&](auto b, auto e, double n) {
            std::vector<double> out(bins, 0.0);
            for (std::size_t k = 0; k < bins; ++k) {
                const auto end = std::partition_point(b, e, [&](double x) { return bin(x) <= k; });
                out[k] = double(end - b) / n;
                b = end;
            }
            return out;
        };
        refShares = shares(rb, re, double(s.nRef));
        curShares = shares(cb, ce, double(s.nCur));
        for (std::size_t b = 0; b < bins; ++b)
            labels.push_back(shortNumber(lo + (hi - lo) * double(b) / double(bins)));
        return;
    }
    std::vector<double> rc, cc;
    std::vector<std::string> keys;
    valueCounts(s, rc, cc, &keys);
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    if (order.size() > kMaxBins) {  // keep the most frequent categories, in their natural order
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return rc[a] / double(s.nRef) + cc[a] / double(s.nCur) > rc[b] / double(s.nRef) + cc[b] / double(s.nCur);
        });
        order.resize(kMaxBins - 1);
        std::sort(order.begin(), order.end());
    }
    double restR = 1, restC = 1;
    for (std::size_t k : order) {
        labels.push_back(keys[k]);
        refShares.push_back(rc[k] / double(s.nRef));
        curShares.push_back(cc[k] / double(s.nCur));
        restR -= refShares.back();
        restC -= curShares.back();
    }
    if (order.size() < keys.size()) {
        labels.push_back("(other)");
        refShares.push_back(std::max(0.0, restR));
        curShares.push_back(std::max(0.0, restC));
    }
}

} // namespace cairn::analysis
