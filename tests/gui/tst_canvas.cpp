// The pipeline canvas, offscreen, driven like a user drives it: a template dropped from the
// palette, a wire dragged from an output port to another node, nodes dragged and nudged,
// the property editor, Delete, copy/paste, wheel zoom; undo and redo restore the exact
// model; saving writes only what changed and reads back equal; the file changed outside
// updates the canvas (also when an editor renames a new file over it); run states and
// validation problems show on their nodes.
#include "engine/pipeline/progress.h"
#include "engine/pipeline/stage_edit.h"
#include "engine/pipeline/yaml_emit.h"
#include "widgets/canvas/auto_layout.h"
#include "widgets/canvas/canvas_commands.h"
#include "widgets/canvas/edge_item.h"
#include "widgets/canvas/node_item.h"
#include "widgets/canvas/pipeline_editor.h"
#include "widgets/canvas/pipeline_model.h"
#include "widgets/canvas/pipeline_scene.h"
#include "widgets/canvas/pipeline_view.h"
#include "widgets/canvas/run_watch.h"
#include "widgets/canvas/stage_palette.h"
#include "widgets/canvas/stage_properties.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <unistd.h>

using namespace cairn;
using namespace cairn::widgets;

namespace {

const char* kPipeline = "# Two stages and a report\n"
                        "stages:\n"
                        "  prepare:\n"
                        "    cmd: python3 prepare.py   # split\n"
                        "    outs: [data]\n"
                        "\n"
                        "  train:\n"
                        "    cmd: python3 train.py\n"
                        "    outs: [model.pkl]\n"
                        "\n"
                        "  report:\n"
                        "    cmd: python3 report.py\n"
                        "    deps: [model.pkl]\n";

struct Snapshot {
    std::string text;
    QHash<QString, QPointF> positions;
    bool operator==(const Snapshot& o) const { return text == o.text && positions == o.positions; }
};

Snapshot snap(const PipelineModel* m) { return {m->document().text(), m->positions()}; }

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QStringList depsOf(const PipelineModel* m, const std::string& stage)
{
    QStringList out;
    for (const auto& p : pipeline::listPaths(pipeline::stageField(*m->document().stage(stage), "deps")))
        out << QString::fromStdString(p);
    return out;
}

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dragFromPaletteAddsAStage();
    void connectTwoPortsWithTheMouse();
    void dragNodeAndNudgeMergeIntoOneMove();
    void undoRedoRestoresTheExactModel();
    void propertyEditorEditsFields();
    void deleteKeyAndCopyPaste();
    void saveAndReloadEquals();
    void untouchedDvcFilesSaveByteIdentical_data();
    void untouchedDvcFilesSaveByteIdentical();
    void minimalDiffEdit();
    void externalEditsUpdateTheCanvas();
    void externalEditWithUnsavedEditsAsks();
    void brokenYamlOpensReadOnlyAndRecovers();
    void validationProblemsOnNodes();
    void runStatesAndRunActions();
    void wheelZoomPanAndFit();
    void autoLayout();
    void edgesGoRoundTheCardsBetween();

private:
    QString writePipeline(const QByteArray& text = kPipeline)
    {
        const QString file = m_dir->filePath(QStringLiteral("pipelines/p.yaml"));
        QDir().mkpath(QFileInfo(file).path());
        writeAll(file, text);
        return file;
    }
    PipelineEditor* openEditor(const QString& file)
    {
        auto* e = new PipelineEditor(false);
        e->resize(1400, 900);
        e->show();
        if (!QTest::qWaitForWindowExposed(e))
            qWarning("window not exposed");
        QString error;
        if (!e->open(file, m_dir->path(), &error))
            qWarning("open: %s", qPrintable(error));
        m_editors << e;
        return e;
    }
    // A scene point as a viewport point.
    static QPoint at(PipelineEditor* e, QPointF scene) { return e->view()->mapFromScene(scene); }
    static QPointF outputPortScene(PipelineEditor* e, const QString& stage, int port)
    {
        NodeItem* n = e->scene()->nodeItem(stage);
        return n->mapToScene(n->outputPort(port));
    }
    static QPointF centreOf(PipelineEditor* e, const QString& stage)
    {
        return e->scene()->nodeItem(stage)->sceneBoundingRect().center();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<PipelineEditor*> m_editors;
};

void TestCanvas::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    writeAll(m_dir->filePath(QStringLiteral("cairn.yaml")), "name: t\n");
}

void TestCanvas::cleanup()
{
    qDeleteAll(m_editors);
    m_editors.clear();
    m_dir.reset();
}

