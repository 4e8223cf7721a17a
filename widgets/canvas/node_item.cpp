#include "widgets/canvas/node_item.h"

#include "widgets/canvas/edge_item.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QGlyphRun>
#include <QTextLayout>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace cairn::widgets {

namespace pl = cairn::pipeline;
using namespace canvas;

namespace {

constexpr double kPortRadius = 5;
constexpr double kMargin = 12;  // room around the card for the problem badge and port circles

const QFont& titleFont()
{
    static const QFont f = [] {
        QFont font;
        font.setPointSizeF(9.5);
        font.setBold(true);
        return font;
    }();
    return f;
}

const QFont& smallFont()
{
    static const QFont f = [] {
        QFont font;
        font.setPointSizeF(8);
        return font;
    }();
    return f;
}

const QFont& farFont()
{
    static const QFont f = [] {
        QFont font;
        font.setPixelSize(10);
        font.setBold(true);
        return font;
    }();
    return f;
}

QString elided(const QString& s, const QFont& font, double width)
{
    return QFontMetricsF(font).elidedText(s, Qt::ElideMiddle, width);
}

int rank(const QString& state)
{
    // The state a card shows for several generated stages: the most telling one.
    static const QStringList order = {QStringLiteral("failed"), QStringLiteral("running"), QStringLiteral("queued"),
                                      QStringLiteral("skipped"), QStringLiteral("not-run"), QStringLiteral("done"),
                                      QStringLiteral("cached")};
    const int i = static_cast<int>(order.indexOf(state));
    return i < 0 ? 100 : i;
}

} // namespace

CachedText::CachedText(const QString& text, const QFont& font)
{
    QTextLayout layout(text, font);
    QTextOption opt;
    opt.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(opt);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(100000);
    layout.endLayout();
    runs = layout.glyphRuns();
    size = line.isValid() ? QSizeF(line.naturalTextWidth(), line.height()) : QSizeF();
}

void CachedText::draw(QPainter* p, QPointF topLeft) const
{
    for (const QGlyphRun& r : runs)
        p->drawGlyphRun(topLeft, r);
}

QColor stageStateColor(const QString& state)
{
    if (state == QLatin1String("running"))
        return QColor(0x1f, 0x77, 0xd0);
    if (state == QLatin1String("done"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (state == QLatin1String("cached"))
        return QColor(0x1b, 0x8a, 0x86);
    if (state == QLatin1String("failed"))
        return QColor(0xd1, 0x34, 0x38);
    if (state == QLatin1String("skipped") || state == QLatin1String("not-run"))
        return QColor(0xe0, 0x8a, 0x1e);
    return QColor(0x8a, 0x93, 0x9e);  // queued
}

QString stageStateText(const QString& state)
{
    // lupdate files these tr() calls under the enclosing namespace, so that is their context at run time too.
    auto tr = [](const char* s) { return QCoreApplication::translate("cairn::widgets", s); };
    if (state == QLatin1String("queued"))
        return tr("queued");
    if (state == QLatin1String("running"))
        return tr("running");
    if (state == QLatin1String("done"))
        return tr("done");
    if (state == QLatin1String("cached"))
        return tr("cached");
    if (state == QLatin1String("failed"))
        return tr("failed");
    if (state == QLatin1String("skipped"))
        return tr("skipped");
    if (state == QLatin1String("not-run"))
        return tr("not run");
    return state;
}

NodeItem::NodeItem(const QString& name) : m_name(name)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(false);
    setZValue(1);
    setData(0, name);
}

void NodeItem::setNode(const pl::EntryNode& node)
{
    const double oldHeight = m_height;
    m_inputs.clear();
    m_outputs.clear();
    const double half = kNodeWidth / 2 - 14;
    for (const auto& in : node.inputs)
        m_inputs << elided(QString::fromStdString(in), smallFont(), half);
    m_outputKinds.clear();
    for (const auto& out : node.outputs) {
        m_outputs << elided(QString::fromStdString(out.path), smallFont(), half);
        m_outputKinds << static_cast<int>(out.kind);
    }
    QString sub;
    // Same context as stageStateText(): NodeItem has no tr(), and a literal "NodeItem" would be requalified by
    // translations/update_ts.sh. int(), not static_cast: lupdate drops a translate() whose count has a template.
    if (node.kind == pl::StageEntry::Kind::Matrix)
        sub = QCoreApplication::translate("cairn::widgets", "matrix · %n stage(s)", nullptr, int(node.stages.size()));
    else if (node.kind == pl::StageEntry::Kind::Foreach)
        sub = QCoreApplication::translate("cairn::widgets", "foreach · %n stage(s)", nullptr, int(node.stages.size()));
    else
        sub = QString::fromStdString(node.desc.empty() ? node.cmd : node.desc);
    if (node.gpus > 0)
        sub = QCoreApplication::translate("cairn::widgets", "%n GPU(s) · ", nullptr, node.gpus) + sub;
    m_subtitle = sub;
    m_problems.clear();
    m_errors = m_warnings = 0;
    for (const auto& d : node.problems) {
        (d.severity == pl::Severity::Error ? m_errors : m_warnings)++;
        m_problems << QStringLiteral("%1:%2: %3: %4")
                          .arg(d.pos.line)
                          .arg(d.pos.column)
                          .arg(d.severity == pl::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"),
                               QString::fromStdString(d.message));
    }
    m_height = nodeHeight(node);
    if (m_height != oldHeight)
        prepareGeometryChange();
    layoutTexts();
    updateToolTip();
    update();
}

void NodeItem::setRunStates(const QStringList& states, const QString& summary)
{
    if (states == m_states && summary == m_stateSummary)
        return;
    m_states = states;
    m_stateSummary = summary;
    m_state.clear();
    for (const QString& s : states)
        if (!s.isEmpty() && (m_state.isEmpty() || rank(s) < rank(m_state)))
            m_state = s;
    layoutTexts();
    updateToolTip();
    update();
}

void NodeItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b>").arg(m_name.toHtmlEscaped());
    if (!m_stateSummary.isEmpty())
        tip += QStringLiteral("<br>") + m_stateSummary.toHtmlEscaped();
    for (const QString& p : m_problems)
        tip += QStringLiteral("<br>") + p.toHtmlEscaped();
    setToolTip(tip);
}

