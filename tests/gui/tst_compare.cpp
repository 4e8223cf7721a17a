// Comparing runs: the chart on its own (level of detail, hover, hiding, smoothing, log scale,
// exports) and the whole flow from the runs table to a comparison window over a real project.
#include "project_fixture.h"

#include "app/compare_window.h"
#include "app/main_window.h"
#include "widgets/charts/compare_chart.h"
#include "widgets/compare/compare_table.h"
#include "widgets/compare/compare_view.h"
#include "widgets/runs/runs_view.h"

#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>

using namespace cairn;
using widgets::CompareChart;
using widgets::CompareSeries;

namespace {

CompareSeries makeSeries(const QString& id, QColor color, int n, double scale, std::int64_t spikeAt = -1)
{
    CompareSeries s;
    s.runId = id;
    s.label = id;
    s.color = color;
    for (int i = 0; i < n; ++i)
        s.points.push_back({"loss", i, 0, i == spikeAt ? 50.0 : scale * std::exp(-i / double(n) * 3)});
    s.storedCount = n;
    return s;
}

bool columnHasColor(const QImage& img, int x, QColor c, int yFrom, int yTo)
{
    for (int y = yFrom; y < yTo; ++y) {
        QColor p = img.pixelColor(x, y);
        if (std::abs(p.red() - c.red()) < 40 && std::abs(p.green() - c.green()) < 40 && std::abs(p.blue() - c.blue()) < 40)
            return true;
    }
    return false;
}

} // namespace

