// Status icons and names for runs: one colour per RunStatus, drawn with QPainter (crisp at any DPI).
#pragma once

#include "engine/store/types.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace cairn::widgets {

QColor statusColor(RunStatus status);
QIcon statusIcon(RunStatus status);
// Translated, capitalised status name for display ("Running").
QString statusText(RunStatus status);

} // namespace cairn::widgets
