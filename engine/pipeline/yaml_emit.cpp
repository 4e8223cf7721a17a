#include "engine/pipeline/yaml_emit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace cairn::pipeline {
namespace {

constexpr std::size_t kFlowWidth = 100;

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(0, n)), ' '); }

bool hasControl(std::string_view s, bool allowNewline)
{
    for (unsigned char c : s)
        if ((c < 0x20 && !(allowNewline && (c == '\n' || c == '\t'))) || c == 0x7f)
            return true;
    return false;
}

bool plainSafe(std::string_view s, bool flow)
{
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || hasControl(s, false))
        return false;
    if (!typedPlainScalar(std::string(s), {}).isString())
        return false;
    const char first = s.front();
    if (std::strchr(",[]{}#&*!|>'\"%@`", first))
        return false;
    if (first == '?' || first == ':' || (first == '-' && (flow || s.size() == 1 || s[1] == ' ')))
        return false;
    if (s.starts_with("---") || s.starts_with("...") || s == "<<" || s.back() == ':')
        return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
        return false;
    if (flow && s.find_first_of(",[]{}:#") != std::string_view::npos)
        return false;
    return true;
}

std::string doubleQuoted(std::string_view s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string singleQuoted(std::string_view s)
{
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

std::string floatYaml(double d)
{
    if (std::isnan(d))
        return ".nan";
    if (std::isinf(d))
        return d < 0 ? "-.inf" : ".inf";
    return pythonFloat(d);
}

// A literal block scalar (`|`) reads back the same: no control characters but newlines and
// tabs, no trailing blanks on a line, the first non-empty line not indented (that would need
// an indentation indicator), at most one final newline.
bool literalBlockOk(std::string_view s)
{
    if (s.find('\n') == std::string_view::npos || hasControl(s, true))
        return false;
    std::size_t start = 0;
    bool firstContent = true;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos)
            nl = s.size();
        std::string_view line = s.substr(start, nl - start);
        if (!line.empty()) {
            if (line.back() == ' ' || line.back() == '\t')
                return false;
            if (firstContent && (line.front() == ' ' || line.front() == '\t'))
                return false;
            firstContent = false;
        }
        start = nl + 1;
    }
    if (firstContent)
        return false;  // only newlines
    return !s.ends_with("\n\n");
}

void literalBlock(std::string& out, std::string_view s, int indent, const YamlStyle& style)
{
    out += s.ends_with('\n') ? "|" : "|-";
    out += style.newline;
    std::string_view body = s.ends_with('\n') ? s.substr(0, s.size() - 1) : s;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t nl = body.find('\n', start);
        if (nl == std::string_view::npos)
            nl = body.size();
        std::string_view line = body.substr(start, nl - start);
        if (!line.empty())
            out += spaces(indent) + std::string(line);
        out += style.newline;
        start = nl + 1;
    }
}

bool isFlowable(const Value& list, std::string_view source)
{
    std::size_t width = 2;
    for (const auto& item : list.items()) {
        if (!item.isScalar() || (item.isString() && item.text().find('\n') != std::string::npos))
            return false;
        width += scalarYaml(item, true, source).size() + 2;
    }
    return width <= kFlowWidth;
}

std::string flowList(const Value& list, std::string_view source)
{
    std::string out = "[";
    for (std::size_t i = 0; i < list.items().size(); ++i)
        out += (i ? ", " : "") + scalarYaml(list.items()[i], true, source);
    return out + "]";
}

void emitBlockValue(std::string& out, const Value& v, int indent, const YamlStyle& style, std::string_view source,
                    int seqIndent);

// After `- `: one list item whose dash is at column `dash`.
void emitItem(std::string& out, const Value& item, int dash, const YamlStyle& style, std::string_view source)
{
    const int inner = dash + 2;
    if (item.isString() && literalBlockOk(item.text())) {
        out += " ";
        literalBlock(out, item.text(), dash + std::max(2, style.indent), style);
    } else if (item.isScalar()) {
        out += " " + scalarYaml(item, false, source) + style.newline;
    } else if (item.isList() && item.items().empty()) {
        out += " []" + style.newline;
    } else if (item.isMap() && item.entries().empty()) {
        out += " {}" + style.newline;
    } else if (item.isList() && isFlowable(item, source)) {
        out += " " + flowList(item, source) + style.newline;
    } else if (item.isList()) {
        out += style.newline;
        emitBlockValue(out, item, inner, style, source, 0);
    } else {
        out += " ";
        bool first = true;
        for (const auto& [k, v] : item.entries()) {
            std::string entry;
            emitEntry(entry, k, v, inner, style, source);
            out += first ? entry.substr(static_cast<std::size_t>(inner)) : entry;
            first = false;
        }
    }
}

