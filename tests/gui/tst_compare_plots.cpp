// The comparison's one-value-per-run views: scatter plot, parallel coordinates, summary table
// and "Colour by", over runs with known params and metrics (no database), plus a look at a real
// comparison window when CAIRN_TEST_SAVE_PLOTS names a folder for its screenshots.
#include "project_fixture.h"

#include "app/compare_window.h"
#include "widgets/charts/compare_chart.h"
#include "widgets/charts/parallel_chart.h"
#include "widgets/charts/plot_table.h"
#include "widgets/charts/run_colors.h"
#include "widgets/charts/scatter_chart.h"
#include "widgets/compare/compare_plots.h"
#include "widgets/compare/compare_view.h"
#include "widgets/compare/summary_table.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QListWidget>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cairn;
using widgets::ParallelChart;
using widgets::PlotTable;
using widgets::ScatterChart;

namespace {

struct Spec {
    const char* name;
    const char* lr;
    const char* batch;
    const char* optimizer;
    double lossLast, lossMin, lossMax;
    double acc;
};

// Four runs: lr spans three decades, batch_size is numeric, optimizer categorical, and run-3
// lacks the 'dropout' param the others have.
const Spec kSpecs[] = {
    {"run-0", "0.1", "32", "adam", 0.50, 0.40, 2.0, 0.80},
    {"run-1", "0.01", "64", "sgd", 0.30, 0.25, 2.1, 0.90},
    {"run-2", "0.001", "128", "adam", 0.90, 0.85, 2.2, 0.60},
    {"run-3", "0.03", "16", "sgd", 0.20, 0.20, 2.3, 0.95},
};

std::vector<RunSummary> makeRuns()
{
    std::vector<RunSummary> runs;
    int i = 0;
    for (const Spec& s : kSpecs) {
        RunSummary rs;
        rs.run.id = std::string(32, static_cast<char>('a' + i));
        rs.run.name = s.name;
        rs.run.status = RunStatus::Finished;
        rs.run.command = "python train.py";
        rs.run.params = {{"lr", s.lr}, {"batch_size", s.batch}, {"optimizer", s.optimizer}};
        if (i < 3)
            rs.run.params["dropout"] = "0.1";
        rs.metrics["loss"] = MetricSummary{"loss", 99, 0, s.lossLast, s.lossMin, s.lossMax, 100};
        rs.metrics["acc"] = MetricSummary{"acc", 99, 0, s.acc, 0.1, s.acc, 100};
        runs.push_back(rs);
        ++i;
    }
    return runs;
}

QString id(int i) { return QString(32, QChar('a' + i)); }

PlotTable makeTable()
{
    const auto runs = makeRuns();
    PlotTable t = widgets::plotTableFrom(runs, analysis::compareRuns(runs));
    // Pure colours, easy to find in a grabbed image.
    const QColor colors[] = {QColor(255, 0, 0), QColor(0, 160, 0), QColor(0, 0, 255), QColor(255, 0, 255)};
    for (std::size_t r = 0; r < t.runs.size(); ++r)
        t.runs[r].color = colors[r];
    return t;
}

bool near(QColor a, QColor b, int tolerance = 30)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

QStringList csvLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

QColor iconColor(const QIcon& icon)
{
    return icon.pixmap(14, 14).toImage().pixelColor(7, 7);
}

} // namespace

