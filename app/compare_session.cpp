#include "app/compare_session.h"

#include "engine/store/project.h"
#include "engine/store/store.h"

#include <QMetaObject>
#include <QThread>

#include <atomic>
#include <cmath>
#include <set>

namespace cairn::app {

// Lives on the session's thread; every slot runs there.
class CompareWorker : public QObject {
    Q_OBJECT
public:
    explicit CompareWorker(std::shared_ptr<std::atomic<int>> generation) : m_generation(std::move(generation)) {}

    void open(const QString& root)
    {
        auto project = Project::open(root.toStdString());
        if (!project) {
            m_error = QString::fromStdString(project.message());
            return;
        }
        auto store = Store::open(project->databasePath(), Store::Mode::ReadOnly);
        if (!store) {
            m_error = QString::fromStdString(store.message());
            return;
        }
        m_store = std::move(*store);
    }

    void load(int generation, const QStringList& runIds, int columns)
    {
        if (!m_store) {
            Q_EMIT failed(m_error);
            return;
        }
        auto result = std::make_shared<CompareRuns>();
        std::set<std::string> keys;
        QStringList missing;
        for (const QString& id : runIds) {
            auto run = m_store->findRun(id.toStdString());
            if (!run) {
                missing << id.left(8);
                continue;
            }
            RunSummary rs{std::move(*run), {}};
            if (auto sums = m_store->metricSummaries(rs.run.id))
                for (MetricSummary& m : *sums) {
                    keys.insert(m.key);
                    rs.metrics[m.key] = std::move(m);
                }
            result->runs.push_back(std::move(rs));
        }
        for (const std::string& k : keys)
            result->keys << QString::fromStdString(k);
        if (!missing.isEmpty())
            result->error = tr("Not found in this project (deleted?): %1").arg(missing.join(QStringLiteral(", ")));
        m_runs = result;
        Q_EMIT runsLoaded(result);
        for (const QString& key : result->keys) {
            if (m_generation->load() != generation)
                return;  // a newer request replaced this one
            readKey(generation, key, std::nullopt, columns);
        }
    }

    void readKey(int generation, const QString& key, std::optional<StepRange> range, int columns)
    {
        if (!m_store || !m_runs || m_generation->load() != generation)
            return;
        auto series = std::make_shared<std::vector<widgets::CompareSeries>>();
        const std::string k = key.toStdString();
        for (const RunSummary& rs : m_runs->runs) {
            if (!rs.metrics.count(k))
                continue;
            auto view = m_store->metricView(rs.run.id, k, range, static_cast<std::size_t>(std::max(columns, 16)));
            if (!view) {
                Q_EMIT failed(QString::fromStdString(view.message()));
                continue;
            }
            widgets::CompareSeries s;
            s.runId = QString::fromStdString(rs.run.id);
            s.points = std::move(view->points);
            s.storedCount = view->storedCount;
            s.reduced = view->reduced;
            series->push_back(std::move(s));
        }
        Q_EMIT keyLoaded(key, series);
    }

Q_SIGNALS:
    void runsLoaded(const cairn::app::CompareRunsPtr& runs);
    void keyLoaded(const QString& key, const cairn::app::CompareSeriesPtr& series);
    void failed(const QString& message);

private:
    std::shared_ptr<std::atomic<int>> m_generation;
    std::unique_ptr<Store> m_store;
    QString m_error;
    CompareRunsPtr m_runs;
};

CompareSession::CompareSession(const QString& projectRoot, QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_generation(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<CompareRunsPtr>();
    qRegisterMetaType<CompareSeriesPtr>();
    m_worker = new CompareWorker(m_generation);
    m_thread->setObjectName(QStringLiteral("cairn-compare"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CompareWorker::runsLoaded, this, &CompareSession::runsLoaded);
    connect(m_worker, &CompareWorker::keyLoaded, this, &CompareSession::keyLoaded);
    connect(m_worker, &CompareWorker::failed, this, &CompareSession::failed);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, projectRoot] { w->open(projectRoot); }, Qt::QueuedConnection);
}

CompareSession::~CompareSession()
{
    m_generation->fetch_add(1);  // let a long load stop early
    m_thread->quit();
    m_thread->wait();
}

void CompareSession::load(const QStringList& runIds, int columns)
{
    const int generation = m_generation->fetch_add(1) + 1;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, generation, runIds, columns] { w->load(generation, runIds, columns); },
                              Qt::QueuedConnection);
}

void CompareSession::zoom(const QString& key, double lo, double hi, bool whole, int columns)
{
    const int generation = m_generation->load();
    std::optional<StepRange> range;
    if (!whole)
        range = StepRange{static_cast<std::int64_t>(std::floor(lo)), static_cast<std::int64_t>(std::ceil(hi))};
    QMetaObject::invokeMethod(m_worker, [w = m_worker, generation, key, range, columns] { w->readKey(generation, key, range, columns); },
                              Qt::QueuedConnection);
}

} // namespace cairn::app

#include "compare_session.moc"
