#include "widgets/lineage/artifact_panel.h"

#include "engine/core/text.h"
#include "widgets/lineage/histogram_widget.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

QString bytes(std::uint64_t n) { return QLocale().formattedDataSize(static_cast<qint64>(n)); }

QString when(std::int64_t ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString number(double v) { return QString::number(v, 'g', 6); }

} // namespace

ArtifactPanel::ArtifactPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_facts(new QLabel(this)), m_lineage(new QPushButton(tr("Lineage"), this)),
      m_versions(new QTableWidget(this)), m_tabs(new QTabWidget(this)), m_files(new QTreeWidget(this)), m_runs(new QTreeWidget(this)),
      m_profileFile(new QComboBox(this)), m_profileNote(new QLabel(this)), m_profile(new QTableWidget(this)),
      m_histogram(new HistogramWidget(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_lineage->setToolTip(tr("Show where this version came from and what came from it"));

    m_versions->setColumnCount(6);
    m_versions->setHorizontalHeaderLabels({tr("Version"), tr("Created"), tr("Size"), tr("Files"), tr("Hash"), tr("Made by run")});
    m_versions->verticalHeader()->hide();
    m_versions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->horizontalHeader()->setStretchLastSection(true);
    m_versions->setMaximumHeight(150);

    m_files->setColumnCount(3);
    m_files->setHeaderLabels({tr("Path"), tr("Size"), tr("SHA-256")});
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_runs->setColumnCount(3);
    m_runs->setHeaderLabels({tr("Run"), tr("Status"), tr("Role")});
    m_runs->setRootIsDecorated(false);

    m_profile->setColumnCount(9);
    m_profile->setHorizontalHeaderLabels(
        {tr("Column"), tr("Type"), tr("Count"), tr("Nulls"), tr("Distinct"), tr("Min"), tr("Max"), tr("Mean"), tr("Top value")});
    m_profile->verticalHeader()->hide();
    m_profile->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profile->setSelectionMode(QAbstractItemView::SingleSelection);
    m_profile->horizontalHeader()->setStretchLastSection(true);
    auto* profilePage = new QWidget(this);
    auto* profileLayout = new QVBoxLayout(profilePage);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_profileFile, 1);
    fileRow->addWidget(m_profileNote, 2);
    profileLayout->addLayout(fileRow);
    auto* split = new QSplitter(Qt::Vertical, profilePage);
    split->addWidget(m_profile);
    split->addWidget(m_histogram);
    profileLayout->addWidget(split, 1);

    m_tabs->addTab(m_files, tr("Files"));
    m_tabs->addTab(m_runs, tr("Runs"));
    m_tabs->addTab(profilePage, tr("Profile"));

    auto* head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_lineage);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_facts);
    layout->addWidget(m_versions);
    layout->addWidget(m_tabs, 1);

    connect(m_lineage, &QPushButton::clicked, this, [this] {
        if (!reference().isEmpty())
            Q_EMIT lineageRequested(reference());
    });
    connect(m_versions, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (!m_detail || row < 0 || static_cast<std::size_t>(row) >= m_detail->versions.size())
            return;
        const ArtifactVersion& v = m_detail->versions[static_cast<std::size_t>(row)];
        if (v.id != m_detail->version.id)
            Q_EMIT versionRequested(QString::fromStdString(v.name + ":" + std::to_string(v.version)));
    });
    connect(m_runs, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT runActivated(item->data(0, Qt::UserRole).toString());
    });
    connect(m_profileFile, &QComboBox::currentIndexChanged, this, &ArtifactPanel::showProfile);
    connect(m_profile, &QTableWidget::currentCellChanged, this, [this](int row) {
        const int f = m_profileFile->currentIndex();
        if (!m_detail || f < 0 || static_cast<std::size_t>(f) >= m_detail->profiles.size())
            return;
        const auto& cols = m_detail->profiles[static_cast<std::size_t>(f)].profile.columns;
        if (row >= 0 && static_cast<std::size_t>(row) < cols.size())
            m_histogram->setColumn(cols[static_cast<std::size_t>(row)]);
    });
    clear();
}

