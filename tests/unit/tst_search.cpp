// The run search language: filters against a seeded store (and the in-memory evaluator, which
// must agree with the SQL on every filter), parse errors with their columns, sorting, paging,
// counting and key listing.
#include "search_seed.h"

#include "engine/core/clock.h"
#include "engine/query/search_eval.h"
#include "engine/query/search_parser.h"
#include "engine/query/search_values.h"
#include "engine/store/store.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <set>

using namespace cairn;

Q_DECLARE_METATYPE(std::string)

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void errors_data();
    void errors();
    void limitsOfSize();
    void sortOrders_data();
    void sortOrders();
    void missingSortKeyGoesLast();
    void pagesAndCount();
    void storeReportsBadFilterAndSortKey();
    void keysForColumnChooser();
    void scanAndPerRunLoadsAgree();
    void randomFiltersAgreeWithEvaluator();
    void likeMatchesSqlite_data();
    void likeMatchesSqlite();
    void values();

private:
    QStringList names(const RunFilter& f);
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::vector<RunSummary> m_all;
};

static QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

void TestSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto s = Store::open((m_dir.path() + "/cairn.db").toStdString(), Store::Mode::ReadWrite);
    QVERIFY2(s, s ? "" : s.message().c_str());
    m_store = std::move(*s);
    std::string failed = searchseed::seed(*m_store);
    QVERIFY2(failed.empty(), failed.c_str());
    auto all = m_store->runs();
    QVERIFY(all);
    m_all = *all;
    QCOMPARE(m_all.size(), searchseed::runs().size());
}

QStringList TestSearch::names(const RunFilter& f)
{
    QStringList out;
    auto runs = m_store->runs(f);
    if (!runs) {
        qWarning("%s", runs.message().c_str());
        return {"<error>"};
    }
    for (const auto& r : *runs)
        out << QString::fromStdString(r.run.name);
    return out;
}