class TestCompare : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::vector<std::string> m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_ids = testing::makeFixtureProject(m_dir.path().toStdString(), {.runs = 3, .points = 20000, .withNonFinite = true});
    }

    void spikeSurvivesAndVerticesFollowWidth()
    {
        CompareChart chart("loss");
        chart.resize(800, 400);
        std::vector<CompareSeries> series;
        for (int i = 0; i < 20; ++i)
            series.push_back(makeSeries(QString("r%1").arg(i), widgets::seriesColor(i), 200000, 1.0 + i * 0.1, i == 7 ? 123456 : -1));
        chart.setSeries(series);
        QImage img = chart.grab().toImage();
        if (qEnvironmentVariableIsSet("CAIRN_TEST_SAVE"))
            img.save(qEnvironmentVariable("CAIRN_TEST_SAVE"));
        // 20 curves of 200,000 points each are drawn with at most 4 vertices a pixel column.
        QVERIFY2(chart.lastVertexCount() <= 20 * 4 * 800, qPrintable(QString::number(chart.lastVertexCount())));
        QVERIFY(chart.lastVertexCount() > 20 * 100);
        // The one spike (value 50; every other value is below 3) reaches the top fifth of the plot.
        const double x = 64 + 123456.0 / 199999.0 * (800 - 64 - 12);
        bool found = false;
        for (int dx = -2; dx <= 2 && !found; ++dx)
            found = columnHasColor(img, int(x) + dx, widgets::seriesColor(7), 26, 110);
        QVERIFY(found);
    }

    void readoutListsEveryVisibleRunHighestFirst()
    {
        CompareChart chart("loss");
        chart.resize(600, 300);
        chart.setSeries({makeSeries("a", Qt::red, 100, 1.0), makeSeries("b", Qt::blue, 100, 2.0)});
        QString text = chart.readoutAt(10.2);
        QStringList lines = text.split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QString("step 10"));
        QVERIFY(lines[1].startsWith("b  "));
        QVERIFY(lines[2].startsWith("a  "));
        QCOMPARE(lines[2].section("  ", 1).toDouble(), std::exp(-10 / 100.0 * 3));
        chart.setHiddenRuns({"b"});
        QCOMPARE(chart.readoutAt(10).split('\n').size(), 2);
        chart.setSmoothing(0.6);
        QVERIFY(chart.readoutAt(10).contains("smoothed"));
    }

    void logScaleAndEmptyChartsDraw()
    {
        CompareChart chart("weird");
        chart.resize(500, 260);
        QVERIFY(!chart.grab().isNull());  // no series at all
        CompareSeries s = makeSeries("a", Qt::red, 50, 1.0);
        s.points[3].value = -1;           // not drawable on a log scale
        s.points[4].value = std::nan("");
        s.points[5].value = INFINITY;
        chart.setSeries({s});
        chart.setLogScale(true);
        QVERIFY(!chart.grab().isNull());
        QVERIFY(chart.lastVertexCount() > 0);
        chart.setStepRange(std::make_pair(10.0, 20.0));
        chart.grab();
        QVERIFY(chart.lastVertexCount() <= 14);  // the range plus one point beyond each edge
    }

    void exportsPngSvgCsv()
    {
        CompareChart chart("val/loss, smoothed");
        chart.resize(640, 320);
        chart.setSeries({makeSeries("a", Qt::red, 100, 1.0), makeSeries("b", Qt::blue, 100, 2.0)});
        QTemporaryDir out;
        QVERIFY(chart.exportPng(out.filePath("c.png")));
        QCOMPARE(QImage(out.filePath("c.png")).size(), QSize(640, 320));
        QVERIFY(chart.exportSvg(out.filePath("c.svg")));
        QFile svg(out.filePath("c.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && (svgText.contains("<polyline") || svgText.contains("<path")));
        QVERIFY(chart.exportCsv(out.filePath("c.csv")));
        QFile csv(out.filePath("c.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 201);
        QCOMPARE(lines[0], QString("run,label,key,step,value"));
        QCOMPARE(lines[1], QString("a,a,\"val/loss, smoothed\",0,1"));
    }

    void timeAxesPlaceEachRunOnItsOwnClock()
    {
        // Run a started at t0 and logs a point every second; run b started 100 s later and
        // logs every 2 s. On the step axis they overlap; on relative time b is twice as long.
        const std::int64_t t0 = 1'700'000'000'000;
        auto timed = [&](const QString& id, std::int64_t start, std::int64_t everyMs) {
            CompareSeries s = makeSeries(id, Qt::red, 11, 1.0);
            s.startMs = start;
            for (std::size_t i = 0; i < s.points.size(); ++i)
                s.points[i].timestampMs = start + static_cast<std::int64_t>(i) * everyMs;
            return s;
        };
        CompareChart chart("loss");
        chart.resize(640, 320);
        chart.setSeries({timed("a", t0, 1000), timed("b", t0 + 100'000, 2000)});
        QVERIFY(chart.readoutAt(10).startsWith("step 10"));

        chart.setXAxis(widgets::XAxis::RelativeTime);
        QString text = chart.readoutAt(10.0);  // 10 s in: a at step 10, b at step 5
        QVERIFY2(text.contains("a  ") && text.contains("@ step 10") && text.contains("@ step 5"), qPrintable(text));
        QVERIFY2(text.startsWith("time +10.0s"), qPrintable(text));  // a 20 s axis reads to a tenth
        auto steps = chart.stepsWithin(4.0, 6.0);  // a: steps 4-6, b: step 2-3; plus neighbours
        QVERIFY(steps.has_value());
        QCOMPARE(steps->first, 1.0);
        QCOMPARE(steps->second, 7.0);

        chart.setXAxis(widgets::XAxis::WallTime);
        text = chart.readoutAt((t0 + 100'000) / 1000.0);  // b's first point; a has ended by then
        QVERIFY2(text.contains("@ step 0") && text.contains("@ step 10"), qPrintable(text));
        QVERIFY(!chart.stepsWithin(0, 1).has_value());

        QTemporaryDir out;
        QVERIFY(chart.exportCsv(out.filePath("t.csv")));
        QFile csv(out.filePath("t.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 23);
        QCOMPARE(lines[0], QString("run,label,key,step,value,timestamp_ms"));
        QVERIFY(lines[12].endsWith(QString::number(t0 + 100'000)));
        QVERIFY(!chart.grab().isNull());
    }

    void timeTickLabelsReadAsClockAndDurations()
    {
        using widgets::durationLabel;
        using widgets::timeTicksWithin;
        QCOMPARE(timeTicksWithin(0, 600, 5).interval, 120.0);
        QCOMPARE(timeTicksWithin(0, 7200, 5).interval, 1800.0);
        QCOMPARE(timeTicksWithin(0, 86400 * 20, 5).interval, 86400.0 * 5);
        QCOMPARE(timeTicksWithin(0, 2, 5).interval, 0.5);
        const auto minutes = timeTicksWithin(0, 600, 5);
        QCOMPARE(durationLabel(0, minutes), QString("0"));
        QCOMPARE(durationLabel(240, minutes), QString("4m"));
        QCOMPARE(durationLabel(5400, timeTicksWithin(0, 7200, 5)), QString("1h30m"));
        QCOMPARE(durationLabel(90, timeTicksWithin(0, 100, 5)), QString("1m30s"));
        QCOMPARE(durationLabel(0.5, timeTicksWithin(0, 2, 5)), QString("0.5s"));
        const double noon = QDateTime(QDate(2026, 11, 23), QTime(12, 30)).toMSecsSinceEpoch() / 1000.0;
        QCOMPARE(widgets::clockLabel(noon, timeTicksWithin(noon, noon + 3600, 5)), QString("12:30"));
        QCOMPARE(widgets::clockLabel(noon, timeTicksWithin(noon, noon + 60, 5)), QString("12:30:00"));
    }

    void workbenchComparesSelectedRunsAndZooms()
    {
        app::MainWindow window(false);
        window.show();
        window.openProject(m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 3, 10000);
        const QStringList ids{QString::fromStdString(m_ids[0]), QString::fromStdString(m_ids[2])};
        window.runsView()->selectRuns(ids);
        QCOMPARE(window.runsView()->selectedRunIds().size(), 2);
        auto* button = window.runsView()->findChild<QPushButton*>("compareRuns");
        QVERIFY(button->isEnabled());
        QVERIFY(button->text().contains('2'));

        QPointer<app::CompareWindow> cw = window.compareRuns(window.runsView()->selectedRunIds());
        QVERIFY(cw);
        QTRY_VERIFY_WITH_TIMEOUT(cw->expectedKeyCount() >= 0 && cw->loadedKeyCount() == cw->expectedKeyCount(), 15000);
        widgets::CompareView* view = cw->view();
        QVERIFY(view->keys().contains("loss"));
        QVERIFY(view->keys().contains("acc"));
        QCOMPARE(view->legend()->count(), 2);
        CompareChart* loss = view->chart("loss");
        QCOMPARE(loss->series().size(), std::size_t(2));
        QVERIFY(loss->series()[0].reduced);          // 20,000 points at chart resolution
        QCOMPARE(loss->series()[0].storedCount, std::int64_t(20000));

        // The diff table: lr differs between the runs; 'Only rows that differ' hides the rest.
        widgets::CompareTable* table = view->table();
        QVERIFY(table->shownFields().contains("params.lr"));
        const int all = table->shownFields().size();
        table->setOnlyDifferences(true);
        QVERIFY(table->shownFields().size() < all);
        QVERIFY(table->shownFields().contains("params.lr"));

        // Unticking a run in the legend hides it in every chart.
        view->legend()->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(loss->readoutAt(100).split('\n').size(), 2);
        view->legend()->item(1)->setCheckState(Qt::Checked);

        // Zooming far in fetches the raw points of that range.
        view->tabs()->setCurrentIndex(0);
        loss->resize(900, 300);
        loss->setStepRange(std::make_pair(1000.0, 1200.0));
        Q_EMIT view->rangeRequested("loss", 1000, 1200, false, 800);
        QTRY_VERIFY_WITH_TIMEOUT(!loss->series().empty() && !loss->series()[0].reduced, 10000);
        QCOMPARE(loss->series()[0].points.size(), std::size_t(201));

        // A wheel notch on the chart zooms and, once settled, asks for that range.
        QSignalSpy asked(loss, &CompareChart::rangeChanged);
        QPointF at(400, 150);
        QWheelEvent wheel(at, loss->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(loss, &wheel);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 5000);
        QVERIFY(asked[0][2].toDouble() - asked[0][1].toDouble() < 200);
        if (qEnvironmentVariableIsSet("CAIRN_TEST_SAVE_WINDOW")) {
            loss->setStepRange(std::nullopt);
            view->setSmoothing(0.6);
            cw->grab().save(qEnvironmentVariable("CAIRN_TEST_SAVE_WINDOW"));
            view->tabs()->setCurrentIndex(1);
            cw->grab().save(qEnvironmentVariable("CAIRN_TEST_SAVE_WINDOW") + ".table.png");
        }
        cw->close();
    }

    void compareNeedsTwoRuns()
    {
        app::MainWindow window(false);
        window.openProject(m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsView()->visibleRowCount(), 3, 10000);
        QVERIFY(!window.compareRuns({QString::fromStdString(m_ids[0])}));
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
