#include "widgets/reports/drift_histogram.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace cairn::widgets {
namespace {

const QColor kRef(0x99, 0xaa, 0xaa);
const QColor kCur(0xee, 0x88, 0x00);

} // namespace

DriftHistogram::DriftHistogram(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void DriftHistogram::setData(const QString& title, const std::vector<std::string>& labels, const std::vector<double>& ref,
                             const std::vector<double>& cur)
{
    m_title = title;
    if (labels.size() == ref.size() && labels.size() == cur.size()) {
        m_labels = labels;
        m_ref = ref;
        m_cur = cur;
    } else {
        m_labels.clear();
        m_ref.clear();
        m_cur.clear();
    }
    update();
}

void DriftHistogram::clear() { setData({}, {}, {}, {}); }

QRectF DriftHistogram::plotRect() const
{
    const int fh = fontMetrics().height();
    return QRectF(44, fh * 3 + 4, std::max(10, width() - 56), std::max(10, height() - fh * 5 - 8));
}

int DriftHistogram::binAt(const QPoint& p) const
{
    const QRectF r = plotRect();
    if (m_labels.empty() || !r.contains(p))
        return -1;
    const int i = static_cast<int>((p.x() - r.left()) / (r.width() / double(m_labels.size())));
    return std::clamp(i, 0, static_cast<int>(m_labels.size()) - 1);
}

void DriftHistogram::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().text().color());
    p.drawText(QRectF(8, 4, width() - 16, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    if (m_labels.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No histogram for this column."));
        return;
    }
    // Legend.
    const int ly = 6 + fm.height();
    int lx = 8;
    for (auto [color, text] : {std::pair{kRef, tr("reference")}, std::pair{kCur, tr("current")}}) {
        p.fillRect(QRect(lx, ly + fm.height() / 4, 10, 10), color);
        lx += 14;
        p.drawText(QPoint(lx, ly + fm.ascent()), text);
        lx += fm.horizontalAdvance(text) + 16;
    }
    const QRectF r = plotRect();
    double top = 0;
    for (std::size_t i = 0; i < m_labels.size(); ++i)
        top = std::max({top, m_ref[i], m_cur[i]});
    if (top <= 0)
        top = 1;
    // Axis and the highest share.
    p.setPen(palette().mid().color());
    p.drawLine(r.bottomLeft(), r.bottomRight());
    p.drawLine(r.bottomLeft(), r.topLeft());
    p.setPen(palette().text().color());
    p.drawText(QRectF(0, r.top() - fm.height() / 2.0, r.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(top * 100, 'f', top < 0.1 ? 1 : 0) + "%");
    p.drawText(QRectF(0, r.bottom() - fm.height() / 2.0, r.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, "0");
    const double bw = r.width() / double(m_labels.size());
    const double gap = bw > 6 ? 1 : 0;
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        const double x = r.left() + bw * double(i);
        const double hr = m_ref[i] / top * r.height(), hc = m_cur[i] / top * r.height();
        p.fillRect(QRectF(x + gap, r.bottom() - hr, bw / 2 - gap, hr), kRef);
        p.fillRect(QRectF(x + bw / 2, r.bottom() - hc, bw / 2 - gap, hc), kCur);
    }
    // First and last bin labels (every label when there is room).
    const double labelY = r.bottom() + 4;
    bool all = true;
    for (const auto& l : m_labels)
        all = all && fm.horizontalAdvance(QString::fromStdString(l)) + 6 < bw;
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        if (!all && i != 0 && i + 1 != m_labels.size())
            continue;
        const QString text = fm.elidedText(QString::fromStdString(m_labels[i]), Qt::ElideRight, all ? int(bw) : int(r.width() / 2) - 4);
        const Qt::Alignment a = all ? Qt::AlignHCenter : (i == 0 ? Qt::AlignLeft : Qt::AlignRight);
        const QRectF box = all ? QRectF(r.left() + bw * double(i), labelY, bw, fm.height())
                               : (i == 0 ? QRectF(r.left(), labelY, r.width() / 2, fm.height())
                                         : QRectF(r.center().x(), labelY, r.width() / 2, fm.height()));
        p.drawText(box, a | Qt::AlignTop, text);
    }
}

bool DriftHistogram::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int i = binAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const auto k = std::size_t(i);
        QToolTip::showText(help->globalPos(), tr("%1\nreference %2%\ncurrent %3%")
                                                  .arg(QString::fromStdString(m_labels[k]))
                                                  .arg(m_ref[k] * 100, 0, 'f', 2)
                                                  .arg(m_cur[k] * 100, 0, 'f', 2), this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace cairn::widgets
