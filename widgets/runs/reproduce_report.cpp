#include "widgets/runs/reproduce_report.h"

#include <QHeaderView>
#include <QJsonArray>

namespace cairn::widgets {
namespace {

QString side(const QJsonValue& v) { return v.isNull() ? ReproduceReport::tr("(absent)") : v.toString(); }

} // namespace

ReproduceReport::ReproduceReport(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("Field"), tr("Original"), tr("Reproduction"), tr("Change")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setStretchLastSection(true);
}

void ReproduceReport::setReport(const QJsonObject& report)
{
    clear();
    m_differences = 0;
    const QJsonObject c = report.value(QStringLiteral("comparison")).toObject();
    m_identical = c.value(QStringLiteral("results_identical")).toBool();
    const std::pair<const char*, QString> sections[] = {
        {"status", tr("Status")},   {"params", tr("Parameters")},         {"metrics", tr("Metrics (last values)")},
        {"outputs", tr("Outputs (content hashes)")}, {"environment", tr("Environment")}};
    for (const auto& [key, title] : sections) {
        const QJsonObject s = c.value(QLatin1String(key)).toObject();
        const QJsonArray differ = s.value(QStringLiteral("differ")).toArray();
        const int same = s.value(QStringLiteral("same")).toInt();
        auto* top = new QTreeWidgetItem(this);
        top->setText(0, title);
        top->setText(1, differ.isEmpty() ? (same == 0 ? tr("nothing to compare") : tr("all %n the same", nullptr, same))
                                         : tr("%n differ(s)", nullptr, static_cast<int>(differ.size())) + QStringLiteral(", ")
                                               + tr("%n the same", nullptr, same));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFirstColumnSpanned(false);
        for (const auto& v : differ) {
            const QJsonObject f = v.toObject();
            auto* row = new QTreeWidgetItem(top);
            QString original = side(f.value(QStringLiteral("original")));
            QString repro = side(f.value(QStringLiteral("reproduction")));
            if (QLatin1String(key) == QLatin1String("outputs")) {  // hashes: the first 12 digits tell them apart
                original = original.left(12);
                repro = repro.left(12);
            }
            row->setText(0, f.value(QStringLiteral("field")).toString());
            row->setText(1, original);
            row->setText(2, repro);
            row->setText(3, f.value(QStringLiteral("note")).toString());
            row->setToolTip(1, f.value(QStringLiteral("original")).toString());
            row->setToolTip(2, f.value(QStringLiteral("reproduction")).toString());
            ++m_differences;
        }
        top->setExpanded(!differ.isEmpty() && QLatin1String(key) != QLatin1String("environment"));
        if (QLatin1String(key) == QLatin1String("environment") && differ.size() <= 12)
            top->setExpanded(!differ.isEmpty());
    }
    for (int i = 0; i < 3; ++i)
        resizeColumnToContents(i);
}

} // namespace cairn::widgets
