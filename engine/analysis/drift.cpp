// Test choice, thresholds and per-column drift, following Evidently's legacy drift code
// (registry.py _get_default_stattest, data_drift.py get_one_column_drift, stattests/*.py).
#include "engine/analysis/drift.h"
#include "engine/analysis/drift_sample.h"
#include "engine/analysis/drift_tests.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace cairn::analysis {

const char* testName(DriftTest t)
{
    switch (t) {
    case DriftTest::Auto: return "auto";
    case DriftTest::KS: return "ks";
    case DriftTest::ChiSquare: return "chisquare";
    case DriftTest::Z: return "z";
    case DriftTest::Wasserstein: return "wasserstein";
    case DriftTest::JensenShannon: return "jensenshannon";
    case DriftTest::PSI: return "psi";
    case DriftTest::KL: return "kl_div";
    case DriftTest::Hellinger: return "hellinger";
    }
    return "?";
}

std::optional<DriftTest> parseTest(std::string_view name)
{
    for (DriftTest t : {DriftTest::Auto, DriftTest::KS, DriftTest::ChiSquare, DriftTest::Z, DriftTest::Wasserstein,
                        DriftTest::JensenShannon, DriftTest::PSI, DriftTest::KL, DriftTest::Hellinger})
        if (name == testName(t))
            return t;
    return std::nullopt;
}

bool isPValueTest(DriftTest t) { return t == DriftTest::KS || t == DriftTest::ChiSquare || t == DriftTest::Z; }

double defaultThreshold(DriftTest t) { return isPValueTest(t) ? 0.05 : 0.1; }

DriftTest defaultTest(ColumnType type, std::size_t n, std::size_t unique)
{
    if (n <= 1000) {
        if (type == ColumnType::Numeric)
            return unique > 5 ? DriftTest::KS : unique > 2 ? DriftTest::ChiSquare : DriftTest::Z;
        return unique > 2 ? DriftTest::ChiSquare : DriftTest::Z;
    }
    if (type == ColumnType::Numeric && unique > 5)
        return DriftTest::Wasserstein;
    return DriftTest::JensenShannon;
}

bool isDrift(DriftTest t, double score, double threshold)
{
    switch (t) {
    case DriftTest::KS: return score <= threshold;
    case DriftTest::ChiSquare:
    case DriftTest::Z: return score < threshold;
    default: return score >= threshold;
    }
}

Result<ColumnDrift> columnDrift(const Column& ref, const Column& cur, ColumnType type, const ColumnOverride& o,
                                std::optional<double> globalThreshold)
{
    ColumnDrift r;
    r.name = ref.name;
    r.type = type;
    auto fail = [&](const std::string& m) { return makeError("column '" + ref.name + "': " + m); };
    if (ref.text != cur.text)
        return fail("numeric in one file and text in the other");
    if (type == ColumnType::Numeric && ref.text)
        return fail("declared numerical but holds non-numeric text");
    Sample s = prepareSample(ref, cur);
    r.refRows = s.refCount();
    r.curRows = s.curCount();
    if (r.refRows == 0)
        return fail("no values in the reference data (all missing)");
    if (r.curRows == 0)
        return fail("no values in the current data (all missing)");
    const std::size_t unique = s.unique();
    r.test = o.test && *o.test != DriftTest::Auto ? *o.test : defaultTest(type, r.refRows, unique);
    if (o.test && *o.test != DriftTest::Auto) {
        const bool numOnly = r.test == DriftTest::KS || r.test == DriftTest::Wasserstein;
        const bool catOnly = r.test == DriftTest::ChiSquare || r.test == DriftTest::Z;
        if ((numOnly && type != ColumnType::Numeric) || (catOnly && type != ColumnType::Categorical))
            return fail(std::string("test '") + testName(r.test) + "' needs a " + (numOnly ? "numerical" : "categorical") +
                        " column, and this column is " + (numOnly ? "categorical" : "numerical"));
    }
    r.threshold = o.threshold ? *o.threshold : globalThreshold ? *globalThreshold : defaultThreshold(r.test);
    auto score = runTest(r.test, type, s, r.warnings);
    if (!score)
        return fail(score.message());
    r.score = *score;
    r.drifted = isDrift(r.test, r.score, r.threshold);
    const std::size_t small = std::min(r.refRows, r.curRows);
    if (small < 30)
        r.warnings.push_back("only " + std::to_string(small) + " values in the " +
                             (r.refRows <= r.curRows ? "reference" : "current") + " sample: too few for a reliable " +
                             testName(r.test) + " result");
    reportHistogram(s, type, r.binLabels, r.refShares, r.curShares);
    return r;
}

Result<DriftReport> computeDrift(const Table& ref, const Table& cur, const std::vector<std::string>& columns,
                                 const DriftOptions& options)
{
    std::vector<std::optional<Result<ColumnDrift>>> results(columns.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < columns.size();) {
            const Column* a = ref.find(columns[i]);
            const Column* b = cur.find(columns[i]);
            if (!a || !b) {
                results[i] = Result<ColumnDrift>(makeError("column '" + columns[i] + "' is missing in " + (a ? cur.path : ref.path)));
                continue;
            }
            ColumnOverride o;
            if (auto it = options.columns.find(columns[i]); it != options.columns.end())
                o = it->second;
            results[i] = columnDrift(*a, *b, o.type ? *o.type : a->type, o, options.threshold);
        }
    };
    unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(columns.size(), 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    DriftReport report;
    report.driftShare = options.driftShare;
    for (auto& r : results) {
        if (!*r)
            return r->error();
        report.driftedColumns += r->value().drifted ? 1 : 0;
        report.columns.push_back(std::move(r->value()));
    }
    if (report.columns.empty())
        return makeError("no columns to compare");
    report.share = double(report.driftedColumns) / double(report.columns.size());
    report.datasetDrift = report.share >= options.driftShare;
    return report;
}

} // namespace cairn::analysis