void TestCanvas::dragFromPaletteAddsAStage()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineView* view = e->view();
    QVERIFY(e->palette()->itemFor(QStringLiteral("train-gpu")));
    std::unique_ptr<QMimeData> data(e->palette()->dragData(QStringLiteral("train-gpu")));
    QVERIFY(data && data->hasFormat(QStringLiteral("application/x-cairn-stage-template")));
    const QPoint drop = view->viewport()->rect().center() + QPoint(200, 150);
    const QPointF dropScene = view->mapToScene(drop);
    QDragEnterEvent enter(drop, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(drop, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QDropEvent dropEvent(drop, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &dropEvent);

    PipelineModel* m = e->model();
    QCOMPARE(m->document().stageCount(), 4);
    QVERIFY(m->document().stage("train_2"));  // "train" was taken
    const pipeline::Value* res = pipeline::stageField(*m->document().stage("train_2"), "resources");
    QVERIFY(res && res->find("gpus") && res->find("gpus")->asInt() == 1);
    NodeItem* node = e->scene()->nodeItem(QStringLiteral("train_2"));
    QVERIFY(node);
    QVERIFY(node->sceneBoundingRect().contains(dropScene));  // where it was dropped
    QVERIFY(node->isSelected());
    QCOMPARE(e->properties()->stage(), QStringLiteral("train_2"));
    QCOMPARE(e->undoStack()->count(), 1);
    QVERIFY(m->isModified());
    QVERIFY(e->title().endsWith(QLatin1Char('*')));
    e->undoStack()->undo();
    QCOMPARE(m->document().stageCount(), 3);
    QVERIFY(!m->isModified());
}

void TestCanvas::connectTwoPortsWithTheMouse()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineModel* m = e->model();
    const Snapshot before = snap(m);
    QCOMPARE(static_cast<int>(e->scene()->edgeItems().size()), 1);  // train -> report
    QWidget* vp = e->view()->viewport();
    // prepare's output port 0 (data) -> anywhere on the train node.
    const QPoint from = at(e, outputPortScene(e, QStringLiteral("prepare"), 0));
    const QPoint to = at(e, centreOf(e, QStringLiteral("train")));
    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(vp, from + QPoint(30, 10));
    QTest::mouseMove(vp, to);
    QVERIFY(e->scene()->nodeItem(QStringLiteral("prepare"))->pos() == before.positions.value(QStringLiteral("prepare")));
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(depsOf(m, "train"), QStringList{QStringLiteral("data")});
    QCOMPARE(static_cast<int>(e->scene()->edgeItems().size()), 2);
    QVERIFY(e->scene()->edgeItem(QStringLiteral("prepare"), QStringLiteral("train")));
    QCOMPARE(e->undoStack()->count(), 1);
    QVERIFY(e->undoStack()->text(0).contains(QStringLiteral("Connect")));
    // The nodes did not move.
    QCOMPARE(m->positions(), before.positions);

    // The same wire again is refused, with a message.
    QSignalSpy said(e, &PipelineEditor::statusMessage);
    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(vp, to);
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(e->undoStack()->count(), 1);
    QVERIFY(!said.isEmpty());

    e->undoStack()->undo();
    QVERIFY(snap(m) == before);
    QCOMPARE(static_cast<int>(e->scene()->edgeItems().size()), 1);
    e->undoStack()->redo();
    QCOMPARE(depsOf(m, "train"), QStringList{QStringLiteral("data")});

    // Select the new edge and delete it: disconnect.
    e->scene()->clearSelection();
    e->scene()->edgeItem(QStringLiteral("prepare"), QStringLiteral("train"))->setSelected(true);
    e->view()->setFocus();
    QTest::keyClick(vp, Qt::Key_Delete);
    QCOMPARE(depsOf(m, "train"), QStringList());
    QVERIFY(snap(m) == before);
}

