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
        double lo = INFINITY, hi = -INFINITY;
        for (const auto* v : {&s.ref, &s.cur})
            for (double x : *v)
                if (std::isfinite(x)) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
        if (!(lo < hi))
            return;
        const std::size_t bins = kMaxBins;
        refShares.assign(bins, 0.0);
        curShares.assign(bins, 0.0);
        auto bin = [&](double x) {
            const double f = (x - lo) / (hi - lo) * double(bins);
            return std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, f)));
        };
        for (double x : s.ref)
            if (std::isfinite(x))
                refShares[bin(x)] += 1.0 / double(s.nRef);
        for (double x : s.cur)
            if (std::isfinite(x))
                curShares[bin(x)] += 1.0 / double(s.nCur);
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
