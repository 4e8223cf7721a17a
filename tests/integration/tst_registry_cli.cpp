// The model registry through the real binary and a real engine (docs/registry.md): versions,
// aliases, gates that block a promotion, two-person approval with two identities (the --as
// test hook, CAIRN_TEST_IDENTITY=1), rollback, bad input with suggestions, and the audit
// trail: verify detects an edit, a deletion and a reorder made with the sqlite3 tool, and an
// independent Python recomputes every hash from the documented encoding.
#include "cli_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

class TestRegistryCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerAndShow();
    void badInput();
    void gateCheck();
    void promotionBlockedByGate();
    void unprotectedAliasAndRoles();
    void selfApprovalRefused();
    void rollbackRestoresPrevious();
    void configChangesAreAudited();
    void auditExport();
    void pythonRecomputesTheChain();
    void auditVerifyDetectsTampering();

private:
    QJsonObject json(const CliResult& r) { return QJsonDocument::fromJson(r.out).object(); }
    QJsonArray jsonArray(const CliResult& r) { return QJsonDocument::fromJson(r.out).array(); }
    QString aliasOf(const QString& alias);
    QString trainRun(const QString& name, double accuracy, double latency);
    std::unique_ptr<CliHarness> m_h;
};

static const char* kGovernance = "gates:\n"
                                 "  champion:\n"
                                 "    - name: accurate\n"
                                 "      rule: metrics.accuracy >= 0.9\n"
                                 "      message: champions must be at least 90% accurate\n"
                                 "    - name: fast\n"
                                 "      rule: metrics.latency_ms < 50\n"
                                 "  staging:\n"
                                 "    - name: finished\n"
                                 "      rule: status = 'finished'\n"
                                 "roles:\n"
                                 "  alice: admin\n"
                                 "  bob: approver\n"
                                 "  carol: editor\n"
                                 "  dave: viewer\n"
                                 "protected_aliases: [champion]\n";

QString TestRegistryCli::trainRun(const QString& name, double accuracy, double latency)
{
    const QString script = QString("echo weights-%1 > %1.bin; echo cairn:metric step=0 accuracy=0.5; "
                                   "echo cairn:metric step=1 accuracy=%2 latency_ms=%3; echo cairn:output path=%1.bin type=model")
                               .arg(name)
                               .arg(accuracy)
                               .arg(latency);
    CliResult r = m_h->cairn({"run", "--name", name, "--param", "lr=0.01", "--", "sh", "-c", script});
    if (r.exitCode != 0)
        qWarning("run failed: %s", r.err.constData());
    return QString::fromStdString(m_h->newestRun().id);
}

QString TestRegistryCli::aliasOf(const QString& alias)
{
    CliResult r = m_h->cairn({"model", "show", "digits", "--format", "json"});
    return QString::number(json(r)["aliases"].toObject()[alias].toInt());
}