void TestCanvas::dragNodeAndNudgeMergeIntoOneMove()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineModel* m = e->model();
    const QPointF start = m->position(QStringLiteral("report"));
    QWidget* vp = e->view()->viewport();
    // Press on the title (not a port), drag by (60, 40) in view pixels.
    NodeItem* node = e->scene()->nodeItem(QStringLiteral("report"));
    const QPoint grab = at(e, node->mapToScene(QPointF(60, 12)));
    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, grab);
    QTest::mouseMove(vp, grab + QPoint(20, 10));
    QTest::mouseMove(vp, grab + QPoint(60, 40));
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, grab + QPoint(60, 40));
    const QPointF moved = m->position(QStringLiteral("report"));
    QVERIFY(moved != start);
    QCOMPARE(e->undoStack()->count(), 1);
    // Arrow keys nudge the selection by 10; consecutive moves merge.
    e->view()->setFocus();
    QTest::keyClick(vp, Qt::Key_Right);
    QTest::keyClick(vp, Qt::Key_Right);
    QTest::keyClick(vp, Qt::Key_Down);
    QCOMPARE(m->position(QStringLiteral("report")), moved + QPointF(20, 10));
    QCOMPARE(e->undoStack()->count(), 1);
    // The edge followed.
    EdgeItem* edge = e->scene()->edgeItem(QStringLiteral("train"), QStringLiteral("report"));
    QVERIFY(edge);
    QVERIFY(edge->boundingRect().contains(node->mapToScene(node->inputPort(0))));
    e->undoStack()->undo();
    QCOMPARE(m->position(QStringLiteral("report")), start);
    QCOMPARE(node->pos(), start);
    QVERIFY(!m->isModified());  // positions are not the spec
    // The layout sidecar is written, and the YAML untouched.
    QTRY_VERIFY(QFileInfo::exists(m->layoutPath()));
    QCOMPARE(readAll(m->filePath()), QByteArray(kPipeline));
}

void TestCanvas::undoRedoRestoresTheExactModel()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineModel* m = e->model();
    QUndoStack* stack = e->undoStack();
    std::vector<Snapshot> states{snap(m)};
    auto step = [&] { states.push_back(snap(m)); };

    e->addFromTemplate(QStringLiteral("evaluate"), QPointF(900, 50));
    step();
    stack->push(commands::connectStages(m, QStringLiteral("train"), 0, QStringLiteral("evaluate")));
    step();
    stack->push(commands::editField(m, QStringLiteral("evaluate"), QStringLiteral("retries"), pipeline::Value::integer(2, "2")));
    step();
    stack->push(new RenameStageCommand(m, QStringLiteral("prepare"), QStringLiteral("split")));
    step();
    e->scene()->selectStages({QStringLiteral("report")});
    e->scene()->deleteSelection();
    step();
    e->scene()->selectStages({QStringLiteral("train")});
    e->copySelection();
    e->paste();
    step();
    stack->push(commands::moveNodes(m, {{QStringLiteral("split"), m->position(QStringLiteral("split"))}},
                                    {{QStringLiteral("split"), QPointF(-300, -200)}}));
    step();
    QCOMPARE(stack->count(), static_cast<int>(states.size()) - 1);
    QVERIFY(m->document().stage("train_2"));
    QVERIFY(!m->document().stage("report"));
    QVERIFY(m->document().stage("split"));

    for (int i = static_cast<int>(states.size()) - 2; i >= 0; --i) {
        stack->undo();
        QVERIFY2(snap(m) == states[static_cast<std::size_t>(i)], qPrintable(QStringLiteral("after undo to state %1:\n%2").arg(i).arg(QString::fromStdString(m->document().text()))));
        // The scene shows the model: one item per stage, at its position.
        QCOMPARE(static_cast<int>(e->scene()->nodeItems().size()), m->document().stageCount());
        for (NodeItem* n : e->scene()->nodeItems())
            QCOMPARE(n->pos(), m->position(n->name()));
    }
    QVERIFY(m->document().text() == kPipeline);
    QVERIFY(!m->isModified());
    for (std::size_t i = 1; i < states.size(); ++i) {
        stack->redo();
        QVERIFY(snap(m) == states[i]);
    }
}

