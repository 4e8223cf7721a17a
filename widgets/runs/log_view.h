// The run's stdout and stderr tails, one tab each. The text is read elsewhere, off the UI thread.
#pragma once

#include <QTabWidget>

class QPlainTextEdit;

namespace cairn::widgets {

class LogView : public QTabWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    void setLogs(const QString& stdoutText, bool stdoutTruncated, const QString& stderrText, bool stderrTruncated);
    void clear();
    QString stdoutText() const;
    QString stderrText() const;

private:
    static void setText(QPlainTextEdit* edit, const QString& text, bool truncated);

    QPlainTextEdit* m_stdout = nullptr;
    QPlainTextEdit* m_stderr = nullptr;
};

} // namespace cairn::widgets
