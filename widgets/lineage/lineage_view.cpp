#include "widgets/lineage/lineage_view.h"

#include "widgets/lineage/lineage_canvas.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn::widgets {

LineageView::LineageView(QWidget* parent)
    : QWidget(parent), m_canvas(new LineageCanvas(this)), m_search(new QLineEdit(this)), m_matches(new QLabel(this)),
      m_direction(new QComboBox(this)), m_depth(new QSpinBox(this)), m_export(new QToolButton(this)), m_status(new QLabel(this))
{
    m_search->setPlaceholderText(tr("Find a run or artifact (Enter: next)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_direction->addItem(tr("Upstream and downstream"));
    m_direction->addItem(tr("Upstream (where it came from)"));
    m_direction->addItem(tr("Downstream (what came from it)"));
    m_depth->setRange(0, 999);
    m_depth->setSpecialValueText(tr("all"));
    m_depth->setValue(0);
    m_depth->setPrefix(tr("depth "));
    m_depth->setToolTip(tr("At most this many steps from the root (all: no limit)"));
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole graph (0)"));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("PNG image..."), this, [this] { exportDialog(); });
    menu->addAction(tr("SVG drawing..."), this, [this] { exportDialog(); });
    m_export->setMenu(menu);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 4);
    bar->addWidget(m_search);
    bar->addWidget(m_matches);
    bar->addStretch(1);
    bar->addWidget(m_direction);
    bar->addWidget(m_depth);
    bar->addWidget(fit);
    bar->addWidget(m_export);
    m_status->setContentsMargins(6, 2, 6, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(fit, &QPushButton::clicked, m_canvas, &LineageCanvas::fit);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& t) {
        const int n = m_canvas->setSearch(t);
        m_matches->setText(t.trimmed().isEmpty() ? QString() : tr("%n match(es)", nullptr, n));
    });
    connect(m_search, &QLineEdit::returnPressed, m_canvas, &LineageCanvas::nextMatch);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &LineageView::reloadRequested);
    connect(m_depth, &QSpinBox::valueChanged, this, &LineageView::reloadRequested);
    connect(m_canvas, &LineageCanvas::nodeActivated, this, [this](int i) {
        const LayoutNode& n = m_canvas->graph()->nodes[static_cast<std::size_t>(i)];
        if (n.isRun())
            Q_EMIT runActivated(n.id);
        else
            Q_EMIT artifactActivated(n.id);
    });
    connect(m_canvas, &LineageCanvas::selectionChanged, this, [this](int i) {
        showCounts();
        if (i >= 0 && !m_canvas->graph()->nodes[static_cast<std::size_t>(i)].isRun())
            Q_EMIT artifactSelected(m_canvas->graph()->nodes[static_cast<std::size_t>(i)].id);
    });
}

bool LineageView::upstream() const { return m_direction->currentIndex() != 2; }
bool LineageView::downstream() const { return m_direction->currentIndex() != 1; }
int LineageView::depth() const { return m_depth->value() == 0 ? -1 : m_depth->value(); }

void LineageView::setDepth(int depth)
{
    const QSignalBlocker block(m_depth);
    m_depth->setValue(depth < 0 ? 0 : depth);
}

void LineageView::setRootEnabled(bool hasRoot)
{
    m_direction->setEnabled(hasRoot);
    m_depth->setEnabled(hasRoot);
}

void LineageView::setGraph(LineageLayoutPtr layout, const QString& rootLabel)
{
    m_root = rootLabel;
    m_busy.clear();
    m_canvas->setGraph(std::move(layout));
    if (!m_search->text().trimmed().isEmpty())
        m_canvas->setSearch(m_search->text());
    if (const auto& g = m_canvas->graph(); g && !g->nodes.empty() && g->nodes.front().root)
        m_canvas->select(0);
    showCounts();
}

void LineageView::setLayout(LineageLayoutPtr layout)
{
    m_busy.clear();
    m_canvas->updateLayout(std::move(layout));
    showCounts();
}

void LineageView::setBusy(const QString& message)
{
    m_busy = message;
    showCounts();
}

void LineageView::setError(const QString& message)
{
    m_busy.clear();
    m_status->setText(message);
}

void LineageView::showCounts()
{
    const auto& g = m_canvas->graph();
    if (!g) {
        m_status->setText(m_busy);
        return;
    }
    QLocale locale;
    QString text = tr("%1 nodes, %2 edges").arg(locale.toString(static_cast<qlonglong>(g->nodes.size())),
                                               locale.toString(static_cast<qlonglong>(g->edges.size())));
    if (!m_root.isEmpty())
        text = tr("Lineage of %1: ").arg(m_root) + text;
    if (g->engine == QLatin1String("Graphviz dot"))
        text += tr(" — laid out by Graphviz dot in %1 s").arg(locale.toString(g->seconds, 'f', 2));
    else if (!g->note.isEmpty())
        text += QStringLiteral(" — ") + g->note;
    if (!m_busy.isEmpty())
        text += QStringLiteral(" — ") + m_busy;
    const int sel = m_canvas->selected();
    if (sel >= 0) {
        int up = 0, down = 0;
        for (char c : m_canvas->upstreamMask())
            up += c;
        for (char c : m_canvas->downstreamMask())
            down += c;
        text += tr(" | %1: %2 upstream, %3 downstream").arg(g->nodes[static_cast<std::size_t>(sel)].label).arg(up).arg(down);
    }
    m_status->setText(text);
}

bool LineageView::exportTo(const QString& path, QString* error)
{
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_canvas->exportSvg(path, error)
                                                                       : m_canvas->exportPng(path, error);
}

void LineageView::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export lineage"), QStringLiteral("lineage.svg"),
                                                      tr("SVG drawing (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export lineage"), error);
}

} // namespace cairn::widgets