// The lines of a list or mapping nested under a key (or a list item) at `indent`.
void emitBlockValue(std::string& out, const Value& v, int indent, const YamlStyle& style, std::string_view source,
                    int seqIndent)
{
    if (v.isList()) {
        for (const auto& item : v.items()) {
            out += spaces(indent + seqIndent) + "-";
            emitItem(out, item, indent + seqIndent, style, source);
        }
        return;
    }
    for (const auto& [k, value] : v.entries())
        emitEntry(out, k, value, indent, style, source);
}

bool sameScalar(const Value& a, const Value& b)
{
    switch (a.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return a.asBool() == b.asBool();
    case Value::Kind::Int: return a.text() == b.text();
    case Value::Kind::Float:
        return a.asFloat() == b.asFloat() || (std::isnan(a.asFloat()) && std::isnan(b.asFloat()));
    case Value::Kind::String: return a.text() == b.text();
    default: return false;
    }
}

long lineStartOf(std::string_view text, long offset)
{
    if (offset <= 0)
        return 0;
    const auto nl = text.rfind('\n', static_cast<std::size_t>(offset - 1));
    return nl == std::string_view::npos ? 0 : static_cast<long>(nl) + 1;
}

} // namespace

bool sameValue(const Value& a, const Value& b)
{
    if (a.kind() != b.kind())
        return false;
    if (a.isList()) {
        if (a.items().size() != b.items().size())
            return false;
        for (std::size_t i = 0; i < a.items().size(); ++i)
            if (!sameValue(a.items()[i], b.items()[i]))
                return false;
        return true;
    }
    if (a.isMap()) {
        if (a.entries().size() != b.entries().size())
            return false;
        for (std::size_t i = 0; i < a.entries().size(); ++i)
            if (!sameValue(a.entries()[i].first, b.entries()[i].first) || !sameValue(a.entries()[i].second, b.entries()[i].second))
                return false;
        return true;
    }
    return sameScalar(a, b);
}

std::string scalarYaml(const Value& v, bool flow, std::string_view source)
{
    switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return v.asBool() ? "true" : "false";
    case Value::Kind::Int: return v.text();
    case Value::Kind::Float: return floatYaml(v.asFloat());
    case Value::Kind::String: break;
    default: return v.isList() ? "[]" : "{}";
    }
    const std::string& s = v.text();
    char quote = 0;
    if (v.quoted() && v.pos().offset >= 0 && static_cast<std::size_t>(v.pos().offset) < source.size()) {
        const char c = source[static_cast<std::size_t>(v.pos().offset)];
        if (c == '\'' || c == '"')
            quote = c;
    }
    if (!quote && plainSafe(s, flow))
        return s;
    if (quote == '\'' && !hasControl(s, false))
        return singleQuoted(s);
    if (quote == '"' || hasControl(s, false))
        return doubleQuoted(s);
    return s.find('\'') == std::string::npos || s.find('"') != std::string::npos ? singleQuoted(s) : doubleQuoted(s);
}

void emitEntry(std::string& out, const Value& key, const Value& value, int indent, const YamlStyle& style,
               std::string_view source, const Value* listHint)
{
    if (!out.empty() && out.back() != '\n')
        out += style.newline;
    out += spaces(indent) + (key.isScalar() ? scalarYaml(key, false, source) : doubleQuoted(scalarText(key))) + ":";
    if (value.isNull()) {
        out += style.newline;
        return;
    }
    if (value.isString() && literalBlockOk(value.text())) {
        out += " ";
        literalBlock(out, value.text(), indent + style.indent, style);
        return;
    }
    if (value.isScalar()) {
        out += " " + scalarYaml(value, false, source) + style.newline;
        return;
    }
    if (value.isList() && value.items().empty()) {
        out += " []" + style.newline;
        return;
    }
    if (value.isMap() && value.entries().empty()) {
        out += " {}" + style.newline;
        return;
    }
    if (value.isList()) {
        bool flow = style.flowLists;
        int seqIndent = style.seqIndent;
        if (listHint && listHint->isList() && listHint->pos().offset >= 0
            && static_cast<std::size_t>(listHint->pos().offset) < source.size()) {
            flow = source[static_cast<std::size_t>(listHint->pos().offset)] == '[';
            if (!flow)
                seqIndent = std::max(0, listHint->pos().column - 1 - indent);
        }
        if (flow && isFlowable(value, source)) {
            out += " " + flowList(value, source) + style.newline;
            return;
        }
        out += style.newline;
        emitBlockValue(out, value, indent, style, source, seqIndent);
        return;
    }
    out += style.newline;
    emitBlockValue(out, value, indent + style.indent, style, source, style.seqIndent);
}

