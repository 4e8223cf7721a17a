#include "widgets/jobs/gpu_probe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace cairn::widgets {

GpuProbe::GpuProbe(QObject* parent) : QObject(parent), m_process(new QProcess(this))
{
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || code != 0) {
            QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
            Q_EMIT updated({}, err.isEmpty() ? tr("'cairn gpus' failed") : err);
            return;
        }
        QString reason;
        const QList<GpuState> gpus = parse(m_process->readAllStandardOutput(), &reason);
        Q_EMIT updated(gpus, reason);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT updated({}, tr("cannot run 'cairn': %1").arg(m_process->errorString()));
    });
}

// A probe still running when its widget goes is stopped quietly (it only reads the inventory).
GpuProbe::~GpuProbe()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(1000);
}

void GpuProbe::probe()
{
    if (m_process->state() != QProcess::NotRunning)
        return;
    if (m_cairn.isEmpty()) {
        Q_EMIT updated({}, tr("the 'cairn' command was not found"));
        return;
    }
    m_process->start(m_cairn, {QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("json")});
}

QList<GpuState> GpuProbe::parse(const QByteArray& json, QString* reason)
{
    QList<GpuState> out;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    for (const QJsonValue& v : root.value(QStringLiteral("gpus")).toArray()) {
        const QJsonObject g = v.toObject();
        GpuState s;
        s.index = g.value(QStringLiteral("index")).toInt();
        s.name = g.value(QStringLiteral("name")).toString();
        s.memoryUsed = static_cast<qint64>(g.value(QStringLiteral("memory_used_bytes")).toDouble());
        s.memoryTotal = static_cast<qint64>(g.value(QStringLiteral("memory_total_bytes")).toDouble());
        s.utilization = g.value(QStringLiteral("utilization_percent")).toInt(-1);
        s.temperature = g.value(QStringLiteral("temperature_c")).toInt(-1);
        out.append(s);
    }
    if (reason && out.isEmpty()) {
        // backend is "none (why)" without NVML; "nvml" when the driver sees no device.
        QString backend = root.value(QStringLiteral("backend")).toString();
        if (backend.startsWith(QStringLiteral("none (")) && backend.endsWith(QLatin1Char(')')))
            backend = backend.mid(6, backend.size() - 7);
        else if (backend == QStringLiteral("nvml"))
            backend = tr("NVML reports no devices");
        *reason = backend.isEmpty() ? tr("unknown reason") : backend;
    }
    return out;
}

} // namespace cairn::widgets
