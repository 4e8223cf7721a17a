// The statistics behind drift detection, each a pure function, written to give scipy's numbers
// (scipy 1.10: stats.ks_2samp, stats.kstwo, stats.chisquare, stats.wasserstein_distance,
// stats.entropy, spatial.distance.jensenshannon) and numpy's histogram binning.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cairn::analysis::stats {

struct KsResult {
    double statistic = 0;
    double pvalue = 1;
    bool exact = false;
};

// scipy.stats.ks_2samp(a, b) with alternative='two-sided', method='auto': the exact
// distribution when max(n1, n2) <= 10000, otherwise kstwo.sf(D, round(n1*n2/(n1+n2))).
// Both inputs must be sorted ascending, non-empty and free of NaN.
KsResult ks2samp(std::span<const double> a, std::span<const double> b);
// scipy.stats.kstwo.sf(x, n): the one-sample two-sided Kolmogorov-Smirnov survival function.
double kolmogorovSf(std::int64_t n, double x);
// cephes smirnov(n, x): the one-sided Kolmogorov-Smirnov survival function.
double smirnovSf(std::int64_t n, double x);

// Regularized upper incomplete gamma Q(a, x) (cephes igamc).
double igamc(double a, double x);
// scipy.stats.chisquare(observed, expected).pvalue with dof = k - 1.
double chiSquarePValue(std::span<const double> observed, std::span<const double> expected);
// Standard normal CDF (cephes ndtr).
double normalCdf(double x);
// Evidently's two-sided Z-test for a difference of proportions: k1 of n1 vs k2 of n2 "ones".
double zTestPValue(std::size_t n1, std::size_t k1, std::size_t n2, std::size_t k2);

// scipy.stats.wasserstein_distance for sorted samples.
double wassersteinDistance(std::span<const double> a, std::span<const double> b);
// numpy.std (population, ddof = 0).
double populationStd(std::span<const double> x);

// numpy.histogram_bin_edges(x, bins="sturges") given the sample's size, min and max; with
// `integer` (an integer array) as numpy >= 2.1 makes them: bins at least 1 wide.
std::vector<double> sturgesEdges(std::size_t count, double min, double max, bool integer = false);
// numpy.histogram(x, bins=edges)[0] for sorted x (last bin closed on the right).
std::vector<double> histogramCounts(std::span<const double> sorted, std::span<const double> edges);
// Evidently's get_binned_data(feel_zeroes=True): replaces zero shares by a small epsilon.
void fillZeroes(std::vector<double>& shares);

// scipy.spatial.distance.jensenshannon(p, q) (natural log; p and q are normalised first).
double jensenShannon(std::span<const double> p, std::span<const double> q);
// scipy.stats.entropy(p, q): Kullback-Leibler divergence after normalising p and q.
double klDivergence(std::span<const double> p, std::span<const double> q);
// Evidently's PSI: sum((p - q) * ln(p / q)) on shares (not renormalised).
double psi(std::span<const double> p, std::span<const double> q);

// Sum with Neumaier compensation (numbers as close to exact as numpy's pairwise sums or closer).
double accurateSum(std::span<const double> x);
// The same sum, a term at a time.
class NeumaierSum {
public:
    void add(double v)
    {
        const double t = m_sum + v;
        m_comp += (m_sum >= 0 ? m_sum : -m_sum) >= (v >= 0 ? v : -v) ? (m_sum - t) + v : (v - t) + m_sum;
        m_sum = t;
    }
    double value() const
    {
        const double r = m_sum + m_comp;
        return r - r == 0 ? r : m_sum;  // r finite: the compensated sum, else the plain one
    }

private:
    double m_sum = 0, m_comp = 0;
};

} // namespace cairn::analysis::stats
