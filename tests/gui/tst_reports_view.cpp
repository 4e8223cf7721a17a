// The workbench's Reports dock offscreen, against a project holding real drift, validation and
// fairness reports (computed by engine/analysis from generated CSV files, stored through the
// store as the engine stores them): the list, filters, a drift report's table and per-column
// histograms, the validation and fairness tables, Export HTML, and the run page's Reports button.
#include "project_fixture.h"

#include "app/main_window.h"
#include "engine/analysis/drift_json.h"
#include "engine/analysis/fairness_json.h"
#include "engine/analysis/validation_json.h"
#include "engine/store/project.h"
#include "engine/store/store.h"
#include "tests/common/test_rng.h"
#include "widgets/reports/drift_histogram.h"
#include "widgets/reports/report_view.h"
#include "widgets/reports/reports_panel.h"
#include "widgets/runs/run_page.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace cairn;

class TestReportsView : public QObject {
    Q_OBJECT
private:
    std::filesystem::path dir() const { return m_dir.path().toStdString(); }
    std::string file(const std::string& name) const { return (dir() / name).string(); }
    void csv(const std::string& name, int rows, double shift, std::uint64_t seed)
    {
        cairn::testing::Rng r(seed);
        std::ofstream out(file(name));
        out << "age,income,city,clicks\n";
        const char* cities[] = {"Berlin", "Lyon", "Oslo", "Porto"};
        for (int i = 0; i < rows; ++i)
            out << 40 + 12 * r.normal(shift, 1) << "," << 50000 + 9000 * r.normal(shift * 0.1, 1) << ","
                << cities[r.below(shift > 0 ? 4 : 3)] << "," << r.below(5) << "\n";
    }
    void add(const StoredReport& r)
    {
        auto store = Store::open(dir() / "cairn.db", Store::Mode::ReadWrite);
        QVERIFY(store);
        QVERIFY((*store)->addReport(r));
    }

    QTemporaryDir m_dir;
    std::vector<std::string> m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ids = cairn::testing::makeFixtureProject(dir(), {.runs = 2, .points = 50, .withNonFinite = false});
        csv("ref.csv", 3000, 0, 1);
        csv("cur.csv", 2500, 0.4, 2);
        auto inputs = analysis::loadDriftInputs(file("ref.csv"), file("cur.csv"), {}, {});
        QVERIFY2(inputs, inputs ? "" : inputs.message().c_str());
        auto drift = analysis::computeDrift(inputs->ref, inputs->cur, inputs->columns, {});
        QVERIFY(drift);
        add({0, "drift", m_ids.back(), "", 0, "ref.csv vs cur.csv", !drift->datasetDrift, analysis::driftSummary(*drift),
             analysis::driftBody(*drift, "ref.csv", "cur.csv").dump()});

        std::ofstream(file("expect.yaml")) << "columns:\n  age: {min: 0, max: 80}\n  city: {allowed: [Berlin, Lyon, Oslo]}\n  zip:\n";
        auto e = analysis::loadExpectations(file("expect.yaml"));
        QVERIFY(e);
        auto v = analysis::validateCsv(file("cur.csv"), *e);
        QVERIFY(v);
        add({0, "validation", "", "", 0, "cur.csv against expect.yaml", v->passed(), analysis::validationSummary(*v),
             analysis::validationJson(*v, "expect.yaml").dump()});

