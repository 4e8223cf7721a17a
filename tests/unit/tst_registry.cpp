// engine/registry in memory: gate rules (one _data() row per rule), the source hook, the
// cairn.yaml sections gates/roles/protected_aliases with file:line:col errors, roles, the audit
// hash chain and the rollback stack.
#include "engine/query/search_parser.h"
#include "engine/registry/alias_stack.h"
#include "engine/registry/audit_chain.h"
#include "engine/registry/card.h"
#include "engine/registry/gates.h"
#include "engine/registry/roles.h"
#include "engine/store/project.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace cairn;
using namespace cairn::registry;

namespace {

// A fake report store: drift.share and validation.failed, as the quality reports will serve.
class FakeDrift : public GateSource {
public:
    std::string name() const override { return "drift"; }
    std::string description() const override { return "test drift"; }
    Result<std::optional<query::FieldValue>> value(const std::string& key, const GateSubject&) const override
    {
        if (key == "share")
            return std::optional<query::FieldValue>(query::FieldValue{true, true, 0.25, {}});
        if (key == "broken")
            return makeError("the drift report is unreadable");
        return std::optional<query::FieldValue>();
    }
};

GateSubject subject()
{
    GateSubject s;
    s.run.run.id = "0123456789abcdef0123456789abcdef";
    s.run.run.name = "mlp-h64";
    s.run.run.status = RunStatus::Finished;
    s.run.run.startMs = 1000;
    s.run.run.endMs = 61000;
    s.run.run.params = {{"lr", "0.003"}, {"optimizer", "adam"}};
    s.run.run.tags = {{"family", "mlp"}};
    auto metric = [&](const std::string& key, double last, double min, double max, std::int64_t count) {
        MetricSummary m;
        m.key = key;
        m.last = last;
        m.min = min;
        m.max = max;
        m.count = count;
        s.run.metrics[key] = m;
    };
    metric("accuracy", 0.93, 0.5, 0.95, 30);
    metric("latency_ms", 42, 40, 80, 30);
    metric("loss", 0.21, 0.2, 2.3, 30);
    metric("broken", std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
           std::numeric_limits<double>::quiet_NaN(), 1);
    return s;
}

GateRule rule(const std::string& text)
{
    GateRule r;
    r.alias = "champion";
    r.name = "rule";
    r.rule = text;
    r.file = "cairn.yaml";
    r.line = 4;
    r.column = 15;
    return r;
}

} // namespace

class TestRegistry : public QObject {
    Q_OBJECT
private slots:
    void evaluate_data();
    void evaluate();
    void measuredValues();
    void unknownSourceIsAnError();
    void sourceErrors();
    void compileErrorsPointIntoCairnYaml();
    void config_data();
    void config();
    void configReadsGovernance();
    void roles();
    void auditChain();
    void auditChainBreaks_data();
    void auditChainBreaks();
    void rollbackStack();
    void cardKeys();
};