QRectF NodeItem::boundingRect() const { return QRectF(-kMargin, -kMargin, kNodeWidth + 2 * kMargin, m_height + 2 * kMargin); }

QPointF NodeItem::inputPort(int i) const { return {0, kHeaderHeight + i * kPortRow + kPortRow / 2}; }
QPointF NodeItem::outputPort(int i) const { return {kNodeWidth, kHeaderHeight + i * kPortRow + kPortRow / 2}; }

int NodeItem::outputPortAt(QPointF p) const
{
    for (int i = 0; i < outputCount(); ++i) {
        const QPointF c = outputPort(i);
        if (std::abs(p.y() - c.y()) <= kPortRow / 2 && p.x() >= c.x() - 40 && p.x() <= c.x() + kPortRadius + 4)
            return i;
    }
    return -1;
}

int NodeItem::inputPortAt(QPointF p) const
{
    for (int i = 0; i < inputCount(); ++i) {
        const QPointF c = inputPort(i);
        if (std::abs(p.y() - c.y()) <= kPortRow / 2 && p.x() <= c.x() + 40 && p.x() >= c.x() - kPortRadius - 4)
            return i;
    }
    return -1;
}

void NodeItem::setDropTarget(bool on)
{
    if (on != m_dropTarget) {
        m_dropTarget = on;
        update();
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem* e : m_edges)
            e->adjust();
    return QGraphicsItem::itemChange(change, value);
}

// The texts are laid out once, as glyph runs, when the node or its state changes: a frame only
// draws glyphs, at whatever scale (QStaticText would lay them out again at each zoom step).
void NodeItem::layoutTexts()
{
    auto make = [](const QString& text, const QFont& font) { return CachedText(text, font); };
    m_pillWidth = 0;
    if (!m_state.isEmpty()) {
        m_pillText = make(stageStateText(m_state), smallFont());
        m_pillWidth = m_pillText.size.width() + 14;
        if (m_states.size() > 1)
            m_pillWidth = std::max(m_pillWidth, static_cast<double>(m_states.size()) * 9);
    }
    const double titleWidth = kNodeWidth - 24 - m_pillWidth;
    m_titleText = make(QFontMetricsF(titleFont()).elidedText(m_name, Qt::ElideRight, titleWidth), titleFont());
    m_subText = make(QFontMetricsF(smallFont()).elidedText(m_subtitle, Qt::ElideRight, kNodeWidth - 24 - (m_states.size() > 1 ? m_pillWidth : 0)),
                     smallFont());
    m_inTexts.clear();
    m_outTexts.clear();
    for (const QString& s : m_inputs)
        m_inTexts.push_back(make(s, smallFont()));
    for (const QString& s : m_outputs)
        m_outTexts.push_back(make(s, smallFont()));
    m_farWidth = -100;
}