void TestSearch::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    const QStringList sweeps = {"sweep_001", "sweep_002", "sweep_003", "sweep_010"};
    const QStringList lrNot001 = {"resnet-b", "resnet-c", "vit-small", "vit-large", "bert-base", "bert-large",
                                  "gpt-tiny", "sweep_002", "sweep_003", "sweep_010"};
    auto row = [](const char* f, QStringList e) { QTest::newRow(f) << QString::fromUtf8(f) << e; };
    row("metrics.acc > 0.9", {"resnet-a", "resnet-b"});
    row("metrics.acc >= 0.9", {"resnet-a", "resnet-b", "old-run"});
    row("max(metrics.acc) > 0.9", {"resnet-a", "resnet-b", "100%done"});
    row("MIN(metrics.acc) < 0", {"100%done"});
    row("count(metrics.acc) = 2", {"resnet-a", "resnet-b", "vit-small", "vit-large", "100%done"});
    row("last(metrics.acc) == 0.95", {"resnet-b"});
    row("params.lr = '0.01'", {"resnet-a", "Baseline 2", "sweep_001", "old-run"});
    row("params.lr = 0.01", {"resnet-a", "Baseline 2", "sweep_001", "100%done", "old-run"});
    row("params.lr < 0.001", {"vit-large", "bert-base", "bert-large", "gpt-tiny"});
    row("params.lr != 0.01", lrNot001);
    row("params.lr = 'auto'", {"gpt-small"});
    row("params.lr is null", {"baseline", "under_score", "\xC3\xBCn\xC3\xAF" "code", "epoch-ms"});
    row("params.opt in ('adam', 'adamw')", {"resnet-a", "resnet-c", "vit-small", "bert-base", "bert-large", "gpt-small"});
    row("params.opt not in ('adam', 'adamw')", {"resnet-b"});
    row("params.batch in (32, 64)", {"resnet-a", "resnet-b", "resnet-c"});
    row("params.lr in (0.01, 'auto')", {"resnet-a", "Baseline 2", "sweep_001", "100%done", "old-run", "gpt-small"});
    row("params.lr not in (0.01, 'auto')", lrNot001);
    row("params.optim.lr = 0.1", {"resnet-a"});
    row("params.seed >= 2 and params.seed < 10", {"sweep_002", "sweep_003"});
    row("params.seed > '2'", {"sweep_003"});
    row("params.lr > 0.01 and params.lr <= 0.1", {"resnet-b", "sweep_002", "sweep_003"});
    row("params.path = '/data/x'", {"under_score"});
    row("tags.team = 'cv'", {"resnet-a", "resnet-b"});
    row("tags.`my key` = 'x'", {"resnet-b"});
    row("tags.note = 'it''s'", {"Baseline 2"});
    row("tags.note = \"it's\"", {"Baseline 2"});
    row("tags.note = 'it\\'s'", {"Baseline 2"});
    row("not (tags.team = 'nlp')", {"resnet-a", "resnet-b", "vit-small", "vit-large"});
    row("tags.priority = 'high' or metrics.f1 >= 0.85", {"vit-large", "bert-base"});
    row("status = 'failed'", {"resnet-c", "gpt-small", "sweep_010"});
    row("STATUS IN ('Killed', 'queued')", {"vit-large", "gpt-tiny"});
    row("not status = 'finished'", {"resnet-c", "vit-large", "bert-large", "gpt-tiny", "gpt-small", "sweep_010"});
    row("not not status = 'queued'", {"gpt-tiny"});
    row("name like 'resnet%'", {"resnet-a", "resnet-b", "resnet-c"});
    row("name LIKE 'RESNET-_'", {"resnet-a", "resnet-b", "resnet-c"});
    row("name like '%\\%%'", {"100%done"});
    row("name like '%\\_%'", sweeps + QStringList{"under_score"});
    row("name like '_n\xC3\xAF" "code'", {"\xC3\xBCn\xC3\xAF" "code"});
    row("experiment = 'nlp' and name not like 'bert%'", {"gpt-tiny", "gpt-small"});
    row("name = \"Baseline 2\"", {"Baseline 2"});
    row("name == 'baseline' Or name <> 'baseline' and user = 'dave'", {"baseline", "Baseline 2"});
    row("experiment = 'vision' and user = 'bob'", {"resnet-c", "vit-small"});
    row("host = 'tpu1' or host = 'laptop'", {"bert-base", "bert-large", "baseline", "Baseline 2"});
    row("command like '%lm.py'", {"bert-base", "bert-large", "gpt-tiny", "gpt-small"});
    row("id = '00000000000000000000000000000001'", {"resnet-a"});
    row("id like '%13'", {"old-run"});
    row("exit_code = 0 and experiment = 'sweep'", {"sweep_001", "sweep_002", "sweep_003"});
    row("exit_code is null", {"bert-large", "gpt-tiny"});
    row("exit_code > 1", {"vit-large", "gpt-small"});
    row("exit_code in (1, 2)", {"resnet-c", "gpt-small", "sweep_010"});
    row("duration > 1h", {"vit-small", "bert-large", "old-run"});
    row("duration >= '1h'", {"vit-small", "bert-base", "bert-large", "old-run"});
    row("duration < 10", {"baseline", "Baseline 2", "sweep_010", "epoch-ms"});
    row("duration >= 2m and duration <= '2m5s'", {"sweep_001", "sweep_002"});
    row("duration = 1d", {"old-run"});
    row("start < '2024-03-01'", {"old-run", "epoch-ms"});
    row("start >= '2024-03-01 20:00'", sweeps + QStringList{"100%done", "under_score", "\xC3\xBCn\xC3\xAF" "code"});
    row("start = '2024-01-01'", {"epoch-ms"});
    row("start = '2024-01-01T00:00:00'", {"epoch-ms"});
    row("start is null", {"gpt-tiny"});
    row("start > 0 and start < 1704240000000", {"old-run", "epoch-ms"});
    row("metrics.sys/gpu0/util >= 80", {"vit-small"});
    row("metrics.`sys/gpu0/util` >= 80", {"vit-small"});
    row("metrics.loss > 100", {"sweep_010"});
    row("metrics.loss is not null and not metrics.loss < 1", {"resnet-c", "bert-large", "sweep_010"});
    row("metrics.loss is not null", {"resnet-a", "resnet-b", "resnet-c", "bert-base", "bert-large", "gpt-small",
                                     "sweep_001", "sweep_002", "sweep_003", "sweep_010"});
    row("(status = 'failed' or status = 'killed') and user = 'carol'", {"vit-large", "gpt-small"});
    row("metrics.acc > 0.9 AND params.lr = '0.01'", {"resnet-a"});
    row("((metrics.acc>0.9)and(params.lr='0.01'))", {"resnet-a"});
    row("name = 5", {});
}

