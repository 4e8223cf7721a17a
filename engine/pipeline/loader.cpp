// Loading: YAML -> top-level checks -> variables (params.yaml, vars) -> one or many stages
// per `stages:` entry (foreach, matrix) with `${...}` resolved -> stage fields -> spans.
#include "engine/pipeline/loader.h"
#include "engine/pipeline/loader_internal.h"
#include "engine/pipeline/yaml_value.h"

#include "engine/core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cairn::pipeline {

using detail::LoadState;
using detail::Loader;

namespace {

const std::vector<std::string> kTopKeys = {"stages", "vars", "params", "metrics", "plots", "artifacts", "datasets"};

bool anyPlaceholder(const Value& v)
{
    if (v.isString())
        return hasPlaceholders(v.text());
    for (const auto& item : v.items())
        if (anyPlaceholder(item))
            return true;
    for (const auto& [k, item] : v.entries())
        if (anyPlaceholder(k) || anyPlaceholder(item))
            return true;
    return false;
}

std::string joinWords(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

long lineStart(const std::string& text, long offset)
{
    if (offset <= 0)
        return 0;
    const auto nl = text.rfind('\n', static_cast<std::size_t>(offset - 1));
    return nl == std::string::npos ? 0 : static_cast<long>(nl) + 1;
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

} // namespace

namespace detail {

// vars: [file, file:key1,key2, {name: value}] merged into `ctx`.
void Loader::loadVars(const Value& vars, VarContext& ctx, const std::string& base, const std::string& field,
                      const std::string& stageName, bool reserveItemKey)
{
    if (vars.isNull())
        return;
    if (!vars.isList()) {
        st.error(vars.pos(), field, "must be a list of params files and mappings, not " + vars.kindName());
        return;
    }
    for (std::size_t i = 0; i < vars.items().size(); ++i) {
        const Value& item = vars.items()[i];
        const std::string f = field + "[" + std::to_string(i) + "]";
        const std::string source = (stageName.empty() ? "" : stageName + ".") + "vars[" + std::to_string(i) + "]";
        if (anyPlaceholder(item)) {
            st.error(item.pos(), f, "interpolation ('${...}') is not allowed in vars");
            continue;
        }
        Value merged;
        std::string sourceName = source;
        if (item.isString()) {
            const std::string& spec = item.text();
            const auto colon = spec.find(':');
            const std::string path = spec.substr(0, colon);
            std::vector<std::string> keys;
            if (colon != std::string::npos) {
                std::size_t at = colon + 1;
                while (at <= spec.size()) {
                    auto comma = spec.find(',', at);
                    if (comma == std::string::npos)
                        comma = spec.size();
                    if (comma > at)
                        keys.push_back(spec.substr(at, comma - at));
                    at = comma + 1;
                }
            }
            if (path.empty()) {
                st.error(item.pos(), f, "a vars entry names a params file, such as params.yaml or config.yaml:train,data");
                continue;
            }
            const std::string rel = normalizePath(base.empty() ? path : base + "/" + path);
            bool already = false;
            if (auto err = ctx.noteImport(rel, keys, already); !err.empty()) {
                st.error(item.pos(), f, err);
                continue;
            }
            if (already)
                continue;
            std::string err;
            const Value* file = st.yamlFile(rel, err);
            if (!file) {
                st.error(item.pos(), f, err);
                continue;
            }
            sourceName = rel;
            if (keys.empty()) {
                merged = *file;
            } else {
                merged = Value::map(file->pos());
                bool ok = true;
                for (const auto& k : keys) {
                    const Value* v = file->find(k);
                    if (!v) {
                        std::string hint = didYouMean(k, [&] {
                            std::vector<std::string> names;
                            for (const auto& [kk, vv] : file->entries())
                                names.push_back(scalarText(kk));
                            return names;
                        }());
                        st.error(item.pos(), f, "could not find '" + k + "' in '" + st.display(rel) + "'"
                                                    + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
                        ok = false;
                        continue;
                    }
                    merged.insert(Value::string(k), *v);
                }
                if (!ok)
                    continue;
            }
        } else if (item.isMap()) {
            merged = item;
        } else {
            st.error(item.pos(), f, "must be a params file name or a mapping of values, not " + item.kindName());
            continue;
        }
        if (reserveItemKey) {
            for (const char* reserved : {"item", "key"})
                if (merged.find(reserved)) {
                    st.error(item.pos(), f, std::string("'") + reserved + "' is reserved in foreach and matrix stages; rename the variable");
                    merged = Value::map();
                }
        }
        if (auto err = ctx.merge(merged, sourceName); !err.empty())
            st.error(item.pos(), f, err);
    }
}

void Loader::loadGlobals(const Value& root)
{
    if (st.files.exists(st.spec.root / "params.yaml")) {
        std::string err;
        bool already = false;
        (void)globals.noteImport("params.yaml", {}, already);
        // Problems of params.yaml itself are reported in its own name.
        if (const Value* params = st.yamlFile("params.yaml", err)) {
            if (auto merr = globals.merge(*params, "params.yaml"); !merr.empty())
                st.diags.error(st.display("params.yaml"), params->pos(), "", merr);
        } else if (!err.ends_with("is not valid YAML")) {
            st.diags.error(st.display("params.yaml"), {1, 1, 0}, "", err);
        }
    }
    if (const Value* vars = root.find("vars"))
        loadVars(*vars, globals, "", "vars", "", false);
    st.spec.variables = globals.root();
}

// One stage from `tmpl` (a stage mapping) with item/key set for generated stages.
void Loader::generate(int entryIndex, const Value& tmpl, const std::string& prefix, const std::string& name,
                      const std::string& key, const Value* item, const Value* keyValue)
{
    StageEntry& entry = st.spec.entries[static_cast<std::size_t>(entryIndex)];
    Stage stage;
    stage.name = name;
    stage.entry = entry.name;
    stage.key = key;
    stage.entryIndex = entryIndex;
    stage.pos = entry.pos;
    const bool generated = item != nullptr;

    Scope scope{&globals.root(), item, keyValue};
    std::optional<VarContext> local;
    const Value* vars = tmpl.find("vars");
    if (vars && !(vars->isList() && vars->items().empty()) && !vars->isNull()) {
        local = globals;
        std::string base;
        if (const Value* w = tmpl.find("wdir"); w && w->isString()) {
            std::vector<ResolveProblem> problems;
            Value wr = resolveValue(*w, scope, "wdir", problems);
            if (problems.empty() && wr.isString())
                base = normalizePath(wr.text()) == "." ? "" : normalizePath(wr.text());
        }
        loadVars(*vars, *local, base, prefix + ".vars", name, generated);
        scope.vars = &local->root();
    }

    Value resolved = Value::map(tmpl.pos());
    for (const auto& [k, v] : tmpl.entries()) {
        const std::string field = scalarText(k);
        if (field == "matrix" && entry.kind == StageEntry::Kind::Matrix)
            continue;  // expanded already
        if (field == "vars") {  // loaded above, never interpolated
            resolved.insert(k, v);
            continue;
        }
        std::vector<ResolveProblem> problems;
        Value rv = resolveValue(v, scope, field, problems);
        st.report(problems, prefix + "." + field, generated ? name : std::string());
        resolved.insert(k, std::move(rv));
    }
    detail::parseStageFields(st, resolved, stage, prefix);

    if (st.spec.byName.count(stage.name)) {
        st.error(entry.pos, prefix, "stage '" + stage.name + "' is defined twice");
        return;
    }
    const int index = static_cast<int>(st.spec.stages.size());
    st.spec.byName.emplace(stage.name, index);
    entry.stages.push_back(index);
    st.spec.stages.push_back(std::move(stage));
}

void Loader::stages(const Value& stagesValue)
{
    if (stagesValue.isNull()) {
        st.warning(stagesValue.pos(), "stages", "the pipeline has no stages");
        return;
    }
    if (!stagesValue.isMap()) {
        st.error(stagesValue.pos(), "stages", "must be a mapping of stage names to stages, not " + stagesValue.kindName());
        return;
    }
    if (stagesValue.entries().empty())
        st.warning(stagesValue.pos(), "stages", "the pipeline has no stages");
    for (const auto& [k, body] : stagesValue.entries()) {
        StageEntry entry;
        entry.name = scalarText(k);
        entry.pos = k.pos();
        const std::string prefix = "stages." + entry.name;
        const int entryIndex = static_cast<int>(st.spec.entries.size());
        bool skip = false;
        if (!k.isScalar() || entry.name.empty()) {
            st.error(k.pos(), "stages", "a stage name must be a non-empty string");
            skip = true;
        } else if (entry.name.find_first_of("@:/\\") != std::string::npos) {
            st.error(k.pos(), prefix, "a stage name cannot contain '@', ':', '/' or '\\' ('" + entry.name
                                          + "'): '@' names generated stages and ':' separates file and stage");
            skip = true;
        }
        if (!skip && !body.isMap()) {
            st.error(body.isNull() ? k.pos() : body.pos(), prefix, "must be a stage mapping with at least 'cmd', not " + body.kindName());
            skip = true;
        }
        if (!skip) {
            if (body.find("matrix"))
                entry.kind = StageEntry::Kind::Matrix;
            else if (body.find("foreach") || body.find("do"))
                entry.kind = StageEntry::Kind::Foreach;
        }
        st.spec.entries.push_back(entry);
        if (skip)
            continue;
        if (entry.kind == StageEntry::Kind::Matrix)
            matrixEntry(entryIndex, body, prefix);
        else if (entry.kind == StageEntry::Kind::Foreach)
            foreachEntry(entryIndex, body, prefix);
        else
            generate(entryIndex, body, prefix, entry.name, {}, nullptr, nullptr);
    }
}

void Loader::topLevel(const Value& root)
{
    for (const auto& [k, v] : root.entries()) {
        const std::string key = scalarText(k);
        if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end()) {
            std::string hint = didYouMean(key, kTopKeys);
            st.error(k.pos(), key, "unknown key '" + key + "' at the top level"
                                       + (hint.empty() ? " (expected " + joinWords(kTopKeys) + ")" : " (did you mean '" + hint + "'?)"));
            continue;
        }
        auto listOf = [&](const char* what, bool stringsOnly) {
            if (!v.isList() && !v.isNull()) {
                st.error(v.pos(), key, std::string("must be a list of ") + what + ", not " + v.kindName());
                return;
            }
            if (stringsOnly)
                for (std::size_t i = 0; i < v.items().size(); ++i)
                    if (!v.items()[i].isString())
                        st.error(v.items()[i].pos(), key + "[" + std::to_string(i) + "]",
                                 std::string("must be a file name, not ") + v.items()[i].kindName());
        };
        if (key == "params" || key == "metrics")
            listOf("files", true);
        else if (key == "plots" && !v.isMap())
            listOf("plots", false);
        else if (key == "datasets")
            listOf("datasets", false);
        else if (key == "artifacts" && !v.isMap() && !v.isNull())
            st.error(v.pos(), key, "must be a mapping of artifact names to {path: ...}, not " + v.kindName());
    }
}

void Loader::spans(const Value& root, const Value& stagesValue, std::size_t stagesIndex)
{
    const std::string& text = st.spec.text;
    const long size = static_cast<long>(text.size());
    const bool flow = stagesValue.pos().offset >= 0 && stagesValue.pos().offset < size
                      && (text[static_cast<std::size_t>(stagesValue.pos().offset)] == '{');
    if (flow || !stagesValue.isMap() || stagesValue.entries().empty()) {
        for (auto& e : st.spec.entries)
            e.lineSpan = false;
        return;
    }
    // The stages mapping ends where the next top-level key's line begins, or at the end.
    long mapEnd = size;
    if (stagesIndex + 1 < root.entries().size() && root.entries()[stagesIndex + 1].first.pos().offset >= 0)
        mapEnd = lineStart(text, root.entries()[stagesIndex + 1].first.pos().offset);
    const auto& entries = stagesValue.entries();
    for (std::size_t i = 0; i < entries.size() && i < st.spec.entries.size(); ++i) {
        const long begin = lineStart(text, entries[i].first.pos().offset);
        const long next = i + 1 < entries.size() ? lineStart(text, entries[i + 1].first.pos().offset) : mapEnd;
        st.spec.entries[i].span = {begin, trimTrailingGap(text, begin, std::max(begin, next))};
    }
    st.spec.stagesSpan = {lineStart(text, root.entries()[stagesIndex].first.pos().offset), st.spec.entries.back().span.end};
}


SourcePos LoadState::posInString(const Value& str, std::size_t index) const
{
    const SourcePos p = str.pos();
    if (!p.known() || p.offset < 0 || index == 0)
        return p;
    const std::string& text = spec.text;
    const std::string& s = str.text();
    std::size_t off = static_cast<std::size_t>(p.offset);
    if (off < text.size() && (text[off] == '"' || text[off] == '\''))
        ++off;
    if (index > s.size() || s.find('\n') < index || off + index > text.size() || text.compare(off, index, s, 0, index) != 0)
        return p;
    return {p.line, p.column + static_cast<int>(off - static_cast<std::size_t>(p.offset) + index), static_cast<long>(off + index)};
}

void LoadState::report(const std::vector<ResolveProblem>& problems, const std::string& field, const std::string& stageName)
{
    for (const auto& pr : problems) {
        Value s = Value::string(pr.text, pr.pos);
        std::string msg = pr.error.message;
        const bool aboutItem = msg.starts_with("undefined variable 'item") || msg.starts_with("undefined variable 'key");
        if (!stageName.empty() && aboutItem)
            msg += " (in stage '" + stageName + "')";
        error(posInString(s, pr.error.index), field, msg);
    }
}

const Value* LoadState::yamlFile(const std::string& rel, std::string& err)
{
    auto it = yamlCache.find(rel);
    if (it == yamlCache.end()) {
        std::optional<Value> parsed;
        const std::string shown = display(rel);
        if (rel.ends_with(".toml") || rel.ends_with(".py")) {
            err = "'" + shown + "': Cairn reads YAML and JSON params files (not TOML or Python ones)";
        } else if (auto bytes = files.read(spec.root / rel); !bytes) {
            err = "'" + shown + "' does not exist";
        } else {
            YamlDocument doc = parseYaml(*bytes);
            if (doc.error) {
                diags.error(shown, doc.error->pos, "", doc.error->message);
                err = "'" + shown + "' is not valid YAML";
            } else if (!doc.root.isMap() && !doc.root.isNull()) {
                err = "expected a mapping in '" + shown + "', got " + doc.root.kindName();
            } else {
                for (const auto& pr : doc.problems)
                    diags.error(shown, pr.pos, "", pr.message);
                parsed = doc.root.isNull() ? Value::map() : std::move(doc.root);
            }
        }
        it = yamlCache.emplace(rel, std::move(parsed)).first;
        if (!it->second)
            yamlErrors[rel] = err;
    }
    if (!it->second) {
        err = yamlErrors[rel];
        return nullptr;
    }
    return &*it->second;
}

} // namespace detail

std::filesystem::path pipelineRoot(const std::filesystem::path& file, const SourceFiles& files)
{
    std::filesystem::path abs = std::filesystem::absolute(file).lexically_normal();
    std::filesystem::path dir = abs.parent_path();
    if (dir.filename() == "pipelines" && files.exists(dir.parent_path() / "cairn.yaml"))
        return dir.parent_path();
    return dir;
}

std::optional<double> parseDuration(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    double total = 0;
    std::size_t i = 0;
    bool any = false;
    while (i < text.size()) {
        std::size_t start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        double n = 0;
        auto [p, ec] = std::from_chars(text.data() + start, text.data() + i, n);
        if (ec != std::errc() || p != text.data() + i)
            return std::nullopt;
        double unit = 1;
        if (i < text.size()) {
            const char u = text[i++];
            if (u == 's') unit = 1;
            else if (u == 'm') unit = 60;
            else if (u == 'h') unit = 3600;
            else if (u == 'd') unit = 86400;
            else return std::nullopt;
        } else if (any) {
            return std::nullopt;  // "1h30" is ambiguous
        }
        total += n * unit;
        any = true;
    }
    return total;
}

LoadResult loadPipelineText(std::string text, const std::string& displayName, const std::filesystem::path& root,
                            const SourceFiles& files)
{
    LoadResult r;
    PipelineSpec& spec = r.spec;
    spec.file = displayName;
    spec.root = root;
    spec.dvc = std::filesystem::path(displayName).filename() == "dvc.yaml";
    spec.text = std::move(text);
    spec.variables = Value::map();

    std::string displayDir = std::filesystem::path(displayName).parent_path().generic_string();
    if (std::filesystem::path(displayName).parent_path().filename() == "pipelines" && root != std::filesystem::absolute(displayName).parent_path())
        displayDir = std::filesystem::path(displayDir).parent_path().generic_string();
    if (!displayDir.empty())
        displayDir += "/";
    LoadState st{spec, r.diagnostics, files, displayDir, {}, {}};

    YamlDocument doc = parseYaml(spec.text);
    if (doc.error) {
        st.error(doc.error->pos, "", "YAML syntax: " + doc.error->message);
        r.diagnostics.sort();
        return r;
    }
    for (const auto& pr : doc.problems)
        st.error(pr.pos, "", pr.message);
    spec.document = std::move(doc.root);
    const Value& root0 = spec.document;
    if (root0.isNull()) {
        st.warning({1, 1, 0}, "", "the file is empty: no stages");
        r.diagnostics.sort();
        return r;
    }
    if (!root0.isMap()) {
        st.error(root0.pos(), "", "a pipeline file is a mapping with 'stages:' (and optionally 'vars:'), not " + root0.kindName());
        r.diagnostics.sort();
        return r;
    }
    Loader loader{st, {}};
    loader.topLevel(root0);
    loader.loadGlobals(root0);
    std::size_t stagesIndex = root0.entries().size();
    for (std::size_t i = 0; i < root0.entries().size(); ++i)
        if (scalarText(root0.entries()[i].first) == "stages") {
            stagesIndex = i;
            break;
        }
    if (stagesIndex == root0.entries().size()) {
        st.warning({1, 1, 0}, "", "the file has no 'stages:'");
    } else {
        const Value& stagesValue = root0.entries()[stagesIndex].second;
        loader.stages(stagesValue);
        loader.spans(root0, stagesValue, stagesIndex);
    }
    r.diagnostics.sort();
    return r;
}

LoadResult loadPipeline(const std::string& file, const SourceFiles& files)
{
    const std::filesystem::path root = pipelineRoot(file, files);
    auto bytes = files.read(file);
    if (!bytes) {
        LoadResult r;
        r.spec.file = file;
        r.spec.root = root;
        r.diagnostics.error(file, {}, "", "cannot read the file (missing, a folder, or no permission)");
        return r;
    }
    return loadPipelineText(std::move(*bytes), file, root, files);
}

} // namespace cairn::pipeline
