// Runs `cairn gpus --format json` asynchronously and reports the GPU inventory. One probe at a time;
// a request while one is running is merged into it.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QProcess;

namespace cairn::widgets {

struct GpuState {
    int index = 0;
    QString name;
    qint64 memoryUsed = 0;
    qint64 memoryTotal = 0;
    int utilization = -1;  // percent, -1 unknown
    int temperature = -1;  // Celsius, -1 unknown
};

class GpuProbe : public QObject {
    Q_OBJECT
public:
    explicit GpuProbe(QObject* parent = nullptr);
    ~GpuProbe() override;
    void setExecutable(const QString& cairn) { m_cairn = cairn; }
    void probe();
    // Parses the JSON of `cairn gpus --format json`; `reason` explains an empty list.
    static QList<GpuState> parse(const QByteArray& json, QString* reason);

Q_SIGNALS:
    void updated(const QList<cairn::widgets::GpuState>& gpus, const QString& reason);

private:
    QProcess* m_process = nullptr;
    QString m_cairn;
};

} // namespace cairn::widgets