void TestSearch::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    RunFilter f;
    f.where = filter.toStdString();
    QCOMPARE(sorted(names(f)), sorted(expected));
    // The evaluator over runs in memory agrees with the SQL.
    auto parsed = query::parseSearch(f.where);
    QVERIFY(parsed.root);
    QStringList inMemory;
    for (const auto& r : m_all)
        if (query::matches(*parsed.root, r, nowMs()))
            inMemory << QString::fromStdString(r.run.name);
    QCOMPARE(sorted(inMemory), sorted(expected));
    QCOMPARE(*m_store->countRuns(f), std::int64_t(expected.size()));
}

void TestSearch::errors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    auto row = [](const char* f, int c, const char* m) { QTest::newRow(f) << QString::fromUtf8(f) << c << QString::fromUtf8(m); };
    row("metrics.acc >", 14, "expected a value after '>' but the filter ended");
    row("metrics.acc > 0.9 and", 22, "expected a condition after 'and' but the filter ended");
    row("staus = 'finished'", 1, "unknown field 'staus' (did you mean 'status'?)");
    row("metrics.acc > 0.9 adn params.lr = 1", 19, "found 'adn' (did you mean 'and'?)");
    row("params.lr = 'abc", 13, "unterminated string: the ' at column 13 is never closed");
    row("(metrics.acc > 1", 17, "expected ')' to close the '(' at column 1 but the filter ended");
    row("metrics.acc > 1)", 16, "unexpected ')': there is no '(' to close");
    row("metrics. > 1", 9, "expected a key after 'metrics.'");
    row("metrics.acc ~ 1", 13, "unexpected character '~'");
    row("metrics.acc like 'a%'", 13, "like matches text, but metrics.acc is a number");
    row("metrics.acc = 'high'", 15, "metrics.acc is a number: compare it with a number, not 'high'");
    row("status = 'finishd'", 10, "unknown status 'finishd' (did you mean 'finished'?)");
    row("start > 'yesterday'", 9, "expected a date 'YYYY-MM-DD'");
    row("start > '2024-13-01'", 9, "expected a date");
    row("start > '2024-02-30'", 9, "expected a date");
    row("duration > 5x", 12, "expected a duration");
    row("duration > 'soon'", 12, "expected a duration");
    row("params.lr in ()", 15, "expected a value in the list after '(', found ')'");
    row("params.lr in (1, )", 18, "expected a value after ',', found ')'");
    row("params.lr in (1 2)", 17, "expected ',' or ')' in the list, found the number 2");
    row("params.lr in 1", 14, "expected '(' after 'in'");
    row("params.lr not 1", 15, "expected 'in' or 'like' after 'not'");
    row("params.lr is 1", 14, "expected 'null' or 'not null' after 'is'");
    row("params.lr is not 5", 18, "expected 'null' after 'is not'");
    row("()", 2, "expected a condition after '(', found ')'");
    row("and x = 1", 1, "expected a condition, found 'and'");
    row("metrics.`abc", 9, "unterminated key");
    row("tags.`` = 1", 6, "empty key");
    row("`abc` = 1", 1, "a backquoted key needs a prefix");
    row("mean(metrics.acc) > 1", 1, "unknown function 'mean'; the functions are min, max, last and count");
    row("mx(metrics.acc) > 1", 1, "unknown function 'mx' (did you mean 'max'?)");
    row("min(params.lr) > 1", 5, "expected a metric inside min() (e.g. min(metrics.loss)), found 'params.lr'");
    row("min(metrics.acc > 1", 17, "expected ')' after min(metrics.acc");
    row("min > 1", 5, "expected '(' after 'min'");
    row("exit_code = 'zero'", 13, "exit_code is a number");
    row("name = 'a' 'b'", 12, "expected 'and', 'or' or the end of the filter, found the string 'b'");
    row("name like 5", 11, "expected a quoted pattern after 'like'");
    row("'abc' = name", 1, "expected a condition, found the string 'abc'");
    row("metric.acc > 1", 1, "unknown field 'metric.acc' (did you mean 'metrics.acc'?)");
    row("foo = 1", 1, "unknown field 'foo'; a field is an attribute");
    row("status = finished", 10, "expected a value after '=', found 'finished' (put text in quotes: 'finished')");
    row("params.a = params.b", 12, "(a field compares with a value, not with another field)");
    row("name lik 'a%'", 6, "found 'lik' (did you mean 'like'?)");
    row("name", 5, "expected an operator (=, !=, <, <=, >, >=, in, not in, like, is null) after name but the filter ended");
    row("metrics.acc > 1e999", 15, "the number 1e999 is out of range");
    row("params.lr = 5m", 13, "'5m' is not a number (units like 5m only apply to duration)");
    row("name ! 'a'", 6, "unexpected character '!' (did you mean '!='?)");
    row("metrics > 1", 8, "expected '.' and a key after 'metrics'");
    row("not", 4, "expected a condition after 'not' but the filter ended");
    row("name = 'a' or", 14, "expected a condition after 'or' but the filter ended");
    row("(name = 'a' adn name = 'b')", 13, "expected 'and', 'or' or ')' to close the '(' at column 1, found 'adn' (did you mean 'and'?)");
    row("name = '\xC3\xA9' and \xC3\xBC = 1", 16, "unexpected character '\xC3\xBC'");
    row("name = 'a' and \x01", 16, "unexpected character byte 0x01");
    row("status.x = 1", 1, "unknown field 'status.x'");
    row("name >> 'a'", 7, "expected a value after '>', found '>'");
}

