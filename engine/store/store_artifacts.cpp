// Store: artifacts and their versions. The bytes live in the object store (engine/artifacts);
// these rows name them, number them and tie them to runs.
#include "engine/store/store.h"

#include "engine/core/clock.h"
#include "engine/core/text.h"
#include "engine/store/database.h"

#include <algorithm>

namespace cairn {
namespace {

#define CAIRN_VERSION_COLUMNS                                                                                    \
    "v.id, a.name, a.type, v.version, v.hash, v.kind, v.size, v.file_count, v.created_ms, "                     \
    "COALESCE(r.id, ''), v.source, v.external, COALESCE(o.namespace, ''), COALESCE(o.name, '')"
#define CAIRN_VERSIONS_FROM                                                                                      \
    " FROM artifact_versions v JOIN artifacts a ON a.id = v.artifact LEFT JOIN runs r ON r.seq = v.run "        \
    "LEFT JOIN openlineage_datasets o ON o.artifact = a.id"
#define CAIRN_SELECT_VERSIONS "SELECT " CAIRN_VERSION_COLUMNS CAIRN_VERSIONS_FROM

ArtifactVersion readVersion(const Statement& st)
{
    ArtifactVersion v;
    v.id = st.int64(0);
    v.name = st.text(1);
    v.type = st.text(2);
    v.version = st.int64(3);
    v.hash = st.text(4);
    v.directory = st.text(5) == "dir";
    v.size = st.int64(6);
    v.fileCount = st.int64(7);
    v.createdMs = st.int64(8);
    v.runId = st.text(9);
    v.source = st.text(10);
    v.external = st.int64(11) != 0;
    v.olNamespace = st.text(12);
    v.olName = st.text(13);
    return v;
}

Result<std::vector<ArtifactVersion>> queryVersions(Database& db, const std::string& sql, const std::string& arg = {},
                                                   std::optional<std::int64_t> arg2 = {})
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    if (!arg.empty())
        st->bind(1, arg);
    if (arg2)
        st->bind(2, *arg2);
    std::vector<ArtifactVersion> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(readVersion(r)); }); !s)
        return s.error();
    return out;
}

} // namespace

Result<ArtifactVersion> Store::addArtifactVersion(const ArtifactVersion& v, bool& created)
{
    created = false;
    if (!isArtifactType(v.type))
        return makeError("artifact type must be dataset, model or file, not '" + v.type + "'");
    Transaction tx(*m_db);
    auto existing = queryVersions(*m_db, CAIRN_SELECT_VERSIONS " WHERE a.name = ? ORDER BY v.version DESC LIMIT 1", v.name);
    if (!existing)
        return existing.error();
    std::int64_t artifactId = 0;
    std::int64_t next = 1;
    if (!existing->empty()) {
        const ArtifactVersion& last = existing->front();
        if (last.type != v.type)
            return makeError("artifact '" + v.name + "' is a " + last.type + ", not a " + v.type
                             + " (leave out --type, or pick another name)");
        if (last.hash == v.hash)
            return last;  // the same content again: no new version
        next = last.version + 1;
    }
    auto ins = m_db->prepare("INSERT INTO artifacts(name, type, created_ms) VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING");
    if (!ins)
        return ins.error();
    ins->bind(1, v.name).bind(2, v.type).bind(3, nowMs());
    if (auto s = ins->run(); !s)
        return s.error();
    auto id = m_db->prepare("SELECT id FROM artifacts WHERE name = ?");
    if (!id)
        return id.error();
    id->bind(1, v.name);
    if (auto s = firstRow(*id, "artifact '" + v.name + "' vanished"); !s)
        return s.error();
    artifactId = id->int64(0);
    std::optional<std::int64_t> runSeq;
    if (!v.runId.empty()) {
        auto seq = runRowId(v.runId);
        if (!seq)
            return seq.error();
        runSeq = *seq;
    }
    auto add = m_db->prepare("INSERT INTO artifact_versions(artifact, version, hash, kind, size, file_count, created_ms, run, source) "
                             "VALUES(?,?,?,?,?,?,?,?,?)");
    if (!add)
        return add.error();
    add->bind(1, artifactId).bind(2, next).bind(3, v.hash).bind(4, std::string_view(v.directory ? "dir" : "file"));
    add->bind(5, v.size).bind(6, v.fileCount).bind(7, nowMs()).bind(8, runSeq).bind(9, v.source);
    if (auto s = add->run(); !s)
        return s.error();
    const std::int64_t versionId = m_db->lastInsertRowId();
    if (runSeq) {
        auto link = m_db->prepare("INSERT OR IGNORE INTO run_artifacts(run, version, direction) VALUES(?, ?, 'output')");
        if (!link)
            return link.error();
        link->bind(1, *runSeq).bind(2, versionId);
        if (auto s = link->run(); !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    created = true;
    auto st = m_db->prepare(CAIRN_SELECT_VERSIONS " WHERE v.id = ?");
    if (!st)
        return st.error();
    st->bind(1, versionId);
    if (auto s = firstRow(*st, "the new version vanished"); !s)
        return s.error();
    return readVersion(*st);
}

Result<std::vector<ArtifactVersion>> Store::artifactVersions(const std::string& name)
{
    if (name.empty())
        return queryVersions(*m_db, CAIRN_SELECT_VERSIONS " ORDER BY a.name, v.version DESC");
    return queryVersions(*m_db, CAIRN_SELECT_VERSIONS " WHERE a.name = ? ORDER BY v.version DESC", name);
}

Result<std::vector<RunArtifact>> Store::runArtifacts(const std::string& runId)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    auto st = m_db->prepare("SELECT " CAIRN_VERSION_COLUMNS ", ra.direction" CAIRN_VERSIONS_FROM
                            " JOIN run_artifacts ra ON ra.version = v.id WHERE ra.run = ? ORDER BY ra.direction = 'output', a.name, v.version");
    if (!st)
        return st.error();
    st->bind(1, *seq);
    std::vector<RunArtifact> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back({r.text(14), readVersion(r)}); }); !s)
        return s.error();
    return out;
}

