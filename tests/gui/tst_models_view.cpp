// The Models view offscreen against a real project and engine (docs/registry.md): models and
// versions with alias badges, gate results, a promotion blocked by a gate, a protected alias's
// request in the approvals inbox (self-approval refused), approval by a second identity,
// rollback, the audit log's Verify button, and the card editor's live preview, save and the
// four exports. Screenshots go to $CAIRN_SCREENSHOT_DIR when set.
#include "engine/server/client.h"
#include "engine/store/project.h"
#include "widgets/registry/card_editor.h"
#include "widgets/registry/models_view.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace cairn;

class TestModelsView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsModelsAndVersions();
    void gateBlocksPromotion();
    void approvalsInbox();
    void rollback();
    void auditVerify();
    void cardEditor();

private:
    QByteArray cairnCli(const QStringList& args, int* code = nullptr);
    void act(const std::function<void()>& action);
    void shot(const QString& name);
    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<server::EngineClient> m_client;
    std::unique_ptr<widgets::ModelsView> m_view;
};

QByteArray TestModelsView::cairnCli(const QStringList& args, int* code)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(qEnvironmentVariable("CAIRN_EXECUTABLE"), QStringList{"--project", m_project} + args);
    p.waitForFinished(120000);
    if (code)
        *code = p.exitCode();
    else if (p.exitCode() != 0)
        qWarning("cairn %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput() + p.readAllStandardError();
}

// Runs a view action and waits for its engine reply to be handled.
void TestModelsView::act(const std::function<void()>& action)
{
    QSignalSpy done(m_view.get(), &widgets::ModelsView::actionFinished);
    action();
    QVERIFY(done.count() == 1 || done.wait(30000));
}

void TestModelsView::shot(const QString& name)
{
    const QString dir = qEnvironmentVariable("CAIRN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        m_view->grab().save(dir + "/" + name + ".png");
}

void TestModelsView::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("CAIRN_EXECUTABLE").isEmpty());
    m_project = m_dir.path() + "/proj";
    QProcess init;
    init.start(qEnvironmentVariable("CAIRN_EXECUTABLE"), {"init", m_project});
    QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
    QFile yaml(m_project + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write("gates:\n  champion:\n    - name: accurate\n      rule: metrics.accuracy >= 0.9\n"
               "roles:\n  \"*\": approver\n  bob: approver\n  carol: editor\nprotected_aliases: [champion]\n");
    yaml.close();
    int i = 0;
    for (const char* acc : {"0.8", "0.93", "0.96"}) {
        const QString name = QString("run%1").arg(++i);
        cairnCli({"run", "--name", name, "--", "sh", "-c",
                  QString("echo cairn:metric step=0 accuracy=0.5 loss=1; echo cairn:metric step=1 accuracy=%1 loss=0.4 "
                          "accuracy.ci_low=0.7 accuracy.ci_high=0.97")
                      .arg(acc)});
        cairnCli({"model", "register", "digits", "--run", name, "--as", "carol"});
    }
    auto project = Project::open(m_project.toStdString());
    QVERIFY(project);
    auto client = server::ensureEngine(*project, qEnvironmentVariable("CAIRN_EXECUTABLE").toStdString());
    QVERIFY2(client, client ? "" : client.message().c_str());
    m_client = std::move(*client);
    m_view = std::make_unique<widgets::ModelsView>();
    m_view->setInteractive(false);
    m_view->setEngineCall([this](const QString& method, const QJsonObject& params, widgets::EngineReply reply) {
        auto r = m_client->call(method.toStdString(), server::Json::parse(QJsonDocument(params).toJson().toStdString()));
        QMetaObject::invokeMethod(
            m_view.get(),
            [reply, result = r ? QJsonDocument::fromJson(QByteArray::fromStdString(r->dump())).object() : QJsonObject(),
             error = r ? QString() : QString::fromStdString(r.message())] { reply(result, error); },
            Qt::QueuedConnection);
    });
    m_view->resize(1300, 800);
    m_view->show();
    m_view->setProject(m_project);
}

void TestModelsView::cleanupTestCase()
{
    m_view.reset();
    if (m_client)
        (void)m_client->call("shutdown");
}

void TestModelsView::listsModelsAndVersions()
{
    QCOMPARE(m_view->modelList()->count(), 1);
    QCOMPARE(m_view->currentModel(), QString("digits"));
    QCOMPARE(m_view->versionsTable()->rowCount(), 3);
    QCOMPARE(m_view->versionsTable()->item(0, 0)->text(), QString("3"));  // newest first
    QCOMPARE(m_view->currentVersion(), 3);
    QCOMPARE(m_view->gatesTable()->rowCount(), 1);
    QCOMPARE(m_view->gatesTable()->item(0, 2)->text(), QString("PASS"));
    QVERIFY(m_view->gatesTable()->item(0, 4)->text().contains("metrics.accuracy = 0.96"));
    m_view->selectVersion(1);
    QCOMPARE(m_view->gatesTable()->item(0, 2)->text(), QString("FAIL"));
    QVERIFY(m_view->gatesTable()->item(0, 4)->text().contains("metrics.accuracy = 0.8"));
}