void TestRegistry::evaluate_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("metric passes") << "metrics.accuracy >= 0.9" << "pass";
    QTest::newRow("metric fails") << "metrics.accuracy >= 0.95" << "fail";
    QTest::newRow("strict less") << "metrics.latency_ms < 50" << "pass";
    QTest::newRow("equal boundary") << "metrics.latency_ms <= 42" << "pass";
    QTest::newRow("missing metric is not a pass") << "metrics.recall > 0.5" << "fail";
    QTest::newRow("NaN is not a pass") << "metrics.broken > 0" << "fail";
    QTest::newRow("NaN not-comparison is not a pass") << "not metrics.broken > 0" << "fail";
    QTest::newRow("missing in or") << "metrics.recall > 0.5 or metrics.accuracy > 0.9" << "pass";
    QTest::newRow("missing in and") << "metrics.recall > 0.5 and metrics.accuracy > 0.9" << "fail";
    QTest::newRow("is null on missing") << "metrics.recall is null" << "pass";
    QTest::newRow("is not null on NaN") << "metrics.broken is not null" << "pass";
    QTest::newRow("min") << "min(metrics.loss) < 0.25" << "pass";
    QTest::newRow("max") << "max(metrics.latency_ms) < 50" << "fail";
    QTest::newRow("count") << "count(metrics.accuracy) >= 30" << "pass";
    QTest::newRow("param as number") << "params.lr < 0.01" << "pass";
    QTest::newRow("param as text") << "params.optimizer = 'adam'" << "pass";
    QTest::newRow("param in") << "params.optimizer in ('sgd', 'adam')" << "pass";
    QTest::newRow("tag like") << "tags.family like 'ml%'" << "pass";
    QTest::newRow("status attribute") << "status = 'finished'" << "pass";
    QTest::newRow("duration attribute") << "duration < 2m" << "pass";
    QTest::newRow("duration too long") << "duration < 30s" << "fail";
    QTest::newRow("not") << "not metrics.accuracy < 0.9" << "pass";
    QTest::newRow("parentheses") << "(metrics.accuracy > 0.9 or params.lr > 1) and tags.family = 'mlp'" << "pass";
    QTest::newRow("source passes") << "drift.share < 0.3" << "pass";
    QTest::newRow("source fails") << "drift.share < 0.2" << "fail";
    QTest::newRow("source lacks the key") << "drift.other < 0.2" << "fail";
    QTest::newRow("source read error") << "drift.broken < 0.2" << "error";
    QTest::newRow("unknown source") << "fairness.demographic_parity_difference < 0.1" << "error";
    QTest::newRow("syntax error") << "metrics.accuracy >=" << "error";
}

void TestRegistry::evaluate()
{
    QFETCH(QString, rule);
    QFETCH(QString, outcome);
    GateSourceSet sources;
    QVERIFY(sources.add(std::make_shared<FakeDrift>()));
    const GateReport report = evaluateGates({::rule(rule.toStdString())}, subject(), sources);
    QCOMPARE(report.results.size(), std::size_t(1));
    QCOMPARE(QString(outcomeName(report.results[0].outcome)), outcome);
    QCOMPARE(report.passed(), outcome == "pass");
}

void TestRegistry::measuredValues()
{
    GateSourceSet sources;
    QVERIFY(sources.add(std::make_shared<FakeDrift>()));
    const GateReport report =
        evaluateGates({rule("metrics.accuracy >= 0.9 and metrics.recall > 0 and drift.share < 0.3 and params.lr < 1")}, subject(), sources);
    const auto& m = report.results[0].measured;
    QCOMPARE(m.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(m[0].first), QString("metrics.accuracy"));
    QCOMPARE(QString::fromStdString(m[0].second), QString("0.93"));
    QCOMPARE(QString::fromStdString(m[1].second), QString("missing"));
    QCOMPARE(QString::fromStdString(m[2].first), QString("drift.share"));
    QCOMPARE(QString::fromStdString(m[2].second), QString("0.25"));
    QCOMPARE(QString::fromStdString(m[3].second), QString("0.003"));
    const auto j = reportJson(report);
    QCOMPARE(j["passed"].get<bool>(), false);
    QCOMPARE(QString::fromStdString(j["rules"][0]["measured"]["metrics.accuracy"].get<std::string>()), QString("0.93"));
}

