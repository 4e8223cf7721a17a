#include "engine/analysis/drift_sample.h"
#include "engine/analysis/drift_tests.h"
#include "engine/analysis/sort_doubles.h"
#include "engine/core/text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace cairn::analysis {
namespace {

std::vector<double> cleanNumbers(const std::vector<double>& in)
{
    const bool hasNaN = std::any_of(in.begin(), in.end(), [](double v) { return std::isnan(v); });
    std::vector<double> out;
    out.reserve(in.size());
    for (double v : in)
        if (hasNaN ? std::isfinite(v) : !std::isnan(v))
            out.push_back(v);
    sortDoubles(out);
    return out;
}

std::size_t distinct(const std::vector<double>& sorted)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < sorted.size() && n < Sample::kUniqueCap; ++i)
        n += i == 0 || sorted[i] != sorted[i - 1];
    return n;
}

// Shares per bin or per value, as Evidently's get_binned_data computes them.
Result<std::pair<std::vector<double>, std::vector<double>>> binnedShares(ColumnType type, const Sample& s, bool fill)
{
    std::vector<double> rs, cs;
    if (type == ColumnType::Numeric && !s.text && s.nRefUnique > 20) {
        const auto edges = stats::sturgesEdges(s.nRef + s.nCur, std::min(s.ref.front(), s.cur.front()),
                                               std::max(s.ref.back(), s.cur.back()), s.integer);
        if (edges.empty())
            return makeError("infinite values cannot be binned");
        rs = stats::histogramCounts(s.ref, edges);
        cs = stats::histogramCounts(s.cur, edges);
    } else {
        valueCounts(s, rs, cs);
    }
    for (double& v : rs)
        v /= double(s.nRef);
    for (double& v : cs)
        v /= double(s.nCur);
    if (fill) {
        stats::fillZeroes(rs);
        stats::fillZeroes(cs);
    }
    return std::make_pair(std::move(rs), std::move(cs));
}

Result<double> hellinger(ColumnType type, const Sample& s)
{
    std::vector<double> rc, cc;
    double sum = 0;
    if (type == ColumnType::Categorical) {
        valueCounts(s, rc, cc);
        for (std::size_t i = 0; i < rc.size(); ++i)
            sum += std::sqrt(rc[i] / double(s.nRef) * (cc[i] / double(s.nCur)));
    } else {
        std::vector<double> keys;
        std::merge(s.ref.begin(), s.ref.end(), s.cur.begin(), s.cur.end(), std::back_inserter(keys));
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        const auto edges = stats::sturgesEdges(keys.size(), keys.front(), keys.back(), s.integer);
        if (edges.empty())
            return makeError("infinite values cannot be binned");
        rc = stats::histogramCounts(s.ref, edges);
        cc = stats::histogramCounts(s.cur, edges);
        const double tr = std::accumulate(rc.begin(), rc.end(), 0.0), tc = std::accumulate(cc.begin(), cc.end(), 0.0);
        const double width = (edges.back() - edges.front()) / double(edges.size() - 1);
        for (std::size_t i = 0; i < rc.size(); ++i) {
            const double db = edges[i + 1] - edges[i];
            sum += std::sqrt(rc[i] / db / tr * (cc[i] / db / tc)) * width;
        }
    }
    return std::sqrt(1 - std::clamp(sum, 0.0, 1.0));
}

} // namespace

