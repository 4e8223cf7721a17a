// One stored report on screen: a drift report as a table of columns (test, score, threshold,
// drifted) with the reference-vs-current histogram of the selected column; validation and
// fairness reports as tables. Export HTML writes the same page as `cairn reports show
// --format html`.
#pragma once

#include "engine/store/report_rows.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableWidget;

namespace cairn::widgets {

class DriftHistogram;

class ReportView : public QWidget {
    Q_OBJECT
public:
    explicit ReportView(QWidget* parent = nullptr);

    void setReport(const StoredReport& report);
    void clear();
    const StoredReport& report() const { return m_report; }

    QTableWidget* table() const { return m_table; }
    DriftHistogram* histogram() const { return m_histogram; }
    QLabel* summary() const { return m_summary; }
    QPushButton* exportButton() const { return m_export; }
    // Writes the report's HTML page; false with `error` set when it cannot.
    bool exportHtml(const QString& path, QString& error) const;

public Q_SLOTS:
    // Asks for a file name, then exports.
    void exportHtmlInteractive();

Q_SIGNALS:
    void exported(const QString& path);

private:
    void showColumn(int row);
    StoredReport m_report;
    QSplitter* m_split = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_export = nullptr;
    QTableWidget* m_table = nullptr;
    DriftHistogram* m_histogram = nullptr;
    struct Column {
        std::string name;
        std::vector<std::string> labels;
        std::vector<double> ref, cur;
    };
    std::vector<Column> m_columns;  // drift: the histogram of each row
};

} // namespace cairn::widgets
