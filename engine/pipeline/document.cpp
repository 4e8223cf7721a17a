// Saving by splicing: a block mapping's entries are found by their keys' lines in the saved
// text. Each entry is its lines from its key to the next key, with the comment and blank
// lines just above the next key left to that key (as the loader's stage spans are). An
// unchanged entry is copied, a changed block mapping is spliced one level down (so a new
// `deps:` line keeps the rest of its stage), anything else changed is written anew.
#include "engine/pipeline/document.h"

#include "engine/pipeline/yaml_emit.h"
#include "engine/pipeline/yaml_value.h"

#include <algorithm>

namespace cairn::pipeline {
namespace {

long lineStart(const std::string& text, long offset)
{
    if (offset <= 0)
        return 0;
    const auto nl = text.rfind('\n', static_cast<std::size_t>(offset - 1));
    return nl == std::string::npos ? 0 : static_cast<long>(nl) + 1;
}

// The offset just past the line holding `offset` (its newline included).
long lineEnd(const std::string& text, long offset)
{
    const auto nl = text.find('\n', static_cast<std::size_t>(std::max(0L, offset)));
    return nl == std::string::npos ? static_cast<long>(text.size()) : static_cast<long>(nl) + 1;
}

// Moves `end` (a line start) back over the blank and comment-only lines just above it.
long trimTrailingGap(const std::string& text, long begin, long end)
{
    while (end > begin) {
        const long prev = lineStart(text, end - 1);
        if (prev < begin)
            break;
        std::string_view line(text.data() + prev, static_cast<std::size_t>(end - prev));
        const auto first = line.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos && line[first] != '#')
            break;
        end = prev;
    }
    return end;
}

// A mapping written in block style whose keys each start a line, below `after` (the offset
// where its parent's key line ends; 0 for the top level).
bool isBlockMap(const std::string& text, const Value& map, long after)
{
    if (!map.isMap() || map.entries().empty())
        return false;
    const long size = static_cast<long>(text.size());
    if (map.pos().offset >= 0 && map.pos().offset < size && text[static_cast<std::size_t>(map.pos().offset)] == '{')
        return false;
    long previous = -1;
    int column = -1;
    for (const auto& [k, v] : map.entries()) {
        const long off = k.pos().offset;
        if (!k.isScalar() || off < 0 || off >= size)
            return false;
        const long ls = lineStart(text, off);
        if (ls < after || ls <= previous)
            return false;
        const long from = ls == 0 && text.starts_with("\xEF\xBB\xBF") ? 3 : ls;  // a byte order mark
        for (long i = from; i < off; ++i)
            if (text[static_cast<std::size_t>(i)] != ' ')
                return false;
        if (column >= 0 && k.pos().column != column)
            return false;
        column = k.pos().column;
        previous = ls;
    }
    return true;
}

Value* findStages(Value& root) { return root.isMap() ? root.find("stages") : nullptr; }

} // namespace

PipelineDocument::PipelineDocument() : m_savedRoot(Value::null()), m_root(Value::null()) {}

Result<PipelineDocument> PipelineDocument::fromText(std::string text)
{
    YamlDocument parsed = parseYaml(text);
    if (parsed.error)
        return makeError(std::to_string(parsed.error->pos.line) + ":" + std::to_string(parsed.error->pos.column)
                         + ": YAML syntax: " + parsed.error->message);
    if (!parsed.problems.empty())
        return makeError(std::to_string(parsed.problems[0].pos.line) + ":" + std::to_string(parsed.problems[0].pos.column) + ": "
                         + parsed.problems[0].message + "; fix it in a text editor first");
    if (!parsed.root.isMap() && !parsed.root.isNull())
        return makeError("1:1: a pipeline file is a mapping with 'stages:', not " + parsed.root.kindName());
    PipelineDocument doc;
    doc.m_style = detectStyle(text, parsed.root);
    doc.m_saved = std::move(text);
    doc.m_root = parsed.root;
    doc.m_savedRoot = std::move(parsed.root);
    return doc;
}

bool PipelineDocument::modified() const { return !sameValue(m_root, m_savedRoot) || !m_origin.empty(); }

Status PipelineDocument::markSaved(const std::string& text)
{
    auto doc = fromText(text);
    if (!doc)
        return doc.error();
    *this = std::move(*doc);
    return Ok{};
}

bool PipelineDocument::roundTrips(const std::string& text) const
{
    YamlDocument parsed = parseYaml(text);
    return !parsed.error && sameValue(parsed.root.isNull() && m_root.isMap() && m_root.entries().empty() ? m_root : parsed.root, m_root);
}

const Value* PipelineDocument::stagesMap() const
{
    const Value* s = m_root.isMap() ? m_root.find("stages") : nullptr;
    return s && s->isMap() ? s : nullptr;
}

Value* PipelineDocument::stagesMap() { return const_cast<Value*>(static_cast<const PipelineDocument*>(this)->stagesMap()); }

std::vector<std::string> PipelineDocument::stageNames() const
{
    std::vector<std::string> names;
    if (const Value* s = stagesMap())
        for (const auto& [k, v] : s->entries())
            names.push_back(scalarText(k));
    return names;
}

int PipelineDocument::stageCount() const
{
    const Value* s = stagesMap();
    return s ? static_cast<int>(s->entries().size()) : 0;
}

int PipelineDocument::stageIndex(std::string_view name) const
{
    const Value* s = stagesMap();
    if (!s)
        return -1;
    for (std::size_t i = 0; i < s->entries().size(); ++i)
        if (scalarText(s->entries()[i].first) == name)
            return static_cast<int>(i);
    return -1;
}

