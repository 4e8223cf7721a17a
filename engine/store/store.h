// The project database: the only code that speaks SQL lives behind this interface.
// A Store is one SQLite connection; it is not thread-safe (use one per thread).
#pragma once

#include "engine/core/result.h"
#include "engine/store/artifact_rows.h"
#include "engine/store/external_rows.h"
#include "engine/store/lineage_rows.h"
#include "engine/store/registry_rows.h"
#include "engine/store/profile_rows.h"
#include "engine/store/report_rows.h"
#include "engine/store/types.h"

#include <filesystem>
#include <memory>
#include <span>

namespace cairn {

class Database;
namespace blocks { struct Point; }

class Store {
public:
    enum class Mode { ReadOnly, ReadWrite };

    // Opens (ReadWrite: creates and migrates) the database at `path`. A database written by a
    // newer Cairn is refused before anything is written to it.
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& path, Mode mode);
    // True when the database exists with an older schema than this Cairn's: read-only opens
    // refuse it until a writer (the engine, or any writing command) has migrated it.
    static bool needsMigration(const std::filesystem::path& path);
    ~Store();

    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schemaVersion() const;
    const std::filesystem::path& path() const;

    // Changes whenever another connection commits; cheap to poll.
    Result<std::int64_t> dataVersion();

    // --- writing ---------------------------------------------------------------------------
    Result<std::int64_t> ensureExperiment(const std::string& name);
    // Creates the run with status, command and context from `run`; fills run.id when empty.
    Status createRun(Run& run);
    Status setParams(const std::string& runId, const std::map<std::string, std::string>& params);
    Status setTags(const std::string& runId, const std::map<std::string, std::string>& tags);
    // Appends points in one transaction and keeps the per-key summaries current.
    Status appendMetrics(const std::string& runId, std::span<const MetricPoint> points);
    Status setRunPid(const std::string& runId, std::int64_t pid);
    Status finishRun(const std::string& runId, RunStatus status, std::optional<int> exitCode,
                     std::int64_t endMs);

    // --- the engine's queue and ingestion ------------------------------------------------------
    // Creates the run (status queued) and its job in one transaction; fills run.id.
    Status createJob(Run& run, const Job& job);
    Result<std::vector<Job>> activeJobs();   // queued and running, oldest first
    Result<Job> job(const std::string& runId);
    Status markJobStarted(const std::string& runId, std::int64_t supervisorPid, std::int64_t supervisorStart,
                          const std::string& gpus, std::int64_t startMs);
    Status setJobMessage(const std::string& runId, const std::string& message);
    Result<std::uint64_t> journalOffset(const std::string& runId);
    // Applies several runs' journal stretches in ONE transaction, offsets included.
    Status applyIngest(std::span<const IngestBatch> batches);
    // A run's history (remote jobs), oldest first; addRunEvent is for the engine's own notes.
    Result<std::vector<RunEvent>> runEvents(const std::string& runId);
    Status addRunEvent(const std::string& runId, const RunEvent& event);
    // Runs whose status is queued or running (what an engine must follow after a restart).
    Result<std::vector<Run>> unfinishedRuns();

    // --- reading ---------------------------------------------------------------------------
    Result<std::vector<Experiment>> experiments();
    // Filters, sorts and pages in SQL; params, tags and metric summaries are read for the
    // returned runs only.
    Result<std::vector<RunSummary>> runs(const RunFilter& filter = {});
    // How many runs match the filter's experiment and `where` (limit and offset aside).
    Result<std::int64_t> countRuns(const RunFilter& filter = {});
    // runs() and countRuns() in one query: the filter is evaluated once (what a filter box
    // needs at every keystroke).
    Result<RunPage> runPage(const RunFilter& filter);
    // The ids of the runs runs() would return, in the same order, and nothing else: what a
    // table needs to know about every row before it reads any row's values. With `groupField`
    // (a field such as "params.optimizer" or "status") each id comes with the run's value of it.
    Result<std::vector<RunKey>> runKeys(const RunFilter& filter, const std::string& groupField = {});
    // Every param, tag or metric key any run has, sorted (for a column chooser).
    Result<std::vector<std::string>> keys(KeyKind kind);
    // Resolves a full id, a unique id prefix, or a run name (newest run of that name).
    Result<Run> findRun(const std::string& reference);
    Result<std::vector<std::string>> metricKeys(const std::string& runId);
    Result<std::vector<MetricSummary>> metricSummaries(const std::string& runId);
    // Points ordered by key, step, then insertion order; all keys when `key` is empty.
    Result<std::vector<MetricPoint>> metrics(const std::string& runId, const std::string& key = {});
    Result<std::int64_t> metricCount(const std::string& runId, const std::string& key = {});
    // One key's points in `range` (all steps when absent) for a chart `buckets` pixel columns
    // wide. Zoomed out it reads the blocks' level of detail instead of their points, so the
    // cost follows the chart's width rather than the series' length; every spike stays.
    Result<SeriesView> metricView(const std::string& runId, const std::string& key,
                                  std::optional<StepRange> range, std::size_t buckets);

