// libFuzzer entry for the pipeline loader, built like fuzz_ingest (see fuzz_ingest_main.cpp):
//   cmake --build build-fuzz --target fuzz_pipeline && build-fuzz/tests/fuzz/fuzz_pipeline tests/fuzz/pipeline_corpus
#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzzPipelineOne(data, size);
    return 0;
}
