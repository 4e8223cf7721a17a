#include "widgets/lineage/histogram_widget.h"

#include "engine/core/text.h"

#include <QPainter>

#include <algorithm>

namespace cairn::widgets {

HistogramWidget::HistogramWidget(QWidget* parent) : QWidget(parent) { setMinimumHeight(140); }

void HistogramWidget::setColumn(const ColumnProfile& column)
{
    m_column = column;
    m_has = true;
    update();
}

void HistogramWidget::clear()
{
    m_has = false;
    update();
}

void HistogramWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    const QColor bar(0x42, 0x85, 0xf4);
    const QFontMetrics fm(font());
    if (!m_has) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Select a column to see its histogram"));
        return;
    }
    const QRect area = rect().adjusted(8, fm.height() + 8, -8, -fm.height() - 8);
    p.setPen(palette().color(QPalette::Text));
    QString title = QString::fromStdString(m_column.name) + QStringLiteral("  (") + QString::fromStdString(m_column.type) + QLatin1Char(')');
    if (m_column.numeric && m_column.numeric->histogram.sampled)
        title += tr(" — from a uniform sample");
    p.drawText(QRect(8, 4, width() - 16, fm.height()), Qt::AlignLeft, title);
    if (m_column.numeric) {
        const Histogram& h = m_column.numeric->histogram;
        if (h.counts.empty()) {
            p.drawText(area, Qt::AlignCenter, tr("no finite values"));
            return;
        }
        const std::uint64_t top = *std::max_element(h.counts.begin(), h.counts.end());
        const double w = static_cast<double>(area.width()) / static_cast<double>(h.counts.size());
        p.setPen(Qt::NoPen);
        p.setBrush(bar);
        for (std::size_t i = 0; i < h.counts.size(); ++i) {
            const double hh = top ? static_cast<double>(h.counts[i]) / static_cast<double>(top) * area.height() : 0;
            p.drawRect(QRectF(area.left() + w * static_cast<double>(i) + 1, area.bottom() - hh, std::max(1.0, w - 2), hh));
        }
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(area.left(), area.bottom() + 4, area.width() / 2, fm.height()), Qt::AlignLeft,
                   QString::fromStdString(formatDouble(h.edges.front())));
        p.drawText(QRect(area.center().x(), area.bottom() + 4, area.width() / 2, fm.height()), Qt::AlignRight,
                   QString::fromStdString(formatDouble(h.edges.back())));
        return;
    }
    if (m_column.top.empty()) {
        p.drawText(area, Qt::AlignCenter, tr("no values"));
        return;
    }
    // Most frequent values as horizontal bars, the rest as "other".
    std::vector<ValueCount> rows = m_column.top;
    if (m_column.otherCount > 0)
        rows.push_back({tr("(other)").toStdString(), m_column.otherCount});
    std::uint64_t top = 0;
    for (const auto& r : rows)
        top = std::max(top, r.count);
    const int labelWidth = std::min(area.width() / 3, 160);
    const double rowH = std::min(22.0, static_cast<double>(area.height() + fm.height()) / static_cast<double>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = area.top() - fm.height() + rowH * static_cast<double>(i);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(area.left(), y, labelWidth - 6, rowH), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(QString::fromStdString(rows[i].value), Qt::ElideRight, labelWidth - 6));
        const double bw = top ? static_cast<double>(rows[i].count) / static_cast<double>(top) * (area.width() - labelWidth - 60) : 0;
        p.setPen(Qt::NoPen);
        p.setBrush(i + 1 == rows.size() && m_column.otherCount > 0 ? QColor(0xbd, 0xbd, 0xbd) : bar);
        p.drawRect(QRectF(area.left() + labelWidth, y + 2, std::max(1.0, bw), rowH - 4));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(area.left() + labelWidth + bw + 4, y, 56, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::number(rows[i].count));
    }
}

} // namespace cairn::widgets
