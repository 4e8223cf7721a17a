#include "app/lineage_session.h"

#include "engine/artifacts/manifest.h"
#include "engine/artifacts/object_store.h"
#include "engine/store/project.h"
#include "engine/store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaObject>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <map>
#include <optional>

namespace cairn::app {

using widgets::ArtifactDetail;
using widgets::LineageLayout;

// Lives on the session's thread; every slot runs there.
class LineageWorker : public QObject {
    Q_OBJECT
public:
    explicit LineageWorker(std::shared_ptr<std::atomic<int>> generation) : m_generation(std::move(generation)) {}

    void open(const QString& root)
    {
        auto project = Project::open(root.toStdString());
        if (!project) {
            m_error = QString::fromStdString(project.message());
            return;
        }
        m_project = *project;
        auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        if (!store) {
            m_error = QString::fromStdString(store.message());
            return;
        }
        m_store = std::move(*store);
    }

    void loadGraph(int generation, const QString& rootRef, bool up, bool down, int depth)
    {
        if (!m_store) {
            Q_EMIT graphFailed(m_error);
            return;
        }
        QElapsedTimer timer;
        timer.start();
        const std::string ref = rootRef.toStdString();
        Result<LineageGraph> graph = makeError("");
        QString label;
        bool hasRoot = !ref.empty();
        if (!hasRoot) {
            graph = m_store->lineageAll();
            label = tr("the project");
        } else if (auto v = m_store->findArtifactVersion(ref)) {
            graph = m_store->lineage({}, v->id, up, down, depth);
            label = QString::fromStdString(v->name + ":" + std::to_string(v->version));
        } else if (auto r = m_store->findRun(ref)) {
            graph = m_store->lineage(r->id, 0, up, down, depth);
            label = tr("run %1").arg(QString::fromStdString(r->name));
        } else {
            Q_EMIT graphFailed(tr("Nothing in this project is called '%1'.").arg(rootRef));
            return;
        }
        if (!graph) {
            Q_EMIT graphFailed(QString::fromStdString(graph.message()));
            return;
        }
        auto draft = std::make_shared<LineageLayout>(widgets::layoutFrom(*graph, hasRoot));
        markExternal(*draft, *graph);
        widgets::draftLayout(*draft);
        draft->seconds = timer.elapsed() / 1000.0;
        if (m_generation->load() != generation)
            return;
        const QString dot = LineageSession::dotExecutable();
        draft->note = dot.isEmpty() ? tr("draft layout: Graphviz 'dot' was not found (install graphviz)") : tr("draft layout");
        Q_EMIT graphLoaded(draft, label, hasRoot);
        if (dot.isEmpty() || draft->nodes.empty())
            return;
        layOut(generation, dot, *draft);
    }