QString ArtifactPanel::reference() const
{
    return m_detail && m_detail->version.id ? QString::fromStdString(m_detail->version.name + ":" + std::to_string(m_detail->version.version))
                                            : QString();
}

void ArtifactPanel::clear()
{
    m_detail.reset();
    m_title->setText(tr("No artifact selected"));
    m_facts->setText(tr("Pick an artifact in the list, or a dataset or model in the lineage graph."));
    m_lineage->setEnabled(false);
    m_versions->setRowCount(0);
    m_files->clear();
    m_runs->clear();
    m_profileFile->clear();
    m_profile->setRowCount(0);
    m_histogram->clear();
}

void ArtifactPanel::setDetail(const ArtifactDetailPtr& detail)
{
    if (!detail || !detail->error.isEmpty()) {
        clear();
        if (detail)
            m_facts->setText(detail->error);
        return;
    }
    m_detail = detail;
    const ArtifactVersion& v = detail->version;
    m_title->setText(QString::fromStdString(v.name + ":" + std::to_string(v.version)));
    m_lineage->setEnabled(true);
    QStringList facts;
    facts << tr("<b>%1</b> %2").arg(QString::fromStdString(v.type),
                                    v.external ? tr("from another tool (OpenLineage: %1 %2); no bytes stored")
                                                     .arg(QString::fromStdString(v.olNamespace).toHtmlEscaped(),
                                                          QString::fromStdString(v.olName).toHtmlEscaped())
                                    : v.directory ? tr("folder") : tr("file"));
    if (!v.external) {
        facts << tr("%1 in %n file(s)", nullptr, static_cast<int>(v.fileCount)).arg(bytes(static_cast<std::uint64_t>(v.size)));
        facts << tr("SHA-256 <tt>%1</tt>").arg(QString::fromStdString(v.hash));
        if (!detail->stored)
            facts << tr("<span style='color:#c62828'>missing from the store ('cairn artifact verify')</span>");
    }
    facts << tr("created %1").arg(when(v.createdMs));
    if (!v.source.empty())
        facts << tr("from %1").arg(QString::fromStdString(v.source).toHtmlEscaped());
    if (!v.runId.empty())
        facts << tr("made by run %1").arg(QString::fromStdString(v.runId).left(8));
    m_facts->setText(facts.join(QStringLiteral(" · ")));

    m_versions->setRowCount(static_cast<int>(detail->versions.size()));
    for (std::size_t i = 0; i < detail->versions.size(); ++i) {
        const ArtifactVersion& x = detail->versions[i];
        const int r = static_cast<int>(i);
        m_versions->setItem(r, 0, cell(QString::number(x.version)));
        m_versions->setItem(r, 1, cell(when(x.createdMs)));
        m_versions->setItem(r, 2, cell(x.external ? QStringLiteral("-") : bytes(static_cast<std::uint64_t>(x.size))));
        m_versions->setItem(r, 3, cell(QString::number(x.fileCount)));
        m_versions->setItem(r, 4, cell(QString::fromStdString(x.hash).left(12)));
        m_versions->setItem(r, 5, cell(QString::fromStdString(x.runId).left(8)));
        if (x.id == v.id)
            m_versions->selectRow(r);
    }
    m_versions->resizeColumnsToContents();

    m_files->clear();
    QList<QTreeWidgetItem*> rows;
    rows.reserve(static_cast<int>(detail->files.size()));
    for (const ArtifactFile& f : detail->files) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, QString::fromStdString(f.type == "link" ? f.path + " -> " + f.target : f.type == "dir" ? f.path + "/" : f.path));
        item->setText(1, f.type == "file" ? bytes(f.size) : QString());
        item->setText(2, QString::fromStdString(f.hash).left(16));
        item->setToolTip(2, QString::fromStdString(f.hash));
        rows.append(item);
    }
    m_files->addTopLevelItems(rows);
    if (detail->totalFiles > detail->files.size()) {
        auto* more = new QTreeWidgetItem(m_files);
        more->setText(0, tr("... and %1 more (cairn artifact show %2 --format json lists them all)")
                             .arg(detail->totalFiles - detail->files.size())
                             .arg(reference()));
    }
    m_files->resizeColumnToContents(0);
    m_tabs->setTabText(0, tr("Files (%1)").arg(detail->totalFiles));

    m_runs->clear();
    for (const ArtifactRunRef& r : detail->runs) {
        auto* item = new QTreeWidgetItem(m_runs);
        item->setText(0, QString::fromStdString(r.name) + QStringLiteral("  ") + QString::fromStdString(r.id).left(8));
        item->setText(1, QString::fromStdString(r.status));
        item->setText(2, r.direction == "input" ? tr("read it") : tr("wrote it"));
        item->setData(0, Qt::UserRole, QString::fromStdString(r.id));
    }
    m_runs->resizeColumnToContents(0);
    m_tabs->setTabText(1, tr("Runs (%1)").arg(detail->runs.size()));

    {
        const QSignalBlocker block(m_profileFile);
        m_profileFile->clear();
        for (const ArtifactProfile& p : detail->profiles)
            m_profileFile->addItem(p.path.empty() ? QString::fromStdString(v.name) : QString::fromStdString(p.path));
    }
    m_profileFile->setVisible(detail->profiles.size() > 1);
    m_tabs->setTabText(2, detail->profiles.empty() ? tr("Profile") : tr("Profile (%1)").arg(detail->profiles.size()));
    showProfile(detail->profiles.empty() ? -1 : 0);
}

