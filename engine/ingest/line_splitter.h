// Splits a byte stream into lines: LF or CRLF terminated, any bytes, any length. Lines longer
// than the limit are delivered once, cut at the limit and marked overlong; the rest of such a
// line is skipped (the raw bytes stay in the log files, which are written separately).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cairn::ingest {

class LineSplitter {
public:
    // (line without terminator, 1-based line number, overlong)
    using Callback = std::function<void(std::string_view, std::uint64_t, bool)>;

    explicit LineSplitter(Callback callback, std::size_t maxLine = 1 << 20)
        : m_callback(std::move(callback)), m_maxLine(maxLine) {}

    void feed(std::string_view bytes);
    // Delivers a final line that had no newline.
    void finish();
    std::uint64_t lines() const { return m_lineNo; }

private:
    void deliver(std::string_view line, bool overlong);

    Callback m_callback;
    std::size_t m_maxLine;
    std::string m_partial;
    bool m_skipping = false;  // inside the tail of an overlong line
    std::uint64_t m_lineNo = 0;
};

} // namespace cairn::ingest