void TestCanvas::propertyEditorEditsFields()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineModel* m = e->model();
    e->scene()->selectStages({QStringLiteral("train")});
    StageProperties* props = e->properties();
    QCOMPARE(props->stage(), QStringLiteral("train"));
    auto* cmd = qobject_cast<QPlainTextEdit*>(props->editor(QStringLiteral("cmd")));
    QVERIFY(cmd);
    QCOMPARE(cmd->toPlainText(), QStringLiteral("python3 train.py"));
    cmd->setPlainText(QStringLiteral("python3 train.py --epochs 3"));
    qobject_cast<QPlainTextEdit*>(props->editor(QStringLiteral("deps")))->setPlainText(QStringLiteral("data\nparams.yaml\n"));
    qobject_cast<QPlainTextEdit*>(props->editor(QStringLiteral("metrics")))->setPlainText(QStringLiteral("m.json: {cache: false}"));
    qobject_cast<QPlainTextEdit*>(props->editor(QStringLiteral("env")))->setPlainText(QStringLiteral("OMP_NUM_THREADS=2"));
    qobject_cast<QLineEdit*>(props->editor(QStringLiteral("timeout")))->setText(QStringLiteral("30m"));
    props->commitAll();
    auto* gpus = qobject_cast<QSpinBox*>(props->editor(QStringLiteral("gpus")));
    gpus->setValue(1);
    gpus->setValue(2);  // consecutive edits of one field merge
    const pipeline::Value& body = *m->document().stage("train");
    QCOMPARE(QString::fromStdString(pipeline::stageField(body, "cmd")->text()), QStringLiteral("python3 train.py --epochs 3"));
    QCOMPARE(depsOf(m, "train"), (QStringList{QStringLiteral("data"), QStringLiteral("params.yaml")}));
    QVERIFY(pipeline::stageField(body, "metrics")->items()[0].isMap());
    QCOMPARE(pipeline::stageField(body, "resources")->find("gpus")->asInt(), 2LL);
    QCOMPARE(QString::fromStdString(pipeline::stageField(body, "timeout")->text()), QStringLiteral("30m"));
    QCOMPARE(e->undoStack()->count(), 6);  // cmd, deps, metrics, env, timeout, gpus (merged)
    // Only the train stage's lines changed.
    const std::string text = m->document().text();
    QVERIFY(text.starts_with("# Two stages and a report\nstages:\n  prepare:\n    cmd: python3 prepare.py   # split\n"));
    QVERIFY(text.ends_with("  report:\n    cmd: python3 report.py\n    deps: [model.pkl]\n"));
    // A bad timeout is refused with a message, the model untouched.
    QSignalSpy said(e, &PipelineEditor::statusMessage);
    qobject_cast<QLineEdit*>(props->editor(QStringLiteral("timeout")))->setText(QStringLiteral("soon"));
    props->commitAll();
    QVERIFY(!said.isEmpty());
    QCOMPARE(QString::fromStdString(pipeline::stageField(*m->document().stage("train"), "timeout")->text()), QStringLiteral("30m"));
    // Rename through the name field.
    auto* name = qobject_cast<QLineEdit*>(props->editor(QStringLiteral("name")));
    name->setText(QStringLiteral("fit"));
    props->commitAll();
    QVERIFY(m->document().stage("fit"));
    QVERIFY(e->scene()->nodeItem(QStringLiteral("fit")));
    // The YAML tab replaces the whole body.
    auto* yaml = qobject_cast<QPlainTextEdit*>(props->editor(QStringLiteral("yaml")));
    QVERIFY(yaml->toPlainText().contains(QStringLiteral("timeout: 30m")));
    yaml->setPlainText(QStringLiteral("matrix:\n  lr: [0.1, 0.2]\ncmd: python3 train.py --lr ${item.lr}\nouts: [\"model-${item.lr}.pkl\"]\n"));
    QPushButton* apply = nullptr;
    for (auto* b : props->findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("Apply")))
            apply = b;
    QVERIFY(apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(static_cast<int>(m->node(QStringLiteral("fit"))->stages.size()), 2);
}

void TestCanvas::deleteKeyAndCopyPaste()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineModel* m = e->model();
    QWidget* vp = e->view()->viewport();
    // Click a node to select it, Delete removes it.
    QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, at(e, e->scene()->nodeItem(QStringLiteral("report"))->mapToScene(QPointF(60, 12))));
    QCOMPARE(e->scene()->selectedStages(), QStringList{QStringLiteral("report")});
    QTest::keyClick(vp, Qt::Key_Delete);
    QVERIFY(!m->document().stage("report"));
    QVERIFY(!e->scene()->nodeItem(QStringLiteral("report")));
    e->undoStack()->undo();
    QVERIFY(m->document().stage("report"));
    QVERIFY(m->document().text() == kPipeline);
    // Ctrl+C / Ctrl+V: a copy with a fresh name, offset, same body; the clipboard holds YAML.
    e->scene()->selectStages({QStringLiteral("train")});
    e->view()->setFocus();
    QTest::keyClick(vp, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("stages:\n  train:\n")));
    QTest::keyClick(vp, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(m->document().stage("train_2"));
    QVERIFY(pipeline::sameValue(*m->document().stage("train_2"), *m->document().stage("train")));
    QVERIFY(m->position(QStringLiteral("train_2")) != m->position(QStringLiteral("train")));
    QCOMPARE(e->scene()->selectedStages(), QStringList{QStringLiteral("train_2")});
    // Both write model.pkl now: the copy is marked.
    QVERIFY(e->scene()->nodeItem(QStringLiteral("train_2"))->errorCount() > 0);
    // Pasting YAML from a text editor works too.
    QApplication::clipboard()->setText(QStringLiteral("stages:\n  extra:\n    cmd: echo hi\n"));
    e->paste();
    QVERIFY(m->document().stage("extra"));
}

