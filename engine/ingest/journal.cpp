#include "engine/ingest/journal.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/ingest/metric_line.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cairn::ingest {
namespace {

std::string unescape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Splits a record into at most `max` tab-separated fields.
std::size_t fields(std::string_view line, std::string_view* out, std::size_t max)
{
    std::size_t n = 0;
    while (n < max) {
        auto tab = line.find('\t');
        out[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos)
            break;
        line.remove_prefix(tab + 1);
    }
    return n;
}

template <typename T>
bool number(std::string_view s, T& v)
{
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size();
}

bool parseRecord(std::string_view line, JournalChunk& out)
{
    std::string_view f[6];
    std::size_t n = fields(line, f, 6);
    if (n == 0 || f[0].size() != 1)
        return false;
    switch (f[0][0]) {
    case 'M': {
        MetricPoint p;
        auto v = n == 5 ? parseMetricValue(f[4]) : std::nullopt;
        if (!v || !number(f[2], p.step) || !number(f[3], p.timestampMs) || !isValidKey(f[1]))
            return false;
        p.key.assign(f[1]);
        p.value = *v;
        out.points.push_back(std::move(p));
        return true;
    }
    case 'P':
    case 'T':
        if (n != 3 || !isValidKey(f[1]))
            return false;
        (f[0][0] == 'P' ? out.params : out.tags).emplace_back(std::string(f[1]), unescape(f[2]));
        return true;
    case 'S': {
        std::int64_t pid = 0, ts = 0;
        if (n != 3 || !number(f[1], pid) || !number(f[2], ts))
            return false;
        out.startedPid = pid;
        return true;
    }
    case 'E': {
        RunEnd e;
        auto status = n == 6 ? runStatusFromString(f[3]) : std::nullopt;
        if (!status || !number(f[1], e.exitCode) || !number(f[2], e.signal) || !number(f[4], e.endMs)
            || !number(f[5], e.malformed))
            return false;
        e.status = *status;
        out.end = e;
        return true;
    }
    case 'W':
        if (n < 2)
            return false;
        out.warnings.push_back(unescape(line.substr(2)));
        return true;
    case 'H': {
        RunEvent e;
        std::string_view h[4];
        if (fields(line, h, 4) != 4 || !number(h[1], e.timestampMs) || h[2].empty())
            return false;
        e.kind.assign(h[2]);
        e.text = unescape(h[3]);
        out.events.push_back(std::move(e));
        return true;
    }
    case 'R':
        if (n < 2)
            return false;
        out.message = unescape(line.substr(2));
        return true;
    case 'O':
        return n >= 2;  // read by the remote supervisor that wrote it (lastCheckpoint)
    default:
        return false;
    }
}

} // namespace

void JournalChunk::clear()
{
    points.clear();
    params.clear();
    tags.clear();
    warnings.clear();
    startedPid.reset();
    end.reset();
    events.clear();
    message.reset();
    consumed = 0;
    badRecords = 0;
}

void parseJournal(std::string_view bytes, JournalChunk& out)
{
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos)
            break;  // partial line: its writer has not finished it yet
        std::string_view line = bytes.substr(pos, nl - pos);
        if (!line.empty() && !parseRecord(line, out))
            ++out.badRecords;
        pos = nl + 1;
    }
    out.consumed += pos;
}

JournalWriter::~JournalWriter()
{
    (void)flush();
    if (m_fd >= 0)
        ::close(m_fd);
}

Status JournalWriter::open(const std::filesystem::path& path)
{
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0)
        return makeError("cannot open the journal " + path.string() + ": " + std::strerror(errno));
    return Ok{};
}

void JournalWriter::appendEscaped(std::string_view text)
{
    for (char c : text) {
        switch (c) {
        case '\t': m_buffer += "\\t"; break;
        case '\n': m_buffer += "\\n"; break;
        case '\r': m_buffer += "\\r"; break;
        case '\\': m_buffer += "\\\\"; break;
        default: m_buffer += c;
        }
    }
}