class TestComparePlots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void plotTableKnowsNumbersFromCategories()
    {
        const PlotTable t = makeTable();
        QCOMPARE(t.runs.size(), std::size_t(4));
        QVERIFY(!t.field("name") && !t.field("command"));
        const auto* lr = t.field("params.lr");
        QVERIFY(lr && lr->numeric && lr->differs);
        QCOMPARE(*lr->numbers[2], 0.001);
        const auto* opt = t.field("params.optimizer");
        QVERIFY(opt && !opt->numeric);
        QCOMPARE(opt->categories, QStringList({"adam", "sgd"}));
        QCOMPARE(*opt->position(1), 1.0);
        const auto* minLoss = t.field("min(metrics.loss)");
        QVERIFY(minLoss && minLoss->numeric);
        QCOMPARE(*minLoss->numbers[3], 0.20);
        const auto* dropout = t.field("params.dropout");
        QVERIFY(dropout && !dropout->position(3));
        QCOMPARE(t.defaultParallelFields(),
                 QStringList({"params.batch_size", "params.dropout", "params.lr", "params.optimizer", "metrics.acc", "metrics.loss"}));
    }

    void scatterPutsEachRunWhereItsValuesSay()
    {
        ScatterChart chart;
        chart.resize(640, 420);
        chart.setTable(makeTable());
        chart.setAxes("params.batch_size", "metrics.loss");
        const double batch[] = {32, 64, 128, 16}, loss[] = {0.50, 0.30, 0.90, 0.20};
        std::vector<QPointF> at;
        for (int i = 0; i < 4; ++i) {
            auto p = chart.dotPosition(id(i));
            QVERIFY(p.has_value());
            at.push_back(*p);
        }
        // Positions are linear in the values on both axes.
        for (int i : {1, 2, 3}) {
            QCOMPARE((at[i].x() - at[0].x()) / (at[1].x() - at[0].x()) + 1.0, (batch[i] - batch[0]) / (batch[1] - batch[0]) + 1.0);
            QCOMPARE((at[i].y() - at[0].y()) / (at[1].y() - at[0].y()) + 1.0, (loss[i] - loss[0]) / (loss[1] - loss[0]) + 1.0);
        }
        QVERIFY(at[3].x() < at[0].x() && at[0].x() < at[1].x() && at[1].x() < at[2].x());
        QVERIFY(at[2].y() < at[0].y());  // higher loss is higher up
        // The picture agrees with the mapping: each dot's centre has its run's colour.
        const QImage img = chart.grab().toImage();
        for (int i = 0; i < 4; ++i)
            QVERIFY2(near(img.pixelColor(at[i].toPoint()), chart.table().runs[i].color),
                     qPrintable(QString("run %1 at %2,%3").arg(i).arg(at[i].x()).arg(at[i].y())));
        QCOMPARE(chart.runAt(at[2] + QPointF(2, 1)), id(2));
        QVERIFY(chart.runAt(QPointF(2, 2)).isEmpty());
        const QString text = chart.readout(id(2));
        QVERIFY2(text.startsWith("run-2\n") && text.contains("params.batch_size: 128") && text.contains("metrics.loss: 0.9"),
                 qPrintable(text));
    }

    void scatterFieldPickersMoveTheDots()
    {
        widgets::ScatterView view;
        view.resize(700, 480);
        view.setTable(makeTable());
        // Defaults: a differing numeric param on x, the first metric on y.
        QCOMPARE(view.chart()->xField(), QString("params.batch_size"));
        QCOMPARE(view.chart()->yField(), QString("metrics.acc"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPointF before = *view.chart()->dotPosition(id(3));
        view.xCombo()->setCurrentIndex(view.xCombo()->findData("params.lr"));
        QCOMPARE(view.chart()->xField(), QString("params.lr"));
        QVERIFY(view.findChildren<QCheckBox*>()[0]->isChecked());  // lr spans decades: log x
        const QPointF after = *view.chart()->dotPosition(id(3));
        QVERIFY(std::abs(after.x() - before.x()) > 5);
        QCOMPARE(after.y(), before.y());
        view.yCombo()->setCurrentIndex(view.yCombo()->findData("min(metrics.loss)"));
        QCOMPARE(view.chart()->yField(), QString("min(metrics.loss)"));
        QVERIFY(std::abs(view.chart()->dotPosition(id(3))->y() - after.y()) > 5);

        // A log x axis spreads lr's decades evenly: 0.001, 0.01 and 0.1 are equally far apart.
        view.chart()->setLogX(true);
        const double x0 = view.chart()->dotPosition(id(0))->x(), x1 = view.chart()->dotPosition(id(1))->x(),
                     x2 = view.chart()->dotPosition(id(2))->x();
        QVERIFY(std::abs((x0 - x1) - (x1 - x2)) < 0.5);
        QVERIFY(x0 - x1 > 20);
    }

    void scatterHidesRunsAndPlacesCategories()
    {
        ScatterChart chart;
        chart.resize(600, 400);
        chart.setTable(makeTable());
        chart.setAxes("params.optimizer", "metrics.acc");
        const QPointF adam0 = *chart.dotPosition(id(0)), sgd1 = *chart.dotPosition(id(1));
        QCOMPARE(chart.dotPosition(id(2))->x(), adam0.x());  // same category, same column
        QCOMPARE(chart.dotPosition(id(3))->x(), sgd1.x());
        QVERIFY(sgd1.x() > adam0.x() + 100);                 // two categories spread over the plot

        const QPointF p1 = sgd1;
        QVERIFY(near(chart.grab().toImage().pixelColor(p1.toPoint()), chart.table().runs[1].color));
        chart.setHiddenRuns({id(1)});
        QVERIFY(!chart.dotPosition(id(1)).has_value());
        QCOMPARE(chart.plottedRuns(), QStringList({id(0), id(2), id(3)}));
        QVERIFY(!near(chart.grab().toImage().pixelColor(p1.toPoint()), chart.table().runs[1].color));

        // A run without a value on an axis is left out (and counted in the corner).
        chart.setHiddenRuns({});
        chart.setAxes("params.dropout", "metrics.acc");
        QCOMPARE(chart.plottedRuns().size(), 3);
        QVERIFY(!chart.dotPosition(id(3)));
    }

    void parallelDrawsOnePolylinePerRunAndBrushes()
    {
        ParallelChart chart;
        chart.resize(800, 460);
        chart.setTable(makeTable());
        chart.setFields({"params.lr", "params.optimizer", "params.dropout", "metrics.loss"});
        QCOMPARE(chart.fields().size(), 4);
        chart.grab();
        QCOMPARE(chart.lastPolylineCount(), 4);
        QCOMPARE(chart.polyline(id(0)).size(), 4);
        const auto xs = chart.axisPositions();
        QCOMPARE(xs.size(), std::size_t(4));
        QCOMPARE(chart.polyline(id(0))[0].x(), xs[0]);
        // Vertices sit at their values: on lr, 0.1 is above 0.03 above 0.01.
        QVERIFY(chart.polyline(id(0))[0].y() < chart.polyline(id(3))[0].y());
        QVERIFY(chart.polyline(id(3))[0].y() < chart.polyline(id(1))[0].y());
        QCOMPARE(chart.polyline(id(1))[0].y(), *chart.pixelY("params.lr", 0.01));
        // run-3 has no dropout: its vertex drops below the axis, to the "none" spot.
        QVERIFY(chart.polyline(id(3))[2].y() > *chart.pixelY("params.dropout", 0.1) + 10);
        QVERIFY(chart.polyline(id(3))[2].y() > chart.polyline(id(0))[3].y());

        chart.setHiddenRuns({id(2)});
        chart.grab();
        QCOMPARE(chart.lastPolylineCount(), 3);
        QVERIFY(chart.polyline(id(2)).isEmpty());
        chart.setHiddenRuns({});

        // Brushing lr to [0.005, 0.05] keeps run-1 (0.01) and run-3 (0.03).
        QSignalSpy changed(&chart, &ParallelChart::brushesChanged);
        chart.setBrush("params.lr", 0.005, 0.05);
        QCOMPARE(chart.selectedRuns(), QStringList({id(1), id(3)}));
        // A second brush on the categorical axis (index 1 = sgd) and one on loss <= 0.25.
        chart.setBrush("params.optimizer", 0.5, 1.5);
        QCOMPARE(chart.selectedRuns(), QStringList({id(1), id(3)}));
        chart.setBrush("metrics.loss", 0.0, 0.25);
        QCOMPARE(chart.selectedRuns(), QStringList({id(3)}));
        QVERIFY(chart.isSelected(id(3)) && !chart.isSelected(id(1)));
        chart.grab();
        QCOMPARE(chart.lastPolylineCount(), 4);  // the others stay, faded
        chart.clearBrushes();
        QCOMPARE(chart.selectedRuns().size(), 4);
        QCOMPARE(changed.size(), 4);

        // Brushing by hand: drag along the lr axis from 0.05 down to 0.005.
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int x = int(std::lround(chart.axisPositions()[0]));
        const int yHi = int(std::lround(*chart.pixelY("params.lr", 0.05)));
        const int yLo = int(std::lround(*chart.pixelY("params.lr", 0.005)));
        QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, QPoint(x, yHi));
        QMouseEvent move(QEvent::MouseMove, QPointF(x, yLo), chart.mapToGlobal(QPointF(x, yLo)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&chart, &move);
        QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, QPoint(x, yLo));
        QCOMPARE(chart.selectedRuns(), QStringList({id(1), id(3)}));
        // A click on the axis without dragging clears its brush.
        QTest::mouseClick(&chart, Qt::LeftButton, Qt::NoModifier, QPoint(x, yLo));
        QVERIFY(chart.brushes().empty());

        // Hovering a line names its run.
        const QPolygonF line = chart.polyline(id(2));
        QCOMPARE(chart.runAt((line[0] + line[1]) / 2), id(2));
        QVERIFY(chart.readout(id(2)).startsWith("run-2\nparams.lr: 0.001"));
    }

    void parallelViewPicksFieldsFromItsList()
    {
        widgets::ParallelView view;
        view.setTable(makeTable());
        ParallelChart* chart = view.chart();
        QCOMPARE(chart->fields(), makeTable().defaultParallelFields());
        // lr spans two decades: its axis starts on a log scale; batch_size (16..128) does not.
        QCOMPARE(chart->logFields(), QSet<QString>({"params.lr"}));
        QListWidget* list = view.fieldList();
        QCOMPARE(list->count(), static_cast<int>(makeTable().fields.size()));
        // Unticking a field drops its axis; ticking another adds one.
        list->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!chart->fields().contains(list->item(0)->data(Qt::UserRole).toString()));
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == "max(metrics.loss)")
                list->item(i)->setCheckState(Qt::Checked);
        QVERIFY(chart->fields().contains("max(metrics.loss)"));
        view.setFields({"params.lr", "metrics.loss"});
        QCOMPARE(chart->fields(), QStringList({"params.lr", "metrics.loss"}));
        // A new table (a reload) keeps the ticked fields.
        view.setTable(makeTable());
        QCOMPARE(chart->fields(), QStringList({"params.lr", "metrics.loss"}));
    }

    void colourByNumericParamSpansTheGradient()
    {
        widgets::CompareView view;
        view.resize(1100, 700);
        view.setRuns(makeRuns());
        view.setKeySeries("loss", {{id(0), "", {}, {{"loss", 0, 0, 1.0}, {"loss", 1, 0, 0.5}}, 2, false},
                                   {id(2), "", {}, {{"loss", 0, 0, 1.0}, {"loss", 1, 0, 0.9}}, 2, false}});
        // By run (the default): the palette.
        QCOMPARE(view.colorBy(), QString());
        QCOMPARE(view.chart("loss")->series()[1].color, widgets::seriesColor(2));
        QVERIFY(view.colorByCombo()->findData("params.lr") > 0);

        view.setColorBy("params.lr");
        const auto& c = view.coloring();
        QCOMPARE(c.kind, widgets::RunColoring::Kind::Numeric);
        QVERIFY(c.log);  // 0.001 .. 0.1 spans two decades
        QCOMPARE(c.colors[2], widgets::gradientColor(0));  // lowest lr
        QCOMPARE(c.colors[0], widgets::gradientColor(1));  // highest lr
        QVERIFY(c.colors[1] != c.colors[0] && c.colors[1] != c.colors[2]);
        // Every view follows: line charts, legend, scatter, parallel plot, summary.
        QCOMPARE(view.chart("loss")->series()[0].color, c.colors[0]);
        QCOMPARE(view.chart("loss")->series()[1].color, c.colors[2]);
        QVERIFY(near(iconColor(view.legend()->item(2)->icon()), c.colors[2], 8));
        QCOMPARE(view.scatter()->chart()->table().runs[0].color, c.colors[0]);
        QCOMPARE(view.parallel()->chart()->table().runs[2].color, c.colors[2]);
        // Curves arriving later take the colouring too.
        view.setKeySeries("acc", {{id(2), "", {}, {{"acc", 0, 0, 0.1}}, 1, false}});
        QCOMPARE(view.chart("acc")->series()[0].color, c.colors[2]);
        // The key shows the gradient; back to "Run" hides it and restores the palette.
        auto* key = view.findChild<widgets::ColorKey*>();
        QVERIFY(key && !key->isHidden());
        view.setColorBy(QString());
        QVERIFY(key->isHidden());
        QCOMPARE(view.chart("loss")->series()[0].color, widgets::seriesColor(0));
    }

    void colourByCategoricalParamGivesEqualValuesEqualColours()
    {
        widgets::CompareView view;
        view.setRuns(makeRuns());
        view.setColorBy("params.optimizer");
        const auto& c = view.coloring();
        QCOMPARE(c.kind, widgets::RunColoring::Kind::Categorical);
        QCOMPARE(c.colors[0], c.colors[2]);  // adam
        QCOMPARE(c.colors[1], c.colors[3]);  // sgd
        QVERIFY(c.colors[0] != c.colors[1]);
        QCOMPARE(c.categories.size(), std::size_t(2));
        // A param one run lacks: that run is grey.
        view.setColorBy("params.dropout");
        QCOMPARE(view.coloring().colors[3], widgets::missingValueColor());
        QVERIFY(view.coloring().anyMissing);
    }

    void summaryListsMinMaxLastPerRunAndSorts()
    {
        widgets::CompareView view;
        view.setRuns(makeRuns());
        QTableWidget* t = view.summary()->table();
        QCOMPARE(t->rowCount(), 4);
        QCOMPARE(t->columnCount(), 1 + 2 * 3);  // run + (min, max, last) of acc and loss
        QCOMPARE(view.summary()->metricKeys(), QStringList({"acc", "loss"}));
        int minLoss = -1;
        for (int c = 0; c < t->columnCount(); ++c)
            if (t->horizontalHeaderItem(c)->text() == "loss\nmin")
                minLoss = c;
        QVERIFY(minLoss > 0);
        t->sortItems(minLoss, Qt::AscendingOrder);
        QCOMPARE(t->item(0, 0)->text(), QString("run-3"));  // 0.20
        QCOMPARE(t->item(3, 0)->text(), QString("run-2"));  // 0.85
        view.legend()->item(3)->setCheckState(Qt::Unchecked);
        QVERIFY(t->isRowHidden(0));
        QTemporaryDir out;
        QVERIFY(view.summary()->exportCsv(out.filePath("s.csv")));
        const QStringList lines = csvLines(out.filePath("s.csv"));
        QCOMPARE(lines.size(), 4);  // header + three shown runs
        QCOMPARE(lines[0], QString("run,name,acc min,acc max,acc last,loss min,loss max,loss last"));
        QCOMPARE(lines[1], id(1) + ",run-1,0.1,0.9,0.9,0.25,2.1,0.3");
    }

    void plotsExportPngSvgCsv()
    {
        QTemporaryDir out;
        ScatterChart scatter;
        scatter.resize(500, 360);
        scatter.setTable(makeTable());
        scatter.setAxes("params.lr", "metrics.loss");
        scatter.setHiddenRuns({id(3)});
        QVERIFY(scatter.exportPng(out.filePath("s.png")));
        QCOMPARE(QImage(out.filePath("s.png")).size(), QSize(500, 360));
        QVERIFY(scatter.exportSvg(out.filePath("s.svg")));
        QVERIFY(QSvgRenderer(out.filePath("s.svg")).isValid());
        QVERIFY(scatter.exportCsv(out.filePath("s.csv")));
        QStringList lines = csvLines(out.filePath("s.csv"));
        QCOMPARE(lines, QStringList({"run,name,params.lr,metrics.loss", id(0) + ",run-0,0.1,0.5", id(1) + ",run-1,0.01,0.3",
                                     id(2) + ",run-2,0.001,0.9"}));

        ParallelChart parallel;
        parallel.resize(700, 400);
        parallel.setTable(makeTable());
        parallel.setFields({"params.optimizer", "params.dropout", "metrics.acc"});
        parallel.setBrush("metrics.acc", 0.85, 1.0);
        QVERIFY(parallel.exportPng(out.filePath("p.png")));
        QCOMPARE(QImage(out.filePath("p.png")).size(), QSize(700, 400));
        QVERIFY(parallel.exportSvg(out.filePath("p.svg")));
        QSvgRenderer svg(out.filePath("p.svg"));
        QVERIFY(svg.isValid());
        QVERIFY(parallel.exportCsv(out.filePath("p.csv")));
        lines = csvLines(out.filePath("p.csv"));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QString("run,name,params.optimizer,params.dropout,metrics.acc,selected"));
        QCOMPARE(lines[2], id(1) + ",run-1,sgd,0.1,0.9,1");
        QCOMPARE(lines[3], id(2) + ",run-2,adam,0.1,0.6,0");
        QCOMPARE(lines[4], id(3) + ",run-3,sgd,,0.95,1");

        // Export All writes the plots and the summary next to the line charts.
        widgets::CompareView view;
        view.resize(1000, 700);
        view.setRuns(makeRuns());
        QTemporaryDir all;
        QCOMPARE(view.exportAll(all.path()), 7);
        QVERIFY(QFile::exists(all.filePath("scatter.svg")) && QFile::exists(all.filePath("parallel-coordinates.csv")));
    }

    // A real comparison window over a fixture project, every tab saved as a PNG to look at.
    void screenshotsOfEveryTab()
    {
        const QString saveTo = qEnvironmentVariable("CAIRN_TEST_SAVE_PLOTS");
        if (saveTo.isEmpty())
            QSKIP("set CAIRN_TEST_SAVE_PLOTS=DIR to save screenshots of the comparison's tabs");
        QTemporaryDir project;
        const int runs = qEnvironmentVariableIntValue("CAIRN_TEST_PLOTS_RUNS") > 1 ? qEnvironmentVariableIntValue("CAIRN_TEST_PLOTS_RUNS") : 8;
        const auto ids = testing::makeFixtureProject(project.path().toStdString(), {.runs = runs, .points = 400, .withNonFinite = true});
        QStringList runIds;
        for (const auto& i : ids)
            runIds << QString::fromStdString(i);
        app::CompareWindow window(project.path(), runIds);
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        const QStringList size = qEnvironmentVariable("CAIRN_TEST_PLOTS_SIZE", "1400x900").split('x');
        window.resize(size.value(0).toInt(), size.value(1).toInt());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.expectedKeyCount() >= 0 && window.loadedKeyCount() == window.expectedKeyCount(), 15000);
        widgets::CompareView* view = window.view();
        QDir().mkpath(saveTo);
        const QString colorBy = qEnvironmentVariable("CAIRN_TEST_COLOR_BY", "params.lr");
        view->setColorBy(colorBy);
        for (int tab = 0; tab < view->tabs()->count(); ++tab) {
            view->tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            window.grab().save(QDir(saveTo).filePath(QString("compare-tab%1.png").arg(tab)));
        }
        view->parallel()->chart()->setBrush("params.lr", 0.005, 0.5);
        window.grab().save(QDir(saveTo).filePath("compare-parallel-brushed.png"));
        // Hovering a line highlights its run.
        ParallelChart* parallel = view->parallel()->chart();
        parallel->clearBrushes();
        const QPolygonF line = parallel->polyline(runIds[1]);
        QTest::mouseMove(parallel, ((line[0] + line[1]) / 2).toPoint());
        parallel->grab().save(QDir(saveTo).filePath("compare-parallel-hover.png"));
        view->tabs()->setCurrentIndex(3);
        ScatterChart* scatter = view->scatter()->chart();
        QTest::mouseMove(scatter, scatter->dotPosition(runIds[1])->toPoint());
        scatter->grab().save(QDir(saveTo).filePath("compare-scatter-hover.png"));
        view->setColorBy("params.optimizer");
        view->tabs()->setCurrentIndex(3);
        view->scatter()->setAxes("params.optimizer", "min(metrics.loss)");
        window.grab().save(QDir(saveTo).filePath("compare-scatter-categorical.png"));
    }
};

QTEST_MAIN(TestComparePlots)
#include "tst_compare_plots.moc"
