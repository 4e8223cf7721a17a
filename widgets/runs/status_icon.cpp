#include "widgets/runs/status_icon.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace cairn::widgets {
namespace {

QPixmap drawIcon(RunStatus status, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF disc(s * 0.08, s * 0.08, s * 0.84, s * 0.84);
    const QColor color = statusColor(status);
    QPen glyph(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);

    switch (status) {
    case RunStatus::Queued:
        // Hollow ring with a clock hand: waiting.
        p.setPen(QPen(color, s * 0.12));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04));
        p.setPen(QPen(color, s * 0.1, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.28));
        p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.66, s * 0.58));
        break;
    case RunStatus::Running: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        // Play triangle.
        QPainterPath tri;
        tri.moveTo(s * 0.40, s * 0.30);
        tri.lineTo(s * 0.72, s * 0.50);
        tri.lineTo(s * 0.40, s * 0.70);
        tri.closeSubpath();
        p.setBrush(Qt::white);
        p.drawPath(tri);
        break;
    }
    case RunStatus::Finished:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setPen(glyph);
        p.drawPolyline(std::array{QPointF(s * 0.30, s * 0.52), QPointF(s * 0.44, s * 0.66),
                                  QPointF(s * 0.70, s * 0.36)}.data(), 3);
        break;
    case RunStatus::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setPen(glyph);
        p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    case RunStatus::Killed:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(disc);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(s * 0.34, s * 0.34, s * 0.32, s * 0.32));
        break;
    }
    return pm;
}

} // namespace

QColor statusColor(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return QColor(0x8a, 0x93, 0x9e);
    case RunStatus::Running: return QColor(0x1f, 0x77, 0xd0);
    case RunStatus::Finished: return QColor(0x2e, 0x9d, 0x4f);
    case RunStatus::Failed: return QColor(0xd1, 0x34, 0x38);
    case RunStatus::Killed: return QColor(0xe0, 0x8a, 0x1e);
    }
    return Qt::gray;
}

QIcon statusIcon(RunStatus status)
{
    static std::array<QIcon, 5> cache;
    QIcon& icon = cache[static_cast<std::size_t>(status)];
    if (icon.isNull()) {
        for (int size : {16, 24, 32, 48})
            icon.addPixmap(drawIcon(status, size));
    }
    return icon;
}

QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return QCoreApplication::translate("cairn::widgets::Status", "Queued");
    case RunStatus::Running: return QCoreApplication::translate("cairn::widgets::Status", "Running");
    case RunStatus::Finished: return QCoreApplication::translate("cairn::widgets::Status", "Finished");
    case RunStatus::Failed: return QCoreApplication::translate("cairn::widgets::Status", "Failed");
    case RunStatus::Killed: return QCoreApplication::translate("cairn::widgets::Status", "Killed");
    }
    return {};
}

} // namespace cairn::widgets