void JournalWriter::metric(std::string_view key, std::int64_t step, std::int64_t tsMs, double value)
{
    char num[24];
    m_buffer += "M\t";
    m_buffer += key;
    m_buffer += '\t';
    auto r = std::to_chars(num, num + sizeof num, step);
    m_buffer.append(num, r.ptr);
    m_buffer += '\t';
    r = std::to_chars(num, num + sizeof num, tsMs);
    m_buffer.append(num, r.ptr);
    m_buffer += '\t';
    m_buffer += formatDouble(value);
    m_buffer += '\n';
}

void JournalWriter::pair(char kind, std::string_view key, std::string_view value)
{
    m_buffer += kind;
    m_buffer += '\t';
    m_buffer += key;
    m_buffer += '\t';
    appendEscaped(value);
    m_buffer += '\n';
}

void JournalWriter::param(std::string_view key, std::string_view value) { pair('P', key, value); }

void JournalWriter::tag(std::string_view key, std::string_view value) { pair('T', key, value); }

void JournalWriter::started(long pid, std::int64_t tsMs)
{
    m_buffer += "S\t" + std::to_string(pid) + "\t" + std::to_string(tsMs) + "\n";
}

void JournalWriter::warning(std::string_view text)
{
    m_buffer += "W\t";
    appendEscaped(text);
    m_buffer += '\n';
}

void JournalWriter::ended(const RunEnd& e)
{
    m_buffer += "E\t" + std::to_string(e.exitCode) + "\t" + std::to_string(e.signal) + "\t"
                + std::string(toString(e.status)) + "\t" + std::to_string(e.endMs) + "\t" + std::to_string(e.malformed)
                + "\n";
}

void JournalWriter::event(std::int64_t tsMs, std::string_view kind, std::string_view text)
{
    m_buffer += "H\t" + std::to_string(tsMs) + "\t";
    appendEscaped(kind);
    m_buffer += '\t';
    appendEscaped(text);
    m_buffer += '\n';
}

void JournalWriter::message(std::string_view text)
{
    m_buffer += "R\t";
    appendEscaped(text);
    m_buffer += '\n';
}

void JournalWriter::checkpoint(std::string_view text)
{
    m_buffer += "O\t";
    m_buffer += text;
    m_buffer += '\n';
}

std::optional<std::string> lastCheckpoint(const std::filesystem::path& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    off_t size = ::lseek(fd, 0, SEEK_END);
    std::optional<std::string> found;
    std::string buf;
    for (off_t window = 64 << 10; size > 0; window *= 4) {
        off_t start = size > window ? size - window : 0;
        buf.resize(static_cast<std::size_t>(size - start));
        ssize_t n = ::pread(fd, buf.data(), buf.size(), start);
        if (n <= 0)
            break;
        buf.resize(static_cast<std::size_t>(n));
        std::string_view v(buf);
        auto end = v.rfind('\n');  // only complete lines count
        while (end != std::string_view::npos && end > 0) {
            auto begin = v.rfind('\n', end - 1);
            std::size_t from = begin == std::string_view::npos ? 0 : begin + 1;
            if (begin == std::string_view::npos && start > 0)
                break;  // this line may start before the window: widen it
            std::string_view line = v.substr(from, end - from);
            if (line.starts_with("O\t")) {
                found = std::string(line.substr(2));
                break;
            }
            if (begin == std::string_view::npos)
                break;
            end = begin;
        }
        if (found || start == 0)
            break;
    }
    ::close(fd);
    return found;
}

Status JournalWriter::flush()
{
    std::string_view rest = m_buffer;
    while (!rest.empty() && m_fd >= 0) {
        ssize_t n = ::write(m_fd, rest.data(), rest.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            // Keep what is unwritten: a full disk may recover, and the log still has it all.
            m_buffer.erase(0, m_buffer.size() - rest.size());
            return makeError(std::string("cannot write the journal: ") + std::strerror(errno));
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    m_buffer.clear();
    std::int64_t now = nowMs();
    if (m_fd >= 0 && now - m_lastSyncMs >= 1000) {
        ::fdatasync(m_fd);
        m_lastSyncMs = now;
    }
    return Ok{};
}

} // namespace cairn::ingest