void TestRegistry::unknownSourceIsAnError()
{
    // No source registered: the error says so and where, and the gate fails.
    GateSourceSet none;
    auto c = compileGate(rule("drift.share < 0.3"), none);
    QVERIFY(!c);
    QVERIFY2(QString::fromStdString(c.message()).startsWith("cairn.yaml:4:15: gates.champion[rule]: unknown field 'drift.share'"),
             c.message().c_str());
    QVERIFY2(c.message().find("no other source is registered") != std::string::npos, c.message().c_str());
    // With a source registered, a misspelt one gets a suggestion.
    GateSourceSet sources;
    QVERIFY(sources.add(std::make_shared<FakeDrift>()));
    auto d = compileGate(rule("drfit.share < 0.3"), sources);
    QVERIFY(!d);
    QVERIFY2(d.message().find("unknown source 'drfit.share' (did you mean 'drift.share'?)") != std::string::npos, d.message().c_str());
    QVERIFY(compileGate(rule("drift.share < 0.3"), sources));
    // Run search is unaffected: a source is an unknown field there.
    QVERIFY(!query::parseSearch("drift.share < 0.3").ok());
}

void TestRegistry::sourceErrors()
{
    GateSourceSet sources;
    QVERIFY(sources.add(std::make_shared<FakeDrift>()));
    QVERIFY(!sources.add(std::make_shared<FakeDrift>()));  // the name is taken
    const GateReport report = evaluateGates({rule("drift.broken < 1")}, subject(), sources);
    QCOMPARE(report.results[0].outcome, GateResult::Outcome::Error);
    QVERIFY2(report.results[0].error.find("the drift report is unreadable") != std::string::npos, report.results[0].error.c_str());
}

void TestRegistry::compileErrorsPointIntoCairnYaml()
{
    const std::string yaml = "name: p\n"
                             "gates:\n"
                             "  champion:\n"
                             "    - name: accurate\n"
                             "      rule: metrics.accuracy >= 'high'\n"
                             "    - name: quoted\n"
                             "      rule: \"metrics.acc > 0.9 andd params.lr < 1\"\n";
    auto config = parseProjectConfig(yaml, "cairn.yaml");
    QVERIFY2(config, config ? "" : config.message().c_str());
    const auto& rules = config->governance.gates.at("champion");
    QCOMPARE(rules.size(), std::size_t(2));
    QCOMPARE(rules[0].line, 5);
    QCOMPARE(rules[0].column, 13);
    auto a = compileGate(rules[0], GateSourceSet{});
    QVERIFY(!a);
    // 'high' starts at column 13 + 20 = 33 of line 5.
    QVERIFY2(a.message().starts_with("cairn.yaml:5:33: gates.champion[accurate]: metrics.accuracy is a number"), a.message().c_str());
    auto b = compileGate(rules[1], GateSourceSet{});
    QVERIFY(!b);
    // Inside the quotes: the rule starts at column 14; 'andd' is its 19th character.
    QVERIFY2(b.message().starts_with("cairn.yaml:7:32: gates.champion[quoted]:"), b.message().c_str());
    QVERIFY2(b.message().find("did you mean 'and'") != std::string::npos, b.message().c_str());
}

void TestRegistry::config_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("error");
    QTest::newRow("gates not a map") << "gates: [1]\n" << "cairn.yaml:1:8: 'gates' must map aliases";
    QTest::newRow("alias not a list") << "gates:\n  champion: metrics.acc > 1\n" << "cairn.yaml:2:13: 'gates.champion' must be a list";
    QTest::newRow("bad alias") << "gates:\n  2nd: []\n" << "cairn.yaml:2:3: 'gates': '2nd' is not an alias name";
    QTest::newRow("rule without name") << "gates:\n  champion:\n    - rule: metrics.acc > 1\n"
                                       << "cairn.yaml:3:7: 'gates.champion[0]' needs a name";
    QTest::newRow("name without rule") << "gates:\n  champion:\n    - name: a\n" << "cairn.yaml:3:7: 'gates.champion[0]' (a) needs a rule";
    QTest::newRow("unknown field") << "gates:\n  champion:\n    - name: a\n      rul: x\n"
                                   << "cairn.yaml:4:7: 'gates.champion[0]': unknown field 'rul' (did you mean 'rule'?)";
    QTest::newRow("duplicate name") << "gates:\n  champion:\n    - {name: a, rule: metrics.x > 1}\n    - {name: a, rule: metrics.y > 1}\n"
                                    << "cairn.yaml:4:7: 'gates.champion[1]': the name 'a' is used twice";
    QTest::newRow("roles not a map") << "roles: [alice]\n" << "cairn.yaml:1:8: 'roles' must map OS user names to roles";
    QTest::newRow("unknown role") << "roles:\n  alice: aprover\n"
                                  << "cairn.yaml:2:10: 'roles.alice': unknown role 'aprover' (did you mean 'approver'?)";
    QTest::newRow("protected not a list") << "protected_aliases: champion\n" << "cairn.yaml:1:20: 'protected_aliases' must be a list";
    QTest::newRow("protected bad alias") << "protected_aliases: [\"a b\"]\n" << "cairn.yaml:1:21: 'protected_aliases' entries must be alias names";
}