void TestModelsView::gateBlocksPromotion()
{
    m_view->selectVersion(1);
    act([this] { m_view->promoteSelected("champion"); });
    QVERIFY2(m_view->messageLabel()->text().contains("fails 1 of 1 gate rules"), qPrintable(m_view->messageLabel()->text()));
    QCOMPARE(m_view->requestsTable()->rowCount(), 0);
    // An unprotected alias without gates is set at once and shows as a badge.
    m_view->selectVersion(1);
    act([this] { m_view->setAliasOnSelected("staging"); });
    m_view->selectVersion(1);
    const int row = m_view->versionsTable()->currentRow();
    QCOMPARE(m_view->versionsTable()->item(row, 1)->text(), QString("staging"));
    auto* badge = qobject_cast<QLabel*>(m_view->versionsTable()->cellWidget(row, 1));
    QVERIFY(badge && badge->text().contains("staging"));
}

void TestModelsView::approvalsInbox()
{
    m_view->selectVersion(2);
    act([this] { m_view->promoteSelected("champion"); });
    QVERIFY2(m_view->messageLabel()->text().contains("waits for an approver"), qPrintable(m_view->messageLabel()->text()));
    QCOMPARE(m_view->requestsTable()->rowCount(), 1);
    QCOMPARE(m_view->tabs()->tabText(1), QString("Approvals (1)"));
    m_view->tabs()->setCurrentIndex(1);
    shot("models-approvals");
    // The workbench's user made the request: approving it here is refused.
    act([this] { m_view->approveSelected(true); });
    QVERIFY2(m_view->messageLabel()->text().contains("self-approval refused"), qPrintable(m_view->messageLabel()->text()));
    QCOMPARE(m_view->requestsTable()->rowCount(), 1);
    // A second person approves (the CLI's test identity), and the view follows.
    int code = -1;
    QByteArray out = cairnCli({"model", "approve", "1", "--as", "bob"}, &code);
    QVERIFY2(code == 0, out.constData());
    m_view->refresh();
    QCOMPARE(m_view->requestsTable()->rowCount(), 0);
    m_view->selectVersion(2);
    QCOMPARE(m_view->versionsTable()->item(m_view->versionsTable()->currentRow(), 1)->text(), QString("champion"));
    m_view->tabs()->setCurrentIndex(0);
    shot("models-versions");
}

void TestModelsView::rollback()
{
    m_view->selectVersion(3);
    act([this] { m_view->setAliasOnSelected("staging"); });
    act([this] { m_view->rollbackAlias("staging"); });
    m_view->selectVersion(1);
    QCOMPARE(m_view->versionsTable()->item(m_view->versionsTable()->currentRow(), 1)->text(), QString("staging"));
}

void TestModelsView::auditVerify()
{
    m_view->tabs()->setCurrentIndex(2);
    QVERIFY(m_view->auditTable()->rowCount() >= 8);
    QCOMPARE(m_view->auditTable()->item(0, 3)->text(), QString("alias.rollback"));  // newest first
    m_view->verifyAudit();
    QVERIFY2(m_view->verifyLabel()->text().contains("Intact"), qPrintable(m_view->verifyLabel()->text()));
    shot("models-audit");
}

void TestModelsView::cardEditor()
{
    m_view->selectVersion(2);
    m_view->tabs()->setCurrentIndex(3);
    widgets::CardEditor* card = m_view->cardEditor();
    QVERIFY(card->isEnabled());
    auto* overview = qobject_cast<QLineEdit*>(card->fieldEditor("overview"));
    QVERIFY(overview);
    QTest::keyClicks(overview, "Reads handwritten digits");
    card->setFieldText("limitations", "Only 8x8 images\nWeak on 8");
    card->updatePreview();  // what the debounce timer does 250 ms after typing
    const QString preview = card->preview()->toPlainText();
    QVERIFY2(preview.contains("Reads handwritten digits"), qPrintable(preview));
    QVERIFY(preview.contains("Weak on 8"));
    QVERIFY(preview.contains("Promotion gates"));
    QCOMPARE(card->changedFields().size(), 2);
    shot("models-card");
    QSignalSpy saved(card, &widgets::CardEditor::saved);
    card->save();
    QVERIFY(saved.count() == 1 || saved.wait(30000));
    QCOMPARE(card->changedFields().size(), 0);
    QByteArray shown = cairnCli({"card", "show", "digits", "2", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(shown).object()["overview"].toString(), QString("Reads handwritten digits"));
    for (const QString format : {"mct-json", "hf", "html", "pdf"}) {
        const QString path = m_dir.path() + "/card." + format;
        QString error;
        QVERIFY2(card->exportTo(format, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(16);
        if (format == "pdf")
            QVERIFY(head.startsWith("%PDF"));
        else if (format == "hf")
            QVERIFY(head.startsWith("---"));
        else if (format == "html")
            QVERIFY(head.startsWith("<!DOCTYPE"));
        else
            QVERIFY(head.startsWith("{"));
    }
}

QTEST_MAIN(TestModelsView)
#include "tst_models_view.moc"