void TestCanvas::saveAndReloadEquals()
{
    const QString file = writePipeline();
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    e->addFromTemplate(QStringLiteral("sweep"), QPointF(700, 400));
    e->undoStack()->push(commands::connectStages(m, QStringLiteral("prepare"), 0, QStringLiteral("sweep")));
    e->undoStack()->push(commands::editField(m, QStringLiteral("report"), QStringLiteral("desc"), pipeline::Value::string("the report")));
    QString error;
    QVERIFY2(e->save(&error), qPrintable(error));
    QVERIFY(!m->isModified());
    QVERIFY(!e->title().endsWith(QLatin1Char('*')));
    QCOMPARE(readAll(file), QByteArray::fromStdString(m->document().text()));
    QVERIFY(readAll(file).startsWith("# Two stages and a report\n"));

    PipelineEditor* again = openEditor(file);
    PipelineModel* m2 = again->model();
    QVERIFY(pipeline::sameValue(m2->document().root(), m->document().root()));
    QCOMPARE(m2->positions(), m->positions());
    QCOMPARE(m2->graph().edges.size(), m->graph().edges.size());
    QCOMPARE(m2->graph().nodes.size(), std::size_t(4));
    // Saving the untouched reload writes the same bytes.
    const QByteArray bytes = readAll(file);
    QVERIFY(again->save(&error));
    QCOMPARE(readAll(file), bytes);
}

