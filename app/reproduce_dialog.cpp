#include "app/reproduce_dialog.h"

#include "app/new_project.h"
#include "widgets/runs/reproduce_report.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cairn::app {

ReproduceDialog::ReproduceDialog(const QString& projectRoot, const QString& runId, const QString& runName, QWidget* parent)
    : QDialog(parent), m_root(projectRoot), m_runId(runId), m_process(new QProcess(this)), m_force(new QCheckBox(this)),
      m_workdir(new QLineEdit(this)), m_log(new QPlainTextEdit(this)), m_report(new widgets::ReproduceReport(this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Reproduce %1").arg(runName));
    auto* intro = new QLabel(tr("Restores the artifact versions run <b>%1</b> (%2) read, from the store, to where it read them, "
                                "runs its command again with the same parameters as a new run, and shows what differs.")
                                 .arg(runName.toHtmlEscaped(), runId.left(8)),
                             this);
    intro->setWordWrap(true);
    m_force->setText(tr("Replace input files that now hold other content"));
    m_workdir->setPlaceholderText(tr("the run's own folder"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Reproduce in folder"), m_workdir->text());
        if (!dir.isEmpty())
            m_workdir->setText(QDir::toNativeSeparators(dir));
    });
    auto* workdirRow = new QHBoxLayout;
    workdirRow->addWidget(m_workdir, 1);
    workdirRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(QString(), m_force);
    form->addRow(tr("Run in:"), workdirRow);

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("The new run's output appears here."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_log->setFont(mono);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_log);
    split->addWidget(m_report);
    split->setStretchFactor(1, 2);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton = buttons->addButton(tr("&Reproduce"), QDialogButtonBox::ActionRole);
    m_showButton = buttons->addButton(tr("Show &New Run"), QDialogButtonBox::ActionRole);
    m_showButton->setEnabled(false);
    connect(m_startButton, &QPushButton::clicked, this, &ReproduceDialog::start);
    connect(m_showButton, &QPushButton::clicked, this, [this] { Q_EMIT showRunRequested(m_reproId); });
    connect(buttons, &QDialogButtonBox::rejected, this, &ReproduceDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 640);

    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QString text = QString::fromUtf8(m_process->readAllStandardError());
        m_log->moveCursor(QTextCursor::End);
        m_log->insertPlainText(text);
        m_log->moveCursor(QTextCursor::End);
        static const QRegularExpression re(QStringLiteral("reproducing run [0-9a-f]{8} \\(.*\\) as run ([0-9a-f]{8})"));
        if (auto m = re.match(text); m.hasMatch())
            m_status->setText(tr("Running the reproduction (run %1)...").arg(m.captured(1)));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) { onFinished(code); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            m_status->setText(tr("Cannot start 'cairn': %1").arg(m_process->errorString()));
            m_startButton->setEnabled(true);
        }
    });
}

ReproduceDialog::~ReproduceDialog()
{
    if (isRunning()) {  // the CLI cancels the run it started when it gets SIGTERM
        m_process->terminate();
        m_process->waitForFinished(10000);
    }
}

bool ReproduceDialog::isRunning() const { return m_process->state() != QProcess::NotRunning; }

void ReproduceDialog::start()
{
    if (isRunning())
        return;
    const QString cairn = NewProject::findCairn();
    if (cairn.isEmpty()) {
        m_status->setText(tr("The 'cairn' command was not found next to the workbench or on PATH."));
        return;
    }
    QStringList args{QStringLiteral("--project"), m_root, QStringLiteral("reproduce"), m_runId, QStringLiteral("--format"),
                     QStringLiteral("json")};
    if (m_force->isChecked())
        args << QStringLiteral("--force");
    if (!m_workdir->text().trimmed().isEmpty())
        args << QStringLiteral("--workdir") << QDir::fromNativeSeparators(m_workdir->text().trimmed());
    m_log->clear();
    m_report->clear();
    m_reproId.clear();
    m_showButton->setEnabled(false);
    m_startButton->setEnabled(false);
    m_status->setText(tr("Restoring the inputs..."));
    m_process->start(cairn, args);
}

void ReproduceDialog::reject()
{
    if (isRunning()) {
        m_status->setText(tr("Cancelling the reproduction..."));
        m_process->terminate();
        return;  // onFinished reports how it ended; Close again closes
    }
    QDialog::reject();
}

void ReproduceDialog::onFinished(int exitCode)
{
    m_startButton->setEnabled(true);
    const QJsonObject report = QJsonDocument::fromJson(m_process->readAllStandardOutput()).object();
    if (report.isEmpty()) {
        // Nothing ran: a conflict, an unknown run, a run that cannot be run again.
        QString err = m_log->toPlainText().trimmed().section(QLatin1Char('\n'), -3);
        m_status->setText(exitCode == 2 ? tr("Not reproduced: %1").arg(err) : tr("The reproduction failed: %1").arg(err));
        if (err.contains(QStringLiteral("--force")))
            m_force->setFocus();
        Q_EMIT reproduced(exitCode);
        return;
    }
    m_report->setReport(report);
    m_reproId = report.value(QStringLiteral("reproduction")).toString();
    m_showButton->setEnabled(!m_reproId.isEmpty());
    QString text = m_report->resultsIdentical()
                       ? tr("Reproduced as run %1: the results are the same (status, parameters, final metrics and output hashes).")
                       : tr("Reproduced as run %1: the results differ; see the rows below.");
    text = text.arg(m_reproId.left(8));
    if (exitCode != 0)
        text += QLatin1Char(' ') + tr("It did not end as the original did.");
    m_status->setText(text);
    Q_EMIT reproduced(exitCode);
}

} // namespace cairn::app
