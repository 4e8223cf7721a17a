// readCsv: loads a CSV file into typed columns (rules in csv_table.h). CsvReader reads the
// header; the rows are then read in blocks, cut at row ends into chunks (csv_chunks.h), parsed
// by a few threads, and appended to the table in file order. Memory holds the table plus a few
// chunks in flight, however large the file.
#include "engine/analysis/csv_chunks.h"
#include "engine/analysis/csv_table.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <sys/stat.h>

namespace cairn::analysis {
namespace {

using csv::Chunk;

// Parses chunks on worker threads; the reading thread waits for them in order.
class ChunkPool {
public:
    ChunkPool(const csv::Layout& layout, unsigned threads) : m_layout(layout), m_threads(threads) {}
    ~ChunkPool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_queue.clear();
        }
        m_work.notify_all();
        for (auto& t : m_pool)
            t.join();
    }
    void submit(Chunk* c)
    {
        if (m_pool.empty())
            for (unsigned i = 0; i < m_threads; ++i)
                m_pool.emplace_back([this] { run(); });
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(c);
        }
        m_work.notify_one();
    }
    void wait(const Chunk* c)
    {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return std::find(m_finished.begin(), m_finished.end(), c) != m_finished.end(); });
        m_finished.erase(std::find(m_finished.begin(), m_finished.end(), c));
    }

private:
    void run()
    {
        for (;;) {
            Chunk* c = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [&] { return m_stop || !m_queue.empty(); });
                if (m_stop)
                    return;
                c = m_queue.front();
                m_queue.pop_front();
            }
            csv::parseChunk(*c, m_layout);
            {
                std::lock_guard lock(m_mutex);
                m_finished.push_back(c);
            }
            m_done.notify_all();
        }
    }
    const csv::Layout& m_layout;
    unsigned m_threads;
    std::mutex m_mutex;
    std::condition_variable m_work, m_done;
    std::deque<Chunk*> m_queue;
    std::vector<const Chunk*> m_finished;
    std::vector<std::thread> m_pool;
    bool m_stop = false;
};

// Appends parsed chunks to the table's columns, in file order.
struct Merger {
    Table& table;
    std::string path;
    std::size_t line;  // the line the next chunk starts on
    std::uint64_t bytesLeft = 0;  // bytes of rows not yet merged, to size the columns once
    bool reserved = false;
    std::vector<bool> integral, failed;
    std::vector<std::size_t> failedLine;
    std::vector<std::string> failedValue;
    std::vector<std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>>> dicts;

    Merger(Table& t, std::string p, std::size_t firstLine)
        : table(t), path(std::move(p)), line(firstLine), integral(t.columns.size(), true), failed(t.columns.size(), false),
          failedLine(t.columns.size(), 0), failedValue(t.columns.size()), dicts(t.columns.size())
    {
    }

    Status add(Chunk& ch)
    {
        if (!ch.error.empty())
            return makeError(path + ":" + std::to_string(line + ch.errorLine - 1) + ": " + ch.error);
        if (!reserved && ch.rows > 0 && ch.bytes > 0) {
            // Rows in the whole file, estimated from this chunk's, with a little to spare.
            reserved = true;
            const double rows = double(ch.rows) * double(bytesLeft) / double(ch.bytes) * 1.02 + 16;
            if (rows < 1e9)
                for (auto& c : table.columns)
                    (c.text ? c.codes.reserve(std::size_t(rows)) : c.num.reserve(std::size_t(rows)));
        }
        for (std::size_t k = 0; k < ch.columns.size(); ++k) {
            auto& from = ch.columns[k];
            Column& to = table.columns[k];
            if (!to.text) {
                integral[k] = integral[k] && from.integral;
                if (from.failed && !failed[k]) {
                    failed[k] = true;
                    failedLine[k] = line + from.failedLine - 1;
                    failedValue[k] = std::move(from.failedValue);
                }
                to.num.insert(to.num.end(), from.num.begin(), from.num.end());
                continue;
            }
            std::vector<std::int32_t> global(from.categories.size());
            for (std::size_t c = 0; c < from.categories.size(); ++c) {
                auto it = dicts[k].find(from.categories[c]);
                if (it == dicts[k].end()) {
                    it = dicts[k].emplace(from.categories[c], static_cast<std::int32_t>(to.categories.size())).first;
                    to.categories.push_back(std::move(from.categories[c]));
                }
                global[c] = it->second;
            }
            to.codes.reserve(to.codes.size() + from.codes.size());
            for (std::int32_t code : from.codes)
                to.codes.push_back(code < 0 ? -1 : global[std::size_t(code)]);
        }
        table.rows += ch.rows;
        line += ch.lines;
        return Ok{};
    }
};

