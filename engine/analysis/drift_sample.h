// The cleaned pair of samples of one column and the dispatch to each drift test.
// Internal to engine/analysis (used by drift.cpp and the tests).
#pragma once

#include "engine/analysis/csv_table.h"
#include "engine/analysis/drift.h"
#include "engine/core/result.h"

#include <string>
#include <vector>

namespace cairn::analysis {

struct Sample {
    bool text = false;
    std::vector<double> ref, cur;              // numeric storage: sorted values
    std::vector<std::string> labels;           // text storage: the categories, sorted
    std::vector<double> refCounts, curCounts;  // text storage: counts per label
    // Distinct values, in both samples and in the reference: numeric counts stop at kUniqueCap,
    // above every limit the rules compare them with (Evidently's 2, 5 and 20 distinct values).
    static constexpr std::size_t kUniqueCap = 1000;
    std::size_t nRef = 0, nCur = 0, nUnique = 0, nRefUnique = 0;
    bool integer = false;                      // both columns integral (csv_table.h): integer bins
    std::size_t refCount() const { return nRef; }
    std::size_t curCount() const { return nCur; }
    std::size_t unique() const { return nUnique; }
};

// Drops missing values as Evidently does: NaN always; +-inf too, but only in a sample that
// holds a NaN (pandas isna() does not flag inf). Text categories from both files are merged.
Sample prepareSample(const Column& ref, const Column& cur);

// Distinct values of both samples with their counts (ascending keys).
void valueCounts(const Sample& s, std::vector<double>& refCounts, std::vector<double>& curCounts,
                 std::vector<std::string>* labels = nullptr);

Result<double> runTest(DriftTest test, ColumnType type, const Sample& s, std::vector<std::string>& warnings);

void reportHistogram(const Sample& s, ColumnType type, std::vector<std::string>& labels,
                     std::vector<double>& refShares, std::vector<double>& curShares);

} // namespace cairn::analysis