void TestCanvas::untouchedDvcFilesSaveByteIdentical_data()
{
    QTest::addColumn<QString>("source");
    QDirIterator it(QStringLiteral(CAIRN_TEST_DATA "/dvc"), {QStringLiteral("dvc.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    int n = 0;
    while (it.hasNext()) {
        const QString f = it.next();
        QTest::newRow(qPrintable(QDir(QStringLiteral(CAIRN_TEST_DATA "/dvc")).relativeFilePath(f))) << f;
        ++n;
    }
    QVERIFY(n >= 8);
}

// Every real dvc.yaml: open it on the canvas, edit a stage and undo it, save: the same bytes.
void TestCanvas::untouchedDvcFilesSaveByteIdentical()
{
    QFETCH(QString, source);
    const QString file = m_dir->filePath(QStringLiteral("dvc.yaml"));
    const QByteArray original = readAll(source);
    QVERIFY(writeAll(file, original));
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    QVERIFY(m->isEditable());
    QVERIFY(!m->isModified());
    QVERIFY(m->graph().nodes.size() >= 1);
    const QString first = QString::fromStdString(m->graph().nodes.front().name);
    e->undoStack()->push(commands::editField(m, first, QStringLiteral("desc"), pipeline::Value::string("temporary")));
    QVERIFY(m->isModified());
    e->undoStack()->undo();
    QString error;
    QVERIFY2(e->save(&error), qPrintable(error));
    QCOMPARE(readAll(file), original);
    QVERIFY(QFileInfo::exists(m->layoutPath()));
}

void TestCanvas::minimalDiffEdit()
{
    const QByteArray original = readAll(QStringLiteral(CAIRN_TEST_DATA "/dvc/iterative__example-pokemon-classifier/dvc.yaml"));
    const QString file = m_dir->filePath(QStringLiteral("dvc.yaml"));
    QVERIFY(writeAll(file, original));
    PipelineEditor* e = openEditor(file);
    e->scene()->selectStages({QStringLiteral("train")});
    auto* cmd = qobject_cast<QPlainTextEdit*>(e->properties()->editor(QStringLiteral("cmd")));
    cmd->setPlainText(QStringLiteral("python3 src/train.py --params params.yaml --fast"));
    e->properties()->commitAll();
    QString error;
    QVERIFY(e->save(&error));
    QByteArray expected = original;
    expected.replace("    cmd: python3 src/train.py --params params.yaml\n", "    cmd: python3 src/train.py --params params.yaml --fast\n");
    QVERIFY(expected != original);
    QCOMPARE(readAll(file), expected);
}

void TestCanvas::externalEditsUpdateTheCanvas()
{
    const QString file = writePipeline();
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    const QPointF trainPos = m->position(QStringLiteral("train"));
    QSignalSpy reloaded(e, &PipelineEditor::reloadedFromDisk);
    // Written in place.
    QVERIFY(writeAll(file, QByteArray(kPipeline) + "  publish:\n    cmd: echo done\n    deps: [model.pkl]\n"));
    QTRY_VERIFY_WITH_TIMEOUT(e->scene()->nodeItem(QStringLiteral("publish")), 10000);
    QCOMPARE(m->position(QStringLiteral("train")), trainPos);  // positions kept by name
    QVERIFY(e->scene()->edgeItem(QStringLiteral("train"), QStringLiteral("publish")));
    QVERIFY(!m->isModified());
    // The editor-rename-save pattern: a new file renamed over the old one.
    const QString tmp = file + QStringLiteral(".swp");
    QVERIFY(writeAll(tmp, "stages:\n  only:\n    cmd: echo one\n"));
    QVERIFY(::rename(tmp.toLocal8Bit().constData(), file.toLocal8Bit().constData()) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(e->scene()->nodeItem(QStringLiteral("only")) && !e->scene()->nodeItem(QStringLiteral("train")), 10000);
    // ...and again: the watch followed the new file.
    QVERIFY(writeAll(tmp, "stages:\n  only:\n    cmd: echo one\n  two:\n    cmd: echo two\n"));
    QVERIFY(::rename(tmp.toLocal8Bit().constData(), file.toLocal8Bit().constData()) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(e->scene()->nodeItem(QStringLiteral("two")), 10000);
    QVERIFY(reloaded.count() >= 3);
    // Our own save does not count as an external change.
    const int before = static_cast<int>(reloaded.count());
    e->undoStack()->push(commands::editField(m, QStringLiteral("two"), QStringLiteral("desc"), pipeline::Value::string("x")));
    QString error;
    QVERIFY(e->save(&error));
    QTest::qWait(400);
    QCOMPARE(static_cast<int>(reloaded.count()), before);
    QCOMPARE(e->undoStack()->count(), 1);
}

void TestCanvas::externalEditWithUnsavedEditsAsks()
{
    const QString file = writePipeline();
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    e->undoStack()->push(commands::editField(m, QStringLiteral("train"), QStringLiteral("desc"), pipeline::Value::string("mine")));
    QVERIFY(writeAll(file, "stages:\n  theirs:\n    cmd: echo theirs\n"));
    QWidget* banner = e->findChild<QWidget*>(QStringLiteral("pipelineBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY(m->document().stage("train"));  // not reloaded behind the user's back
    QPushButton* reload = nullptr;
    for (auto* b : banner->findChildren<QPushButton*>())
        if (b->text().contains(QStringLiteral("Reload")))
            reload = b;
    QVERIFY(reload);
    QTest::mouseClick(reload, Qt::LeftButton);
    QVERIFY(m->document().stage("theirs"));
    QVERIFY(!banner->isVisible());
    QCOMPARE(e->undoStack()->count(), 0);
}

void TestCanvas::brokenYamlOpensReadOnlyAndRecovers()
{
    const QString file = writePipeline("stages:\n  a:\n    cmd: [echo\n");
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    QVERIFY(!m->isEditable());
    QVERIFY2(m->loadError().contains(QStringLiteral("p.yaml:4:1: YAML syntax")), qPrintable(m->loadError()));
    QVERIFY(!e->palette()->isEnabled());
    QString error;
    QVERIFY(!e->save(&error));
    QCOMPARE(readAll(file), QByteArray("stages:\n  a:\n    cmd: [echo\n"));  // never overwritten
    QVERIFY(writeAll(file, "stages:\n  a:\n    cmd: echo fixed\n"));
    QTRY_VERIFY_WITH_TIMEOUT(m->isEditable(), 10000);
    QVERIFY(e->scene()->nodeItem(QStringLiteral("a")));
}

void TestCanvas::validationProblemsOnNodes()
{
    PipelineEditor* e = openEditor(writePipeline("stages:\n  a:\n    cmd: echo ${nope}\n    outs: [x]\n  b:\n    cmd: cat x\n    dep: [x]\n  c:\n    cmd: ok\n"));
    PipelineModel* m = e->model();
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("a"))->errorCount(), 1);
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("b"))->errorCount(), 1);
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("c"))->errorCount(), 0);
    QVERIFY(e->scene()->nodeItem(QStringLiteral("b"))->toolTip().contains(QStringLiteral("did you mean")));
    QVERIFY(e->validate() == 2);
    QCOMPARE(e->scene()->selectedStages(), QStringList{QStringLiteral("a")});
    bool listed = false;
    for (int i = 0; i < e->problemsList()->count(); ++i)
        listed = listed || e->problemsList()->item(i)->text().contains(QStringLiteral("p.yaml:7:5: error: stages.b.dep"));
    QVERIFY(listed);
    // Fix b in the property editor's YAML: its marker goes.
    pipeline::Value fixed = pipeline::withField(*m->document().stage("b"), "dep", pipeline::Value::null());
    fixed = pipeline::withField(fixed, "deps", pipeline::stringList({"x"}));
    e->undoStack()->push(commands::replaceBody(m, QStringLiteral("b"), fixed));
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("b"))->errorCount(), 0);
    QVERIFY(e->scene()->edgeItem(QStringLiteral("a"), QStringLiteral("b")));
    // Running is refused while there are errors.
    QSignalSpy runs(e, &PipelineEditor::runRequested);
    e->requestRun(QStringLiteral("all"));
    QCOMPARE(runs.count(), 0);
}

