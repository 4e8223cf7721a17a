// Where the runs table reads runs from. The table asks for the ids of the runs a filter
// matches, in order (cheap: no params or metrics), and then for the values of the few runs on
// screen. The workbench implements it over a read-only Store (StoreRunsSource); tests and
// benches can bring their own.
#pragma once

#include "engine/core/result.h"
#include "engine/store/types.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cairn {
class Store;
}

namespace cairn::widgets {

class RunsSource {
public:
    virtual ~RunsSource() = default;
    // Store::runKeys(): the matching runs' ids in the filter's order, each with its value of
    // `groupField` when one is given.
    virtual Result<std::vector<RunKey>> runKeys(const RunFilter& filter, const std::string& groupField) = 0;
    // The runs with these ids, in any order; ids that no longer exist are left out.
    virtual Result<std::vector<RunSummary>> runsById(const std::vector<std::string>& ids) = 0;
    // Store::keys(): the param, tag or metric keys, for the column chooser and group by.
    virtual Result<std::vector<std::string>> keys(KeyKind kind) = 0;
    // How many runs the project holds, filter aside.
    virtual Result<std::int64_t> totalRuns() = 0;
};

// A RunsSource over a Store connection of its own. Not thread-safe: use it on one thread.
class StoreRunsSource : public RunsSource {
public:
    explicit StoreRunsSource(std::unique_ptr<Store> store);
    ~StoreRunsSource() override;
    // Opens the database read-only (the engine is its only writer).
    static Result<std::shared_ptr<StoreRunsSource>> open(const std::filesystem::path& database);

    Result<std::vector<RunKey>> runKeys(const RunFilter& filter, const std::string& groupField) override;
    Result<std::vector<RunSummary>> runsById(const std::vector<std::string>& ids) override;
    Result<std::vector<std::string>> keys(KeyKind kind) override;
    Result<std::int64_t> totalRuns() override;

    Store& store() { return *m_store; }

private:
    std::unique_ptr<Store> m_store;
};

} // namespace cairn::widgets
