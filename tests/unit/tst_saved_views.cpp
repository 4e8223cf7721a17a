// Saved views and pins (.cairn/views.json), Store::runKeys(), the filter box's plain-text
// search and `cairn runs --view/--views`, on a project seeded with the search tests' runs.
#include "search_seed.h"

#include "engine/cli/commands.h"
#include "engine/query/filter_text.h"
#include "engine/store/project.h"
#include "engine/store/saved_views.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace cairn;

namespace {

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& p, const std::string& text)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

} // namespace

class TestSavedViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip();
    void missingFileIsEmpty();
    void badJsonKeepsFile();
    void wrongShapeNamesField_data();
    void wrongShapeNamesField();
    void runKeysFollowRunsOrder();
    void runKeysGroupValues();
    void plainTextSearch_data();
    void plainTextSearch();
    void cliView();
    void cliViewsList();
    void cliUnknownView();
    void cliBadViewsFile();

private:
    struct Out {
        int code = -1;
        QString out, err;
    };
    Out cairn(const QStringList& args);
    std::vector<std::string> names(const RunFilter& f);
    std::filesystem::path viewsFile() const { return viewsFilePath(m_project); }

    QTemporaryDir m_dir;
    std::filesystem::path m_project;
    std::unique_ptr<Store> m_store;
};

void TestSavedViews::initTestCase()
{
    m_project = (m_dir.path() + "/proj").toStdString();
    auto project = Project::init(m_project);
    QVERIFY(project);
    auto store = Store::open(project->databasePath(), Store::Mode::ReadWrite);
    QVERIFY(store);
    std::string failed = searchseed::seed(**store);
    QVERIFY2(failed.empty(), failed.c_str());
    m_store = std::move(*store);
}

TestSavedViews::Out TestSavedViews::cairn(const QStringList& args)
{
    std::vector<std::string> argv = {"--project", m_project.string()};
    for (const QString& a : args)
        argv.push_back(a.toStdString());
    std::ostringstream out, err;
    Out r;
    r.code = cli::runCli(argv, out, err);
    r.out = QString::fromStdString(out.str());
    r.err = QString::fromStdString(err.str());
    return r;
}

std::vector<std::string> TestSavedViews::names(const RunFilter& f)
{
    std::vector<std::string> out;
    auto runs = m_store->runs(f);
    if (!runs)
        qFatal("%s", runs.message().c_str());
    for (const auto& r : *runs)
        out.push_back(r.run.name);
    return out;
}

void TestSavedViews::roundTrip()
{
    QTemporaryDir dir;
    const std::filesystem::path file = viewsFilePath(dir.path().toStdString());
    ViewsFile v;
    putView(v, {"zeta", "status = 'failed'", {"name", "metrics.acc"}, "metrics.acc", true, "params.opt"});
    putView(v, {"alpha", "resnet \"quoted\" 'it''s'", {}, "", false, ""});
    v.pinned = {"00000000000000000000000000000003", "00000000000000000000000000000001"};
    QCOMPARE(viewNames(v), (std::vector<std::string>{"alpha", "zeta"}));
    QVERIFY(saveViews(file, v));
    auto back = loadViews(file);
    QVERIFY2(back, back.ok() ? "" : back.message().c_str());
    QVERIFY(*back == v);
    // No temporary file is left next to it.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(file.parent_path()))
        ++entries;
    QCOMPARE(entries, 1);

    auto updated = updateViews(file, [](ViewsFile& f) {
        QVERIFY(removeView(f, "zeta"));
        QVERIFY(!removeView(f, "zeta"));
        putView(f, {"alpha", "x", {}, "name", true, ""});  // replaces
    });
    QVERIFY(updated);
    back = loadViews(file);
    QCOMPARE(back->views.size(), std::size_t(1));
    QCOMPARE(back->views[0].filter, std::string("x"));
    QCOMPARE(back->pinned.size(), std::size_t(2));
}

void TestSavedViews::missingFileIsEmpty()
{
    QTemporaryDir dir;
    auto v = loadViews(viewsFilePath(dir.path().toStdString()));
    QVERIFY(v);
    QVERIFY(v->views.empty() && v->pinned.empty());
}