void TestCanvas::runStatesAndRunActions()
{
    const QString file = writePipeline();
    PipelineEditor* e = openEditor(file);
    PipelineModel* m = e->model();
    // A scheduler (this process) writes progress: the canvas follows.
    const auto path = pipeline::progressPathFor(m_dir->path().toStdString(), file.toStdString());
    auto w = pipeline::ProgressWriter::start(path, "run1", "pipelines/p.yaml", 2, {"prepare", "train", "report"});
    QVERIFY(w);
    (*w)->stage("prepare", "cached");
    (*w)->stage("train", "running", "aaaa1111bbbb2222");
    QTRY_COMPARE_WITH_TIMEOUT(e->scene()->nodeItem(QStringLiteral("train"))->runState(), QStringLiteral("running"), 5000);
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("prepare"))->runState(), QStringLiteral("cached"));
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("report"))->runState(), QStringLiteral("queued"));
    QVERIFY(m->runLive());
    QVERIFY(e->action(QStringLiteral("stop"))->isEnabled());
    (*w)->stage("train", "done", "aaaa1111bbbb2222", "", 1.5);
    (*w)->stage("report", "failed", "cccc3333dddd4444", "run cccc3333 failed (exit 1)", 0.2);
    (*w)->end(1);
    QTRY_COMPARE_WITH_TIMEOUT(e->scene()->nodeItem(QStringLiteral("report"))->runState(), QStringLiteral("failed"), 5000);
    QTRY_VERIFY(!m->runLive());
    QCOMPARE(e->scene()->nodeItem(QStringLiteral("train"))->runState(), QStringLiteral("done"));
    QVERIFY(e->scene()->nodeItem(QStringLiteral("report"))->toolTip().contains(QStringLiteral("exit 1")));

    // Double-click opens the stage's run.
    QSignalSpy open(e, &PipelineEditor::openRunRequested);
    QWidget* vp = e->view()->viewport();
    QTest::mouseDClick(vp, Qt::LeftButton, Qt::NoModifier, at(e, e->scene()->nodeItem(QStringLiteral("train"))->mapToScene(QPointF(60, 12))));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), QStringLiteral("aaaa1111bbbb2222"));

    // Run actions: "Run from here" and "Run this stage" on the selection, "Run Pipeline".
    QSignalSpy runs(e, &PipelineEditor::runRequested);
    e->scene()->selectStages({QStringLiteral("train")});
    e->action(QStringLiteral("runFrom"))->trigger();
    e->action(QStringLiteral("runStage"))->trigger();
    e->action(QStringLiteral("run"))->trigger();
    QCOMPARE(runs.count(), 3);
    QCOMPARE(runs[0].at(1).toString(), QStringLiteral("from"));
    QCOMPARE(runs[0].at(2).toString(), QStringLiteral("train"));
    QCOMPARE(runs[1].at(1).toString(), QStringLiteral("stage"));
    QCOMPARE(runs[2].at(1).toString(), QStringLiteral("all"));
    QCOMPARE(QFileInfo(runs[2].at(0).toString()), QFileInfo(file));
    // Unsaved edits are saved before a run.
    e->undoStack()->push(commands::editField(m, QStringLiteral("report"), QStringLiteral("desc"), pipeline::Value::string("r")));
    e->action(QStringLiteral("run"))->trigger();
    QVERIFY(!m->isModified());
    QVERIFY(readAll(file).contains("desc: r"));
}