    void loadArtifact(const QString& reference)
    {
        auto detail = std::make_shared<ArtifactDetail>();
        if (!m_store) {
            detail->error = m_error;
            Q_EMIT artifactLoaded(detail);
            return;
        }
        auto v = m_store->findArtifactVersion(reference.toStdString());
        if (!v) {
            detail->error = QString::fromStdString(v.message());
            Q_EMIT artifactLoaded(detail);
            return;
        }
        detail->version = *v;
        if (auto all = m_store->artifactVersions(v->name))
            detail->versions = *all;
        artifacts::ObjectStore objects(m_project->artifactsDir());
        detail->stored = v->external || objects.contains(v->hash);
        std::vector<std::pair<std::string, std::string>> csvFiles;  // path in the version, object hash
        if (v->directory && detail->stored) {
            auto text = objects.readObject(v->hash);
            auto manifest = text ? artifacts::decodeManifest(*text, v->hash) : Result<artifacts::Manifest>(text.error());
            if (!manifest) {
                detail->error = QString::fromStdString(manifest.message());
            } else {
                detail->totalFiles = manifest->entries.size();
                constexpr std::size_t kShown = 20000;
                for (const auto& e : manifest->entries) {
                    using T = artifacts::ManifestEntry::Type;
                    if (e.type == T::File && (e.path.ends_with(".csv") || e.path.ends_with(".CSV")))
                        csvFiles.push_back({e.path, e.sha256});
                    if (detail->files.size() >= kShown)
                        continue;
                    detail->files.push_back({e.path, e.type == T::File ? "file" : e.type == T::Dir ? "dir" : "link", e.size, e.sha256,
                                             e.target});
                }
            }
        } else if (!v->external) {
            detail->files.push_back({v->source.empty() ? v->name : v->source, "file", static_cast<std::uint64_t>(v->size), v->hash, {}});
            detail->totalFiles = 1;
            csvFiles.push_back({{}, v->hash});
        }
        if (auto g = m_store->lineage({}, v->id, true, true, 1))
            for (const LineageNode& n : g->nodes)
                if (n.isRun)
                    for (const LineageEdge& e : g->edges)
                        if (e.from == n.id || e.to == n.id)
                            detail->runs.push_back({n.id, n.name, n.detail, e.direction});
        for (const auto& [path, hash] : csvFiles) {
            if (detail->profiles.size() >= 200)
                break;
            if (auto p = m_store->datasetProfile(hash); p && *p)
                detail->profiles.push_back({path, **p});
        }
        Q_EMIT artifactLoaded(detail);
    }

    void loadArtifacts()
    {
        auto list = std::make_shared<std::vector<widgets::ArtifactSummary>>();
        if (m_store)
            if (auto versions = m_store->artifactVersions()) {
                std::map<std::string, widgets::ArtifactSummary> byName;
                for (const ArtifactVersion& v : *versions) {  // newest version first per name
                    auto [it, fresh] = byName.try_emplace(v.name);
                    if (fresh) {
                        it->second.name = v.name;
                        it->second.type = v.type;
                        it->second.newest = v;
                    }
                    ++it->second.versions;
                }
                for (auto& [name, s] : byName)
                    list->push_back(std::move(s));
            }
        Q_EMIT artifactsLoaded(list);
    }

Q_SIGNALS:
    void graphLoaded(const cairn::widgets::LineageLayoutPtr& draft, const QString& rootLabel, bool hasRoot);
    void layoutReady(const cairn::widgets::LineageLayoutPtr& layout);
    void layoutFailed(const QString& message);
    void graphFailed(const QString& message);
    void artifactLoaded(const cairn::widgets::ArtifactDetailPtr& detail);
    void artifactsLoaded(const cairn::widgets::ArtifactListPtr& list);

private:
    void markExternal(LineageLayout& layout, const LineageGraph& graph)
    {
        // External datasets (OpenLineage imports) are drawn apart from Cairn's own.
        std::map<std::string, bool> external;
        for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
            const LineageNode& n = graph.nodes[i];
            if (n.isRun)
                continue;
            auto it = external.find(n.name);
            if (it == external.end()) {
                auto versions = m_store->artifactVersions(n.name);
                it = external.emplace(n.name, versions && !versions->empty() && versions->front().external).first;
            }
            if (it->second)
                layout.nodes[i].kind = widgets::LayoutNode::Kind::External;
        }
    }

