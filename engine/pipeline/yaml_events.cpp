// parseWithLibyaml: libyaml's event stream built into a Value tree with the positions yaml-cpp
// gives (1-based line and byte column, byte offset), so both parsers' trees are the same.
#include "engine/pipeline/yaml_internal.h"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace cairn::pipeline::yaml {
namespace {

// libyaml counts characters; the tree needs bytes. For ASCII text they are the same.
class Positions {
public:
    explicit Positions(std::string_view text)
    {
        m_bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        text.remove_prefix(std::size_t(m_bom));
        bool ascii = true;
        for (unsigned char c : text)
            ascii = ascii && c < 0x80;
        if (ascii)
            return;
        m_bytes.reserve(text.size() + 1);
        for (std::size_t i = 0; i < text.size(); ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
                m_bytes.push_back(long(i));
        m_bytes.push_back(long(text.size()));
    }
    SourcePos at(const yaml_mark_t& m) const
    {
        const long index = long(m.index), column = long(m.column);
        if (m_bytes.empty())
            return {int(m.line) + 1, int(column) + 1, index + m_bom};
        const long byte = byteOf(index);
        return {int(m.line) + 1, int(byte - byteOf(index - column)) + 1, byte + m_bom};
    }

    // Where the next token starts from `p` on (spaces, line breaks and comments skipped): where
    // yaml-cpp places an empty node, which libyaml places just after the ':' or '-' before it.
    static SourcePos nextToken(std::string_view text, SourcePos p)
    {
        std::size_t i = std::size_t(std::max(0L, p.offset));
        while (i < text.size()) {
            const char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++i;
                ++p.column;
            } else if (c == '\n') {
                ++i;
                ++p.line;
                p.column = 1;
            } else if (c == '#') {
                while (i < text.size() && text[i] != '\n') {
                    ++i;
                    ++p.column;
                }
            } else {
                break;
            }
        }
        p.offset = long(i);
        return p;
    }

private:
    long byteOf(long index) const
    {
        return m_bytes[std::size_t(std::clamp(index, 0L, long(m_bytes.size()) - 1))];
    }
    long m_bom = 0;
    std::vector<long> m_bytes;  // character index -> byte offset (non-ASCII text only)
};

struct Frame {
    Value value;
    bool isMap = false;
    std::optional<Value> key;  // a map's key waiting for its value
    std::string anchor;
    long nodesAtStart = 0;
    std::unordered_set<std::string> seen;
};

struct Anchored {
    Value value;
    long nodes = 0;
};

struct Parser {
    yaml_parser_t parser;
    Parser() { yaml_parser_initialize(&parser); }
    ~Parser() { yaml_parser_delete(&parser); }
};

struct Event {
    yaml_event_t event;
    bool live = false;
    ~Event()
    {
        if (live)
            yaml_event_delete(&event);
    }
};

} // namespace

std::optional<YamlDocument> parseWithLibyaml(std::string_view text)
{
    YamlDocument doc;
    const Positions positions(text);
    Parser p;
    yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::vector<Frame> stack;
    std::map<std::string, Anchored, std::less<>> anchors;
    long nodes = 0;
    int documents = 0;
    // Where a finished value goes: the open collection, or the root.
    auto place = [&](Value v) {
        if (stack.empty()) {
            doc.root = std::move(v);
            return;
        }
        Frame& f = stack.back();
        if (!f.isMap) {
            f.value.push(std::move(v));
        } else if (!f.key) {
            f.key = std::move(v);
        } else {
            addEntry(f.value, f.seen, std::move(*f.key), std::move(v), &doc.problems);
            f.key.reset();
        }
    };
    for (;;) {
        Event e;
        if (!yaml_parser_parse(&p.parser, &e.event))
            return std::nullopt;
        e.live = true;
        const yaml_event_t& ev = e.event;
        const SourcePos pos = positions.at(ev.start_mark);
        auto anchorOf = [](const yaml_char_t* a) { return a ? std::string(reinterpret_cast<const char*>(a)) : std::string(); };
        switch (ev.type) {
        case YAML_STREAM_END_EVENT: return doc;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
                return std::nullopt;
            break;
        case YAML_SCALAR_EVENT: {
            if (++nodes > kMaxNodes)
                return std::nullopt;
            const std::string value(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
            const bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            Value v;
            if (!ev.data.scalar.tag && plain && value.empty())
                v = Value::null(Positions::nextToken(text, pos));  // an empty node
            else
                v = scalar(ev.data.scalar.tag ? std::string(reinterpret_cast<const char*>(ev.data.scalar.tag)) : plain ? "?" : "!",
                           value, pos);
            if (ev.data.scalar.anchor)
                anchors[anchorOf(ev.data.scalar.anchor)] = {v, 1};
            place(std::move(v));
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            if (++nodes > kMaxNodes || stack.size() >= kMaxDepth)
                return std::nullopt;
            const bool isMap = ev.type == YAML_MAPPING_START_EVENT;
            Frame f;
            f.value = isMap ? Value::map(pos) : Value::list(pos);
            f.isMap = isMap;
            f.anchor = anchorOf(isMap ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor);
            f.nodesAtStart = nodes;
            stack.push_back(std::move(f));
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            Frame f = std::move(stack.back());
            stack.pop_back();
            if (!f.anchor.empty())
                anchors[f.anchor] = {f.value, nodes - f.nodesAtStart + 1};
            place(std::move(f.value));
            break;
        }
        case YAML_ALIAS_EVENT: {
            auto it = anchors.find(anchorOf(ev.data.alias.anchor));
            if (it == anchors.end())
                return std::nullopt;  // unknown, or a collection that holds the alias: yaml-cpp words it
            nodes += it->second.nodes;
            if (nodes > kMaxNodes)
                return std::nullopt;
            place(it->second.value);
            break;
        }
        default: break;
        }
    }
}

} // namespace cairn::pipeline::yaml
