// The lineage view, the artifact panel and the reproduce dialog (docs/lineage.md), offscreen:
// layouts (draft and Graphviz's -Tplain), upstream/downstream highlighting, search, clicks,
// PNG/SVG export, then the workbench against a project the real `cairn` built: the Artifacts
// dock with a CSV profile and its histogram, the run page's Lineage button opening a lineage
// window whose run nodes open runs on the main window's page, the depth filter, and the
// Reproduce dialog running `cairn reproduce` and showing the differences.
#include "app/lineage_session.h"
#include "app/lineage_window.h"
#include "app/main_window.h"
#include "app/reproduce_dialog.h"
#include "widgets/lineage/artifact_list.h"
#include "widgets/lineage/artifact_panel.h"
#include "widgets/lineage/histogram_widget.h"
#include "widgets/lineage/lineage_canvas.h"
#include "widgets/lineage/lineage_view.h"
#include "widgets/runs/reproduce_report.h"
#include "widgets/runs/run_page.h"
#include "widgets/runs/runs_view.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QDockWidget>
#include <QtTest>

using namespace cairn;
using namespace cairn::widgets;

namespace {

// a -> r1 -> b -> r2 -> c, and d -> r2 (a diamond's side), e -> r3 (apart).
LineageGraph sampleGraph()
{
    LineageGraph g;
    auto node = [&](bool run, const std::string& id, const std::string& detail) {
        LineageNode n;
        n.isRun = run;
        n.id = id;
        n.name = run ? id : id.substr(0, id.find(':'));
        n.detail = detail;
        n.hash = std::string(64, 'a');
        g.nodes.push_back(n);
    };
    node(true, "r2", "finished");
    for (const char* id : {"a:1", "b:1", "c:1", "d:1", "e:1"})
        node(false, id, "dataset");
    node(true, "r1", "finished");
    node(true, "r3", "failed");
    g.edges = {{"a:1", "r1", "input"}, {"r1", "b:1", "output"}, {"b:1", "r2", "input"},
               {"r2", "c:1", "output"}, {"d:1", "r2", "input"}, {"e:1", "r3", "input"}};
    return g;
}

int indexOf(const LineageLayout& l, const QString& id)
{
    for (std::size_t i = 0; i < l.nodes.size(); ++i)
        if (l.nodes[i].id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace

struct CliResultLike {
    int code = -1;
    QByteArray out, err;
};

class TestLineageView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void draftLayoutIsLayered();
    void graphvizPlainIsRead();
    void highlightSearchAndClicks();
    void exportPngAndSvg();
    void workbenchArtifactsAndProfile();
    void lineageWindowFromRunPage();
    void reproduceDialog();

private:
    CliResultLike cli(const QStringList& args);
    void shot(QWidget* w, const QString& name);
    QTemporaryDir m_tmp;
    QString m_project;
    QString m_trainId;
    std::unique_ptr<app::MainWindow> m_window;
};

CliResultLike TestLineageView::cli(const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(m_project.isEmpty() ? m_tmp.path() : m_project);
    p.start(qEnvironmentVariable("CAIRN_EXECUTABLE"), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestLineageView::shot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("CAIRN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + "/" + name + ".png");
}

void TestLineageView::initTestCase()
{
    QVERIFY(m_tmp.isValid());
}

void TestLineageView::draftLayoutIsLayered()
{
    LineageLayout l = layoutFrom(sampleGraph());
    QCOMPARE(l.nodes.size(), std::size_t(8));
    QCOMPARE(l.edges.size(), std::size_t(6));
    QVERIFY(l.nodes[0].root);
    QVERIFY(l.nodes[0].isRun());
    draftLayout(l);
    QCOMPARE(l.engine, QString("draft"));
    for (const LayoutEdge& e : l.edges)  // data flows left to right
        QVERIFY(l.nodes[static_cast<std::size_t>(e.from)].rect.left() < l.nodes[static_cast<std::size_t>(e.to)].rect.left());
    for (std::size_t i = 0; i < l.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < l.nodes.size(); ++j)
            QVERIFY2(!l.nodes[i].rect.intersects(l.nodes[j].rect), "nodes overlap");
    for (const auto& n : l.nodes)
        QVERIFY(l.bounds.contains(n.rect));
    // A cycle (a run writing back what it read) still lays out.
    LineageGraph cyc = sampleGraph();
    cyc.edges.push_back({"r2", "b:1", "output"});
    LineageLayout lc = layoutFrom(cyc);
    draftLayout(lc);
    for (const auto& n : lc.nodes)
        QVERIFY(lc.bounds.contains(n.rect));
}

void TestLineageView::graphvizPlainIsRead()
{
    LineageLayout l = layoutFrom(sampleGraph());
    const QByteArray dot = toDot(l);
    QVERIFY(dot.startsWith("digraph lineage {"));
    QCOMPARE(dot.count("->"), 6);
    QString error;
    QVERIFY(!applyPlain(l, "garbage\n", &error));
    QVERIFY(error.contains("graph"));
    const QString exe = app::LineageSession::dotExecutable();
    if (exe.isEmpty())
        QSKIP("Graphviz 'dot' is not installed");
    QProcess p;
    p.start(exe, {"-Tplain"});
    p.write(dot);
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(applyPlain(l, p.readAllStandardOutput(), &error), qPrintable(error));
    QCOMPARE(l.engine, QString("Graphviz dot"));
    for (const LayoutEdge& e : l.edges) {
        QVERIFY(e.points.size() >= 2);
        QVERIFY(l.nodes[static_cast<std::size_t>(e.from)].rect.center().x() < l.nodes[static_cast<std::size_t>(e.to)].rect.center().x());
    }
    QVERIFY(std::abs(l.nodes[0].rect.width() - kNodeWidth) < 0.01);
}

void TestLineageView::highlightSearchAndClicks()
{
    auto l = std::make_shared<LineageLayout>(layoutFrom(sampleGraph()));
    draftLayout(*l);
    LineageCanvas canvas;
    canvas.resize(1000, 600);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setGraph(l);
    canvas.select(indexOf(*l, "b:1"));
    const auto& up = canvas.upstreamMask();
    const auto& down = canvas.downstreamMask();
    QVERIFY(up[static_cast<std::size_t>(indexOf(*l, "r1"))] && up[static_cast<std::size_t>(indexOf(*l, "a:1"))]);
    QVERIFY(down[static_cast<std::size_t>(indexOf(*l, "r2"))] && down[static_cast<std::size_t>(indexOf(*l, "c:1"))]);
    QVERIFY(!up[static_cast<std::size_t>(indexOf(*l, "d:1"))] && !down[static_cast<std::size_t>(indexOf(*l, "d:1"))]);  // a sibling
    QVERIFY(!up[static_cast<std::size_t>(indexOf(*l, "e:1"))] && !down[static_cast<std::size_t>(indexOf(*l, "r3"))]);
    shot(&canvas, "lineage-canvas-highlight");

    QCOMPARE(canvas.setSearch("r"), 3);  // r1, r2, r3
    QCOMPARE(canvas.setSearch("C:1"), 1);
    canvas.nextMatch();
    QCOMPARE(canvas.selected(), indexOf(*l, "c:1"));
    canvas.setSearch({});

    // A click on a node selects it; a double click opens it; a click beside any node clears.
    canvas.fit();
    QSignalSpy selected(&canvas, &LineageCanvas::selectionChanged);
    QSignalSpy activated(&canvas, &LineageCanvas::nodeActivated);
    const int r3 = indexOf(*l, "r3");
    const QPointF at = l->nodes[static_cast<std::size_t>(r3)].rect.center() * canvas.scale()
                       + (QPointF(canvas.width() / 2.0, canvas.height() / 2.0) - l->bounds.adjusted(-20, -20, 20, 20).center() * canvas.scale());
    QCOMPARE(canvas.nodeAt(at), r3);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(canvas.selected(), r3);
    QTest::mouseDClick(&canvas, Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toInt(), r3);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(canvas.selected(), -1);
    // Zoom keeps the point under the cursor.
    const QPointF before = canvas.toLayout(QPointF(300, 200));
    canvas.zoomBy(2.0, QPointF(300, 200));
    QVERIFY((canvas.toLayout(QPointF(300, 200)) - before).manhattanLength() < 1e-6);
}

void TestLineageView::exportPngAndSvg()
{
    auto l = std::make_shared<LineageLayout>(layoutFrom(sampleGraph()));
    draftLayout(*l);
    LineageView view;
    view.resize(900, 500);
    view.setGraph(l, "r2");
    const QString png = m_tmp.filePath("lineage.png"), svg = m_tmp.filePath("lineage.svg");
    QString error;
    QVERIFY2(view.exportTo(png, &error), qPrintable(error));
    QVERIFY2(view.exportTo(svg, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 400 && image.height() > 100);
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains(">r2<") || text.contains("r2"));
    QVERIFY(!view.exportTo(m_tmp.filePath("no/such/dir/x.png"), &error));
    LineageView empty;
    QVERIFY(!empty.exportTo(png, &error));
}

void TestLineageView::workbenchArtifactsAndProfile()
{
    if (qEnvironmentVariable("CAIRN_EXECUTABLE").isEmpty())
        QSKIP("the cairn CLI is not built (CAIRN_EXECUTABLE unset)");
    QCOMPARE(cli({"init", m_tmp.filePath("proj")}).code, 0);
    m_project = m_tmp.filePath("proj");
    QFile raw(m_project + "/raw.csv");
    QVERIFY(raw.open(QIODevice::WriteOnly));
    raw.write("id,age,city\n");
    for (int i = 0; i < 300; ++i)
        raw.write(QByteArray::number(i) + "," + QByteArray::number(20 + i % 40) + "," + (i % 3 ? "Paris" : "Oslo") + "\n");
    raw.close();
    auto prep = cli({"run", "--name", "prepare", "--input", "raw.csv", "--output", "clean.csv", "--", "sh", "-c", "head -200 raw.csv > clean.csv"});
    QVERIFY2(prep.code == 0, prep.err.constData());
    auto train = cli({"run", "--name", "train", "--param", "lr=0.1", "--input", "clean.csv", "--", "sh", "-c",
                      "md5sum clean.csv > model.bin; echo cairn:output path=model.bin type=model; echo cairn:metric acc=0.5"});
    QVERIFY2(train.code == 0, train.err.constData());
    auto show = cli({"show", "train", "--format", "json"});
    m_trainId = QJsonDocument::fromJson(show.out).object().value("id").toString();
    QVERIFY(!m_trainId.isEmpty());

    m_window = std::make_unique<app::MainWindow>(false);
    QSignalSpy artifacts(m_window.get(), &app::MainWindow::artifactsShown);
    QSignalSpy runs(m_window.get(), &app::MainWindow::runsShown);
    m_window->show();
    m_window->openProject(m_project);
    QTRY_VERIFY_WITH_TIMEOUT(!artifacts.isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isEmpty(), 20000);
    QVERIFY(!m_window->artifactsDock()->isVisible());  // View > Artifacts shows it
    m_window->artifactsDock()->show();
    ArtifactList* list = m_window->artifactList();
    QCOMPARE(list->count(), 3);  // raw.csv, clean.csv, model.bin
    QTreeWidgetItem* rawItem = list->tree()->findItems("raw.csv", Qt::MatchExactly).value(0);
    QVERIFY(rawItem);
    Q_EMIT list->tree()->itemActivated(rawItem, 0);
    ArtifactPanel* panel = m_window->artifactPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->reference(), QString("raw.csv:1"), 20000);
    QCOMPARE(panel->versionsTable()->rowCount(), 1);
    QCOMPARE(panel->runsList()->topLevelItemCount(), 1);  // prepare read it
    QCOMPARE(panel->profileTable()->rowCount(), 3);
    QCOMPARE(panel->profileTable()->item(1, 1)->text(), QString("int"));
    QCOMPARE(panel->profileTable()->item(2, 8)->text(), QString("Paris (200)"));
    panel->tabs()->setCurrentIndex(2);
    panel->profileTable()->setCurrentCell(1, 0);
    shot(m_window.get(), "workbench-artifacts");
    // The histogram widget draws the selected column.
    QImage before = panel->histogram()->grab().toImage();
    panel->profileTable()->setCurrentCell(2, 0);
    QVERIFY(panel->histogram()->grab().toImage() != before);
}

void TestLineageView::lineageWindowFromRunPage()
{
    if (!m_window)
        QSKIP("needs the project of workbenchArtifactsAndProfile");
    QVERIFY(m_window->runsView()->selectRun(m_trainId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runPage()->runId(), m_trainId, 20000);
    QVERIFY(m_window->runPage()->lineageButton()->isEnabled());
    QTest::mouseClick(m_window->runPage()->lineageButton(), Qt::LeftButton);
    app::LineageWindow* lw = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((lw = [] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* l = qobject_cast<app::LineageWindow*>(w); l && l->isVisible())
                return l;
        return static_cast<app::LineageWindow*>(nullptr);
    }()) != nullptr, 5000);
    LineageCanvas* canvas = lw->view()->canvas();
    // Upstream train <- clean.csv:1 <- prepare <- raw.csv:1, downstream model.bin:1.
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph() && canvas->graph()->nodes.size() == 5, 20000);
    if (!app::LineageSession::dotExecutable().isEmpty())
        QTRY_COMPARE_WITH_TIMEOUT(canvas->graph()->engine, QString("Graphviz dot"), 60000);
    QVERIFY2(lw->view()->statusLabel()->text().contains("5 nodes, 4 edges"),
             qPrintable(lw->view()->statusLabel()->text()));
    QCOMPARE(canvas->graph()->nodes.front().id, m_trainId);
    QCOMPARE(canvas->selected(), 0);  // the root is selected: its upstream and downstream show
    shot(lw, "lineage-window");

    // Depth 1: only train's own inputs and outputs.
    lw->view()->depthBox()->setValue(1);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph()->nodes.size() == 3, 20000);
    lw->view()->depthBox()->setValue(0);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph()->nodes.size() == 5, 20000);
    // Upstream only drops model.bin.
    lw->view()->directionBox()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph()->nodes.size() == 4, 20000);
    lw->view()->directionBox()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph()->nodes.size() == 5, 20000);

    // Selecting an artifact fills the window's artifact panel; opening a run shows it on the
    // main window's page.
    const auto g = canvas->graph();
    const int model = indexOf(*g, "model.bin:1"), prepare = [&] {
        for (std::size_t i = 0; i < g->nodes.size(); ++i)
            if (g->nodes[i].label == "prepare")
                return static_cast<int>(i);
        return -1;
    }();
    QVERIFY(model >= 0 && prepare >= 0);
    canvas->select(model);
    QTRY_COMPARE_WITH_TIMEOUT(lw->artifactPanel()->reference(), QString("model.bin:1"), 20000);
    Q_EMIT canvas->nodeActivated(prepare);
    const QString prepareId = g->nodes[static_cast<std::size_t>(prepare)].id;
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runPage()->runId(), prepareId, 20000);
    // The whole project.
    lw->setRoot({});
    QTRY_VERIFY_WITH_TIMEOUT(canvas->graph()->nodes.size() == 5 && !canvas->graph()->nodes.front().root, 20000);
    QVERIFY(!lw->view()->depthBox()->isEnabled());
    lw->close();
}

void TestLineageView::reproduceDialog()
{
    if (!m_window)
        QSKIP("needs the project of workbenchArtifactsAndProfile");
    QVERIFY(m_window->runsView()->selectRun(m_trainId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runPage()->runId(), m_trainId, 20000);
    QVERIFY(m_window->runPage()->reproduceButton()->isEnabled());
    app::ReproduceDialog* dialog = m_window->reproduceRun(m_trainId);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &app::ReproduceDialog::reproduced);
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY2(dialog->report()->resultsIdentical(), qPrintable(dialog->statusLabel()->text()));
    QVERIFY2(dialog->statusLabel()->text().contains("the results are the same"), qPrintable(dialog->statusLabel()->text()));
    QVERIFY(!dialog->reproductionId().isEmpty());
    QVERIFY(dialog->report()->topLevelItemCount() == 5);
    shot(dialog, "reproduce-dialog");
    Q_EMIT dialog->showRunRequested(dialog->reproductionId());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runPage()->runId(), dialog->reproductionId(), 20000);
    dialog->close();
    cli({"engine", "stop"});
}

QTEST_MAIN(TestLineageView)
#include "tst_lineage_view.moc"