void TestSearch::errors()
{
    QFETCH(QString, filter);
    QFETCH(int, column);
    QFETCH(QString, message);
    const std::string text = filter.toStdString();
    auto err = query::searchError(text);
    QVERIFY2(err, "the filter parsed");
    QVERIFY2(QString::fromStdString(err->message).contains(message), err->message.c_str());
    QCOMPARE(err->column, column);
}

void TestSearch::limitsOfSize()
{
    QString deep = QString("(").repeated(70) + "name = 'a'" + QString(")").repeated(70);
    auto e = query::searchError(deep.toStdString());
    QVERIFY(e);
    QCOMPARE(e->column, 65);
    QVERIFY(QString::fromStdString(e->message).contains("nests more than 64 levels"));
    QString nots = QString("not ").repeated(200) + "name = 'a'";
    QVERIFY(query::searchError(nots.toStdString()));
    QString many = QString("name = 'a' or ").repeated(300) + "name = 'b'";
    e = query::searchError(many.toStdString());
    QVERIFY(e);
    QCOMPARE(e->column, 14 * 256 + 1);
    QVERIFY(QString::fromStdString(e->message).contains("more than 256 conditions"));
    // At the limits the SQL still runs.
    QString wide = QString("name = 'a' or ").repeated(255) + "name = 'resnet-a'";
    RunFilter f;
    f.where = wide.toStdString();
    QCOMPARE(names(f), QStringList{"resnet-a"});
    QString list = "params.batch in (";
    for (int i = 0; i < 999; ++i)
        list += QString::number(i + 1000) + ", ";
    f.where = (list + "32)").toStdString();
    QCOMPARE(names(f).size(), 2);
    QVERIFY(!query::searchError(deep.mid(6, deep.size() - 12).toStdString()));  // 64 levels are fine
}

void TestSearch::sortOrders_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("acc desc") << "metrics.acc" << true << "" << QStringList{"resnet-b", "resnet-a", "old-run"};
    QTest::newRow("acc asc") << "metrics.acc" << false << "" << QStringList{"100%done", "baseline", "Baseline 2"};
    QTest::newRow("max acc desc") << "max(metrics.acc)" << true << "" << QStringList{"100%done", "resnet-b", "resnet-a"};
    QTest::newRow("lr asc: numbers numerically") << "params.lr" << false << ""
                                                 << QStringList{"bert-large", "bert-base", "vit-large", "gpt-tiny"};
    QTest::newRow("seed desc: 10 above 3") << "params.seed" << true << "" << QStringList{"sweep_010", "sweep_003", "sweep_002"};
    QTest::newRow("name asc: binary") << "name" << false << "" << QStringList{"100%done", "Baseline 2", "baseline"};
    QTest::newRow("duration desc: running first") << "duration" << true << "" << QStringList{"bert-large", "old-run", "vit-small"};
    QTest::newRow("start asc") << "start" << false << "" << QStringList{"old-run", "epoch-ms", "resnet-a"};
    QTest::newRow("default: newest first") << "" << true << "" << QStringList{"\xC3\xBCn\xC3\xAF" "code", "under_score", "100%done"};
    QTest::newRow("filtered, loss desc") << "metrics.loss" << true << "experiment = 'sweep'"
                                         << QStringList{"sweep_010", "sweep_003", "sweep_001"};
    QTest::newRow("status asc") << "status" << false << "status != 'finished'"
                                << QStringList{"resnet-c", "gpt-small", "sweep_010"};
    QTest::newRow("exit_code desc") << "exit_code" << true << "" << QStringList{"vit-large", "gpt-small", "sweep_010"};
}

