#include "widgets/runs/log_view.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QRegularExpression>
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

// "stdout.rank1.log" -> "rank 1 · stdout", "node.gpu01.log" -> "node gpu01", "slurm.out" -> "Slurm".
static QString titleOf(const QString& file)
{
    static const QRegularExpression rank(QStringLiteral("^(stdout|stderr)\\.rank(\\d+)\\.log$"));
    if (auto m = rank.match(file); m.hasMatch())
        return LogView::tr("rank %1 · %2").arg(m.captured(2), m.captured(1));
    if (file.startsWith(QLatin1String("node.")) && file.endsWith(QLatin1String(".log")))
        return LogView::tr("node %1").arg(file.mid(5, file.size() - 9));
    if (file == QLatin1String("slurm.out"))
        return LogView::tr("Slurm");
    return file;
}

void LogView::setExtra(const std::vector<ExtraLog>& logs, const std::vector<RunEvent>& history, const QString& message)
{
    std::map<QString, const ExtraLog*> wanted;
    for (const ExtraLog& l : logs)
        wanted[l.file] = &l;
    for (auto it = m_extra.begin(); it != m_extra.end();) {
        if (wanted.count(it->first)) {
            ++it;
            continue;
        }
        removeTab(indexOf(it->second));
        delete it->second;
        it = m_extra.erase(it);
    }
    for (const auto& [file, log] : wanted) {
        auto [it, inserted] = m_extra.try_emplace(file, nullptr);
        if (inserted) {
            it->second = makeEdit(this);
            // After stdout, stderr and the extra logs before it (by name); History stays last.
            int index = 2 + static_cast<int>(std::distance(m_extra.begin(), it));
            insertTab(index, it->second, titleOf(file));
            setTabToolTip(index, file);
        }
        setText(it->second, log->text, log->truncated);
    }
    QString text;
    if (!message.isEmpty())
        text += tr("Ended: %1").arg(message) + QStringLiteral("\n\n");
    for (const RunEvent& e : history)
        text += QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("  ")
                + QString::fromStdString(e.kind) + QStringLiteral("  ") + QString::fromStdString(e.text) + QLatin1Char('\n');
    if (text.isEmpty()) {
        if (m_history) {
            removeTab(indexOf(m_history));
            delete m_history;
            m_history = nullptr;
        }
        return;
    }
    if (!m_history) {
        m_history = makeEdit(this);
        addTab(m_history, tr("History"));
    }
    setText(m_history, text, false);
}

QStringList LogView::extraTabs() const
{
    QStringList out;
    for (int i = 2; i < count(); ++i)
        out << tabText(i);
    return out;
}

void LogView::clear()
{
    m_stdout->clear();
    m_stderr->clear();
    setExtra({}, {}, {});
}

QString LogView::stdoutText() const { return m_stdout->toPlainText(); }
QString LogView::stderrText() const { return m_stderr->toPlainText(); }

} // namespace cairn::widgets