    void layOut(int generation, const QString& dot, const LineageLayout& draft)
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray input = widgets::toDot(draft);
        const QString key = QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
        const QString cacheDir = QString::fromStdString((m_project->root() / ".cairn" / "layouts").string());
        const QString cacheFile = cacheDir + QStringLiteral("/") + key + QStringLiteral(".plain");
        QByteArray plain;
        bool cached = false;
        if (QFile f(cacheFile); f.open(QIODevice::ReadOnly)) {
            plain = f.readAll();
            cached = true;
        } else {
            QProcess process;
            process.start(dot, {QStringLiteral("-Tplain")});
            if (!process.waitForStarted(10000)) {
                Q_EMIT layoutFailed(tr("Cannot run Graphviz '%1': %2").arg(dot, process.errorString()));
                return;
            }
            process.write(input);
            process.closeWriteChannel();
            constexpr int kLimitMs = 10 * 60 * 1000;
            while (!process.waitForFinished(200)) {
                if (m_generation->load() != generation || timer.elapsed() > kLimitMs) {
                    const bool superseded = m_generation->load() != generation;
                    process.kill();
                    process.waitForFinished(5000);
                    if (!superseded)
                        Q_EMIT layoutFailed(tr("Graphviz took longer than 10 minutes; the draft layout stays"));
                    return;
                }
                if (process.state() == QProcess::NotRunning)
                    break;
            }
            if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
                Q_EMIT layoutFailed(tr("Graphviz failed: %1").arg(QString::fromUtf8(process.readAllStandardError()).trimmed().left(300)));
                return;
            }
            plain = process.readAllStandardOutput();
        }
        auto layout = std::make_shared<LineageLayout>(draft);
        QString error;
        if (!widgets::applyPlain(*layout, plain, &error)) {
            if (cached)
                QFile::remove(cacheFile);
            Q_EMIT layoutFailed(tr("Cannot read Graphviz's layout: %1").arg(error));
            return;
        }
        layout->seconds = timer.elapsed() / 1000.0;
        layout->note.clear();
        if (!cached && QDir().mkpath(cacheDir)) {
            QFile out(cacheFile + QStringLiteral(".tmp"));
            if (out.open(QIODevice::WriteOnly) && out.write(plain) == plain.size() && out.flush()) {
                out.close();
                QFile::remove(cacheFile);
                out.rename(cacheFile);
            }
        }
        if (m_generation->load() == generation)
            Q_EMIT layoutReady(layout);
    }

    std::shared_ptr<std::atomic<int>> m_generation;
    std::optional<Project> m_project;
    std::unique_ptr<Store> m_store;
    QString m_error;
};

LineageSession::LineageSession(const QString& projectRoot, QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_graphGeneration(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<widgets::LineageLayoutPtr>();
    qRegisterMetaType<widgets::ArtifactDetailPtr>();
    qRegisterMetaType<widgets::ArtifactListPtr>();
    m_worker = new LineageWorker(m_graphGeneration);
    m_thread->setObjectName(QStringLiteral("cairn-lineage"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LineageWorker::graphLoaded, this, &LineageSession::graphLoaded);
    connect(m_worker, &LineageWorker::layoutReady, this, &LineageSession::layoutReady);
    connect(m_worker, &LineageWorker::layoutFailed, this, &LineageSession::layoutFailed);
    connect(m_worker, &LineageWorker::graphFailed, this, &LineageSession::graphFailed);
    connect(m_worker, &LineageWorker::artifactLoaded, this, &LineageSession::artifactLoaded);
    connect(m_worker, &LineageWorker::artifactsLoaded, this, &LineageSession::artifactsLoaded);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, projectRoot] { w->open(projectRoot); }, Qt::QueuedConnection);
}

LineageSession::~LineageSession()
{
    m_graphGeneration->fetch_add(1);  // stops a dot that is still running
    m_thread->quit();
    m_thread->wait();
}

QString LineageSession::dotExecutable()
{
    if (qEnvironmentVariableIsSet("CAIRN_DOT"))
        return qEnvironmentVariable("CAIRN_DOT");
    return QStandardPaths::findExecutable(QStringLiteral("dot"));
}

void LineageSession::loadGraph(const QString& root, bool upstream, bool downstream, int depth)
{
    const int generation = m_graphGeneration->fetch_add(1) + 1;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, generation, root, upstream, downstream, depth] { w->loadGraph(generation, root, upstream, downstream, depth); },
        Qt::QueuedConnection);
}

void LineageSession::loadArtifact(const QString& reference)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, reference] { w->loadArtifact(reference); }, Qt::QueuedConnection);
}

void LineageSession::loadArtifacts()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->loadArtifacts(); }, Qt::QueuedConnection);
}

} // namespace cairn::app

#include "lineage_session.moc"