// Painting sets every pen, brush, font and hint it uses: the view does not save the painter's
// state around each item (QGraphicsView::DontSavePainterState).
void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform());
    const QRectF card(0, 0, kNodeWidth, m_height);
    const bool selected = option->state & QStyle::State_Selected;
    const QColor accent = m_state.isEmpty() ? QColor(0x5b, 0x6b, 0x7f) : stageStateColor(m_state);
    QPen border(selected ? QColor(0x1f, 0x77, 0xd0) : m_errors ? QColor(0xd1, 0x34, 0x38) : QColor(0xb4, 0xbc, 0xc8),
                selected || m_errors ? 2 : 1);
    if (m_dropTarget)
        border = QPen(QColor(0x1f, 0x77, 0xd0), 2.5, Qt::DashLine);
    if (lod < 0.3) {  // far out: a block in the state's colour and the name, nothing else
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(border);
        p->setBrush(m_state.isEmpty() ? QColor(0xf4, 0xf6, 0xf8) : accent.lighter(160));
        p->drawRect(card);
        if (lod > 0.12) {
            // The name at a fixed size on screen, drawn without the scale: its glyphs stay in
            // the glyph cache from one zoom step to the next (scaled text would be rasterised
            // anew at every step, which is most of a zoom frame at 1,000 nodes).
            const double screenWidth = kNodeWidth * lod - 6;
            if (std::abs(screenWidth - m_farWidth) > 4) {
                m_farWidth = screenWidth;
                m_farName = CachedText(QFontMetricsF(farFont()).elidedText(m_name, Qt::ElideRight, screenWidth), farFont());
            }
            const QPointF c = p->worldTransform().map(QPointF(kNodeWidth / 2, m_height / 2));
            const QSizeF sz = m_farName.size;
            const QTransform t = p->worldTransform();
            p->resetTransform();
            p->setPen(Qt::black);
            m_farName.draw(p, QPointF(std::round(c.x() - sz.width() / 2), std::round(c.y() - sz.height() / 2)));
            p->setWorldTransform(t);
        }
        return;
    }
    p->setRenderHint(QPainter::Antialiasing, lod > 0.6);
    p->setPen(border);
    p->setBrush(Qt::white);
    p->drawRoundedRect(card, 6, 6);
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    p->drawRect(QRectF(0, 2, 4, m_height - 4));

    if (!m_state.isEmpty()) {
        const double w = m_pillText.size.width() + 14;
        const QRectF pill(kNodeWidth - w - 8, 7, w, 16);
        p->setPen(Qt::NoPen);
        p->setBrush(accent);
        p->drawRoundedRect(pill, 8, 8);
        p->setFont(smallFont());
        p->setPen(Qt::white);
        m_pillText.draw(p, QPointF(pill.x() + 7, pill.y() + (16 - m_pillText.size.height()) / 2));
        if (m_states.size() > 1) {  // one dot per generated stage
            double x = kNodeWidth - 12;
            p->setPen(Qt::NoPen);
            for (auto it = m_states.crbegin(); it != m_states.crend() && x > kNodeWidth / 2; ++it, x -= 9) {
                p->setBrush(it->isEmpty() ? QColor(0xdd, 0xe1, 0xe6) : stageStateColor(*it));
                p->drawEllipse(QPointF(x, 31), 3.2, 3.2);
            }
        }
    }
    p->setFont(titleFont());
    p->setPen(QColor(0x20, 0x24, 0x2a));
    m_titleText.draw(p, QPointF(12, 15 - m_titleText.size.height() / 2));
    if (lod > 0.45) {
        p->setFont(smallFont());
        p->setPen(QColor(0x6b, 0x74, 0x80));
        m_subText.draw(p, QPointF(12, 32 - m_subText.size.height() / 2));
        p->setPen(QColor(0xe6, 0xe9, 0xed));
        p->drawLine(QPointF(6, kHeaderHeight - 3), QPointF(kNodeWidth - 6, kHeaderHeight - 3));
        p->setPen(QColor(0x3a, 0x40, 0x48));
        for (int i = 0; i < inputCount(); ++i)
            m_inTexts[i].draw(p, QPointF(10, kHeaderHeight + i * kPortRow + (kPortRow - m_inTexts[i].size.height()) / 2));
        for (int i = 0; i < outputCount(); ++i)
            m_outTexts[i].draw(p, QPointF(kNodeWidth - 10 - m_outTexts[i].size.width(),
                                          kHeaderHeight + i * kPortRow + (kPortRow - m_outTexts[i].size.height()) / 2));
    }
    p->setPen(QPen(Qt::white, 1.5));
    p->setBrush(QColor(0x60, 0x7d, 0x8b));
    for (int i = 0; i < inputCount(); ++i)
        p->drawEllipse(inputPort(i), kPortRadius, kPortRadius);
    for (int i = 0; i < outputCount(); ++i) {
        // outs green, metrics purple, plots orange
        const int kind = m_outputKinds.value(i);
        p->setBrush(kind == static_cast<int>(pl::Output::Kind::Metric) ? QColor(0x80, 0x4f, 0xb3)
                    : kind == static_cast<int>(pl::Output::Kind::Plot) ? QColor(0xe0, 0x8a, 0x1e)
                                                                         : QColor(0x2e, 0x9d, 0x4f));
        p->drawEllipse(outputPort(i), kPortRadius, kPortRadius);
    }
    if (m_errors || m_warnings) {  // the problem badge on the top-right corner
        const QPointF c(kNodeWidth - 2, 2);
        p->setPen(QPen(Qt::white, 1.5));
        p->setBrush(m_errors ? QColor(0xd1, 0x34, 0x38) : QColor(0xe0, 0x8a, 0x1e));
        p->drawEllipse(c, 9, 9);
        p->setFont(smallFont());
        p->setPen(Qt::white);
        p->drawText(QRectF(c.x() - 9, c.y() - 9, 18, 18), Qt::AlignCenter, QString::number(m_errors ? m_errors : m_warnings));
    }
}

} // namespace cairn::widgets