void TestSavedViews::badJsonKeepsFile()
{
    QTemporaryDir dir;
    const std::filesystem::path file = viewsFilePath(dir.path().toStdString());
    const std::string bad = "{\n  \"views\": [\n    {\"name\": \"a\",}\n  ]\n}\n";
    writeFile(file, bad);
    auto v = loadViews(file);
    QVERIFY(!v);
    const QString message = QString::fromStdString(v.message());
    QVERIFY2(message.startsWith(QString::fromStdString(file.string()) + ":3:"), qPrintable(message));
    QVERIFY2(message.contains("not valid JSON"), qPrintable(message));
    QVERIFY2(message.contains("left as it is"), qPrintable(message));
    // An update refuses to write over it.
    auto updated = updateViews(file, [](ViewsFile& f) { f.pinned.push_back("x"); });
    QVERIFY(!updated);
    QCOMPARE(readFile(file), bad);
}

void TestSavedViews::wrongShapeNamesField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("list") << "[]" << "the top level must be an object";
    QTest::newRow("pinned") << R"({"pinned": "abc"})" << "pinned must be a list of run ids";
    QTest::newRow("views") << R"({"views": {}})" << "views must be a list of objects";
    QTest::newRow("columns") << R"({"views": [{"name": "a", "columns": "name"}]})" << "views[0].columns must be a list of strings";
    QTest::newRow("no name") << R"({"views": [{"filter": "x"}]})" << "views[0] has no name";
    QTest::newRow("ascending") << R"({"views": [{"name": "a", "ascending": "yes"}]})" << "views[0].ascending must be true or false";
    QTest::newRow("twice") << R"({"views": [{"name": "a"}, {"name": "a"}]})" << "views[1]: a second view named 'a'";
    QTest::newRow("newer") << R"({"version": 7})" << "version 7 is newer";
}

void TestSavedViews::wrongShapeNamesField()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    auto v = parseViews(json.toStdString(), "views.json");
    QVERIFY(!v);
    QVERIFY2(QString::fromStdString(v.message()).startsWith("views.json: " + message), v.message().c_str());
}

void TestSavedViews::runKeysFollowRunsOrder()
{
    for (const RunFilter& f : {RunFilter{}, RunFilter{{}, "params.lr > 0", "metrics.acc", false, -1, 0},
                               RunFilter{{}, "", "params.lr", true, 5, 3}, RunFilter{{}, "status = 'finished'", "name", false, -1, 0}}) {
        auto runs = m_store->runs(f);
        auto keys = m_store->runKeys(f);
        QVERIFY(runs && keys);
        QCOMPARE(keys->size(), runs->size());
        for (std::size_t i = 0; i < keys->size(); ++i) {
            QCOMPARE((*keys)[i].id, (*runs)[i].run.id);
            QVERIFY(!(*keys)[i].group);
        }
    }
    auto bad = m_store->runKeys({}, "parms.opt");
    QVERIFY(!bad);
    QVERIFY2(bad.message().starts_with("group field, column 1"), bad.message().c_str());
}

void TestSavedViews::runKeysGroupValues()
{
    auto runs = m_store->runs();
    auto keys = m_store->runKeys({}, "params.opt");
    QVERIFY(runs && keys);
    QCOMPARE(keys->size(), runs->size());
    int grouped = 0;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        const auto& params = (*runs)[i].run.params;
        auto it = params.find("opt");
        QCOMPARE((*keys)[i].group.has_value(), it != params.end());
        if (it != params.end()) {
            QCOMPARE(*(*keys)[i].group, it->second);
            ++grouped;
        }
    }
    QVERIFY(grouped >= 5);
    auto status = m_store->runKeys({}, "status");
    QVERIFY(status);
    for (std::size_t i = 0; i < status->size(); ++i)
        QCOMPARE(*(*status)[i].group, std::string(toString((*runs)[i].run.status)));
}

