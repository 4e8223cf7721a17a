// libFuzzer entry: build with clang, e.g.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DCAIRN_BUILD_FUZZERS=ON -DCAIRN_BUILD_GUI=OFF
//   cmake --build build-fuzz --target fuzz_ingest && build-fuzz/tests/fuzz/fuzz_ingest -max_total_time=60
#include "fuzz_ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzzIngestOne(data, size);
    return 0;
}
