// Pomeranz's recursion and the Pelz-Good approximation for the Kolmogorov-Smirnov CDF,
// ported from scipy 1.10 stats/_ksstats.py (used by kolmogorovSf for mid-size statistics).
#include "engine/analysis/drift_tests.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace cairn::analysis::stats {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::pair<std::int64_t, std::int64_t> pomeranzJ1J2(std::int64_t i, std::int64_t n, std::int64_t ll, int ceilf, int roundf)
{
    std::int64_t j1, j2;
    if (i == 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    } else {
        const std::int64_t div = (i + 1) / 2, mod = (i + 1) % 2;
        if (mod == 0) {
            if (div == n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            } else {
                j1 = div - 1 - ll - roundf - 1;
                j2 = div + ll - 1 + ceilf - 1;
            }
        } else {
            j1 = div - 1 - ll - 1;
            j2 = div + ll + roundf - 1;
        }
    }
    return {std::max<std::int64_t>(j1 + 2, 0), std::min(j2, n)};
}

} // namespace

double kolmognPomeranz(std::int64_t n, double x)
{
    const double dn = double(n), t = dn * x;
    const std::int64_t ll = static_cast<std::int64_t>(std::floor(t));
    const double f = t - double(ll), g = std::min(f, 1.0 - f);
    const int ceilf = f > 0 ? 1 : 0, roundf = f > 0.5 ? 1 : 0;
    const std::size_t npwrs = static_cast<std::size_t>(2 * (ll + 1));
    std::vector<double> gp(npwrs), twogp(npwrs), onem2gp(npwrs);
    gp[0] = twogp[0] = onem2gp[0] = 1.0;
    const double gn = g / dn, twogn = 2 * g / dn, om2gn = (1 - 2 * g) / dn;
    for (std::size_t m = 1; m < npwrs; ++m) {
        gp[m] = gp[m - 1] * gn / double(m);
        twogp[m] = twogp[m - 1] * twogn / double(m);
        onem2gp[m] = onem2gp[m - 1] * om2gn / double(m);
    }
    const double ep128 = std::ldexp(1.0, 128), em128 = std::ldexp(1.0, -128);
    std::vector<double> V0(npwrs, 0.0), V1(npwrs, 0.0), conv;
    V1[0] = 1;
    std::int64_t V0s = 0, V1s = 0;
    int expnt = 0;
    auto [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    for (std::int64_t i = 1; i < 2 * n + 2; ++i) {
        const std::int64_t k1 = j1;
        std::swap(V0, V1);
        std::swap(V0s, V1s);
        std::fill(V1.begin(), V1.end(), 0.0);
        std::tie(j1, j2) = pomeranzJ1J2(i, n, ll, ceilf, roundf);
        const std::vector<double>& pw = (i == 1 || i == 2 * n + 1) ? gp : (i % 2 ? twogp : onem2gp);
        const std::int64_t ln2 = j2 - k1 + 1;
        if (ln2 <= 0)
            continue;
        const std::int64_t aStart = k1 - V0s;
        const std::size_t la = static_cast<std::size_t>(std::min<std::int64_t>(ln2, std::int64_t(npwrs) - aStart));
        const std::size_t lb = std::min<std::size_t>(static_cast<std::size_t>(ln2), npwrs);
        conv.assign(la + lb - 1, 0.0);
        for (std::size_t a = 0; a < la; ++a)
            for (std::size_t b = 0; b < lb; ++b)
                conv[a + b] += V0[static_cast<std::size_t>(aStart) + a] * pw[b];
        const std::int64_t cs = j1 - k1, cl = j2 - j1 + 1;
        double mx = 0;
        for (std::int64_t c = 0; c < cl && cs + c < std::int64_t(conv.size()); ++c) {
            V1[static_cast<std::size_t>(c)] = conv[static_cast<std::size_t>(cs + c)];
            mx = std::max(mx, V1[static_cast<std::size_t>(c)]);
        }
        if (mx > 0 && mx < em128) {
            for (double& v : V1)
                v *= ep128;
            expnt -= 128;
        }
        V1s = V0s + j1 - k1;
    }
    double ans = V1[static_cast<std::size_t>(n - V1s)];
    for (std::int64_t m = 1; m <= n; ++m) {
        if (std::abs(ans) > ep128) {
            ans *= em128;
            expnt += 128;
        }
        ans *= double(m);
    }
    if (expnt != 0)
        ans = std::ldexp(ans, expnt);
    return std::clamp(ans, 0.0, 1.0);
}

double kolmognPelzGood(std::int64_t n, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double pi2 = kPi * kPi, pi4 = std::pow(kPi, 4), pi6 = std::pow(kPi, 6);
    const double sqrt2pi = std::sqrt(2 * kPi);
    const double z = std::sqrt(double(n)) * x, z2 = z * z, z3 = std::pow(z, 3), z4 = std::pow(z, 4), z6 = std::pow(z, 6);
    const double qlog = -pi2 / 8 / z2;
    if (qlog < -708)
        return 0.0;
    double q = std::exp(qlog);
    const double k1a = -z2, k1b = pi2 / 4;
    const double k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * pi2 / 4, k2c = pi4 * (1 - 2 * z2) / 16;
    const double k3d = pi6 * (5 - 30 * z2) / 64, k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
    const double k3b = pi2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * std::pow(z, 8);
    double K[4] = {0, 0, 0, 0};
    const int maxk = static_cast<int>(std::ceil(16 * z / kPi));
    for (int k = maxk; k > 0; --k) {
        const double m = 2.0 * k - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
        const double qp = std::pow(q, 8.0 * k);
        const double c[4] = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
        for (int i = 0; i < 4; ++i)
            K[i] = K[i] * qp + c[i];
    }
    const double div[4] = {z, 6 * z4, 72 * std::pow(z, 7), 6480 * std::pow(z, 10)};
    for (int i = 0; i < 4; ++i)
        K[i] = K[i] * q * sqrt2pi / div[i];
    q = std::exp(-pi2 / 2 / z2);
    double k2extra = 0, k3extra = 0;
    const double s3z = std::sqrt(3.0) * z;
    for (int k = maxk; k > 0; --k) {
        const double kk = double(k) * k, qk = std::pow(q, kk), kpi = kPi * k;
        k2extra += kk * qk;
        k3extra += (s3z + kpi) * (s3z - kpi) * kk * qk;
    }
    K[2] += k2extra * pi2 * sqrt2pi / (-36 * z3);
    K[3] += k3extra * pi2 * sqrt2pi / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; ++i)
        sum += K[i] / std::pow(double(n), i / 2.0);
    return sum;
}

} // namespace cairn::analysis::stats
