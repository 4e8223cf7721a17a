#include "widgets/compare/compare_plots.h"

#include "widgets/charts/parallel_chart.h"
#include "widgets/charts/scatter_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

void fillCombo(QComboBox* combo, const PlotTable& table)
{
    QSignalBlocker block(combo);
    const QString current = combo->currentData().toString();
    combo->clear();
    for (const PlotField& f : table.fields) {
        combo->addItem(f.name, f.name);
        if (!f.numeric)
            combo->setItemData(combo->count() - 1, QObject::tr("%n value(s), evenly spaced", nullptr,
                                                                static_cast<int>(f.categories.size())),
                               Qt::ToolTipRole);
    }
    combo->setCurrentIndex(combo->findData(current));
}

QString defaultX(const PlotTable& t)
{
    for (const PlotField& f : t.fields)
        if (f.name.startsWith(QLatin1String("params.")) && f.differs && f.numeric)
            return f.name;
    for (const PlotField& f : t.fields)
        if (f.name.startsWith(QLatin1String("params.")) && f.differs)
            return f.name;
    for (const PlotField& f : t.fields)
        if (f.name.startsWith(QLatin1String("params.")))
            return f.name;
    return t.fields.empty() ? QString() : t.fields.front().name;
}

QString defaultY(const PlotTable& t, const QString& x)
{
    for (const PlotField& f : t.fields)
        if (f.name.startsWith(QLatin1String("metrics.")) && f.name != x)
            return f.name;
    for (const PlotField& f : t.fields)
        if (f.name != x && f.numeric)
            return f.name;
    return x;
}

} // namespace

QString exportPlotFromMenu(PlotWidget* plot, QWidget* owner, const QString& baseName)
{
    QMenu menu(owner);
    QAction* png = menu.addAction(QObject::tr("Export as PNG..."));
    QAction* svg = menu.addAction(QObject::tr("Export as SVG..."));
    menu.addAction(QObject::tr("Export data as CSV..."));
    QAction* chosen = menu.exec(QCursor::pos());
    if (!chosen)
        return {};
    const QString ext = chosen == png ? QStringLiteral("png") : chosen == svg ? QStringLiteral("svg") : QStringLiteral("csv");
    const QString path = QFileDialog::getSaveFileName(owner, chosen->text(), baseName + QLatin1Char('.') + ext);
    if (path.isEmpty())
        return {};
    const bool ok = chosen == png ? plot->exportPng(path) : chosen == svg ? plot->exportSvg(path) : plot->exportCsv(path);
    return ok ? QString() : QObject::tr("Could not write %1: check that the folder exists and is writable.").arg(path);
}

ScatterView::ScatterView(QWidget* parent)
    : QWidget(parent), m_x(new QComboBox(this)), m_y(new QComboBox(this)), m_logX(new QCheckBox(tr("log"), this)),
      m_logY(new QCheckBox(tr("log"), this)), m_chart(new ScatterChart(this))
{
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    for (QComboBox* c : {m_x, m_y}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        c->setMinimumContentsLength(14);
        c->setMaxVisibleItems(24);
        connect(c, &QComboBox::currentIndexChanged, this, [this, c] {
            suggestLog(c);
            apply();
        });
    }
    m_logX->setToolTip(tr("Log scale on x; values at or below zero are left out"));
    m_logY->setToolTip(tr("Log scale on y; values at or below zero are left out"));
    connect(m_logX, &QCheckBox::toggled, m_chart, &ScatterChart::setLogX);
    connect(m_logY, &QCheckBox::toggled, m_chart, &ScatterChart::setLogY);
    m_chart->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_chart, &QWidget::customContextMenuRequested, this, [this] {
        const QString error = exportPlotFromMenu(m_chart, this, QStringLiteral("scatter"));
        if (!error.isEmpty())
            Q_EMIT message(error);
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("X:"), this));
    bar->addWidget(m_x);
    bar->addWidget(m_logX);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("Y:"), this));
    bar->addWidget(m_y);
    bar->addWidget(m_logY);
    bar->addStretch(1);
    auto* hint = new QLabel(tr("Hover a dot for its run · right-click: export"), this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    bar->addWidget(hint);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_chart, 1);
}

void ScatterView::setTable(const PlotTable& table)
{
    fillCombo(m_x, table);
    fillCombo(m_y, table);
    m_chart->setTable(table);
    QSignalBlocker bx(m_x), by(m_y);
    if (m_x->currentIndex() < 0) {
        m_x->setCurrentIndex(m_x->findData(defaultX(table)));
        suggestLog(m_x);
    }
    if (m_y->currentIndex() < 0) {
        m_y->setCurrentIndex(m_y->findData(defaultY(table, m_x->currentData().toString())));
        suggestLog(m_y);
    }
    apply();
}

void ScatterView::setColors(const std::vector<QColor>& colors) { m_chart->setColors(colors); }
void ScatterView::setHiddenRuns(const QSet<QString>& runIds) { m_chart->setHiddenRuns(runIds); }

void ScatterView::setAxes(const QString& xField, const QString& yField)
{
    QSignalBlocker bx(m_x), by(m_y);
    m_x->setCurrentIndex(m_x->findData(xField));
    m_y->setCurrentIndex(m_y->findData(yField));
    suggestLog(m_x);
    suggestLog(m_y);
    apply();
}

