// Fuzz entry for the pipeline loader: any bytes as pipelines/NAME.yaml (and, flipped, as the
// params.yaml it reads). Never a crash or a hang; every problem in the file has a position
// inside it and a message; spans stay inside the text and stage names are unique.
#pragma once
#include <cstddef>
#include <cstdint>
void fuzzPipelineOne(const std::uint8_t* data, std::size_t size);
