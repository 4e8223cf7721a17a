// One fuzz entry for every parser of untrusted bytes: the stdout line parser, the JSON-lines
// parser, the engine's socket protocol, journal replay, the run search language, and the line
// splitter at two chunkings. Must never crash, hang or trip a sanitizer; invariants are checked with abort().
#pragma once
#include <cstddef>
#include <cstdint>
void fuzzIngestOne(const std::uint8_t* data, std::size_t size);