void ArtifactPanel::showProfile(int index)
{
    m_profile->setRowCount(0);
    m_histogram->clear();
    if (!m_detail || index < 0 || static_cast<std::size_t>(index) >= m_detail->profiles.size()) {
        m_profileNote->setText(tr("No profile: Cairn profiles CSV files when they are added."));
        return;
    }
    const DatasetProfile& p = m_detail->profiles[static_cast<std::size_t>(index)].profile;
    m_profileNote->setText(tr("%n row(s)", nullptr, static_cast<int>(p.rows)) + QStringLiteral(", ")
                           + tr("%n column(s)", nullptr, static_cast<int>(p.columns.size()))
                           + (p.truncated ? tr(" (the first %1 of a longer file)").arg(bytes(p.bytes)) : QString()));
    m_profile->setRowCount(static_cast<int>(p.columns.size()));
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
        const ColumnProfile& c = p.columns[i];
        const int r = static_cast<int>(i);
        m_profile->setItem(r, 0, cell(QString::fromStdString(c.name)));
        m_profile->setItem(r, 1, cell(QString::fromStdString(c.type)));
        m_profile->setItem(r, 2, cell(QString::number(c.count)));
        m_profile->setItem(r, 3, cell(QString::number(c.nulls)));
        m_profile->setItem(r, 4, cell(QString::number(c.distinct) + (c.distinctExact ? QString() : QStringLiteral("+"))));
        if (c.numeric) {
            m_profile->setItem(r, 5, cell(number(c.numeric->min)));
            m_profile->setItem(r, 6, cell(number(c.numeric->max)));
            m_profile->setItem(r, 7, cell(number(c.numeric->mean)));
        }
        if (!c.top.empty())
            m_profile->setItem(r, 8, cell(QStringLiteral("%1 (%2)").arg(QString::fromStdString(c.top.front().value)).arg(c.top.front().count)));
    }
    m_profile->resizeColumnsToContents();
    if (!p.columns.empty())
        m_profile->setCurrentCell(0, 0);
}

} // namespace cairn::widgets
