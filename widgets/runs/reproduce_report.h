// What `cairn reproduce --format json` found (docs/lineage.md): one section per kind of
// difference (environment, status, params, metrics, outputs), each listing what differs
// between the original run and its reproduction and how many fields were the same.
#pragma once

#include <QJsonObject>
#include <QTreeWidget>

namespace cairn::widgets {

class ReproduceReport : public QTreeWidget {
    Q_OBJECT
public:
    explicit ReproduceReport(QWidget* parent = nullptr);
    // `report` is the whole JSON object `cairn reproduce --format json` prints.
    void setReport(const QJsonObject& report);
    bool resultsIdentical() const { return m_identical; }
    int differenceCount() const { return m_differences; }

private:
    bool m_identical = false;
    int m_differences = 0;
};

} // namespace cairn::widgets
