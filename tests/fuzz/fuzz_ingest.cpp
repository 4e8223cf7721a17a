#include "fuzz_ingest.h"

#include "engine/ingest/journal.h"
#include "engine/ingest/line_splitter.h"
#include "engine/ingest/metric_line.h"
#include "engine/ingest/metrics_jsonl.h"
#include "engine/query/search_eval.h"
#include "engine/query/search_parser.h"
#include "engine/query/search_sql.h"
#include "engine/server/protocol.h"
#include "engine/store/metric_block.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace cairn::ingest;

void fuzzIngestOne(const std::uint8_t* data, std::size_t size)
{
    std::string_view input(reinterpret_cast<const char*>(data), size);
    ParsedLine parsed;
    LineKind kind = parseLine(input, parsed);
    if (kind == LineKind::Malformed && parsed.error.empty())
        std::abort();  // every rejection says why
    if (kind == LineKind::Metric && parsed.metrics.empty())
        std::abort();
    for (const auto& [k, v] : parsed.metrics)
        if (!isValidKey(k))
            std::abort();

    JsonlRecord record;
    std::string error;
    if (!parseJsonlLine(input, record, error) && error.empty())
        std::abort();

    // The engine's socket protocol: a request or an error that says why, never a throw.
    cairn::server::Request request;
    cairn::server::ProtocolError perr;
    if (!cairn::server::parseRequest(input, request, perr) && (perr.code.empty() || perr.message.empty()))
        std::abort();

    // Metric blocks read back from a damaged database: an error, or points that re-encode
    // to bytes decoding to the same points.
    std::vector<cairn::blocks::Point> points;
    if (cairn::blocks::decode(input, points)) {
        std::vector<cairn::blocks::Point> again;
        if (!cairn::blocks::decode(cairn::blocks::encode(points), again) || again.size() != points.size())
            std::abort();
        for (std::size_t i = 0; i < points.size(); ++i)
            if (again[i].step != points[i].step || again[i].timestampMs != points[i].timestampMs)
                std::abort();
    } else if (!points.empty()) {
        std::abort();
    }

    // The run search language: a tree, or an error inside the text (1..length+1) that says
    // why; a tree always compiles to SQL with one bound value per '?' and evaluates.
    auto search = cairn::query::parseSearch(input);
    if (search.error) {
        if (search.error->column < 1 || static_cast<std::size_t>(search.error->column) > size + 1
            || search.error->message.empty() || search.root)
            std::abort();
    } else if (search.root) {
        auto sql = cairn::query::whereSql(*search.root, 0);
        if (static_cast<std::size_t>(std::count(sql.sql.begin(), sql.sql.end(), '?')) != sql.params.size())
            std::abort();
        cairn::RunSummary run;
        run.run.name = "x";
        run.run.params = {{"lr", "0.01"}};
        run.metrics["acc"] = cairn::MetricSummary{"acc", 1, 1, 0.5, 0.5, 0.5, 1};
        (void)cairn::query::matches(*search.root, run, 0);
    }
    auto field = cairn::query::parseField(input);
    if (field.error && (field.error->column < 1 || static_cast<std::size_t>(field.error->column) > size + 1))
        std::abort();

    // Journal replay: never reads past the last complete line.
    JournalChunk chunk;
    parseJournal(input, chunk);
    if (chunk.consumed > size || (chunk.consumed > 0 && input[chunk.consumed - 1] != '\n'))
        std::abort();

    // Splitting the same bytes in any chunking gives the same lines.
    std::string joinedWhole, joinedBytes;
    auto collect = [](std::string& into) {
        return [&into](std::string_view line, std::uint64_t, bool overlong) {
            into.append(line);
            into.push_back(overlong ? '!' : '\n');
        };
    };
    {
        LineSplitter s(collect(joinedWhole), 64);
        s.feed(input);
        s.finish();
    }
    {
        LineSplitter s(collect(joinedBytes), 64);
        for (char c : input)
            s.feed(std::string_view(&c, 1));
        s.finish();
    }
    if (joinedWhole != joinedBytes)
        std::abort();
}
