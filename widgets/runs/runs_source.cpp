#include "widgets/runs/runs_source.h"

#include "engine/store/store.h"

namespace cairn::widgets {

StoreRunsSource::StoreRunsSource(std::unique_ptr<Store> store) : m_store(std::move(store)) {}

StoreRunsSource::~StoreRunsSource() = default;

Result<std::shared_ptr<StoreRunsSource>> StoreRunsSource::open(const std::filesystem::path& database)
{
    auto store = Store::open(database, Store::Mode::ReadOnly);
    if (!store)
        return store.error();
    return std::make_shared<StoreRunsSource>(std::move(*store));
}

Result<std::vector<RunKey>> StoreRunsSource::runKeys(const RunFilter& filter, const std::string& groupField)
{
    return m_store->runKeys(filter, groupField);
}

Result<std::vector<RunSummary>> StoreRunsSource::runsById(const std::vector<std::string>& ids)
{
    // `id in (...)` in the search language, which reads the runs through the id index. A
    // search holds at most 1000 values: ask in chunks.
    constexpr std::size_t kChunk = 500;
    std::vector<RunSummary> out;
    for (std::size_t first = 0; first < ids.size(); first += kChunk) {
        RunFilter filter;
        filter.where = "id in (";
        for (std::size_t i = first; i < ids.size() && i < first + kChunk; ++i) {
            filter.where += i == first ? "'" : ", '";
            for (char c : ids[i]) {
                filter.where += c;
                if (c == '\'')
                    filter.where += c;
            }
            filter.where += "'";
        }
        filter.where += ")";
        auto runs = m_store->runs(filter);
        if (!runs)
            return runs.error();
        for (auto& r : *runs)
            out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<std::string>> StoreRunsSource::keys(KeyKind kind) { return m_store->keys(kind); }

Result<std::int64_t> StoreRunsSource::totalRuns() { return m_store->countRuns(); }

} // namespace cairn::widgets