void TestCanvas::wheelZoomPanAndFit()
{
    PipelineEditor* e = openEditor(writePipeline());
    PipelineView* view = e->view();
    view->setZoom(1.0);
    QWidget* vp = view->viewport();
    const QPoint c = vp->rect().center();
    const QPointF sceneBefore = view->mapToScene(c);
    QWheelEvent wheel(c, vp->mapToGlobal(c), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(vp, &wheel);
    QVERIFY(view->zoom() > 1.1);
    // Zoomed under the mouse: the scene point under it stays.
    QVERIFY((view->mapToScene(c) - sceneBefore).manhattanLength() < 3);
    // Middle-button pan.
    const int h = view->horizontalScrollBar()->value();
    QTest::mousePress(vp, Qt::MiddleButton, Qt::NoModifier, c);
    QTest::mouseMove(vp, c + QPoint(-80, 0));
    QTest::mouseRelease(vp, Qt::MiddleButton, Qt::NoModifier, c + QPoint(-80, 0));
    QVERIFY(view->horizontalScrollBar()->value() > h);
    view->setZoom(3.0);
    view->fitToView();
    const QRectF visible = view->mapToScene(vp->rect()).boundingRect();
    QVERIFY(visible.contains(e->scene()->nodesRect()));
}

void TestCanvas::autoLayout()
{
    PipelineEditor* e = openEditor(writePipeline("stages:\n  d:\n    cmd: d\n    deps: [b.txt, c.txt]\n  c:\n    cmd: c\n    deps: [a.txt]\n    outs: [c.txt]\n"
                                                 "  b:\n    cmd: b\n    deps: [a.txt]\n    outs: [b.txt]\n  a:\n    cmd: a\n    outs: [a.txt]\n"));
    PipelineModel* m = e->model();
    // Our own layered layout: columns follow the edges, no two nodes overlap.
    const auto layered = layeredLayout(m->graph());
    QVERIFY(layered.value(QStringLiteral("a")).x() < layered.value(QStringLiteral("b")).x());
    QVERIFY(layered.value(QStringLiteral("b")).x() < layered.value(QStringLiteral("d")).x());
    QCOMPARE(layered.value(QStringLiteral("b")).x(), layered.value(QStringLiteral("c")).x());
    // The canvas's auto layout (Graphviz when installed): one undoable step.
    m->setPositions({{QStringLiteral("a"), QPointF(0, 0)}, {QStringLiteral("b"), QPointF(0, 0)}, {QStringLiteral("c"), QPointF(0, 0)},
                     {QStringLiteral("d"), QPointF(0, 0)}});
    e->autoLayout();
    QTRY_VERIFY_WITH_TIMEOUT(e->undoStack()->count() == 1, 20000);
    QVERIFY(m->position(QStringLiteral("a")).x() < m->position(QStringLiteral("d")).x());
    QList<QRectF> rects;
    for (NodeItem* n : e->scene()->nodeItems())
        rects << n->sceneBoundingRect().adjusted(12, 12, -12, -12);
    for (int i = 0; i < rects.size(); ++i)
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY(!rects[i].intersects(rects[j]));
    if (DotLayout::dotExecutable().isEmpty())
        qInfo("dot is not installed: the layered layout was used");
    e->undoStack()->undo();
    QCOMPARE(m->position(QStringLiteral("d")), QPointF(0, 0));
}

// a -> b -> c in a row, and c also reads a: that edge skips b's column and must not run behind
// b's card (where it would look like it ends at b's ports). Moving b away straightens it.
void TestCanvas::edgesGoRoundTheCardsBetween()
{
    PipelineEditor* e = openEditor(writePipeline("stages:\n  a:\n    cmd: a\n    outs: [a.txt]\n  b:\n    cmd: b\n    deps: [a.txt]\n    outs: [b.txt]\n"
                                                 "  c:\n    cmd: c\n    deps: [a.txt, b.txt]\n"));
    PipelineModel* m = e->model();
    m->setPositions({{QStringLiteral("a"), QPointF(0, 0)}, {QStringLiteral("b"), QPointF(300, 0)}, {QStringLiteral("c"), QPointF(600, 0)}});
    EdgeItem* skip = e->scene()->edgeItem(QStringLiteral("a"), QStringLiteral("c"));
    QVERIFY(skip);
    NodeItem* b = e->scene()->nodeItem(QStringLiteral("b"));
    auto crossesB = [&] { return skip->shape().intersects(b->sceneBoundingRect().adjusted(12, 12, -12, -12)); };  // the card
    QVERIFY(!crossesB());
    // Its ends are still the ports.
    NodeItem* a = e->scene()->nodeItem(QStringLiteral("a"));
    QVERIFY(skip->shape().contains(a->mapToScene(a->outputPort(0))));
    // b moves far down: the edge is the plain curve again (it stays near the row).
    m->setPositions({{QStringLiteral("b"), QPointF(300, 600)}});
    QVERIFY(skip->boundingRect().height() < 40);
    QVERIFY(!crossesB());
}

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