void TestSearch::sortOrders()
{
    QFETCH(QString, key);
    QFETCH(bool, descending);
    QFETCH(QString, where);
    QFETCH(QStringList, expected);
    RunFilter f;
    f.sortKey = key.toStdString();
    f.descending = descending;
    f.where = where.toStdString();
    f.limit = expected.size();
    QCOMPARE(names(f), expected);
}

void TestSearch::missingSortKeyGoesLast()
{
    for (bool descending : {true, false}) {
        for (const char* key : {"metrics.acc", "params.lr", "tags.team", "exit_code", "start", "duration"}) {
            RunFilter f;
            f.sortKey = key;
            f.descending = descending;
            auto runs = m_store->runs(f);
            QVERIFY(runs);
            QCOMPARE(runs->size(), m_all.size());
            auto field = query::parseField(key).field;
            auto has = [&](const RunSummary& r) {
                query::Node n;
                n.field = field;
                n.op = query::Op::IsNotNull;
                if (field.kind == query::FieldKind::Metric)  // a NaN last value sorts as missing too
                    return r.metrics.count(field.key) && !std::isnan(r.metrics.at(field.key).last);
                return query::matches(n, r, nowMs());
            };
            auto firstMissing = std::find_if(runs->begin(), runs->end(), [&](const RunSummary& r) { return !has(r); });
            QVERIFY2(std::all_of(firstMissing, runs->end(), [&](const RunSummary& r) { return !has(r); }), key);
            QVERIFY2(firstMissing != runs->begin(), key);
        }
    }
    // Params: numbers (in order), then other text, then runs without the param.
    RunFilter f;
    f.sortKey = "params.lr";
    f.descending = true;
    auto runs = m_store->runs(f);
    QCOMPARE(runs->at(0).run.name, std::string("sweep_010"));  // 0.5
    QStringList tail;
    for (std::size_t i = runs->size() - 5; i < runs->size(); ++i)
        tail << QString::fromStdString(runs->at(i).run.params.count("lr") ? runs->at(i).run.params.at("lr") : "-");
    QCOMPARE(tail, (QStringList{"auto", "-", "-", "-", "-"}));
}

