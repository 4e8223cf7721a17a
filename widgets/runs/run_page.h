// Everything about one run: header, metric charts, params and tags, logs.
#pragma once

#include "widgets/runs/run_detail.h"

#include <QWidget>

class QPushButton;
class QTabWidget;

namespace cairn::widgets {

class KeyValueTable;
class LogView;
class MetricGrid;
class RunHeader;

class RunPage : public QWidget {
    Q_OBJECT
public:
    explicit RunPage(QWidget* parent = nullptr);

    void setDetail(const RunDetailPtr& detail);
    void clear();
    // Full id of the run shown, or empty.
    QString runId() const;
    RunDetailPtr detail() const { return m_detail; }

    MetricGrid* metricGrid() const { return m_metrics; }
    LogView* logView() const { return m_logs; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* lineageButton() const { return m_lineageButton; }
    QPushButton* reproduceButton() const { return m_reproduceButton; }
    QPushButton* reportsButton() const { return m_reportsButton; }

Q_SIGNALS:
    // The run's detail (charts included) is on screen.
    void detailShown(const QString& runId);
    // The run's lineage graph, or running it again (docs/lineage.md), for the run shown.
    void lineageRequested(const QString& runId);
    void reproduceRequested(const QString& runId);
    // The Reports button: show the drift, validation and fairness reports attached to the run.
    void reportsRequested(const QString& runId, const QString& runName);

private:
    RunDetailPtr m_detail;
    RunHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    MetricGrid* m_metrics = nullptr;
    KeyValueTable* m_params = nullptr;
    KeyValueTable* m_tags = nullptr;
    LogView* m_logs = nullptr;
    QPushButton* m_lineageButton = nullptr;
    QPushButton* m_reproduceButton = nullptr;
    QPushButton* m_reportsButton = nullptr;
};

} // namespace cairn::widgets
