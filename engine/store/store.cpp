#include "engine/store/store.h"

#include "engine/core/ids.h"
#include "engine/core/clock.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/search_functions.h"


namespace cairn {

Store::Store(std::unique_ptr<Database> db, std::filesystem::path path, int version)
    : m_db(std::move(db)), m_path(std::move(path)), m_version(version)
{
}

Store::~Store() = default;

bool Store::needsMigration(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return false;
    auto db = Database::open(path, true, false);
    if (!db)
        return false;
    auto version = schema::readVersion(**db);
    return version && *version < schema::latestVersion();
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& path, Mode mode)
{
    const bool readOnly = mode == Mode::ReadOnly;
    std::error_code ec;
    if (readOnly && !std::filesystem::exists(path, ec))
        return makeError("no project database at " + path.string() + " (run 'cairn init' to create a project)");
    auto db = Database::open(path, readOnly, !readOnly);
    if (!db)
        return db.error();
    // Check the version before writing anything: a newer database must stay untouched.
    auto version = schema::readVersion(**db);
    if (!version)
        return makeError(path.string() + " is not a Cairn database: " + version.message());
    if (*version > schema::latestVersion()) {
        return makeError(path.string() + " was written by a newer Cairn (schema version " + std::to_string(*version)
                         + "; this Cairn knows up to " + std::to_string(schema::latestVersion())
                         + "). Upgrade Cairn to open it; the file was not modified.");
    }
    if (readOnly) {
        if (*version < schema::latestVersion()) {
            return makeError(path.string() + " uses schema version " + std::to_string(*version)
                             + " of an older Cairn and needs upgrading; 'cairn engine start' in the project upgrades it");
        }
    } else {
        if (auto s = (*db)->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384;"); !s)
            return s.error();
        if (auto s = schema::migrate(**db, schema::latestVersion()); !s)
            return s.error();
    }
    if (readOnly) {  // the page cache is per connection; readers query runs tables too
        if (auto s = (*db)->exec("PRAGMA cache_size=-32768"); !s)
            return s.error();
    }
    registerSearchFunctions((*db)->handle());
    return std::unique_ptr<Store>(new Store(std::move(*db), path, schema::latestVersion()));
}

int Store::schemaVersion() const { return m_version; }
const std::filesystem::path& Store::path() const { return m_path; }

Result<std::int64_t> Store::dataVersion() { return m_db->queryInt("PRAGMA data_version"); }

Result<std::int64_t> Store::ensureExperiment(const std::string& name)
{
    auto ins = m_db->prepare("INSERT INTO experiments(name, created_ms) VALUES(?, ?) ON CONFLICT(name) DO NOTHING");
    if (!ins)
        return ins.error();
    ins->bind(1, name).bind(2, nowMs());
    if (auto s = ins->run(); !s)
        return s.error();
    auto sel = m_db->prepare("SELECT id FROM experiments WHERE name = ?");
    if (!sel)
        return sel.error();
    sel->bind(1, name);
    auto row = sel->step();
    if (!row)
        return row.error();
    return sel->int64(0);
}

Status Store::createRun(Run& run)
{
    if (run.id.empty())
        run.id = newRunId();
    if (run.experiment.empty())
        run.experiment = "default";
    auto exp = ensureExperiment(run.experiment);
    if (!exp)
        return exp.error();
    Transaction tx(*m_db);
    auto st = m_db->prepare(
        "INSERT INTO runs(id, name, experiment_id, status, start_ms, end_ms, exit_code, command, workdir, host, user, pid)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st)
        return st.error();
    st->bind(1, run.id).bind(2, run.name).bind(3, *exp).bind(4, toString(run.status)).bind(5, run.startMs)
        .bind(6, run.endMs).bind(7, run.exitCode).bind(8, run.command).bind(9, run.workdir).bind(10, run.host)
        .bind(11, run.user).bind(12, run.pid);
    if (auto s = st->run(); !s)
        return s;
    m_runRowIds[run.id] = m_db->lastInsertRowId();
    if (auto s = setParams(run.id, run.params); !s)
        return s;
    if (auto s = setTags(run.id, run.tags); !s)
        return s;
    return tx.commit();
}

Result<std::int64_t> Store::runRowId(const std::string& runId)
{
    if (auto it = m_runRowIds.find(runId); it != m_runRowIds.end())
        return it->second;
    auto st = m_db->prepare("SELECT seq FROM runs WHERE id = ?");
    if (!st)
        return st.error();
    st->bind(1, runId);
    if (auto s = firstRow(*st, "no run with id " + runId); !s)
        return s.error();
    return m_runRowIds[runId] = st->int64(0);
}

Result<std::int64_t> Store::keyId(const std::string& key)
{
    if (auto it = m_keyIds.find(key); it != m_keyIds.end())
        return it->second;
    auto ins = m_db->prepare("INSERT INTO metric_keys(name) VALUES(?) ON CONFLICT(name) DO NOTHING");
    if (!ins)
        return ins.error();
    ins->bind(1, key);
    if (auto s = ins->run(); !s)
        return s.error();
    auto sel = m_db->prepare("SELECT id FROM metric_keys WHERE name = ?");
    if (!sel)
        return sel.error();
    sel->bind(1, key);
    auto row = sel->step();
    if (!row)
        return row.error();
    return m_keyIds[key] = sel->int64(0);
}

Status Store::setParams(const std::string& runId, const std::map<std::string, std::string>& params)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    return upsertPairs(*m_db, "params", *seq, params.begin(), params.end());
}

Status Store::setTags(const std::string& runId, const std::map<std::string, std::string>& tags)
{
    auto seq = runRowId(runId);
    if (!seq)
        return seq.error();
    return upsertPairs(*m_db, "tags", *seq, tags.begin(), tags.end());
}

Status Store::setRunPid(const std::string& runId, std::int64_t pid)
{
    auto st = m_db->prepare("UPDATE runs SET pid = ? WHERE id = ?");
    if (!st)
        return st.error();
    st->bind(1, pid).bind(2, runId);
    return st->run();
}

Status Store::finishRun(const std::string& runId, RunStatus status, std::optional<int> exitCode, std::int64_t endMs)
{
    auto st = m_db->prepare("UPDATE runs SET status = ?, exit_code = ?, end_ms = ? WHERE id = ?");
    if (!st)
        return st.error();
    st->bind(1, toString(status)).bind(2, exitCode).bind(3, endMs).bind(4, runId);
    return st->run();
}

} // namespace cairn