Result<std::vector<std::string>> Store::artifactNames()
{
    auto st = m_db->prepare("SELECT name FROM artifacts ORDER BY name");
    if (!st)
        return st.error();
    std::vector<std::string> out;
    if (auto s = forEachRow(*st, [&](const Statement& r) { out.push_back(r.text(0)); }); !s)
        return s.error();
    return out;
}

Result<ArtifactVersion> Store::findArtifactVersion(const std::string& reference)
{
    if (reference.empty())
        return makeError("empty artifact reference");
    // NAME:VERSION (names may not contain ':' for this reason).
    std::string name = reference;
    std::optional<std::int64_t> version;
    if (auto colon = reference.rfind(':'); colon != std::string::npos) {
        name = reference.substr(0, colon);
        const std::string v = reference.substr(colon + 1);
        if (v != "latest") {
            if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
                return makeError("'" + reference + "': the version after ':' must be a number or 'latest'");
            version = std::stoll(v);
        }
    }
    auto byName = version ? queryVersions(*m_db, CAIRN_SELECT_VERSIONS " WHERE a.name = ?1 AND v.version = ?2", name, version)
                          : queryVersions(*m_db, CAIRN_SELECT_VERSIONS " WHERE a.name = ? ORDER BY v.version DESC LIMIT 1", name);
    if (!byName)
        return byName.error();
    if (!byName->empty())
        return byName->front();
    if (version) {
        auto any = artifactVersions(name);
        if (any && !any->empty())
            return makeError("artifact '" + name + "' has no version " + std::to_string(*version) + " (its newest is "
                             + std::to_string(any->front().version) + ")");
    }
    // A hash or a unique prefix of one (4 digits at least), newest version first.
    const bool hex = !version && reference.size() >= 4 && reference.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (hex) {
        auto found = queryVersions(*m_db, CAIRN_SELECT_VERSIONS " WHERE v.hash >= ?1 AND v.hash < ?1 || 'g' ORDER BY v.id DESC",
                                   reference);
        if (!found)
            return found.error();
        std::vector<std::string> hashes;
        for (const auto& f : *found) {
            if (std::find(hashes.begin(), hashes.end(), f.hash) == hashes.end())
                hashes.push_back(f.hash);
        }
        if (hashes.size() == 1)
            return found->front();
        if (hashes.size() > 1)
            return makeError("artifact reference '" + reference + "' is ambiguous: it matches " + hashes[0].substr(0, 12) + ", "
                             + hashes[1].substr(0, 12) + (hashes.size() > 2 ? ", ..." : "") + "; give more digits");
    }
    auto names = artifactNames();
    std::string hint = names ? didYouMean(name, *names) : std::string();
    return makeError("no artifact matches '" + reference + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")
                     + "; 'cairn artifact list' lists them");
}

} // namespace cairn
