#include "widgets/runs/run_header.h"

#include "engine/core/text.h"
#include "widgets/runs/status_icon.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

RunHeader::RunHeader(QWidget* parent) : QWidget(parent)
{
    m_statusIcon = new QLabel(this);
    m_name = new QLabel(this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);

    auto* title = new QHBoxLayout;
    title->setSpacing(6);
    title->addWidget(m_statusIcon);
    title->addWidget(m_name);
    title->addSpacing(8);
    title->addWidget(m_status);
    title->addStretch(1);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    m_id = addField(0, 0, tr("Id"));
    m_experiment = addField(1, 0, tr("Experiment"));
    m_host = addField(2, 0, tr("Host"));
    m_start = addField(0, 2, tr("Started"));
    m_end = addField(1, 2, tr("Ended"));
    m_duration = addField(2, 2, tr("Duration"));
    m_exitCode = addField(0, 4, tr("Exit code"));
    m_command = addField(3, 0, tr("Command"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_id->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The command spans the full width.
    grid->setColumnStretch(5, 1);
    const auto labels = findChildren<QLabel*>(QStringLiteral("fieldLabel"));
    for (QLabel* l : labels)
        grid->addWidget(l, l->property("row").toInt(), l->property("column").toInt(), Qt::AlignRight | Qt::AlignTop);
    for (QLabel* v : {m_id, m_experiment, m_host, m_start, m_end, m_duration, m_exitCode}) {
        grid->addWidget(v, v->property("row").toInt(), v->property("column").toInt() + 1);
    }
    grid->addWidget(m_command, 3, 1, 1, 5);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(title);
    layout->addLayout(grid);
    clear();
}

QLabel* RunHeader::addField(int row, int column, const QString& label)
{
    auto* l = new QLabel(label + QLatin1Char(':'), this);
    l->setObjectName(QStringLiteral("fieldLabel"));
    l->setProperty("row", row);
    l->setProperty("column", column);
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    l->setPalette(pal);
    auto* value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setProperty("row", row);
    value->setProperty("column", column);
    return value;
}

void RunHeader::setRun(const Run& run)
{
    m_statusIcon->setPixmap(statusIcon(run.status).pixmap(22, 22));
    m_name->setText(run.name.empty() ? tr("(unnamed run)") : qs(run.name));
    m_status->setText(QStringLiteral("<span style='color:%1; font-weight:600'>%2</span>")
                          .arg(statusColor(run.status).name(), statusText(run.status).toHtmlEscaped()));
    m_id->setText(qs(run.id));
    m_experiment->setText(qs(run.experiment));
    m_host->setText(run.user.empty() ? qs(run.host) : qs(run.user + "@" + run.host));
    m_command->setText(run.command.empty() ? QStringLiteral("—") : qs(run.command));
    m_command->setToolTip(qs(run.workdir));
    m_start->setText(run.startMs > 0 ? qs(formatTimestamp(run.startMs)) : QStringLiteral("—"));
    m_end->setText(run.endMs > 0 ? qs(formatTimestamp(run.endMs)) : QStringLiteral("—"));
    if (run.startMs > 0) {
        std::int64_t end = run.endMs > 0 ? run.endMs : QDateTime::currentMSecsSinceEpoch();
        m_duration->setText(qs(formatDuration(std::max<std::int64_t>(0, end - run.startMs))));
    } else {
        m_duration->setText(QStringLiteral("—"));
    }
    m_exitCode->setText(run.exitCode ? QString::number(*run.exitCode) : QStringLiteral("—"));
}

void RunHeader::clear()
{
    m_statusIcon->clear();
    m_name->setText(tr("No run selected"));
    m_status->clear();
    for (QLabel* v : {m_id, m_experiment, m_host, m_command, m_start, m_end, m_duration, m_exitCode})
        v->clear();
}

} // namespace cairn::widgets