    // --- artifacts (store_artifacts.cpp) -------------------------------------------------------
    // Records a new version of artifact `v.name` (created with `v.type` when new), unless its
    // newest version already has this hash; returns the stored row and sets `created`.
    Result<ArtifactVersion> addArtifactVersion(const ArtifactVersion& v, bool& created);
    // Every version of `name` (every artifact when empty), by name, newest version first.
    Result<std::vector<ArtifactVersion>> artifactVersions(const std::string& name = {});
    // NAME (its newest version), NAME:N, NAME:latest, or a version's hash or unique prefix of one.
    Result<ArtifactVersion> findArtifactVersion(const std::string& reference);
    Result<std::vector<std::string>> artifactNames();

    // --- lineage (store_lineage.cpp) ----------------------------------------------------------
    // Links a run to a version it read ("input") or wrote ("output"); linking twice is a no-op.
    Status linkRunArtifact(const std::string& runId, std::int64_t versionId, const std::string& direction);
    // The graph around a run (`startRunId`) or a version (`startVersionId`): upstream follows
    // edges against the data flow, downstream with it; `maxDepth` < 0 means no limit. Walked
    // breadth-first with a visited set, one indexed lookup per node, so cycles end.
    Result<LineageGraph> lineage(const std::string& startRunId, std::int64_t startVersionId, bool upstream, bool downstream,
                                 int maxDepth);
    // Every link in the project: each run that read or wrote a version and each version a run
    // read or wrote, all at depth 0 (the workbench's whole-project lineage view).
    Result<LineageGraph> lineageAll();
    // The versions a run read and wrote, inputs first, each by artifact name (store_artifacts.cpp).
    Result<std::vector<RunArtifact>> runArtifacts(const std::string& runId);

    // --- other tools' runs and datasets (store_external.cpp, docs/openlineage.md) -------------
    // In one transaction: creates or updates each run (tagged cairn.source=openlineage), finds
    // or creates its datasets (a version Cairn stored from the same path, else an external
    // artifact) and links them. Runs Cairn made itself are left alone and listed in `skipped`.
    Result<ExternalImportResult> importExternalRuns(std::span<const ExternalRun> runs);

    // --- dataset profiles (store_profiles.cpp, docs/artifacts.md) ----------------------------
    // The profile of the object `hash` (a CSV file); stored once, later calls keep the first.
    Status addDatasetProfile(const std::string& hash, const DatasetProfile& profile);
    // nullopt when the object has no profile (not a CSV file, or added before profiles existed).
    Result<std::optional<DatasetProfile>> datasetProfile(const std::string& hash);