        {
            cairn::testing::Rng r(5);
            std::ofstream out(file("pred.csv"));
            out << "group,label,pred\n";
            for (int i = 0; i < 600; ++i)
                out << (i % 3 ? "a" : "b") << "," << (r.uniform() < 0.5) << "," << (r.uniform() < (i % 3 ? 0.6 : 0.35)) << "\n";
        }
        analysis::FairnessOptions fo{"label", "pred", "group", {}};
        auto f = analysis::computeFairness(file("pred.csv"), fo);
        QVERIFY2(f, f ? "" : f.message().c_str());
        add({0, "fairness", "", "", 0, "pred.csv by group", true, analysis::fairnessSummary(*f), analysis::fairnessJson(*f).dump()});
    }

    void listsAndShowsEveryKind()
    {
        app::MainWindow window(false);
        window.resize(1400, 900);
        window.show();
        window.openProject(m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(!window.projectRoot().isEmpty(), 10000);
        window.showReports();
        widgets::ReportsPanel* panel = window.reportsPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->reportCount(), 3);
        // Newest first: fairness, validation, drift.
        QCOMPARE(panel->list()->item(0, 1)->text(), QString("fairness"));
        QCOMPARE(panel->list()->item(2, 1)->text(), QString("drift"));

        QVERIFY(panel->selectReport(3 - 2));  // the drift report has id 1
        widgets::ReportView* view = panel->view();
        QCOMPARE(QString::fromStdString(view->report().kind), QString("drift"));
        QCOMPARE(view->table()->rowCount(), 4);
        QCOMPARE(view->table()->horizontalHeaderItem(3)->text(), QString("Score"));
        QVERIFY(view->summary()->text().contains("columns drifted"));
        // A column's histogram follows the selected row.
        view->table()->setCurrentCell(2, 0);
        QVERIFY(view->histogram()->binCount() >= 3);
        QVERIFY(view->histogram()->isVisible());
        QVERIFY(view->histogram()->width() > 150);  // a splitter can hand a re-shown widget no room
        QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        shot.save(m_dir.filePath("reports-drift.png"));
        view->histogram()->grab().save(m_dir.filePath("histogram.png"));
        if (qEnvironmentVariableIsSet("CAIRN_SCREENSHOT_DIR")) {
            shot.save(qEnvironmentVariable("CAIRN_SCREENSHOT_DIR") + "/reports-drift.png");
            view->histogram()->grab().save(qEnvironmentVariable("CAIRN_SCREENSHOT_DIR") + "/reports-histogram.png");
        }

        QString error;
        const QString html = m_dir.filePath("drift.html");
        QVERIFY2(view->exportHtml(html, error), qPrintable(error));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray page = f.readAll();
        QVERIFY(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && page.contains("city"));

        QVERIFY(panel->selectReport(2));
        QCOMPARE(QString::fromStdString(view->report().kind), QString("validation"));
        QVERIFY(!view->histogram()->isVisible());
        bool sawZip = false, sawCityFail = false;
        for (int r = 0; r < view->table()->rowCount(); ++r) {
            const QString col = view->table()->item(r, 0)->text(), exp = view->table()->item(r, 1)->text();
            sawZip = sawZip || (col == "zip" && view->table()->item(r, 3)->text() == "FAIL");
            sawCityFail = sawCityFail || (col == "city" && exp == "allowed" && view->table()->item(r, 5)->text().contains("Porto"));
        }
        QVERIFY(sawZip);
        QVERIFY(sawCityFail);
        if (qEnvironmentVariableIsSet("CAIRN_SCREENSHOT_DIR"))
            window.grab().save(qEnvironmentVariable("CAIRN_SCREENSHOT_DIR") + "/reports-validation.png");

        QVERIFY(panel->selectReport(3));
        QCOMPARE(view->table()->rowCount(), 3);  // a, b, overall
        QCOMPARE(view->table()->item(2, 0)->text(), QString("(overall)"));
        QVERIFY(view->summary()->text().contains("demographic parity difference"));
        QVERIFY2(view->exportHtml(m_dir.filePath("fair.html"), error), qPrintable(error));

        panel->setKindFilter("validation");
        QCOMPARE(panel->reportCount(), 1);
        panel->setKindFilter("");
        QCOMPARE(panel->reportCount(), 3);
    }

    void runPageReachesItsReports()
    {
        app::MainWindow window(false);
        window.show();
        window.openProject(m_dir.path());
        const QString newest = QString::fromStdString(m_ids.back());
        QTRY_COMPARE_WITH_TIMEOUT(window.runPage()->runId(), newest, 10000);
        QVERIFY(window.runPage()->reportsButton()->isEnabled());
        QTest::mouseClick(window.runPage()->reportsButton(), Qt::LeftButton);
        widgets::ReportsPanel* panel = window.reportsPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->runFilter(), newest);
        QCOMPARE(panel->reportCount(), 1);  // only the drift report is attached to this run
        QCOMPARE(QString::fromStdString(panel->view()->report().kind), QString("drift"));
        panel->setRunFilter({});
        QCOMPARE(panel->reportCount(), 3);
    }
};

QTEST_MAIN(TestReportsView)
#include "tst_reports_view.moc"