void TestRegistry::config()
{
    QFETCH(QString, yaml);
    QFETCH(QString, error);
    auto c = parseProjectConfig(yaml.toStdString(), "cairn.yaml");
    QVERIFY(!c);
    QVERIFY2(QString::fromStdString(c.message()).startsWith(error), c.message().c_str());
}

void TestRegistry::configReadsGovernance()
{
    auto c = parseProjectConfig("gates:\n  champion:\n    - name: accurate\n      rule: metrics.acc >= 0.9\n      message: too weak\n"
                                "roles: {alice: admin, bob: approver, \"*\": viewer}\nprotected_aliases: [champion]\n",
                                "cairn.yaml");
    QVERIFY2(c, c ? "" : c.message().c_str());
    const GovernanceConfig& g = c->governance;
    QCOMPARE(g.gates.at("champion").front().message, std::string("too weak"));
    QCOMPARE(g.roles.at("bob"), std::string("approver"));
    QVERIFY(isProtected(g, "champion"));
    QVERIFY(!isProtected(g, "staging"));
}

void TestRegistry::roles()
{
    GovernanceConfig open;
    QCOMPARE(roleOf(open, "anyone"), Role::Admin);  // no roles: a one-person project
    GovernanceConfig g;
    g.roles = {{"alice", "admin"}, {"bob", "approver"}, {"carol", "editor"}};
    QCOMPARE(roleOf(g, "bob"), Role::Approver);
    QCOMPARE(roleOf(g, "mallory"), Role::Viewer);
    QVERIFY(requireRole(g, "carol", Role::Editor, "x"));
    auto s = requireRole(g, "carol", Role::Approver, "approving a promotion");
    QVERIFY(!s);
    QCOMPARE(QString::fromStdString(s.message()),
             QString("approving a promotion needs the approver role (or higher), but carol is an editor in cairn.yaml (roles:)"));
    g.roles["*"] = "editor";
    QCOMPARE(roleOf(g, "mallory"), Role::Editor);
    QVERIFY(!currentUser().empty());
}