    // --- model registry (store_registry.cpp, docs/registry.md) ---------------------------------
    // Every write below appends its audit event(s) in the same transaction as the change.
    struct NewModelVersion {
        std::string model;
        std::string runId;
        std::optional<std::int64_t> artifactVersionId;
        std::string artifactHash;
        std::string snapshot;    // JSON of the run's params, tags, metrics and inputs
        std::string actor;
        std::string auditAfter;  // JSON object merged into the audit event's `after`
    };
    // Creates the model when new; the version is the model's next number (1, 2, 3...).
    Result<ModelVersion> registerModelVersion(const NewModelVersion& v);
    // Points `alias` at `version` and records it in alias_history; action is alias, promote or
    // rollback. `auditExtra` (a JSON object) is merged into the event's `after`.
    Result<AliasChange> moveAlias(const std::string& model, std::int64_t version, const std::string& alias,
                                  const std::string& action, const std::string& actor, const std::string& auditExtra = {});
    Result<PromotionRequest> createPromotionRequest(const std::string& model, std::int64_t version, const std::string& alias,
                                                    const std::string& actor, const std::string& gatesJson);
    // Approving also moves the alias (action promote), in the same transaction.
    Result<PromotionRequest> decidePromotionRequest(std::int64_t id, bool approve, const std::string& actor,
                                                    const std::string& note);
    // Sets the written card fields given (an empty value removes one); no event when nothing changed.
    Status setCardFields(const std::string& model, std::int64_t version, const std::map<std::string, std::string>& fields,
                         const std::string& actor);
    // An event that changes nothing else (a refused promotion, a changed gate configuration).
    Status appendAudit(const AuditEntry& entry);

    Result<std::vector<ModelInfo>> models();
    // The errors name the model, version or alias and suggest a close name.
    Result<ModelInfo> model(const std::string& name);
    Result<std::vector<ModelVersion>> modelVersions(const std::string& name);  // newest first
    Result<ModelVersion> modelVersion(const std::string& name, std::int64_t version);
    Result<ModelVersion> modelVersionByAlias(const std::string& name, const std::string& alias);
    // Oldest first; every alias of the model when `alias` is empty.
    Result<std::vector<AliasChange>> aliasHistory(const std::string& model, const std::string& alias = {});
    Result<std::vector<PromotionRequest>> promotionRequests(bool pendingOnly);
    Result<PromotionRequest> promotionRequest(std::int64_t id);
    Result<std::map<std::string, std::string>> cardFields(const std::string& model, std::int64_t version);
    // Events after `afterSeq` in seq order, at most `limit` (-1: all).
    Result<std::vector<AuditEvent>> auditEvents(std::int64_t afterSeq = 0, std::int64_t limit = -1);
    Result<std::optional<AuditHead>> auditHead();
    Result<std::optional<AuditEvent>> lastAuditEvent(const std::string& action);

    // --- reports (store_reports.cpp) -------------------------------------------------------------
    // Stores a drift, validation or fairness report with its summary values; returns it with
    // its new id (1, 2, ... per project).
    Result<StoredReport> addReport(const StoredReport& report);
    // Newest first; bodies only with filter.withBody.
    Result<std::vector<StoredReport>> reports(const ReportFilter& filter = {});
    Result<StoredReport> report(std::int64_t id);
    // The newest report of `kind` attached to run `runId` (a full id; empty: any run), if any.
    Result<std::optional<StoredReport>> latestReport(const std::string& runId, const std::string& kind);
    // A summary value of the run's newest report of that kind by its full name, e.g.
    // "drift.share" or "fairness.demographic_parity_difference"; empty when the run has no such
    // report or the report no such value (docs/drift.md lists the names).
    Result<std::optional<double>> reportValue(const std::string& runId, const std::string& name);
    // Stores an alert unless one with its key was fired before: the new row, or nullopt.
    Result<std::optional<FiredAlert>> recordAlert(const FiredAlert& alert);
    // Newest first.
    Result<std::vector<FiredAlert>> alerts(int limit = 0);

private:
    Status appendAuditNoTx(const AuditEntry& entry);
    explicit Store(std::unique_ptr<Database> db, std::filesystem::path path, int version);
    Result<std::int64_t> runRowId(const std::string& runId);
    Status appendMetricsNoTx(std::int64_t seq, std::span<const MetricPoint> points);
    Status appendSeries(std::int64_t seq, std::int64_t key, std::vector<blocks::Point>& points);
    Result<std::int64_t> keyId(const std::string& key);
    // The error for a metric block that does not decode, naming file, run, key and block.
    std::string damagedBlock(const std::string& runId, const std::string& key, std::int64_t block,
                             const std::string& why) const;

    std::unique_ptr<Database> m_db;
    std::filesystem::path m_path;
    int m_version = 0;
    std::map<std::string, std::int64_t> m_keyIds;
    std::map<std::string, std::int64_t> m_runRowIds;
};

} // namespace cairn
