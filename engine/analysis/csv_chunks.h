// Internal to readCsv (csv_load.cpp): the rows of a CSV file cut into chunks at row ends, and
// the parse of one chunk into per-column values. Chunks are parsed on several threads and then
// appended in file order; every rule of csv_table.h holds across chunk boundaries.
#pragma once

#include "engine/analysis/csv_table.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cairn::analysis::csv {

// Which fields of a row are loaded, and how.
struct Layout {
    std::size_t width = 0;         // fields per row (the header's)
    std::vector<int> slot;         // per field: index of the loaded column, or -1
    std::vector<bool> text;        // per loaded column: store as text categories
};

// One column's values from one chunk. Lines are 1-based within the chunk.
struct ChunkColumn {
    std::vector<double> num;
    std::vector<std::int32_t> codes;          // -1 = missing; indexes `categories`
    std::vector<std::string> categories;      // in order of first appearance in the chunk
    std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>> dict;
    bool integral = true;                     // every value an integer literal, none missing
    bool failed = false;                      // some value is not a number
    std::size_t failedLine = 0;
    std::string failedValue;
};

struct Chunk {
    std::string data;                         // whole rows; freed once parsed
    std::size_t bytes = 0;                    // data.size() before it was freed
    std::size_t rows = 0;
    std::size_t lines = 0;                    // lines the chunk spans
    std::size_t errorLine = 0;                // with `error`: where it is
    std::string error;                        // empty: parsed
    std::vector<ChunkColumn> columns;
};

// The length of the leading part of `data` that holds only complete rows (0: none yet). With
// `eof` the input ends after `data`, so everything counts. Rows start at the start of `data`.
std::size_t completeRows(std::string_view data, bool eof);

// Parses chunk.data (complete rows) into chunk.columns, or sets chunk.error.
void parseChunk(Chunk& chunk, const Layout& layout);

} // namespace cairn::analysis::csv
