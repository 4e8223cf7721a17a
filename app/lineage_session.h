// Reads what the lineage view and the artifact panel show, on a worker thread with its own
// read-only Store: a lineage graph (around a run or an artifact version, or the whole
// project), laid out at once by the draft layout and then by Graphviz `dot` (a child process
// of the worker, cached under .cairn/layouts/ by the hash of its input); an artifact's detail
// (versions, manifest, runs, profiles); the list of artifacts. A newer request makes an older
// one's answer stale: it is dropped, and a dot still running for it is stopped.
#pragma once

#include "widgets/lineage/artifact_detail.h"
#include "widgets/lineage/lineage_layout.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace cairn::app {

class LineageWorker;

class LineageSession : public QObject {
    Q_OBJECT
public:
    explicit LineageSession(const QString& projectRoot, QObject* parent = nullptr);
    ~LineageSession() override;

    // `root`: a run (id, prefix or name) or an artifact (NAME, NAME:N, hash); empty: every run
    // and artifact version linked to one. `depth` < 0: no limit.
    void loadGraph(const QString& root, bool upstream, bool downstream, int depth);
    void loadArtifact(const QString& reference);
    void loadArtifacts();

    // The `dot` to run (default: found on PATH; CAIRN_DOT overrides); empty disables Graphviz.
    static QString dotExecutable();

Q_SIGNALS:
    void graphLoaded(const cairn::widgets::LineageLayoutPtr& draft, const QString& rootLabel, bool hasRoot);
    void layoutReady(const cairn::widgets::LineageLayoutPtr& layout);
    void layoutFailed(const QString& message);
    void graphFailed(const QString& message);
    void artifactLoaded(const cairn::widgets::ArtifactDetailPtr& detail);
    void artifactsLoaded(const cairn::widgets::ArtifactListPtr& list);

private:
    QThread* m_thread = nullptr;
    LineageWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<int>> m_graphGeneration;
};

} // namespace cairn::app

Q_DECLARE_METATYPE(cairn::widgets::LineageLayoutPtr)
