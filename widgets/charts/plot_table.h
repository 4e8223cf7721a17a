// What the scatter and parallel-coordinates charts plot: one value per run and field, numeric or
// categorical, in Cairn's own types (no chart library), built from the comparison's rows.
#pragma once

#include "engine/analysis/run_compare.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cairn::widgets {

struct PlotRun {
    QString id;
    QString label;
    QColor color;
};

// One field (a search-language name: "params.lr", "metrics.loss", "min(metrics.loss)") across
// the runs. Numeric when every run that has it has a finite-or-not number (metrics, exit_code,
// duration, params that all parse as numbers); categorical otherwise.
struct PlotField {
    QString name;
    QString title;  // for axis titles: the name, with a unit where the number has one
    bool numeric = false;
    bool differs = false;
    std::vector<std::optional<double>> numbers;  // numeric fields: one per run
    std::vector<std::optional<QString>> texts;   // one per run, as the diff table shows it; nullopt: missing
    // Categorical fields: the distinct values in display order (numbers by value, then text).
    QStringList categories;

    bool has(std::size_t run) const { return run < texts.size() && texts[run].has_value(); }
    // Position on an axis: the number, or the category's index. nullopt: missing (or NaN).
    std::optional<double> position(std::size_t run) const;
    QString text(std::size_t run) const;  // "—" when missing
    // Numbers all above zero spanning 100x or more (a learning-rate sweep): read best on a log
    // scale, where a linear one would crowd all but the largest at the bottom.
    bool suggestsLog() const;
};

struct PlotTable {
    std::vector<PlotRun> runs;
    std::vector<PlotField> fields;

    const PlotField* field(const QString& name) const;
    int runIndex(const QString& id) const;
    // Field names usable on an axis, in the comparison's order (params, tags, metrics).
    QStringList names() const;
    // Sensible defaults: params that differ between runs, then each metric's last value.
    QStringList defaultParallelFields() const;
};

// The plottable part of a comparison: exit_code, duration, experiment, status, params, tags and
// metrics (last, min, max). The run's name and command are left out. Colours start by run.
PlotTable plotTableFrom(const std::vector<RunSummary>& runs, const std::vector<analysis::CompareRow>& rows);

// A field's values as the label of a CSV cell or a tooltip: numbers at full precision.
QString plotValueText(const PlotField& field, std::size_t run);
QString csvQuote(QString s);

} // namespace cairn::widgets
