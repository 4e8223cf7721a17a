// One fuzz entry for every ingest parser: the same bytes go through the stdout line parser,
// the JSON-lines parser and the line splitter at several chunkings. Must never crash, hang or
// trip a sanitizer; invariants are checked with abort().
#pragma once
#include <cstddef>
#include <cstdint>
void fuzzIngestOne(const std::uint8_t* data, std::size_t size);