void TestSearch::pagesAndCount()
{
    RunFilter f;
    f.where = "status = 'finished'";
    f.sortKey = "name";
    f.descending = false;
    QStringList whole = names(f);
    QCOMPARE(whole.size(), 14);
    QStringList paged;
    for (int offset = 0; offset < 20; offset += 4) {
        f.limit = 4;
        f.offset = offset;
        QStringList page = names(f);
        QVERIFY(page.size() <= 4);
        paged += page;
    }
    QCOMPARE(paged, whole);
    // runPage: the same page and the count from one query, also past the end and for limit 0.
    for (auto [limit, offset] : std::vector<std::pair<int, int>>{{4, 0}, {4, 12}, {-1, 0}, {5, 100}, {0, 0}}) {
        f.limit = limit;
        f.offset = offset;
        auto page = m_store->runPage(f);
        QVERIFY(page);
        QCOMPARE(page->total, std::int64_t(14));
        QStringList pageNames;
        for (const auto& r : page->runs)
            pageNames << QString::fromStdString(r.run.name);
        QCOMPARE(pageNames, names(f));
    }
    f.where = "status = 'nope' or name = 'nothing'";
    QVERIFY(!m_store->runPage(f));  // unknown status
    f.where = "name = 'nothing'";
    f.limit = 10;
    f.offset = 0;
    QCOMPARE(m_store->runPage(f)->total, std::int64_t(0));
    f.where = "status = 'finished'";
    f.offset = 100;
    QVERIFY(names(f).isEmpty());
    f.limit = 0;
    f.offset = 0;
    QVERIFY(names(f).isEmpty());
    QCOMPARE(*m_store->countRuns(f), std::int64_t(14));  // count ignores limit and offset
    RunFilter e;
    e.experiment = "vision";
    e.where = "metrics.acc > 0.5";
    QCOMPARE(*m_store->countRuns(e), std::int64_t(3));
    QCOMPARE(sorted(names(e)), (QStringList{"resnet-a", "resnet-b", "vit-small"}));
    QCOMPARE(*m_store->countRuns(), std::int64_t(m_all.size()));
    // Returned runs carry their params, tags and summaries.
    RunFilter one;
    one.where = "name = 'resnet-b'";
    auto runs = m_store->runs(one);
    QCOMPARE(runs->size(), std::size_t(1));
    QCOMPARE(runs->at(0).run.params.at("opt"), std::string("sgd"));
    QCOMPARE(runs->at(0).run.tags.at("my key"), std::string("x"));
    QCOMPARE(runs->at(0).metrics.at("acc").last, 0.95);
    QCOMPARE(runs->at(0).metrics.at("acc").count, std::int64_t(2));
}

void TestSearch::storeReportsBadFilterAndSortKey()
{
    RunFilter f;
    f.where = "metrics.acc >";
    auto runs = m_store->runs(f);
    QVERIFY(!runs);
    QVERIFY2(runs.message().starts_with("filter, column 14: expected a value after '>'"), runs.message().c_str());
    auto count = m_store->countRuns(f);
    QVERIFY(!count);
    QVERIFY(count.message().starts_with("filter, column 14: "));
    RunFilter s;
    s.sortKey = "metrcs.acc";
    runs = m_store->runs(s);
    QVERIFY(!runs);
    QVERIFY2(runs.message().starts_with("sort key, column 1: unknown field 'metrcs.acc' (did you mean 'metrics.acc'?)"),
             runs.message().c_str());
    s.sortKey = "name = 'a'";
    QVERIFY(!m_store->runs(s));
    // Blank filters are no filter.
    RunFilter blank;
    blank.where = "  \t ";
    QCOMPARE(names(blank).size(), int(m_all.size()));
}

void TestSearch::keysForColumnChooser()
{
    auto params = m_store->keys(KeyKind::Param);
    QVERIFY(params);
    QCOMPARE(*params, (std::vector<std::string>{"batch", "lr", "opt", "optim.lr", "path", "seed", "warmup"}));
    auto tags = m_store->keys(KeyKind::Tag);
    QCOMPARE(*tags, (std::vector<std::string>{"my key", "note", "priority", "sweep", "team"}));
    auto metrics = m_store->keys(KeyKind::Metric);
    QCOMPARE(*metrics, (std::vector<std::string>{"acc", "f1", "loss", "sys/gpu0/util"}));
}

void TestSearch::scanAndPerRunLoadsAgree()
{
    // More runs than the per-run load handles: the whole list is read by table scans, a page run
    // by run; both must give the same params, tags and summaries.
    QTemporaryDir dir;
    auto s = Store::open((dir.path() + "/big.db").toStdString(), Store::Mode::ReadWrite);
    QVERIFY(s);
    Store& store = **s;
    for (int i = 0; i < 600; ++i) {
        Run r;
        r.name = "run" + std::to_string(i);
        r.startMs = 1000 + i;
        r.params = {{"i", std::to_string(i)}, {"parity", i % 2 ? "odd" : "even"}};
        if (i % 3 == 0)
            r.tags = {{"third", "yes"}};
        QVERIFY(store.createRun(r));
        QVERIFY(store.appendMetrics(r.id, std::vector<MetricPoint>{{"m", 0, 1, double(i)}, {"m", 1, 2, double(i) / 2}}));
    }
    auto all = store.runs();
    QVERIFY(all);
    QCOMPARE(all->size(), std::size_t(600));
    RunFilter page;
    page.limit = 50;
    page.offset = 100;
    auto part = store.runs(page);
    QCOMPARE(part->size(), std::size_t(50));
    for (std::size_t i = 0; i < 50; ++i) {
        const RunSummary& a = all->at(100 + i);
        const RunSummary& b = part->at(i);
        QCOMPARE(b.run.id, a.run.id);
        QCOMPARE(b.run.params, a.run.params);
        QCOMPARE(b.run.tags, a.run.tags);
        QCOMPARE(b.metrics.at("m").last, a.metrics.at("m").last);
        QCOMPARE(b.metrics.at("m").max, a.metrics.at("m").max);
    }
    RunFilter f;
    f.where = "params.i >= 590 and params.parity = 'odd' and tags.third is not null";
    QCOMPARE(*store.countRuns(f), std::int64_t(2));  // odd multiples of 3 from 590: 591 and 597
    auto hits = store.runs(f);
    QStringList got;
    for (auto& r : *hits)
        got << QString::fromStdString(r.run.name);
    QCOMPARE(got, (QStringList{"run597", "run591"}));
}