static std::vector<AuditEvent> chain(int n)
{
    std::vector<AuditEvent> out;
    std::string prev = genesisHash();
    for (int i = 1; i <= n; ++i) {
        AuditEvent e;
        e.seq = i;
        e.at = utcTimestamp(1700000000000 + i);
        e.actor = i % 2 ? "alice" : "bob";
        e.action = "alias.set";
        e.model = "digits";
        e.version = i;
        e.alias = "staging";
        e.before = "{\"version\":" + std::to_string(i - 1) + "}";
        e.after = "{\"version\":" + std::to_string(i) + "}";
        e.prevHash = prev;
        e.hash = auditHash(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

void TestRegistry::auditChain()
{
    const auto events = chain(5);
    QCOMPARE(QString::fromStdString(utcTimestamp(1700000000123)), QString("2023-11-14T22:13:20.123Z"));
    QVERIFY(auditHashInput(events[0]).starts_with("cairn-audit-v1\nseq=1:1\nat=24:2023-11-14T22:13:20.001Z\nactor=5:alice\n"));
    const auto ok = verifyChain(events, AuditHead{5, events.back().hash});
    QVERIFY2(ok.ok, ok.message.c_str());
    QCOMPARE(ok.headHash, events.back().hash);
    QVERIFY(verifyChain({}, std::nullopt).ok);
    // Every field is covered: changing any one changes the hash.
    AuditEvent e = events[2];
    for (std::string AuditEvent::*f : {&AuditEvent::at, &AuditEvent::actor, &AuditEvent::action, &AuditEvent::model,
                                       &AuditEvent::alias, &AuditEvent::before, &AuditEvent::after, &AuditEvent::prevHash}) {
        AuditEvent changed = e;
        changed.*f += "x";
        QVERIFY(auditHash(changed) != e.hash);
    }
    AuditEvent v = e;
    v.version = 99;
    QVERIFY(auditHash(v) != e.hash);
}

void TestRegistry::auditChainBreaks_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<int>("broken");
    QTest::addColumn<QString>("why");
    QTest::newRow("edited") << "edit" << 3 << "was edited";
    QTest::newRow("deleted") << "delete" << 4 << "an event between them was deleted";
    QTest::newRow("deleted first") << "delete-first" << 2 << "earlier events were deleted";
    QTest::newRow("reordered") << "swap" << 4 << "the events were reordered";
    QTest::newRow("tail deleted") << "truncate" << 0 << "the newest events were deleted";
}

void TestRegistry::auditChainBreaks()
{
    QFETCH(QString, tamper);
    QFETCH(int, broken);
    QFETCH(QString, why);
    auto events = chain(5);
    const AuditHead head{5, events.back().hash};
    if (tamper == "edit")
        events[2].actor = "mallory";
    else if (tamper == "delete")
        events.erase(events.begin() + 2);
    else if (tamper == "delete-first")
        events.erase(events.begin());
    else if (tamper == "swap")
        std::swap(events[2], events[3]);  // rows moved, their seq values kept
    else if (tamper == "truncate")
        events.pop_back();
    const auto c = verifyChain(events, head);
    QVERIFY(!c.ok);
    QCOMPARE(c.brokenSeq, std::int64_t(broken));
    QVERIFY2(QString::fromStdString(c.message).contains(why), c.message.c_str());
}

void TestRegistry::rollbackStack()
{
    auto change = [](std::int64_t v, const char* action) {
        AliasChange c;
        c.version = v;
        c.action = action;
        return c;
    };
    QCOMPARE(aliasStack({change(1, "alias"), change(2, "promote"), change(3, "promote")}), (std::vector<std::int64_t>{1, 2, 3}));
    // A rollback pops: 3 -> 2, and again 2 -> 1; it never goes forward again.
    QCOMPARE(aliasStack({change(1, "alias"), change(2, "promote"), change(3, "promote"), change(2, "rollback")}),
             (std::vector<std::int64_t>{1, 2}));
    QCOMPARE(aliasStack({change(1, "alias"), change(2, "promote"), change(3, "promote"), change(2, "rollback"), change(1, "rollback")}),
             (std::vector<std::int64_t>{1}));
    QCOMPARE(aliasStack({change(1, "alias"), change(1, "alias")}), (std::vector<std::int64_t>{1}));
}

void TestRegistry::cardKeys()
{
    QCOMPARE(QString::fromStdString(base64("Man")), QString("TWFu"));
    QCOMPARE(QString::fromStdString(base64("Ma")), QString("TWE="));
    QCOMPARE(QString::fromStdString(base64("M")), QString("TQ=="));
    QCOMPARE(QString::fromStdString(htmlEscape("<a href=\"x\">&'")), QString("&lt;a href=&quot;x&quot;&gt;&amp;&#39;"));
    CardMetric m;
    m.value = 0.9;
    m.low = 0.85;
    m.high = 0.95;
    QCOMPARE(QString::fromStdString(metricText(m)), QString("0.9 (0.85 to 0.95)"));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
