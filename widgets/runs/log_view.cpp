#include "widgets/runs/log_view.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>

namespace cairn::widgets {
namespace {

QPlainTextEdit* makeEdit(QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setFrameShape(QFrame::NoFrame);
    return edit;
}

} // namespace

LogView::LogView(QWidget* parent) : QTabWidget(parent), m_stdout(makeEdit(this)), m_stderr(makeEdit(this))
{
    setDocumentMode(true);
    setTabPosition(QTabWidget::South);
    addTab(m_stdout, QStringLiteral("stdout"));
    addTab(m_stderr, QStringLiteral("stderr"));
}

void LogView::setText(QPlainTextEdit* edit, const QString& text, bool truncated)
{
    QString shown = truncated ? tr("[... earlier output not shown ...]\n") + text : text;
    if (edit->toPlainText() == shown)
        return;
    QScrollBar* bar = edit->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 2;
    const int keep = bar->value();
    edit->setPlainText(shown);
    bar->setValue(follow ? bar->maximum() : keep);
}

void LogView::setLogs(const QString& stdoutText, bool stdoutTruncated, const QString& stderrText, bool stderrTruncated)
{
    setText(m_stdout, stdoutText, stdoutTruncated);
    setText(m_stderr, stderrText, stderrTruncated);
    setTabText(1, stderrText.isEmpty() ? QStringLiteral("stderr") : QStringLiteral("stderr •"));
}

void LogView::clear()
{
    m_stdout->clear();
    m_stderr->clear();
}

QString LogView::stdoutText() const { return m_stdout->toPlainText(); }
QString LogView::stderrText() const { return m_stderr->toPlainText(); }

} // namespace cairn::widgets
