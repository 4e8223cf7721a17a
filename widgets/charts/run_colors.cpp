#include "widgets/charts/run_colors.h"

#include "widgets/charts/compare_series.h"

#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn::widgets {
namespace {

// viridis(16), evenly spaced over [0, 1] (matplotlib's colour map as R's viridis() samples it).
constexpr QRgb kViridis[] = {0x440154, 0x481a6c, 0x472f7d, 0x414487, 0x39568c, 0x31688e, 0x2a788e, 0x23888e,
                             0x1f988b, 0x22a884, 0x35b779, 0x54c568, 0x7ad151, 0xa5db36, 0xd2e21b, 0xfde725};
constexpr double kTop = 0.85;  // the palest yellows vanish on a white chart
constexpr int kMaxCategories = 12;

QString shortNumber(double v) { return QString::number(v, 'g', 4); }

} // namespace

QColor gradientColor(double t)
{
    if (!std::isfinite(t))
        t = 0;
    const double x = std::clamp(t, 0.0, 1.0) * kTop * 15.0;
    const int i = std::min(14, static_cast<int>(std::floor(x)));
    const double f = x - i;
    const QColor a(kViridis[i]), b(kViridis[i + 1]);
    auto mix = [f](int p, int q) { return static_cast<int>(std::lround(p + (q - p) * f)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QColor missingValueColor() { return QColor(0xb0, 0xb4, 0xba); }

RunColoring colorRuns(const PlotTable& table, const QString& fieldName)
{
    RunColoring c;
    const std::size_t n = table.runs.size();
    for (std::size_t i = 0; i < n; ++i)
        c.colors.push_back(seriesColor(static_cast<int>(i)));
    const PlotField* field = fieldName.isEmpty() ? nullptr : table.field(fieldName);
    if (!field)
        return c;
    c.field = field->name;
    if (field->numeric) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i = 0; i < n; ++i)
            if (auto v = field->position(i); v && std::isfinite(*v)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
        if (!std::isfinite(lo)) {  // only NaN or infinities: nothing to spread
            c.colors.assign(n, missingValueColor());
            c.anyMissing = true;
            c.kind = RunColoring::Kind::Numeric;
            return c;
        }
        c.kind = RunColoring::Kind::Numeric;
        c.lo = lo;
        c.hi = hi;
        c.log = field->suggestsLog();
        auto t = [&](double v) {
            if (hi <= lo)
                return 0.5;
            return c.log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo)) : (v - lo) / (hi - lo);
        };
        for (std::size_t i = 0; i < n; ++i) {
            auto v = field->position(i);
            if (!v || !std::isfinite(*v)) {
                // +inf / -inf sit at the ends; missing and NaN are grey.
                c.colors[i] = v && *v > 0 ? gradientColor(1) : v ? gradientColor(0) : missingValueColor();
                c.anyMissing = c.anyMissing || !v;
                continue;
            }
            c.colors[i] = gradientColor(t(*v));
        }
        return c;
    }
    c.kind = RunColoring::Kind::Categorical;
    for (qsizetype k = 0; k < field->categories.size(); ++k)
        c.categories.emplace_back(field->categories[k], seriesColor(static_cast<int>(k)));
    for (std::size_t i = 0; i < n; ++i) {
        auto v = field->position(i);
        c.colors[i] = v ? seriesColor(static_cast<int>(*v)) : missingValueColor();
        c.anyMissing = c.anyMissing || !v;
    }
    return c;
}

ColorKey::ColorKey(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("compareColorKey"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    hide();
}

void ColorKey::setColoring(const RunColoring& coloring)
{
    m_coloring = coloring;
    setVisible(coloring.kind != RunColoring::Kind::ByRun);
    updateGeometry();
    update();
}

QSize ColorKey::sizeHint() const
{
    const int line = fontMetrics().height();
    int rows = 0;
    if (m_coloring.kind == RunColoring::Kind::Numeric)
        rows = 2;
    else if (m_coloring.kind == RunColoring::Kind::Categorical)
        rows = std::min<int>(static_cast<int>(m_coloring.categories.size()), kMaxCategories)
             + (m_coloring.categories.size() > kMaxCategories ? 1 : 0);
    if (m_coloring.anyMissing)
        ++rows;
    return QSize(160, rows * (line + 2) + 4);
}

void ColorKey::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int line = fontMetrics().height() + 2;
    const QColor text = palette().color(QPalette::WindowText);
    const double w = width() - 2;
    int y = 2;
    auto swatchRow = [&](const QColor& color, const QString& label) {
        p.setPen(color.darker(130));
        p.setBrush(color);
        p.drawRoundedRect(QRectF(1, y + (line - 12) / 2.0, 12, 12), 3, 3);
        p.setPen(text);
        p.drawText(QRectF(18, y, w - 18, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(label, Qt::ElideRight, static_cast<int>(w - 18)));
        y += line;
    };
    if (m_coloring.kind == RunColoring::Kind::Numeric) {
        QLinearGradient g(1, 0, w, 0);
        for (int i = 0; i <= 10; ++i)
            g.setColorAt(i / 10.0, gradientColor(i / 10.0));
        p.setPen(Qt::NoPen);
        p.setBrush(g);
        p.drawRoundedRect(QRectF(1, y + 2, w - 1, line - 4), 3, 3);
        y += line;
        p.setPen(text);
        p.drawText(QRectF(1, y, w, line), Qt::AlignLeft | Qt::AlignVCenter, shortNumber(m_coloring.lo));
        if (m_coloring.log)
            p.drawText(QRectF(1, y, w, line), Qt::AlignHCenter | Qt::AlignVCenter, tr("log"));
        p.drawText(QRectF(1, y, w, line), Qt::AlignRight | Qt::AlignVCenter, shortNumber(m_coloring.hi));
        y += line;
    } else if (m_coloring.kind == RunColoring::Kind::Categorical) {
        const int shown = std::min<int>(static_cast<int>(m_coloring.categories.size()), kMaxCategories);
        for (int i = 0; i < shown; ++i)
            swatchRow(m_coloring.categories[static_cast<std::size_t>(i)].second,
                      m_coloring.categories[static_cast<std::size_t>(i)].first);
        if (static_cast<int>(m_coloring.categories.size()) > shown) {
            p.setPen(text);
            p.drawText(QRectF(18, y, w - 18, line), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("+%n more", nullptr, static_cast<int>(m_coloring.categories.size()) - shown));
            y += line;
        }
    }
    if (m_coloring.anyMissing)
        swatchRow(missingValueColor(), tr("no value"));
}

} // namespace cairn::widgets
