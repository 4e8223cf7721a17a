#include "widgets/charts/plot_table.h"

#include "widgets/charts/compare_series.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace cairn::widgets {

std::optional<double> PlotField::position(std::size_t run) const
{
    if (!has(run))
        return std::nullopt;
    if (numeric) {
        if (run >= numbers.size() || !numbers[run] || std::isnan(*numbers[run]))
            return std::nullopt;
        return numbers[run];
    }
    const qsizetype i = categories.indexOf(*texts[run]);
    return i < 0 ? std::nullopt : std::optional<double>(static_cast<double>(i));
}

bool PlotField::suggestsLog() const
{
    if (!numeric)
        return false;
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& v : numbers) {
        if (!v || !std::isfinite(*v))
            continue;
        if (*v <= 0)
            return false;
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
    }
    return std::isfinite(lo) && hi / lo >= 100;
}

QString PlotField::text(std::size_t run) const { return has(run) ? *texts[run] : QStringLiteral("—"); }

const PlotField* PlotTable::field(const QString& name) const
{
    for (const PlotField& f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

int PlotTable::runIndex(const QString& id) const
{
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].id == id)
            return static_cast<int>(i);
    return -1;
}

QStringList PlotTable::names() const
{
    QStringList out;
    for (const PlotField& f : fields)
        out << f.name;
    return out;
}

QStringList PlotTable::defaultParallelFields() const
{
    QStringList out;
    for (const PlotField& f : fields)
        if (f.name.startsWith(QLatin1String("params.")) && f.differs)
            out << f.name;
    for (const PlotField& f : fields)
        if (f.name.startsWith(QLatin1String("metrics.")))
            out << f.name;
    return out;
}

PlotTable plotTableFrom(const std::vector<RunSummary>& runs, const std::vector<analysis::CompareRow>& rows)
{
    PlotTable table;
    for (std::size_t i = 0; i < runs.size(); ++i)
        table.runs.push_back({QString::fromStdString(runs[i].run.id), QString::fromStdString(runs[i].run.name),
                              seriesColor(static_cast<int>(i))});
    for (const analysis::CompareRow& row : rows) {
        if (row.field == "name" || row.field == "command")
            continue;
        PlotField f;
        f.name = QString::fromStdString(row.field);
        f.title = f.name;
        f.differs = row.differs;
        bool any = false;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const bool has = r < row.values.size() && row.values[r].has_value();
            f.texts.push_back(has ? std::optional<QString>(QString::fromStdString(*row.values[r])) : std::nullopt);
            any = any || has;
        }
        if (!any)
            continue;
        if (!row.numbers.empty()) {
            f.numeric = true;
            f.numbers = row.numbers;
            f.numbers.resize(runs.size());
            if (row.field == "duration") {  // stored in ms; seconds read better on an axis
                for (auto& v : f.numbers)
                    if (v)
                        *v /= 1000.0;
                f.title = QStringLiteral("duration (s)");
            }
        } else {
            // Params and tags are text; a field whose every value reads as a number is numeric.
            f.numeric = true;
            for (const auto& t : f.texts) {
                bool ok = true;
                const double v = t ? t->trimmed().toDouble(&ok) : 0.0;
                f.numbers.push_back(t ? std::optional<double>(v) : std::nullopt);
                f.numeric = f.numeric && ok;
            }
            if (!f.numeric) {
                f.numbers.clear();
                std::set<QString> distinct;
                for (const auto& t : f.texts)
                    if (t)
                        distinct.insert(*t);
                f.categories = QStringList(distinct.begin(), distinct.end());
                QCollator collator;
                collator.setNumericMode(true);
                std::stable_sort(f.categories.begin(), f.categories.end(),
                                 [&](const QString& a, const QString& b) { return collator.compare(a, b) < 0; });
            }
        }
        table.fields.push_back(std::move(f));
    }
    return table;
}

QString plotValueText(const PlotField& field, std::size_t run)
{
    if (!field.has(run))
        return {};
    if (field.numeric && run < field.numbers.size() && field.numbers[run])
        return QString::number(*field.numbers[run], 'g', QLocale::FloatingPointShortest);
    return *field.texts[run];
}

QString csvQuote(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
    return s;
}

} // namespace cairn::widgets