// Reads the rows after the header (from `offset`) and hands them to the merger in order.
Status readRows(const std::string& path, std::uint64_t offset, const csv::Layout& layout, Merger& merger,
                const CsvReadOptions& opts)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return makeError(path + ": cannot open: " + std::strerror(errno));
    if (::fseeko(file.get(), static_cast<off_t>(offset), SEEK_SET) != 0)
        return makeError(path + ": cannot seek: " + std::strerror(errno));
    struct stat info {};
    if (::fstat(::fileno(file.get()), &info) == 0 && std::uint64_t(info.st_size) > offset)
        merger.bytesLeft = std::uint64_t(info.st_size) - offset;
    const unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t block = std::max<std::size_t>(opts.chunkBytes, 1);
    const std::size_t maxInFlight = 2 * std::size_t(threads) + 1;
    std::deque<std::unique_ptr<Chunk>> inflight;  // declared before the pool: destroyed after it
    ChunkPool pool(layout, threads);
    auto mergeFront = [&]() -> Status {
        pool.wait(inflight.front().get());
        auto st = merger.add(*inflight.front());
        inflight.pop_front();
        return st;
    };
    std::string carry;
    bool eof = false;
    while (!eof) {
        const std::size_t old = carry.size();
        carry.resize(old + block);
        const std::size_t got = std::fread(carry.data() + old, 1, block, file.get());
        carry.resize(old + got);
        if (got < block) {
            if (std::ferror(file.get()))
                return makeError(path + ": read error: " + std::strerror(errno));
            eof = true;
        }
        const std::size_t cut = csv::completeRows(carry, eof);
        if (cut == 0) {
            if (carry.size() > opts.maxRowBytes) {
                while (!inflight.empty())
                    if (auto st = mergeFront(); !st)
                        return st;
                return makeError(path + ":" + std::to_string(merger.line) + ": row is longer than " +
                                 std::to_string(opts.maxRowBytes) + " bytes");
            }
            continue;
        }
        auto chunk = std::make_unique<Chunk>();
        chunk->bytes = cut;
        if (cut == carry.size()) {
            chunk->data.swap(carry);
            carry.clear();
        } else {
            chunk->data.assign(carry, 0, cut);
            carry.erase(0, cut);
        }
        if (eof && inflight.empty()) {  // the whole (rest of the) file in one chunk: no threads
            csv::parseChunk(*chunk, layout);
            return merger.add(*chunk);
        }
        inflight.push_back(std::move(chunk));
        pool.submit(inflight.back().get());
        while (inflight.size() >= maxInFlight)
            if (auto st = mergeFront(); !st)
                return st;
    }
    while (!inflight.empty())
        if (auto st = mergeFront(); !st)
            return st;
    return Ok{};
}

} // namespace

Result<Table> readCsv(const std::string& path, const CsvReadOptions& opts)
{
    std::uint64_t offset = 0;
    std::size_t firstLine = 0;
    std::vector<std::string> header;
    {
        auto reader = CsvReader::open(path, opts);
        if (!reader)
            return reader.error();
        std::vector<std::string_view> fields;
        if (auto st = reader->header(fields); !st)
            return st.error();
        std::set<std::string> seen;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::string name(fields[i]);
            if (name.empty())
                name = "Unnamed: " + std::to_string(i);  // pandas' name for an unnamed column
            if (!seen.insert(name).second)
                return makeError(path + ":" + std::to_string(reader->rowLine()) + ": column '" + name +
                                 "' appears twice in the header");
            header.push_back(name);
        }
        offset = reader->offset();
        firstLine = reader->nextLine();
    }
    Table table;
    table.path = path;
    csv::Layout layout;
    layout.width = header.size();
    layout.slot.assign(header.size(), -1);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!opts.only.empty() && !opts.only.count(header[i]))
            continue;
        Column c;
        c.name = header[i];
        c.text = opts.forceText.count(c.name) > 0;
        c.type = c.text ? ColumnType::Categorical : ColumnType::Numeric;
        layout.slot[i] = static_cast<int>(table.columns.size());
        layout.text.push_back(c.text);
        table.columns.push_back(std::move(c));
    }
    Merger merger(table, path, firstLine);
    if (auto st = readRows(path, offset, layout, merger, opts); !st)
        return st.error();
    for (std::size_t k = 0; k < table.columns.size(); ++k)
        table.columns[k].integral = !table.columns[k].text && merger.integral[k] && table.rows > 0;
    // Columns with text in them: read again, as text, only those columns.
    CsvReadOptions again = opts;
    again.only.clear();
    for (std::size_t k = 0; k < table.columns.size(); ++k)
        if (merger.failed[k]) {
            again.only.insert(table.columns[k].name);
            again.forceText.insert(table.columns[k].name);
        }
    if (!again.only.empty()) {
        auto text = readCsv(path, again);
        if (!text)
            return text.error();
        for (std::size_t k = 0; k < table.columns.size(); ++k) {
            auto& c = table.columns[k];
            if (const Column* t = text->find(c.name)) {
                c = *t;
                c.firstTextLine = merger.failedLine[k];
                c.firstText = merger.failedValue[k];
            }
        }
    }
    return table;
}

} // namespace cairn::analysis