void ScatterView::suggestLog(QComboBox* combo)
{
    // A field spanning decades starts on a log axis; the box stays the user's to untick.
    const PlotField* f = m_chart->table().field(combo->currentData().toString());
    QCheckBox* box = combo == m_x ? m_logX : m_logY;
    box->setChecked(f && f->suggestsLog());
}

void ScatterView::apply()
{
    const QString x = m_x->currentData().toString(), y = m_y->currentData().toString();
    auto numeric = [this](const QString& name) {
        const PlotField* f = m_chart->table().field(name);
        return f && f->numeric;
    };
    m_logX->setEnabled(numeric(x));
    m_logY->setEnabled(numeric(y));
    m_chart->setAxes(x, y);
}

ParallelView::ParallelView(QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_clear(new QPushButton(tr("Clear Brushes"), this)),
      m_chart(new ParallelChart(this))
{
    m_list->setObjectName(QStringLiteral("parallelFields"));
    m_list->setToolTip(tr("Tick the fields to show as axes; drag to reorder; right-click for a log scale"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::itemChanged, this, [this] { apply(); });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] { apply(); });
    connect(m_list, &QWidget::customContextMenuRequested, this, &ParallelView::fieldMenu);
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, m_chart, &ParallelChart::clearBrushes);
    connect(m_chart, &ParallelChart::brushesChanged, this, [this] { m_clear->setEnabled(!m_chart->brushes().empty()); });
    m_chart->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_chart, &QWidget::customContextMenuRequested, this, [this] {
        const QString error = exportPlotFromMenu(m_chart, this, QStringLiteral("parallel-coordinates"));
        if (!error.isEmpty())
            Q_EMIT message(error);
    });

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Axes"), side));
    sideLayout->addWidget(m_list, 1);
    sideLayout->addWidget(m_clear);
    auto* hint = new QLabel(tr("Drag along an axis to keep a range; click the axis to clear it. "
                               "Hover a line for its run · right-click: export"),
                            side);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    sideLayout->addWidget(hint);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(splitter);
}

void ParallelView::setTable(const PlotTable& table)
{
    // A reload keeps what the user chose: ticked fields, their order and their log scales.
    QStringList checked;
    QSet<QString> known, logged;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString name = m_list->item(i)->data(Qt::UserRole).toString();
        known.insert(name);
        if (m_list->item(i)->data(Qt::UserRole + 1).toBool())
            logged.insert(name);
    }
    if (m_filled) {
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->checkState() == Qt::Checked)
                checked << m_list->item(i)->data(Qt::UserRole).toString();
    } else {
        checked = table.defaultParallelFields();
    }
    m_filled = true;
    m_chart->setTable(table);
    {
        QSignalBlocker block(m_list);
        m_list->clear();
        // Ticked fields first, in their order, then the rest in the comparison's order.
        QStringList order = checked;
        for (const PlotField& f : table.fields)
            if (!order.contains(f.name))
                order << f.name;
        for (const QString& name : order) {
            const PlotField* f = table.field(name);
            if (!f)
                continue;
            auto* item = new QListWidgetItem(name, m_list);
            item->setData(Qt::UserRole, name);
            item->setFlags((item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled) & ~Qt::ItemIsDropEnabled);
            item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
            const bool log = logged.contains(name) || (!known.contains(name) && f->suggestsLog());
            item->setData(Qt::UserRole + 1, log);
            item->setText(name + (log ? tr(" (log)") : QString()));
            if (!f->numeric)
                item->setToolTip(tr("%n value(s), evenly spaced", nullptr, static_cast<int>(f->categories.size())));
        }
    }
    apply();
}

void ParallelView::setColors(const std::vector<QColor>& colors) { m_chart->setColors(colors); }
void ParallelView::setHiddenRuns(const QSet<QString>& runIds) { m_chart->setHiddenRuns(runIds); }

void ParallelView::setFields(const QStringList& fields)
{
    {
        QSignalBlocker block(m_list);
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(fields.contains(m_list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                          : Qt::Unchecked);
    }
    apply();
}

void ParallelView::apply()
{
    QStringList fields;
    QSet<QString> logs;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked)
            fields << name;
        if (item->data(Qt::UserRole + 1).toBool())
            logs.insert(name);
    }
    m_chart->setLogFields(logs);
    m_chart->setFields(fields);
}

void ParallelView::fieldMenu(const QPoint& pos)
{
    QListWidgetItem* item = m_list->itemAt(pos);
    if (!item)
        return;
    const PlotField* f = m_chart->table().field(item->data(Qt::UserRole).toString());
    QMenu menu(this);
    QAction* log = menu.addAction(tr("Log Scale"));
    log->setCheckable(true);
    log->setChecked(item->data(Qt::UserRole + 1).toBool());
    log->setEnabled(f && f->numeric);
    if (menu.exec(m_list->viewport()->mapToGlobal(pos)) != log)
        return;
    {
        QSignalBlocker block(m_list);
        item->setData(Qt::UserRole + 1, log->isChecked());
        item->setText(item->data(Qt::UserRole).toString() + (log->isChecked() ? tr(" (log)") : QString()));
    }
    apply();
}

} // namespace cairn::widgets