// Random filters over the seeded store's fields and values: SQL and evaluator agree.
void TestSearch::randomFiltersAgreeWithEvaluator()
{
    QRandomGenerator rng(4242);
    const QStringList fields = {"metrics.acc", "metrics.loss", "min(metrics.acc)", "max(metrics.loss)", "count(metrics.acc)",
                                "params.lr", "params.seed", "params.opt", "params.batch", "tags.team", "tags.`my key`",
                                "status", "name", "experiment", "user", "host", "exit_code", "duration", "start"};
    const QStringList numbers = {"0", "0.01", "0.5", "0.9", "1", "2", "32", "-1", "1e-3", "100"};
    const QStringList texts = {"'0.01'", "'adam'", "'cv'", "'finished'", "'failed'", "'alice'", "'gpu1'", "'nlp'", "'x'", "''"};
    const QStringList ops = {"=", "!=", "<", "<=", ">", ">="};
    std::function<QString(int)> expr = [&](int depth) -> QString {
        int pick = int(rng.bounded(depth > 2 ? 6 : 10));
        if (pick >= 6) {
            QString l = expr(depth + 1), r = expr(depth + 1);
            return pick == 6 ? "(" + l + " and " + r + ")" : pick == 7 ? "(" + l + " or " + r + ")" : pick == 8 ? "not " + l : l;
        }
        QString field = fields[int(rng.bounded(fields.size()))];
        auto p = query::parseField(field.toStdString());
        const bool numeric = p.field.numeric();
        const bool status = field == "status";
        auto value = [&]() -> QString {
            if (status)
                return rng.bounded(2) ? "'failed'" : "'finished'";
            if (field == "start")
                return rng.bounded(2) ? "'2024-03-01 15:00'" : "0";
            if (numeric)
                return numbers[int(rng.bounded(numbers.size()))];
            return rng.bounded(2) ? numbers[int(rng.bounded(numbers.size()))] : texts[int(rng.bounded(texts.size()))];
        };
        switch (pick) {
        case 0:
        case 1:
        case 2: return field + " " + ops[int(rng.bounded(ops.size()))] + " " + value();
        case 3: return field + (rng.bounded(2) ? " not in (" : " in (") + value() + ", " + value() + ")";
        case 4: return field + (rng.bounded(2) ? " is null" : " is not null");
        default:
            if (numeric)
                return field + " is not null";
            return field + (rng.bounded(2) ? " like '%a%'" : " not like '_e%'");
        }
    };
    int checked = 0, nonTrivial = 0;
    for (int i = 0; i < 1500; ++i) {
        const std::string filter = expr(0).toStdString();
        auto parsed = query::parseSearch(filter);
        QVERIFY2(parsed.ok(), (filter + ": " + parsed.error->text()).c_str());
        RunFilter f;
        f.where = filter;
        std::set<std::string> viaSql, inMemory;
        auto runs = m_store->runs(f);
        QVERIFY2(runs, runs.ok() ? "" : runs.message().c_str());
        for (const auto& r : *runs)
            viaSql.insert(r.run.name);
        for (const auto& r : m_all)
            if (query::matches(*parsed.root, r, nowMs()))
                inMemory.insert(r.run.name);
        QVERIFY2(viaSql == inMemory, filter.c_str());
        ++checked;
        nonTrivial += !viaSql.empty() && viaSql.size() < m_all.size();
    }
    QVERIFY(nonTrivial > checked / 4);
}

