// The run's stdout and stderr tails, one tab each; a tab per further log (other ranks, Slurm's
// nodes and batch output) and the run's history when it has them. The text is read elsewhere,
// off the UI thread.
#pragma once

#include "widgets/runs/run_detail.h"

#include <QTabWidget>

#include <map>

class QPlainTextEdit;

namespace cairn::widgets {

class LogView : public QTabWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    void setLogs(const QString& stdoutText, bool stdoutTruncated, const QString& stderrText, bool stderrTruncated);
    // Tabs for these logs (kept across calls by file name, so scrolling survives a refresh) and a
    // History tab when `history` is not empty.
    void setExtra(const std::vector<ExtraLog>& logs, const std::vector<RunEvent>& history, const QString& message);
    void clear();
    // The tab titles after stdout and stderr, e.g. "rank 1 · stdout", "node gpu01", "History".
    QStringList extraTabs() const;
    QString stdoutText() const;
    QString stderrText() const;

private:
    static void setText(QPlainTextEdit* edit, const QString& text, bool truncated);

    QPlainTextEdit* m_stdout = nullptr;
    QPlainTextEdit* m_stderr = nullptr;
    std::map<QString, QPlainTextEdit*> m_extra;  // by file name
    QPlainTextEdit* m_history = nullptr;
};

} // namespace cairn::widgets