void TestRegistryCli::initTestCase()
{
    QVERIFY2(qgetenv("CAIRN_TEST_IDENTITY") == "1", "the test runs with CAIRN_TEST_IDENTITY=1 (set by CTest)");
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    QFile yaml(m_h->project() + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write(kGovernance);
    yaml.close();
    QVERIFY(!trainRun("weak", 0.8, 30).isEmpty());
    QVERIFY(!trainRun("strong", 0.95, 40).isEmpty());
    QVERIFY(!trainRun("stronger", 0.97, 45).isEmpty());
}

void TestRegistryCli::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestRegistryCli::registerAndShow()
{
    CliResult r = m_h->cairn({"model", "register", "digits", "--run", "weak", "--as", "carol"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("registered digits:1 from run"), r.out.constData());
    QVERIFY2(r.out.contains("artifact weak.bin:1"), r.out.constData());  // the run's declared model output
    QCOMPARE(m_h->cairn({"model", "register", "digits", "--run", "strong", "--as", "carol"}).exitCode, 0);
    QCOMPARE(m_h->cairn({"model", "register", "digits", "--run", "stronger", "--as", "carol"}).exitCode, 0);

    r = m_h->cairn({"model", "list", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject m = jsonArray(r).first().toObject();
    QCOMPARE(m["name"].toString(), QString("digits"));
    QCOMPARE(m["versions"].toInt(), 3);
    QCOMPARE(m["created_by"].toString(), QString("carol"));

    r = m_h->cairn({"model", "show", "digits", "2", "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject v = json(r);
    QCOMPARE(v["version"].toInt(), 2);
    QCOMPARE(v["artifact"].toString(), QString("strong.bin:1"));
    QCOMPARE(v["artifact_hash"].toString().size(), 64);
    const QJsonObject snap = v["snapshot"].toObject();
    QCOMPARE(snap["metrics"].toObject()["accuracy"].toObject()["last"].toDouble(), 0.95);
    QCOMPARE(snap["metrics"].toObject()["accuracy"].toObject()["min"].toDouble(), 0.5);
    QCOMPARE(snap["params"].toObject()["lr"].toString(), QString("0.01"));
    QCOMPARE(snap["run"].toObject()["name"].toString(), QString("strong"));

    r = m_h->cairn({"model", "show", "digits"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("3 versions"), r.out.constData());
    r = m_h->cairn({"model", "show", "digits", "latest"});
    QVERIFY2(r.out.contains("model     digits:3"), r.out.constData());
    QVERIFY2(r.out.contains("accuracy"), r.out.constData());
    // --artifact PATH stores the file and links it to the run as its output.
    m_h->writeFile("other.bin", "other weights");
    r = m_h->cairn({"model", "register", "other", "--run", "strong", "--artifact", "other.bin", "--as", "carol"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("registered other:1") && r.out.contains("artifact other.bin:1"), r.out.constData());
}

void TestRegistryCli::badInput()
{
    CliResult r = m_h->cairn({"model", "show", "digts"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no model named 'digts' (did you mean 'digits'?)"), r.err.constData());
    r = m_h->cairn({"model", "show", "digits", "9"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("model 'digits' has no version 9 (its versions are 1 to 3)"), r.err.constData());
    r = m_h->cairn({"model", "show", "digits", "stagin"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("model 'digits' has no alias 'stagin'"), r.err.constData());
    r = m_h->cairn({"model", "register", "digits", "--run", "nosuchrun", "--as", "carol"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--run:"), r.err.constData());
    r = m_h->cairn({"model", "register", "bad name", "--run", "weak", "--as", "carol"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("model name 'bad name' must be"), r.err.constData());
    r = m_h->cairn({"model", "promot", "digits", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("did you mean 'promote'?"), r.err.constData());
    r = m_h->cairn({"model", "promote", "digits", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--to ALIAS is required"), r.err.constData());
    r = m_h->cairn({"model", "approve", "x1"});
    QCOMPARE(r.exitCode, 2);
    r = m_h->cairn({"model", "approve", "99", "--as", "bob"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no promotion request 99"), r.err.constData());
    r = m_h->cairn({"gate", "check", "digits", "1", "--alias", "champoin"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("did you mean 'champion'?"), r.err.constData());
    r = m_h->cairn({"card", "set", "digits", "1", "overveiw", "x", "--as", "carol"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("did you mean 'overview'?"), r.err.constData());
    // --as is refused without the test switch: the identity is the OS user.
    m_h->setEnv("CAIRN_TEST_IDENTITY", {});
    r = m_h->cairn({"model", "alias", "digits", "1", "staging", "--as", "alice"});
    m_h->setEnv("CAIRN_TEST_IDENTITY", "1");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--as is a test hook"), r.err.constData());
    QVERIFY(m_h->cairn({"model", "--help"}).out.contains("cairn model register"));
    QVERIFY(m_h->cairn({"gate", "check", "--help"}).out.contains("--alias"));
}

void TestRegistryCli::gateCheck()
{
    CliResult r = m_h->cairn({"gate", "check", "digits", "1", "--alias", "champion"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAIL") && r.out.contains("metrics.accuracy = 0.8"), r.out.constData());
    QVERIFY2(r.out.contains("PASS") && r.out.contains("metrics.latency_ms = 30"), r.out.constData());
    QVERIFY2(r.out.contains("champions must be at least 90% accurate"), r.out.constData());
    QVERIFY2(r.out.contains("1 of 2 gate rules passed"), r.out.constData());
    r = m_h->cairn({"gate", "check", "digits", "2", "--alias", "champion", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = json(r);
    QCOMPARE(j["passed"].toBool(), true);
    QCOMPARE(j["rules"].toArray().size(), 2);
    QCOMPARE(j["rules"].toArray()[0].toObject()["measured"].toObject()["metrics.accuracy"].toString(), QString("0.95"));
    // Without --alias: every alias's gates.
    r = m_h->cairn({"gate", "check", "digits", "3", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r)["rules"].toArray().size(), 3);
    QCOMPARE(m_h->cairn({"gate", "list"}).exitCode, 0);
}

void TestRegistryCli::promotionBlockedByGate()
{
    CliResult r = m_h->cairn({"model", "promote", "digits", "1", "--to", "champion", "--as", "carol"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("digits:1 fails 1 of 2 gate rules for 'champion'; promotion refused"), r.err.constData());
    QVERIFY2(r.err.contains("metrics.accuracy = 0.8"), r.err.constData());
    QCOMPARE(aliasOf("champion"), QString("0"));  // no alias
    QCOMPARE(m_h->cairn({"model", "requests", "--format", "json"}).out.trimmed(), QByteArray("[]"));
    // The refusal is in the audit trail with the measured values.
    r = m_h->cairn({"audit", "list", "--format", "json", "--limit", "0"});
    bool found = false;
    for (const auto& e : jsonArray(r)) {
        const QJsonObject o = e.toObject();
        if (o["action"].toString() == "gate.failed" && o["version"].toInt() == 1 && o["actor"].toString() == "carol") {
            found = true;
            QCOMPARE(o["after"].toObject()["gates"].toObject()["rules"].toArray()[0].toObject()["measured"].toObject()["metrics.accuracy"]
                         .toString(),
                     QString("0.8"));
        }
    }
    QVERIFY(found);
}

void TestRegistryCli::unprotectedAliasAndRoles()
{
    CliResult r = m_h->cairn({"model", "alias", "digits", "1", "staging", "--as", "carol"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("'staging' -> digits:1"), r.out.constData());
    QCOMPARE(aliasOf("staging"), QString("1"));
    r = m_h->cairn({"model", "alias", "digits", "1", "staging", "--as", "carol"});
    QVERIFY2(r.out.contains("already points at digits:1"), r.out.constData());
    // A protected alias is not set directly.
    r = m_h->cairn({"model", "alias", "digits", "2", "champion", "--as", "alice"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("alias 'champion' is protected"), r.err.constData());
    // A viewer registers nothing.
    r = m_h->cairn({"model", "register", "digits", "--run", "weak", "--as", "dave"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("registering a model version needs the editor role (or higher), but dave is a viewer"), r.err.constData());
    // Nobody outside roles: gets the default, viewer.
    r = m_h->cairn({"model", "alias", "digits", "2", "staging", "--as", "eve"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("eve is a viewer (not listed under roles:"), r.err.constData());
}

void TestRegistryCli::selfApprovalRefused()
{
    CliResult r = m_h->cairn({"model", "promote", "digits", "2", "--to", "champion", "--as", "carol"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("'champion' is protected: request 1"), r.out.constData());
    QCOMPARE(aliasOf("champion"), QString("0"));
    r = m_h->cairn({"model", "requests", "--format", "json"});
    QCOMPARE(jsonArray(r).size(), 1);
    QCOMPARE(jsonArray(r)[0].toObject()["requested_by"].toString(), QString("carol"));
    // The same request twice is refused.
    QCOMPARE(m_h->cairn({"model", "promote", "digits", "2", "--to", "champion", "--as", "carol"}).exitCode, 2);

    // An approver's own request cannot be approved by that approver either.
    r = m_h->cairn({"model", "approve", "1", "--as", "carol"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("self-approval refused: request 1 was made by carol"), r.err.constData());
    r = m_h->cairn({"model", "approve", "1", "--as", "dave"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("needs the approver role"), r.err.constData());
    QCOMPARE(aliasOf("champion"), QString("0"));
    r = m_h->cairn({"model", "approve", "1", "--as", "bob", "--note", "looks good"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("request 1 approved: digits:2 is now 'champion'"), r.out.constData());
    QCOMPARE(aliasOf("champion"), QString("2"));
    r = m_h->cairn({"model", "approve", "1", "--as", "alice"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("already approved by bob"), r.err.constData());

    // An approver who requests needs someone else too.
    r = m_h->cairn({"model", "promote", "digits", "3", "--to", "champion", "--as", "bob"});
    QVERIFY2(r.exitCode == 0 && r.out.contains("request 2"), r.err.constData());
    QCOMPARE(m_h->cairn({"model", "approve", "2", "--as", "bob"}).exitCode, 1);
    // A rejection leaves the alias where it was.
    r = m_h->cairn({"model", "reject", "2", "--as", "alice", "--note", "not yet"});
    QVERIFY2(r.exitCode == 0 && r.out.contains("request 2 rejected"), r.err.constData());
    QCOMPARE(aliasOf("champion"), QString("2"));
}

void TestRegistryCli::rollbackRestoresPrevious()
{
    CliResult r = m_h->cairn({"model", "promote", "digits", "3", "--to", "champion", "--as", "carol"});
    QVERIFY2(r.exitCode == 0 && r.out.contains("request 3"), r.err.constData());
    QCOMPARE(m_h->cairn({"model", "approve", "3", "--as", "alice"}).exitCode, 0);
    QCOMPARE(aliasOf("champion"), QString("3"));
    // Rolling back a protected alias needs an approver; an editor is refused.
    r = m_h->cairn({"model", "rollback", "digits", "champion", "--as", "carol"});
    QCOMPARE(r.exitCode, 1);
    r = m_h->cairn({"model", "rollback", "digits", "champion", "--as", "bob"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("'champion' -> digits:2 (rolled back from version 3)"), r.out.constData());
    QCOMPARE(aliasOf("champion"), QString("2"));
    r = m_h->cairn({"model", "rollback", "digits", "champion", "--as", "bob"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("nothing to roll back to"), r.err.constData());
    // An unprotected alias: 1 -> 3, rolled back to 1.
    QCOMPARE(m_h->cairn({"model", "alias", "digits", "3", "staging", "--as", "carol"}).exitCode, 0);
    QCOMPARE(aliasOf("staging"), QString("3"));
    QCOMPARE(m_h->cairn({"model", "rollback", "digits", "staging", "--as", "carol"}).exitCode, 0);
    QCOMPARE(aliasOf("staging"), QString("1"));
    r = m_h->cairn({"model", "history", "digits", "--alias", "champion", "--format", "json"});
    const QJsonArray h = jsonArray(r);
    QCOMPARE(h.size(), 3);
    QCOMPARE(h[2].toObject()["action"].toString(), QString("rollback"));
    QCOMPARE(h[2].toObject()["version"].toInt(), 2);
    QCOMPARE(h[2].toObject()["previous"].toInt(), 3);
    QCOMPARE(h[2].toObject()["actor"].toString(), QString("bob"));
}

void TestRegistryCli::configChangesAreAudited()
{
    QFile yaml(m_h->project() + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QByteArray text = yaml.readAll();
    yaml.close();
    text.replace("metrics.latency_ms < 50", "metrics.latency_ms < 45");
    QVERIFY(yaml.open(QIODevice::WriteOnly | QIODevice::Truncate));
    yaml.write(text);
    yaml.close();
    // The engine reads cairn.yaml per request: version 3 (45 ms) now fails 'fast'.
    CliResult r = m_h->cairn({"model", "alias", "digits", "3", "champion-candidate", "--as", "carol"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = m_h->cairn({"audit", "list", "--format", "json", "--limit", "0"});
    int changes = 0;
    for (const auto& e : jsonArray(r)) {
        const QJsonObject o = e.toObject();
        if (o["action"].toString() != "config.governance")
            continue;
        ++changes;
        QCOMPARE(o["actor"].toString(), QString("cairn.yaml"));
        if (changes == 2) {
            QCOMPARE(o["after"].toObject()["config"].toObject()["gates"].toObject()["champion"].toArray()[1].toObject()["rule"].toString(),
                     QString("metrics.latency_ms < 45"));
            QCOMPARE(o["before"].toObject()["config"].toObject()["gates"].toObject()["champion"].toArray()[1].toObject()["rule"].toString(),
                     QString("metrics.latency_ms < 50"));
            QCOMPARE(o["after"].toObject()["seen_by"].toString(), QString("carol"));
        }
    }
    QCOMPARE(changes, 2);  // first seen, then changed
    QCOMPARE(m_h->cairn({"gate", "check", "digits", "3", "--alias", "champion"}).exitCode, 1);
}

void TestRegistryCli::auditExport()
{
    CliResult json = m_h->cairn({"audit", "export", "--format", "json"});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray events = jsonArray(json);
    QVERIFY(events.size() > 10);
    QCOMPARE(events[0].toObject()["seq"].toInt(), 1);
    QCOMPARE(events[0].toObject()["prev_hash"].toString(), QString(64, '0'));
    const QString csvPath = m_h->project() + "/../audit.csv";
    CliResult csv = m_h->cairn({"audit", "export", "--format", "csv", "-o", csvPath});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QFile f(csvPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.startsWith("seq,at,actor,action,model,version,alias,before,after,prev_hash,hash\n"));
    QVERIFY(text.contains(",bob,promotion.approve,digits,2,champion,"));
    CliResult verify = m_h->cairn({"audit", "verify"});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY2(verify.out.contains(QString("audit trail intact: %1 events").arg(events.size()).toUtf8()), verify.out.constData());
    QCOMPARE(m_h->cairn({"audit", "export"}).exitCode, 2);
}

void TestRegistryCli::pythonRecomputesTheChain()
{
    // The encoding in docs/registry.md, recomputed without Cairn's code.
    const QString python = CliHarness::python();
    if (python.isEmpty())
        QSKIP("no python3 to recompute the chain with");
    const char* script = R"py(
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
prev = "0" * 64
n = 0
for row in db.execute("SELECT seq, at, actor, action, model, version, alias, before, after, prev_hash, hash FROM audit_events ORDER BY seq"):
    seq, at, actor, action, model, version, alias, before, after, prev_hash, stored = row
    fields = [("seq", str(seq)), ("at", at), ("actor", actor), ("action", action), ("model", model),
              ("version", "" if version is None else str(version)), ("alias", alias), ("before", before),
              ("after", after), ("prev_hash", prev_hash)]
    data = b"cairn-audit-v1\n" + b"".join(k.encode() + b"=" + str(len(v.encode())).encode() + b":" + v.encode() + b"\n" for k, v in fields)
    if prev_hash != prev or hashlib.sha256(data).hexdigest() != stored:
        print("mismatch at", seq); sys.exit(1)
    prev = stored
    n += 1
head = db.execute("SELECT seq, hash FROM audit_head").fetchone()
print("ok", n, head[0] == n and head[1] == prev)
)py";
    QProcess p;
    p.start(python, {"-c", script, m_h->project() + "/cairn.db"});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, (out + p.readAllStandardError()).constData());
    QVERIFY2(out.startsWith("ok ") && out.trimmed().endsWith("True"), out.constData());
}

void TestRegistryCli::auditVerifyDetectsTampering()
{
    const QString sqlite = QStandardPaths::findExecutable("sqlite3");
    if (sqlite.isEmpty())
        QSKIP("the sqlite3 tool is not installed (installer/install-deps.sh installs it)");
    QCOMPARE(m_h->cairn({"engine", "stop"}).exitCode, 0);  // its connection closed: the WAL is folded in
    const QString db = m_h->project() + "/cairn.db";
    const QString backup = m_h->project() + "/../cairn.db.backup";
    QFile::remove(backup);
    QVERIFY(QFile::copy(db, backup));
    auto tamper = [&](const QString& sql) {
        QProcess p;
        p.start(sqlite, {db, sql});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    };
    auto restore = [&] {
        QFile::remove(db);
        QFile::remove(db + "-wal");
        QFile::remove(db + "-shm");
        QVERIFY(QFile::copy(backup, db));
    };
    QCOMPARE(m_h->cairn({"audit", "verify"}).exitCode, 0);

    tamper("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3");
    CliResult r = m_h->cairn({"audit", "verify"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("BROKEN: event 3 (") && r.err.contains("was edited"), r.err.constData());
    restore();
    QCOMPARE(m_h->cairn({"audit", "verify"}).exitCode, 0);

    tamper("DELETE FROM audit_events WHERE seq = 5");
    r = m_h->cairn({"audit", "verify", "--format", "json"});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(json(r)["broken_event"].toInt(), 6);
    QVERIFY2(json(r)["message"].toString().contains("it does not follow event 4"), r.out.constData());
    restore();

    tamper("UPDATE audit_events SET seq = seq + 1000 WHERE seq = 2");  // event 2 moved to the end
    r = m_h->cairn({"audit", "verify"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("BROKEN: event 3 (") && r.err.contains("the events were reordered"), r.err.constData());
    restore();

    tamper("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)");
    r = m_h->cairn({"audit", "verify"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the newest events were deleted"), r.err.constData());
    restore();
    QCOMPARE(m_h->cairn({"audit", "verify"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestRegistryCli)
#include "tst_registry_cli.moc"
