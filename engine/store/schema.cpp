#include "engine/store/schema.h"

#include "engine/store/database.h"

#include <array>
#include <string_view>

namespace cairn::schema {
namespace {

// Migration N takes a database from version N-1 to N. Never edit one that has shipped: add one.
constexpr std::array<std::string_view, 11> kMigrations = {
    // 1: experiments, runs, params, tags, metric points.
    R"sql(
    CREATE TABLE experiments(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_ms INTEGER NOT NULL);
    CREATE TABLE runs(
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        experiment_id INTEGER NOT NULL REFERENCES experiments(id),
        status TEXT NOT NULL CHECK(status IN ('queued','running','finished','failed','killed')),
        start_ms INTEGER NOT NULL DEFAULT 0,
        end_ms INTEGER NOT NULL DEFAULT 0,
        exit_code INTEGER,
        command TEXT NOT NULL DEFAULT '',
        workdir TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        pid INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX runs_by_name ON runs(name);
    CREATE INDEX runs_by_experiment ON runs(experiment_id, start_ms);
    CREATE TABLE params(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY(run, key)) WITHOUT ROWID;
    CREATE TABLE tags(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY(run, key)) WITHOUT ROWID;
    CREATE TABLE metric_keys(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE);
    -- value NULL means NaN: SQLite cannot store a NaN REAL.
    CREATE TABLE metric_points(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        key INTEGER NOT NULL REFERENCES metric_keys(id),
        step INTEGER NOT NULL,
        ts_ms INTEGER NOT NULL,
        value REAL);
    CREATE INDEX metric_points_by_run_key_step ON metric_points(run, key, step);
    )sql",
    // 2: per run and key summaries, so a runs table never scans points. Backfilled.
    R"sql(
    CREATE TABLE metric_summary(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        key INTEGER NOT NULL REFERENCES metric_keys(id),
        last_step INTEGER NOT NULL,
        last_ts_ms INTEGER NOT NULL,
        last_value REAL,
        min_value REAL,
        max_value REAL,
        count INTEGER NOT NULL,
        PRIMARY KEY(run, key)) WITHOUT ROWID;
    INSERT INTO metric_summary(run, key, last_step, last_ts_ms, last_value, min_value, max_value, count)
    SELECT l.run, l.key, l.step, l.ts_ms, l.value, a.mn, a.mx, a.n
    FROM (SELECT run, key, MIN(value) AS mn, MAX(value) AS mx, COUNT(*) AS n
          FROM metric_points GROUP BY run, key) AS a
    JOIN metric_points AS l ON l.rowid = (
        SELECT p.rowid FROM metric_points AS p WHERE p.run = a.run AND p.key = a.key
        ORDER BY p.step DESC, p.rowid DESC LIMIT 1);
    )sql",
    // 3: the engine's job queue, and how much of each run's journal is in the database.
    R"sql(
    CREATE TABLE jobs(
        run INTEGER PRIMARY KEY REFERENCES runs(seq) ON DELETE CASCADE,
        spec TEXT NOT NULL,
        after_run TEXT NOT NULL DEFAULT '',
        gpus TEXT NOT NULL DEFAULT '',
        supervisor_pid INTEGER NOT NULL DEFAULT 0,
        supervisor_start INTEGER NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '');
    ALTER TABLE runs ADD COLUMN journal_offset INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 4: packed blocks of points (engine/store/metric_block.h). metric_points stays as the
    // tail of each series: short stretches land there and are folded into a block once
    // enough have gathered, so existing points need no conversion. `lod` holds the first,
    // lowest, highest and last point of each sixteenth of the block, for zoomed-out charts.
    R"sql(
    CREATE TABLE metric_blocks(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        key INTEGER NOT NULL REFERENCES metric_keys(id),
        seq INTEGER NOT NULL,
        count INTEGER NOT NULL,
        min_step INTEGER NOT NULL,
        max_step INTEGER NOT NULL,
        min_value REAL,
        max_value REAL,
        lod BLOB NOT NULL,     -- before points: reading it never walks the points' overflow pages
        points BLOB NOT NULL,
        PRIMARY KEY(run, key, seq));
    )sql",
    // 5: indexes for the run search language (engine/query): a filter on a param, tag or
    // metric reads the runs matching it from these instead of looking into every run. The
    // summary index covers every statistic a filter can name (last, min, max, count).
    R"sql(
    CREATE INDEX params_by_key_value ON params(key, value);
    CREATE INDEX tags_by_key_value ON tags(key, value);
    CREATE INDEX metric_summary_by_key ON metric_summary(key, last_value, min_value, max_value, count);
    )sql",
    // 6: artifacts (engine/artifacts, docs/artifacts.md): named, typed, numbered versions of
    // objects in artifacts/. `kind` dir means the hash names a directory manifest. run_artifacts
    // links runs to the versions they read (input) and wrote (output), for lineage.
    R"sql(
    CREATE TABLE artifacts(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK(type IN ('dataset','model','file')),
        created_ms INTEGER NOT NULL);
    CREATE TABLE artifact_versions(
        id INTEGER PRIMARY KEY,
        artifact INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        kind TEXT NOT NULL CHECK(kind IN ('file','dir')),
        size INTEGER NOT NULL,
        file_count INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        run INTEGER REFERENCES runs(seq) ON DELETE SET NULL,
        source TEXT NOT NULL DEFAULT '',
        UNIQUE(artifact, version));
    CREATE INDEX artifact_versions_by_hash ON artifact_versions(hash);
    CREATE TABLE run_artifacts(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        version INTEGER NOT NULL REFERENCES artifact_versions(id) ON DELETE CASCADE,
        direction TEXT NOT NULL CHECK(direction IN ('input','output')),
        PRIMARY KEY(run, version, direction)) WITHOUT ROWID;
    CREATE INDEX run_artifacts_by_version ON run_artifacts(version, direction);
    )sql",
    // 7: the model registry (engine/registry, docs/registry.md). Versions are numbered per
    // model and keep a snapshot of their run's params, tags and metric summaries; aliases
    // point at versions and every change of one is kept in alias_history (rollback walks it);
    // promotions to protected aliases wait in promotion_requests for a second person;
    // model_cards holds the written fields of a version's card. audit_events is the
    // tamper-evident trail: each row's hash covers its fields and the previous row's hash,
    // and audit_head holds the newest (seq, hash) so a deleted tail shows too.
    R"sql(
    CREATE TABLE models(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL);
    CREATE TABLE model_versions(
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        version INTEGER NOT NULL,
        run TEXT NOT NULL,
        artifact_version INTEGER REFERENCES artifact_versions(id),
        artifact_hash TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE(model, version));
    CREATE INDEX model_versions_by_run ON model_versions(run);
    CREATE TABLE model_aliases(
        model INTEGER NOT NULL REFERENCES models(id),
        alias TEXT NOT NULL,
        version INTEGER NOT NULL REFERENCES model_versions(id),
        set_ms INTEGER NOT NULL,
        set_by TEXT NOT NULL,
        PRIMARY KEY(model, alias)) WITHOUT ROWID;
    CREATE TABLE alias_history(
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        alias TEXT NOT NULL,
        version INTEGER NOT NULL REFERENCES model_versions(id),
        previous INTEGER REFERENCES model_versions(id),
        action TEXT NOT NULL CHECK(action IN ('alias','promote','rollback')),
        at_ms INTEGER NOT NULL,
        actor TEXT NOT NULL);
    CREATE INDEX alias_history_by_alias ON alias_history(model, alias, id);
    CREATE TABLE promotion_requests(
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL REFERENCES model_versions(id),
        alias TEXT NOT NULL,
        status TEXT NOT NULL CHECK(status IN ('pending','approved','rejected')),
        requested_by TEXT NOT NULL,
        requested_ms INTEGER NOT NULL,
        decided_by TEXT NOT NULL DEFAULT '',
        decided_ms INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        gates TEXT NOT NULL DEFAULT '');
    CREATE TABLE model_cards(
        version INTEGER NOT NULL REFERENCES model_versions(id),
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY(version, field)) WITHOUT ROWID;
    CREATE TABLE audit_events(
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        version INTEGER,
        alias TEXT NOT NULL DEFAULT '',
        before TEXT NOT NULL DEFAULT '',
        after TEXT NOT NULL DEFAULT '',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL);
    CREATE TABLE audit_head(
        id INTEGER PRIMARY KEY CHECK(id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL);
    )sql",
    // 8: datasets of other tools, imported from OpenLineage events (docs/openlineage.md):
    // versions whose bytes are not in artifacts/ (external = 1), and the OpenLineage
    // (namespace, name) each such artifact stands for.
    R"sql(
    ALTER TABLE artifact_versions ADD COLUMN external INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE openlineage_datasets(
        artifact INTEGER PRIMARY KEY REFERENCES artifacts(id) ON DELETE CASCADE,
        namespace TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE(namespace, name));
    )sql",
    // 9: dataset profiles (engine/store/profile_rows.h, docs/artifacts.md), one per profiled
    // object (a CSV file, or a CSV file inside a directory version), keyed by its content hash:
    // a profile is a function of the bytes, so every version holding them shares it.
    R"sql(
    CREATE TABLE dataset_profiles(
        hash TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        rows INTEGER NOT NULL,
        columns INTEGER NOT NULL,
        profile TEXT NOT NULL,
        created_ms INTEGER NOT NULL) WITHOUT ROWID;
    )sql",
    // 10: reports (docs/drift.md): drift, validation and fairness results, optionally attached
    // to a run, with the full JSON and their summary values by name for gates and alerts; and
    // the alerts the engine fired (docs/alerts.md), each rule at most once per `key`.
    R"sql(
    CREATE TABLE reports(
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK(kind IN ('drift','validation','fairness')),
        run INTEGER REFERENCES runs(seq) ON DELETE SET NULL,
        created_ms INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        passed INTEGER NOT NULL,
        body TEXT NOT NULL);
    CREATE INDEX reports_by_run ON reports(run, kind, id);
    CREATE INDEX reports_by_kind ON reports(kind, id);
    CREATE TABLE report_values(
        report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value REAL,
        PRIMARY KEY(report, name)) WITHOUT ROWID;
    CREATE TABLE alerts(
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL,
        condition TEXT NOT NULL,
        run INTEGER REFERENCES runs(seq) ON DELETE CASCADE,
        report INTEGER REFERENCES reports(id) ON DELETE SET NULL,
        value REAL,
        message TEXT NOT NULL,
        fired_ms INTEGER NOT NULL);
    )sql",
    // 11: a run's history (remote jobs, docs/executors.md): connection lost and regained, Slurm
    // states, requeues after preemption. Written from the journal's H records with the offset.
    R"sql(
    CREATE TABLE run_events(
        run INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
        ts_ms INTEGER NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL);
    CREATE INDEX run_events_by_run ON run_events(run, ts_ms);
    )sql",
};

} // namespace

int latestVersion() { return static_cast<int>(kMigrations.size()); }

Result<int> readVersion(Database& db)
{
    auto v = db.queryInt("PRAGMA user_version");
    if (!v)
        return v.error();
    return static_cast<int>(*v);
}

Status migrate(Database& db, int target)
{
    auto current = readVersion(db);
    if (!current)
        return current.error();
    for (int next = *current + 1; next <= target; ++next) {
        Transaction tx(db);
        if (auto s = db.exec(kMigrations[static_cast<std::size_t>(next - 1)]); !s)
            return makeError("migrating the database to schema " + std::to_string(next) + " failed: " + s.message());
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(next)); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
    }
    return Ok{};
}

Status createAtVersion(const std::filesystem::path& path, int version)
{
    if (version < 0 || version > latestVersion())
        return makeError("no schema version " + std::to_string(version));
    auto db = Database::open(path, false, true);
    if (!db)
        return db.error();
    if (auto s = (*db)->exec("PRAGMA journal_mode=WAL"); !s)
        return s;
    return migrate(**db, version);
}

} // namespace cairn::schema
