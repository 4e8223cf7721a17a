#include "engine/ingest/line_splitter.h"

#include <cstring>

namespace cairn::ingest {

void LineSplitter::deliver(std::string_view line, bool overlong)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    m_callback(line, ++m_lineNo, overlong);
}

void LineSplitter::feed(std::string_view bytes)
{
    while (!bytes.empty()) {
        const char* nl = static_cast<const char*>(std::memchr(bytes.data(), '\n', bytes.size()));
        std::size_t take = nl ? static_cast<std::size_t>(nl - bytes.data()) : bytes.size();
        std::string_view piece = bytes.substr(0, take);
        if (m_skipping) {
            if (nl)
                m_skipping = false;
        } else if (m_partial.empty() && nl && piece.size() <= m_maxLine) {
            deliver(piece, false);  // fast path: a whole line inside this chunk
        } else {
            std::size_t room = m_maxLine - m_partial.size();
            if (piece.size() > room) {
                m_partial.append(piece.substr(0, room));
                deliver(m_partial, true);
                m_partial.clear();
                m_skipping = !nl;
            } else {
                m_partial.append(piece);
                if (nl) {
                    deliver(m_partial, false);
                    m_partial.clear();
                }
            }
        }
        bytes.remove_prefix(nl ? take + 1 : take);
    }
}

void LineSplitter::finish()
{
    if (!m_partial.empty()) {
        deliver(m_partial, false);
        m_partial.clear();
    }
    m_skipping = false;
}

} // namespace cairn::ingest