void TestSearch::likeMatchesSqlite_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("match");
    QTest::newRow("prefix") << "ab%" << "ABC" << true;
    QTest::newRow("one char") << "a_c" << "abc" << true;
    QTest::newRow("one char, none") << "a_c" << "ac" << false;
    QTest::newRow("escaped percent") << "100\\%" << "100%" << true;
    QTest::newRow("escaped percent is literal") << "100\\%" << "1000" << false;
    QTest::newRow("escaped underscore") << "a\\_b" << "a_b" << true;
    QTest::newRow("escaped underscore literal") << "a\\_b" << "axb" << false;
    QTest::newRow("trailing escape") << "ab\\" << "ab" << false;
    QTest::newRow("only percent") << "%" << "" << true;
    QTest::newRow("non-ascii not folded") << "\xC3\x9C" << "\xC3\xBC" << false;
    QTest::newRow("underscore over utf-8") << "_" << "\xC3\xBC" << true;
    QTest::newRow("backtracking") << "%a%b%c" << "xxaxxbxxbxc" << true;
    QTest::newRow("percent then underscore") << "%_" << "" << false;
}

void TestSearch::likeMatchesSqlite()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, match);
    QCOMPARE(query::likeMatch(pattern.toStdString(), text.toStdString()), match);
    // ... and SQLite agrees, through a filter on a tag.
    QTemporaryDir dir;
    auto s = Store::open((dir.path() + "/like.db").toStdString(), Store::Mode::ReadWrite);
    QVERIFY(s);
    Run r;
    r.name = "x";
    r.tags = {{"t", text.toStdString()}};
    QVERIFY((*s)->createRun(r));
    RunFilter f;
    std::string quoted;
    for (char c : pattern.toStdString())
        quoted += c == '\'' ? std::string("''") : c == '\\' ? std::string("\\\\") : std::string(1, c);
    f.where = "tags.t like '" + quoted + "'";
    QCOMPARE(*(*s)->countRuns(f), std::int64_t(match ? 1 : 0));
}

void TestSearch::values()
{
    QCOMPARE(query::parseNumber("0.010").value_or(-1), 0.01);
    QCOMPARE(query::parseNumber("+3").value_or(-1), 3.0);
    QVERIFY(!query::parseNumber("+-3"));
    QVERIFY(!query::parseNumber(""));
    QVERIFY(!query::parseNumber(" 1"));
    QVERIFY(!query::parseNumber("1 "));
    QVERIFY(!query::parseNumber("nan"));
    QVERIFY(!query::parseNumber("0x10"));
    QCOMPARE(query::parseNumber("-inf").value_or(0), -std::numeric_limits<double>::infinity());
    QCOMPARE(query::parseDurationMs("1h30m").value_or(-1), 5400000.0);
    QCOMPARE(query::parseDurationMs("90").value_or(-1), 90000.0);
    QCOMPARE(query::parseDurationMs("250ms").value_or(-1), 250.0);
    QVERIFY(!query::parseDurationMs("5 m"));
    QVERIFY(!query::parseDurationMs("m"));
    QVERIFY(query::parseLocalDate("2024-02-29"));
    QVERIFY(!query::parseLocalDate("2023-02-29"));
    QVERIFY(!query::parseLocalDate("2024-1-01"));
    QVERIFY(!query::parseLocalDate("2024-01-01 1:00"));
    QVERIFY(!query::parseLocalDate("2024-01-01 10:00:"));
    QCOMPARE(*query::parseLocalDate("2024-01-01 00:01") - *query::parseLocalDate("2024-01-01"), std::int64_t(60000));
    // Field spellings round-trip.
    for (const char* f : {"status", "exit_code", "params.lr", "metrics.sys/gpu0/util", "min(metrics.acc)",
                          "count(metrics.x)", "tags.`my key`", "params.`a``b`"}) {
        auto p = query::parseField(f);
        QVERIFY2(p.ok(), f);
        QCOMPARE(query::fieldText(p.field), std::string(f));
    }
    QCOMPARE(query::fieldText(query::parseField("LAST(Metrics.acc)").field), std::string("metrics.acc"));
}

QTEST_APPLESS_MAIN(TestSearch)
#include "tst_search.moc"
