// The card's charts as SVG (SVG Tiny 1.2 elements only, attributes inline, so that browsers and
// Qt's QSvgRenderer draw them alike): metrics with their confidence intervals, metrics by slice,
// and the training curves.
#include "engine/core/text.h"
#include "engine/registry/card.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cairn::registry {
namespace {

const char* kPalette[] = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795"};

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string label(double v)
{
    char buf[32];
    if (std::fabs(v) >= 1000 || (std::fabs(v) < 0.001 && v != 0))
        std::snprintf(buf, sizeof buf, "%.3g", v);
    else
        std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

struct Svg {
    std::ostringstream s;
    int width = 0, height = 0;
    Svg(int w, int h, const std::string& title) : width(w), height(h)
    {
        s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" width=\""
          << w << "\" height=\"" << h << "\" viewBox=\"0 0 " << w << " " << h << "\">\n<title>" << htmlEscape(title) << "</title>\n"
          << "<rect x=\"0\" y=\"0\" width=\"" << w << "\" height=\"" << h << "\" fill=\"#ffffff\"/>\n";
    }
    void text(double x, double y, const std::string& t, int size = 12, const char* anchor = "start", const char* fill = "#1a202c")
    {
        s << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"" << size
          << "\" text-anchor=\"" << anchor << "\" fill=\"" << fill << "\">" << htmlEscape(t) << "</text>\n";
    }
    void rect(double x, double y, double w, double h, const char* fill)
    {
        s << "<rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(std::max(0.0, w)) << "\" height=\"" << num(h)
          << "\" fill=\"" << fill << "\"/>\n";
    }
    void line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1)
    {
        s << "<line x1=\"" << num(x1) << "\" y1=\"" << num(y1) << "\" x2=\"" << num(x2) << "\" y2=\"" << num(y2) << "\" stroke=\""
          << stroke << "\" stroke-width=\"" << num(width) << "\"/>\n";
    }
    std::string done()
    {
        s << "</svg>\n";
        return s.str();
    }
};

// Horizontal bars, one row per metric, with the interval as a whisker. Values within [0, 1]
// share a 0..1 axis; otherwise each row is scaled to its own largest magnitude.
CardChart barChart(const std::vector<CardMetric>& rows, const std::string& title, bool withSlice)
{
    const int rowH = 26, top = 36, left = 230, width = 720, barW = width - left - 90;
    const int h = top + rowH * static_cast<int>(rows.size()) + 16;
    Svg svg(width, h, title);
    svg.text(12, 22, title, 14);
    bool unit = true;
    for (const auto& m : rows)
        for (double v : {m.value, m.low.value_or(m.value), m.high.value_or(m.value)})
            unit = unit && std::isfinite(v) && v >= 0 && v <= 1;
    if (unit) {
        for (int t = 0; t <= 4; ++t) {
            const double x = left + barW * t / 4.0;
            svg.line(x, top - 4, x, h - 12, "#e2e8f0");
            svg.text(x, top - 8, label(t / 4.0), 10, "middle", "#718096");
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CardMetric& m = rows[i];
        const double y = top + rowH * static_cast<double>(i);
        svg.text(left - 8, y + 16, withSlice ? m.name + " / " + m.slice : m.name, 12, "end");
        double scale = 1;
        if (!unit) {
            double mag = std::fabs(m.value);
            if (m.high)
                mag = std::max(mag, std::fabs(*m.high));
            scale = mag > 0 && std::isfinite(mag) ? mag * 1.1 : 1;
        }
        auto px = [&](double v) { return left + barW * std::clamp(std::isfinite(v) ? v / scale : 0.0, 0.0, 1.0); };
        svg.rect(left, y + 5, px(m.value) - left, rowH - 10, kPalette[(withSlice ? std::hash<std::string>{}(m.name) : i) % 6]);
        if (m.low && m.high) {
            const double cy = y + rowH / 2.0;
            svg.line(px(*m.low), cy, px(*m.high), cy, "#1a202c", 1.5);
            svg.line(px(*m.low), cy - 5, px(*m.low), cy + 5, "#1a202c", 1.5);
            svg.line(px(*m.high), cy - 5, px(*m.high), cy + 5, "#1a202c", 1.5);
        }
        svg.text(std::max(px(m.value), m.high ? px(*m.high) : 0.0) + 6, y + 16, label(m.value), 11);
    }
    return {{}, title, svg.done(), svg.width, svg.height};
}

// Small multiples: one panel per series, each with its own y range.
CardChart curveChart(const std::vector<CardSeries>& series, const std::string& title)
{
    const int cols = series.size() > 1 ? 2 : 1, panelW = 340, panelH = 180, top = 34;
    const int rows = static_cast<int>((series.size() + 1) / static_cast<std::size_t>(cols));
    const int width = cols * panelW + 20, h = top + rows * (panelH + 20);
    Svg svg(width, h, title);
    svg.text(12, 22, title, 14);
    for (std::size_t i = 0; i < series.size(); ++i) {
        const CardSeries& s = series[i];
        const double x0 = 10 + panelW * static_cast<double>(i % static_cast<std::size_t>(cols)) + 46;
        const double y0 = top + (panelH + 20) * static_cast<double>(i / static_cast<std::size_t>(cols)) + 20;
        const double w = panelW - 66, ph = panelH - 46;
        double xmin = s.points.front().first, xmax = s.points.back().first, ymin = s.points.front().second, ymax = ymin;
        for (const auto& [x, y] : s.points) {
            xmin = std::min(xmin, x);
            xmax = std::max(xmax, x);
            ymin = std::min(ymin, y);
            ymax = std::max(ymax, y);
        }
        if (xmax == xmin)
            xmax = xmin + 1;
        if (ymax == ymin) {
            ymax += 0.5;
            ymin -= 0.5;
        }
        svg.text(x0, y0 - 6, s.key, 12);
        svg.line(x0, y0 + ph, x0 + w, y0 + ph, "#a0aec0");
        svg.line(x0, y0, x0, y0 + ph, "#a0aec0");
        svg.text(x0 - 4, y0 + 10, label(ymax), 10, "end", "#718096");
        svg.text(x0 - 4, y0 + ph, label(ymin), 10, "end", "#718096");
        svg.text(x0, y0 + ph + 14, "step " + label(xmin), 10, "start", "#718096");
        svg.text(x0 + w, y0 + ph + 14, label(xmax), 10, "end", "#718096");
        svg.s << "<polyline fill=\"none\" stroke=\"" << kPalette[i % 6] << "\" stroke-width=\"2\" points=\"";
        for (const auto& [x, y] : s.points)
            svg.s << num(x0 + w * (x - xmin) / (xmax - xmin)) << "," << num(y0 + ph - ph * (y - ymin) / (ymax - ymin)) << " ";
        svg.s << "\"/>\n";
    }
    return {{}, title, svg.done(), svg.width, svg.height};
}

} // namespace

std::vector<CardChart> cardCharts(const CardData& c)
{
    std::vector<CardChart> out;
    std::vector<CardMetric> overall = c.metrics;
    overall.insert(overall.end(), c.fairness.begin(), c.fairness.end());
    auto add = [&](const char* id, const char* caption, CardChart chart) {
        chart.id = id;
        chart.title = caption;
        out.push_back(std::move(chart));
    };
    if (!overall.empty())
        add("metrics", "Metrics (bars: value; whiskers: confidence interval)", barChart(overall, "Metrics", false));
    if (!c.sliced.empty()) {
        std::vector<CardMetric> sorted = c.sliced;
        std::stable_sort(sorted.begin(), sorted.end(), [](const CardMetric& a, const CardMetric& b) { return a.name < b.name; });
        add("slices", "Metrics by slice", barChart(sorted, "Metrics by slice", true));
    }
    if (!c.curves.empty())
        add("curves", "Training curves", curveChart(c.curves, "Training curves"));
    return out;
}

} // namespace cairn::registry
