// The frames of the agent's `follow` command (docs/executors.md, "The agent protocol"):
//   D NAME OFFSET LENGTH\n<LENGTH bytes>   bytes of one of the run's files, from OFFSET
//   S {json}\n  state    K {json}\n  keepalive    E {json}\n  the job ended, every byte sent
// FrameParser takes the byte stream in any pieces and hands out whole frames only: a frame cut
// by a dropped connection is never delivered, so its bytes are asked for again on reconnect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cairn::remote {

struct Frame {
    char kind = 0;          // 'D', 'S', 'K', 'E'
    std::string name;       // D: the file
    std::uint64_t offset = 0;
    std::string data;       // D: the bytes; S/K/E: the JSON text
};

class FrameParser {
public:
    void feed(std::string_view bytes) { m_buffer.append(bytes); }
    // The next complete frame; false when none is complete yet. A malformed header sets error()
    // and stops parsing (the stream is not trusted any further).
    bool next(Frame& frame);
    const std::string& error() const { return m_error; }
    std::size_t pending() const { return m_buffer.size() - m_pos; }

private:
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::string m_error;
};

} // namespace cairn::remote