void emitStagesEntry(std::string& out, const Value& key, const Value& stages, int indent, const YamlStyle& style,
                     std::string_view source)
{
    if (!stages.isMap() || stages.entries().empty()) {
        emitEntry(out, key, stages, indent, style, source);
        return;
    }
    if (!out.empty() && out.back() != '\n')
        out += style.newline;
    out += spaces(indent) + scalarYaml(key, false, source) + ":" + style.newline;
    bool first = true;
    for (const auto& [sk, sv] : stages.entries()) {
        if (style.blankBetweenStages && !first)
            out += style.newline;
        emitEntry(out, sk, sv, indent + style.indent, style, source);
        first = false;
    }
}

std::string emitDocument(const Value& root, const YamlStyle& style)
{
    std::string out;
    if (root.isMap()) {
        for (const auto& [k, v] : root.entries()) {
            if (style.blankBetweenStages && !out.empty())
                out += style.newline;
            if (scalarText(k) == "stages")
                emitStagesEntry(out, k, v, 0, style);
            else
                emitEntry(out, k, v, 0, style);
        }
        return out;
    }
    if (root.isNull())
        return out;
    if (root.isScalar())
        return scalarYaml(root) + style.newline;
    std::string tmp;
    emitEntry(tmp, Value::string("x"), root, 0, style);
    return tmp.substr(tmp.find(style.newline) + style.newline.size());
}

YamlStyle detectStyle(std::string_view text, const Value& root)
{
    YamlStyle st;
    if (text.find("\r\n") != std::string_view::npos && text.find("\r\n") == text.find('\n') - 1)
        st.newline = "\r\n";
    const Value* stages = root.isMap() ? root.find("stages") : nullptr;
    if (!stages || !stages->isMap() || stages->entries().empty())
        return st;
    auto at = [&](long offset) { return offset >= 0 && static_cast<std::size_t>(offset) < text.size() ? text[static_cast<std::size_t>(offset)] : '\0'; };
    int flowCount = 0, blockCount = 0;
    bool indentFound = false, seqFound = false, blankFound = false, tightFound = false;
    const auto& entries = stages->entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& [name, body] = entries[i];
        if (i > 0 && name.pos().offset >= 0 && entries[i - 1].first.pos().offset >= 0) {
            const long prevEnd = lineStartOf(text, name.pos().offset);
            // Look only at the lines right above this entry: the gap after the previous one.
            long p = prevEnd;
            bool blank = false;
            while (p > 0) {
                const long ls = lineStartOf(text, p - 1);
                std::string_view line = text.substr(static_cast<std::size_t>(ls), static_cast<std::size_t>(p - ls));
                const auto first = line.find_first_not_of(" \t\r\n");
                if (first == std::string_view::npos) {
                    blank = true;
                } else if (line[first] != '#') {
                    break;
                }
                p = ls;
            }
            (blank ? blankFound : tightFound) = true;
        }
        if (!body.isMap() || at(body.pos().offset) == '{')
            continue;
        for (const auto& [field, v] : body.entries()) {
            if (!indentFound && field.pos().column > name.pos().column && name.pos().known()) {
                st.indent = std::clamp(field.pos().column - name.pos().column, 1, 8);
                indentFound = true;
            }
            if (!v.isList() || v.items().empty())
                continue;
            const bool scalars = std::all_of(v.items().begin(), v.items().end(), [](const Value& x) { return x.isScalar(); });
            if (at(v.pos().offset) == '[') {
                ++flowCount;
            } else if (at(v.pos().offset) == '-') {
                if (scalars)
                    ++blockCount;
                if (!seqFound && v.pos().column >= field.pos().column) {
                    st.seqIndent = v.pos().column - field.pos().column;
                    seqFound = true;
                }
            }
        }
    }
    if (!seqFound)
        st.seqIndent = st.indent;
    if (flowCount + blockCount > 0)
        st.flowLists = flowCount >= blockCount;
    if (blankFound || tightFound)
        st.blankBetweenStages = blankFound;
    else  // one stage: blank lines elsewhere in the file say whether it likes them
        st.blankBetweenStages = text.find("\n\n") != std::string_view::npos || text.find("\n\r\n") != std::string_view::npos;
    return st;
}

} // namespace cairn::pipeline