Sample prepareSample(const Column& ref, const Column& cur)
{
    Sample s;
    s.text = ref.text;
    if (!s.text) {
        s.integer = ref.integral && cur.integral;
        s.ref = cleanNumbers(ref.num);
        s.cur = cleanNumbers(cur.num);
        s.nRef = s.ref.size();
        s.nCur = s.cur.size();
        s.nRefUnique = distinct(s.ref);
        std::size_t i = 0, j = 0;
        while ((i < s.ref.size() || j < s.cur.size()) && s.nUnique < Sample::kUniqueCap) {
            const double v = i < s.ref.size() && (j >= s.cur.size() || s.ref[i] <= s.cur[j]) ? s.ref[i] : s.cur[j];
            while (i < s.ref.size() && s.ref[i] <= v)
                ++i;
            while (j < s.cur.size() && s.cur[j] <= v)
                ++j;
            ++s.nUnique;
        }
        return s;
    }
    std::map<std::string_view, std::pair<double, double>> counts;
    std::vector<double> rc(ref.categories.size(), 0.0), cc(cur.categories.size(), 0.0);
    for (auto c : ref.codes)
        if (c >= 0)
            rc[static_cast<std::size_t>(c)] += 1;
    for (auto c : cur.codes)
        if (c >= 0)
            cc[static_cast<std::size_t>(c)] += 1;
    for (std::size_t k = 0; k < rc.size(); ++k)
        if (rc[k] > 0)
            counts[ref.categories[k]].first += rc[k];
    for (std::size_t k = 0; k < cc.size(); ++k)
        if (cc[k] > 0)
            counts[cur.categories[k]].second += cc[k];
    for (const auto& [label, c] : counts) {
        s.labels.emplace_back(label);
        s.refCounts.push_back(c.first);
        s.curCounts.push_back(c.second);
        s.nRef += static_cast<std::size_t>(c.first);
        s.nCur += static_cast<std::size_t>(c.second);
        s.nRefUnique += c.first > 0;
    }
    s.nUnique = s.labels.size();
    return s;
}

void valueCounts(const Sample& s, std::vector<double>& rc, std::vector<double>& cc, std::vector<std::string>* labels)
{
    rc.clear();
    cc.clear();
    if (s.text) {
        rc = s.refCounts;
        cc = s.curCounts;
        if (labels)
            *labels = s.labels;
        return;
    }
    std::size_t i = 0, j = 0;
    while (i < s.ref.size() || j < s.cur.size()) {
        const double v = i < s.ref.size() && (j >= s.cur.size() || s.ref[i] <= s.cur[j]) ? s.ref[i] : s.cur[j];
        const std::size_t i0 = i, j0 = j;
        while (i < s.ref.size() && s.ref[i] <= v)
            ++i;
        while (j < s.cur.size() && s.cur[j] <= v)
            ++j;
        rc.push_back(double(i - i0));
        cc.push_back(double(j - j0));
        if (labels)
            labels->push_back(formatDouble(v));
    }
}

Result<double> runTest(DriftTest test, ColumnType type, const Sample& s, std::vector<std::string>& warnings)
{
    if ((test == DriftTest::KS || test == DriftTest::Wasserstein) && s.text)
        return makeError(std::string(testName(test)) + " needs numbers");
    std::vector<double> rc, cc;
    switch (test) {
    case DriftTest::KS:
        return stats::ks2samp(s.ref, s.cur).pvalue;
    case DriftTest::Wasserstein:
        return stats::wassersteinDistance(s.ref, s.cur) / std::max(stats::populationStd(s.ref), 0.001);
    case DriftTest::ChiSquare: {
        valueCounts(s, rc, cc);
        const double k = double(s.nCur) / double(s.nRef);
        std::size_t low = 0;
        for (double& e : rc) {
            e *= k;
            low += e < 5;
        }
        if (low)
            warnings.push_back("chi-square: " + std::to_string(low) + " of " + std::to_string(rc.size()) +
                               " categories have an expected count below 5");
        return stats::chiSquarePValue(cc, rc);
    }
    case DriftTest::Z: {
        if (s.nUnique == 1)
            return 1.0;
        valueCounts(s, rc, cc);
        const std::size_t k1 = s.nRef - static_cast<std::size_t>(rc[0]), k2 = s.nCur - static_cast<std::size_t>(cc[0]);
        if (std::min({k1, s.nRef - k1, k2, s.nCur - k2}) < 5)
            warnings.push_back("Z-test: fewer than 5 values of one kind in a sample; the normal approximation is poor");
        return stats::zTestPValue(s.nRef, k1, s.nCur, k2);
    }
    case DriftTest::JensenShannon:
    case DriftTest::PSI:
    case DriftTest::KL: {
        auto shares = binnedShares(type, s, test != DriftTest::JensenShannon);
        if (!shares)
            return shares.error();
        const auto& [p, q] = *shares;
        return test == DriftTest::JensenShannon ? stats::jensenShannon(p, q)
               : test == DriftTest::PSI         ? stats::psi(p, q)
                                                : stats::klDivergence(p, q);
    }
    case DriftTest::Hellinger:
        return hellinger(type, s);
    case DriftTest::Auto:
        break;
    }
    return makeError("no test chosen");
}

} // namespace cairn::analysis
