// Writes N metric lines to stdout as fast as it can: the child for the ingestion benchmark.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv)
{
    long n = argc > 1 ? std::atol(argv[1]) : 1000000;
    std::string buf;
    buf.reserve(1 << 20);
    char num[32];
    for (long i = 0; i < n; ++i) {
        buf += "cairn:metric step=";
        auto r = std::to_chars(num, num + sizeof num, i);
        buf.append(num, r.ptr);
        buf += " loss=";
        r = std::to_chars(num, num + sizeof num, 1.0 / static_cast<double>(i + 1));
        buf.append(num, r.ptr);
        buf += '\n';
        if (buf.size() > (1 << 20) - 64) {
            std::fwrite(buf.data(), 1, buf.size(), stdout);
            buf.clear();
        }
    }
    std::fwrite(buf.data(), 1, buf.size(), stdout);
    return 0;
}
