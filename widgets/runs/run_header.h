// The top strip of the run page: name, status, id, experiment, command, times and exit code.
#pragma once

#include "engine/store/types.h"

#include <QWidget>

class QLabel;

namespace cairn::widgets {

class RunHeader : public QWidget {
    Q_OBJECT
public:
    explicit RunHeader(QWidget* parent = nullptr);

    void setRun(const Run& run);
    void clear();

private:
    QLabel* addField(int row, int column, const QString& label);

    QLabel* m_statusIcon = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_id = nullptr;
    QLabel* m_experiment = nullptr;
    QLabel* m_command = nullptr;
    QLabel* m_start = nullptr;
    QLabel* m_end = nullptr;
    QLabel* m_duration = nullptr;
    QLabel* m_exitCode = nullptr;
    QLabel* m_host = nullptr;
};

} // namespace cairn::widgets
