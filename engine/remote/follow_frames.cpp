#include "engine/remote/follow_frames.h"

#include <cctype>
#include <charconv>

namespace cairn::remote {
namespace {

bool number(std::string_view s, std::uint64_t& v)
{
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

bool validName(std::string_view n)
{
    if (n.empty() || n.size() > 200 || n.find('/') != std::string_view::npos || n == "." || n == "..")
        return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

} // namespace

bool FrameParser::next(Frame& frame)
{
    if (!m_error.empty())
        return false;
    if (m_pos > (1 << 20) && m_pos * 2 > m_buffer.size()) {  // keep the buffer from growing without end
        m_buffer.erase(0, m_pos);
        m_pos = 0;
    }
    std::string_view rest(m_buffer.data() + m_pos, m_buffer.size() - m_pos);
    auto nl = rest.find('\n');
    if (nl == std::string_view::npos) {
        if (rest.size() > 4096)
            m_error = "a frame header longer than 4096 bytes";
        return false;
    }
    std::string_view head = rest.substr(0, nl);
    if (head.size() < 1 || (head.size() > 1 && head[1] != ' ')) {
        m_error = "a malformed frame header: '" + std::string(head.substr(0, 80)) + "'";
        return false;
    }
    frame = Frame{};
    frame.kind = head[0];
    if (frame.kind == 'S' || frame.kind == 'K' || frame.kind == 'E') {
        frame.data.assign(head.size() > 2 ? head.substr(2) : std::string_view("{}"));
        m_pos += nl + 1;
        return true;
    }
    if (frame.kind != 'D') {
        m_error = "an unknown frame kind '" + std::string(1, frame.kind) + "'";
        return false;
    }
    // D NAME OFFSET LENGTH
    std::string_view f = head.substr(2);
    auto s1 = f.find(' ');
    auto s2 = s1 == std::string_view::npos ? s1 : f.find(' ', s1 + 1);
    std::uint64_t length = 0;
    if (s2 == std::string_view::npos || !validName(f.substr(0, s1)) || !number(f.substr(s1 + 1, s2 - s1 - 1), frame.offset)
        || !number(f.substr(s2 + 1), length) || length > (64u << 20)) {
        m_error = "a malformed data frame header: '" + std::string(head.substr(0, 80)) + "'";
        return false;
    }
    if (rest.size() - nl - 1 < length)
        return false;  // its bytes have not all arrived
    frame.name.assign(f.substr(0, s1));
    frame.data.assign(rest.substr(nl + 1, length));
    m_pos += nl + 1 + length;
    return true;
}

} // namespace cairn::remote