const Value* PipelineDocument::stage(std::string_view name) const
{
    const int i = stageIndex(name);
    return i < 0 ? nullptr : &stagesMap()->entries()[static_cast<std::size_t>(i)].second;
}

void PipelineDocument::setStage(const std::string& name, Value body, int index)
{
    if (const int i = stageIndex(name); i >= 0) {
        stagesMap()->entries()[static_cast<std::size_t>(i)].second = std::move(body);
        return;
    }
    if (!m_root.isMap())
        m_root = Value::map();
    Value* stages = findStages(m_root);
    if (!stages) {
        m_root.insert(Value::string("stages"), Value::map());
        stages = &m_root.entries().back().second;
    } else if (!stages->isMap()) {
        *stages = Value::map();
    }
    auto& entries = stages->entries();
    const std::size_t at = index < 0 || index > static_cast<int>(entries.size()) ? entries.size() : static_cast<std::size_t>(index);
    entries.insert(entries.begin() + static_cast<long>(at), {Value::string(name), std::move(body)});
}

bool PipelineDocument::removeStage(const std::string& name)
{
    const int i = stageIndex(name);
    if (i < 0)
        return false;
    auto& entries = stagesMap()->entries();
    entries.erase(entries.begin() + i);
    m_origin.erase(name);
    return true;
}

bool PipelineDocument::renameStage(const std::string& from, const std::string& to)
{
    const int i = stageIndex(from);
    if (i < 0 || (from != to && stageIndex(to) >= 0))
        return false;
    if (from == to)
        return true;
    stagesMap()->entries()[static_cast<std::size_t>(i)].first = Value::string(to);
    auto it = m_origin.find(from);
    const std::string origin = it == m_origin.end() ? from : it->second;
    if (it != m_origin.end())
        m_origin.erase(it);
    if (origin != to)
        m_origin[to] = origin;
    return true;
}

void PipelineDocument::splice(std::string& out, const Value& before, const Value& now, long begin, long end, int indent,
                              int depth, const std::map<std::string, std::string>* renames) const
{
    const std::string& text = m_saved;
    const auto& be = before.entries();
    const std::size_t n = be.size();
    std::vector<long> L(n), T(n);
    for (std::size_t i = 0; i < n; ++i)
        L[i] = lineStart(text, be[i].first.pos().offset);
    for (std::size_t i = 0; i < n; ++i)
        T[i] = trimTrailingGap(text, L[i], i + 1 < n ? L[i + 1] : end);
    std::vector<char> used(n, 0);
    out.append(text, static_cast<std::size_t>(begin), static_cast<std::size_t>(L[0] - begin));
    bool any = false;
    for (const auto& [k, v] : now.entries()) {
        const std::string name = scalarText(k);
        std::string origin = name;
        if (renames)
            if (auto it = renames->find(name); it != renames->end())
                origin = it->second;
        std::size_t j = n;
        for (std::size_t i = 0; i < n && j == n; ++i)
            if (!used[i] && be[i].first.isScalar() && scalarText(be[i].first) == origin)
                j = i;
        if (j == n) {
            if (renames && any && m_style.blankBetweenStages)
                out += m_style.newline;
            if (depth == 0 && name == "stages")
                emitStagesEntry(out, k, v, indent, m_style, text);
            else
                emitEntry(out, k, v, indent, m_style, text);
            any = true;
            continue;
        }
        used[j] = 1;
        any = true;
        if (j > 0)
            out.append(text, static_cast<std::size_t>(T[j - 1]), static_cast<std::size_t>(L[j] - T[j - 1]));
        const bool sameKey = origin == name;
        const Value& old = be[j].second;
        if (sameKey && sameValue(v, old)) {
            out.append(text, static_cast<std::size_t>(L[j]), static_cast<std::size_t>(T[j] - L[j]));
            continue;
        }
        const long headerEnd = lineEnd(text, be[j].first.pos().offset);
        if (v.isMap() && !v.entries().empty() && headerEnd <= T[j] && isBlockMap(text, old, headerEnd)) {
            if (!out.empty() && out.back() != '\n')
                out += m_style.newline;
            if (sameKey)
                out.append(text, static_cast<std::size_t>(L[j]), static_cast<std::size_t>(headerEnd - L[j]));
            else
                out += std::string(static_cast<std::size_t>(indent), ' ') + scalarYaml(k) + ":" + m_style.newline;
            const int childIndent = old.entries().front().first.pos().column - 1;
            const bool stagesLevel = depth == 0 && name == "stages";
            splice(out, old, v, headerEnd, T[j], childIndent, depth + 1, stagesLevel ? &m_origin : nullptr);
            continue;
        }
        if (depth == 0 && name == "stages")
            emitStagesEntry(out, k, v, indent, m_style, text);
        else
            emitEntry(out, k, v, indent, m_style, text, &old);
    }
    out.append(text, static_cast<std::size_t>(T[n - 1]), static_cast<std::size_t>(end - T[n - 1]));
}

std::string PipelineDocument::text() const
{
    if (!modified())
        return m_saved;
    const bool rootEmpty = !m_root.isMap() || m_root.entries().empty();
    if (rootEmpty)
        return std::string();  // everything was deleted
    if (isBlockMap(m_saved, m_savedRoot, 0)) {
        std::string out;
        out.reserve(m_saved.size() + 256);
        splice(out, m_savedRoot, m_root, 0, static_cast<long>(m_saved.size()), m_savedRoot.entries().front().first.pos().column - 1,
               0, nullptr);
        return out;
    }
    if (m_savedRoot.isNull()) {  // empty, or only comments
        std::string out = m_saved;
        if (!out.empty() && out.back() != '\n')
            out += m_style.newline;
        return out + emitDocument(m_root, m_style);
    }
    return emitDocument(m_root, m_style);
}

} // namespace cairn::pipeline