void TestSavedViews::plainTextSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");  // names, sorted
    QTest::newRow("name part") << "resnet" << QStringList{"resnet-a", "resnet-b", "resnet-c"};
    QTest::newRow("case") << "BASELINE" << QStringList{"Baseline 2", "baseline"};
    QTest::newRow("spaces trimmed") << "  vit-  " << QStringList{"vit-large", "vit-small"};
    QTest::newRow("underscore is literal") << "resnet_a" << QStringList{};
    QTest::newRow("underscore") << "sweep_00" << QStringList{"sweep_001", "sweep_002", "sweep_003"};
    QTest::newRow("percent is literal") << "0%d" << QStringList{"100%done"};
    QTest::newRow("backslash") << "a\\b" << QStringList{};
    QTest::newRow("quote") << "it's" << QStringList{};
    QTest::newRow("experiment") << "nlp" << QStringList{"bert-base", "bert-large", "gpt-small", "gpt-tiny"};
    QTest::newRow("id") << "0000000000000000000000000000000b" << QStringList{"Baseline 2"};
    QTest::newRow("a search") << "name = 'baseline'" << QStringList{"baseline"};
    QTest::newRow("blank") << "  " << QStringList{};
}

void TestSavedViews::plainTextSearch()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const std::string where = query::filterTextSearch(text.toStdString());
    if (text.trimmed().isEmpty()) {
        QCOMPARE(where, std::string());
        return;
    }
    QCOMPARE(query::isSearchText(text.toStdString()), where == text.toStdString());
    RunFilter f;
    f.where = where;
    auto got = m_store->runs(f);
    QVERIFY2(got, got.ok() ? "" : got.message().c_str());
    QStringList names;
    for (const auto& r : *got)
        names << QString::fromStdString(r.run.name);
    names.sort();
    QCOMPARE(names, expected);
}

void TestSavedViews::cliView()
{
    ViewsFile v;
    putView(v, {"best acc", "metrics.acc > 0.8", {"name", "metrics.acc"}, "metrics.acc", false, "params.opt"});
    putView(v, {"resnets", "resnet", {"name", "status"}, "name", true, ""});
    QVERIFY(saveViews(viewsFile(), v));

    Out r = cairn({"runs", "--view", "best acc"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("name       metrics.acc\nresnet-b   0.95\nresnet-a   0.91\n"), qPrintable(r.out));
    // Plain text in a view means what it meant in the filter box; the view's ascending sort holds.
    r = cairn({"runs", "--view", "resnets", "--format", "csv"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QString("name,status\nresnet-a,finished\nresnet-b,finished\nresnet-c,failed\n"));
    // --filter narrows, --sort and --columns replace.
    r = cairn({"runs", "--view", "resnets", "--filter", "status = 'finished'", "--sort", "name", "--columns", "name",
               "--format", "csv"});
    QCOMPARE(r.out, QString("name\nresnet-b\nresnet-a\n"));
}

void TestSavedViews::cliViewsList()
{
    ViewsFile v;
    putView(v, {"failed", "status = 'failed'", {}, "", false, ""});
    QVERIFY(saveViews(viewsFile(), v));
    Out r = cairn({"runs", "--views"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("failed  status = 'failed'  start"), qPrintable(r.out));
    r = cairn({"runs", "--views", "--format", "json"});
    QVERIFY2(r.out.contains("\"name\": \"failed\""), qPrintable(r.out));
    QVERIFY(saveViews(viewsFile(), {}));
    r = cairn({"runs", "--views"});
    QVERIFY2(r.out.startsWith("no saved views yet"), qPrintable(r.out));
}

void TestSavedViews::cliUnknownView()
{
    ViewsFile v;
    putView(v, {"failures", "status = 'failed'", {}, "", false, ""});
    QVERIFY(saveViews(viewsFile(), v));
    Out r = cairn({"runs", "--view", "failure"});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, QString("cairn runs: no saved view 'failure' (did you mean 'failures'?); 'cairn runs --views' lists them\n"));
    r = cairn({"runs", "--view", "zzzzzzzz"});
    QCOMPARE(r.code, 2);
    QVERIFY2(!r.err.contains("did you mean"), qPrintable(r.err));
}

void TestSavedViews::cliBadViewsFile()
{
    writeFile(viewsFile(), "{\"views\": [}");
    Out r = cairn({"runs", "--view", "x"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QString::fromStdString(viewsFile().string()) + ":1:"), qPrintable(r.err));
    QCOMPARE(readFile(viewsFile()), std::string("{\"views\": [}"));
    // Listing runs without a view does not read the file.
    QCOMPARE(cairn({"runs", "--limit", "1"}).code, 0);
    std::filesystem::remove(viewsFile());
}

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_saved_views.moc"
