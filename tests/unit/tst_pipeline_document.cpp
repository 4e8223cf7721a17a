// The editable pipeline document (engine/pipeline/document.h), Qt-free: every dvc.yaml of
// tests/data/dvc opens and saves byte for byte; an edit changes only the bytes of the
// stage it touched; new stages follow the file's style; what the emitter writes reads back
// equal; connecting and disconnecting ports edits deps; problems land on their node.
#include "pipeline_test_util.h"

#include "engine/pipeline/document.h"
#include "engine/pipeline/entry_graph.h"
#include "engine/pipeline/stage_edit.h"
#include "engine/pipeline/yaml_emit.h"
#include "engine/pipeline/yaml_value.h"

#include <QDirIterator>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace cairn::pipeline;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

QStringList dvcFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(CAIRN_TEST_DATA "/dvc"), {QStringLiteral("dvc.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

Value parse(const std::string& yaml)
{
    YamlDocument d = parseYaml(yaml);
    if (d.error)
        qFatal("bad test YAML: %s", d.error->message.c_str());
    return d.root;
}

PipelineDocument open(const std::string& text)
{
    auto doc = PipelineDocument::fromText(text);
    if (!doc)
        qFatal("cannot open: %s", doc.message().c_str());
    return std::move(*doc);
}

// The bytes that differ between a and b: [prefix, a.size() - suffix) of a.
std::pair<std::size_t, std::size_t> changedRange(const std::string& a, const std::string& b)
{
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return {prefix, a.size() - suffix};
}

Value strings(std::initializer_list<const char*> items)
{
    Value list = Value::list();
    for (const char* s : items)
        list.push(Value::string(s));
    return list;
}

const char* kCommented = "# Training pipeline\n"
                         "vars:\n"
                         "  - data_dir: data   # where the raw data is\n"
                         "\n"
                         "stages:\n"
                         "  # first: split\n"
                         "  prepare:\n"
                         "    cmd: python prepare.py ${data_dir}   # a comment\n"
                         "    deps: [prepare.py, \"${data_dir}/raw.csv\"]\n"
                         "    outs: [prepared]\n"
                         "\n"
                         "  # then: train\n"
                         "  train:\n"
                         "    cmd: python train.py\n"
                         "    deps:\n"
                         "      - train.py\n"
                         "      - prepared   # from prepare\n"
                         "    outs: [model.pkl]\n"
                         "    retries: 2\n"
                         "\n"
                         "  evaluate:\n"
                         "    cmd: python eval.py\n"
                         "    deps: [model.pkl]\n"
                         "    metrics:\n"
                         "      - eval.json:\n"
                         "          cache: false\n"
                         "# end of file\n";

} // namespace

class TestPipelineDocument : public QObject {
    Q_OBJECT
private slots:
    void untouchedIsByteIdentical_data();
    void untouchedIsByteIdentical();
    void editTouchesOnlyItsStage_data();
    void editTouchesOnlyItsStage();
    void minimalDiffCmd();
    void minimalDiffDeps();
    void newStageFollowsTheFileStyle_data();
    void newStageFollowsTheFileStyle();
    void newFile();
    void removeKeepsTheRest();
    void renameRewritesOnlyTheHeader();
    void undoingEveryEditRestoresTheBytes();
    void flowStagesAreRewrittenWhole();
    void crlfAndNoFinalNewline();
    void fromTextRefuses_data();
    void fromTextRefuses();
    void emittedScalarsReadBack_data();
    void emittedScalarsReadBack();
    void emittedTreesReadBack_data();
    void emittedTreesReadBack();
    void detectsStyle();
    void withFieldOrder();
    void uniqueNames();
    void entryGraphPortsAndEdges();
    void connectAndDisconnect();
    void connectFromAMatrixStage();
    void problemsLandOnTheirNode();
};

void TestPipelineDocument::untouchedIsByteIdentical_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& f : dvcFiles())
        QTest::newRow(qPrintable(QDir(QStringLiteral(CAIRN_TEST_DATA "/dvc")).relativeFilePath(f))) << f;
    QVERIFY(dvcFiles().size() >= 8);
}

void TestPipelineDocument::untouchedIsByteIdentical()
{
    QFETCH(QString, file);
    const std::string text = readFile(file.toStdString());
    PipelineDocument doc = open(text);
    QVERIFY(!doc.modified());
    QVERIFY(doc.text() == text);
    // Setting every stage to an equal body is not an edit.
    for (const auto& name : doc.stageNames()) {
        Value copy = *doc.stage(name);
        doc.setStage(name, copy);
    }
    QVERIFY(!doc.modified());
    QVERIFY(doc.text() == text);
}

void TestPipelineDocument::editTouchesOnlyItsStage_data() { untouchedIsByteIdentical_data(); }

// Every stage of every real dvc.yaml: a new cmd changes bytes only inside that stage's span,
// and the result reads back as the model.
void TestPipelineDocument::editTouchesOnlyItsStage()
{
    QFETCH(QString, file);
    const std::string text = readFile(file.toStdString());
    LoadResult loaded = loadPipelineText(text, "dvc.yaml", "/nowhere", MemoryFiles());
    for (const StageEntry& entry : loaded.spec.entries) {
        if (!entry.span.valid() || !entry.lineSpan)
            continue;
        PipelineDocument doc = open(text);
        const Value* body = doc.stage(entry.name);
        QVERIFY(body);
        doc.setStage(entry.name, withField(*body, "cmd", Value::string("echo edited " + entry.name)));
        QVERIFY(doc.modified());
        const std::string out = doc.text();
        QVERIFY2(doc.roundTrips(out), out.c_str());
        const auto [from, to] = changedRange(text, out);
        QVERIFY2(static_cast<long>(from) >= entry.span.begin && static_cast<long>(to) <= entry.span.end,
                 qPrintable(QStringLiteral("%1: changed [%2, %3) outside the stage's [%4, %5)")
                                .arg(QString::fromStdString(entry.name))
                                .arg(from)
                                .arg(to)
                                .arg(entry.span.begin)
                                .arg(entry.span.end)));
        LoadResult again = loadPipelineText(out, "dvc.yaml", "/nowhere", MemoryFiles());
        QCOMPARE(again.spec.entries.size(), loaded.spec.entries.size());
        for (const Stage& st : again.spec.stages)
            if (st.entry == entry.name)
                QCOMPARE(QString::fromStdString(st.cmd.at(0)).left(12), QStringLiteral("echo edited "));
    }
}

void TestPipelineDocument::minimalDiffCmd()
{
    PipelineDocument doc = open(kCommented);
    doc.setStage("train", withField(*doc.stage("train"), "cmd", Value::string("python train.py --epochs 5")));
    std::string expected = kCommented;
    const std::string from = "    cmd: python train.py\n";
    expected.replace(expected.find(from), from.size(), "    cmd: python train.py --epochs 5\n");
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(expected));
}

void TestPipelineDocument::minimalDiffDeps()
{
    PipelineDocument doc = open(kCommented);
    // A flow list stays a flow list, a quoted item keeps its quotes.
    Value deps = *stageField(*doc.stage("prepare"), "deps");
    deps.push(Value::string("config.yaml"));
    doc.setStage("prepare", withField(*doc.stage("prepare"), "deps", deps));
    // A block list stays a block list with its dashes where they were (its comment goes:
    // only the changed field is rewritten).
    Value trainDeps = *stageField(*doc.stage("train"), "deps");
    trainDeps.push(Value::string("params.yaml"));
    doc.setStage("train", withField(*doc.stage("train"), "deps", trainDeps));
    // A new field goes where the order puts it.
    doc.setStage("evaluate", withField(*doc.stage("evaluate"), "timeout", Value::string("10m")));
    std::string expected = kCommented;
    auto replace = [&](const std::string& a, const std::string& b) {
        const auto at = expected.find(a);
        QVERIFY2(at != std::string::npos, a.c_str());
        expected.replace(at, a.size(), b);
    };
    replace("    deps: [prepare.py, \"${data_dir}/raw.csv\"]\n", "    deps: [prepare.py, \"${data_dir}/raw.csv\", config.yaml]\n");
    replace("      - train.py\n      - prepared   # from prepare\n", "      - train.py\n      - prepared\n      - params.yaml\n");
    replace("          cache: false\n# end", "          cache: false\n    timeout: 10m\n# end");
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(expected));
    QVERIFY(doc.roundTrips(doc.text()));
}

void TestPipelineDocument::newStageFollowsTheFileStyle_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("dvc's own style") << "stages:\n  a:\n    cmd: x\n    deps:\n    - in\n    outs:\n    - out\n"
                                     << "stages:\n  a:\n    cmd: x\n    deps:\n    - in\n    outs:\n    - out\n"
                                        "  b:\n    cmd: python b.py\n    deps:\n    - out\n    outs:\n    - b.txt\n";
    QTest::newRow("flow lists, blank lines, 4 spaces")
        << "stages:\n    a:\n        cmd: x\n        outs: [out]\n\n    c:\n        cmd: y\n"
        << "stages:\n    a:\n        cmd: x\n        outs: [out]\n\n    c:\n        cmd: y\n\n"
           "    b:\n        cmd: python b.py\n        deps: [out]\n        outs: [b.txt]\n";
    QTest::newRow("indented dashes") << "stages:\n  a:\n    cmd: x\n    outs:\n      - out\n"
                                     << "stages:\n  a:\n    cmd: x\n    outs:\n      - out\n"
                                        "  b:\n    cmd: python b.py\n    deps:\n      - out\n    outs:\n      - b.txt\n";
    QTest::newRow("stages then more") << "stages:\n  a:\n    cmd: x\n\n# plots of the runs\nplots:\n  - m.json\n"
                                      << "stages:\n  a:\n    cmd: x\n\n  b:\n    cmd: python b.py\n    deps: [out]\n    outs: [b.txt]\n"
                                         "\n# plots of the runs\nplots:\n  - m.json\n";
    QTest::newRow("no stages yet") << "# a comment\nvars:\n  - x: 1\n"
                                   << "# a comment\nvars:\n  - x: 1\nstages:\n  b:\n    cmd: python b.py\n    deps: [out]\n    outs: [b.txt]\n";
}

void TestPipelineDocument::newStageFollowsTheFileStyle()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    PipelineDocument doc = open(before.toStdString());
    Value body = parse("cmd: python b.py\ndeps: [out]\nouts: [b.txt]\n");
    doc.setStage("b", body);
    QCOMPARE(QString::fromStdString(doc.text()), after);
    QVERIFY(doc.roundTrips(doc.text()));
}

void TestPipelineDocument::newFile()
{
    PipelineDocument doc;
    QVERIFY(!doc.modified());
    QCOMPARE(QString::fromStdString(doc.text()), QString());
    doc.setStage("prepare", parse("cmd: python prepare.py\nouts: [data]\n"));
    doc.setStage("train", parse("cmd: python train.py\ndeps: [data]\nresources: {gpus: 1}\n"));
    QCOMPARE(QString::fromStdString(doc.text()), QStringLiteral("stages:\n  prepare:\n    cmd: python prepare.py\n    outs: [data]\n\n"
                                                                "  train:\n    cmd: python train.py\n    deps: [data]\n    resources:\n"
                                                                "      gpus: 1\n"));
    QVERIFY(doc.markSaved(doc.text()));
    QVERIFY(!doc.modified());
    QCOMPARE(doc.stageNames(), (std::vector<std::string>{"prepare", "train"}));
}

void TestPipelineDocument::removeKeepsTheRest()
{
    PipelineDocument doc = open(kCommented);
    QVERIFY(doc.removeStage("train"));
    QVERIFY(!doc.removeStage("train"));
    std::string expected = kCommented;
    const auto b = expected.find("  # then: train\n");
    const auto e = expected.find("  evaluate:\n");
    expected.erase(b, e - b);
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(expected));
}

void TestPipelineDocument::renameRewritesOnlyTheHeader()
{
    PipelineDocument doc = open(kCommented);
    QVERIFY(doc.renameStage("train", "fit"));
    QVERIFY(!doc.renameStage("fit", "prepare"));  // taken
    std::string expected = kCommented;
    expected.replace(expected.find("  train:\n"), 9, "  fit:\n");
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(expected));
    // Renamed and edited: the body is still spliced field by field.
    doc.setStage("fit", withField(*doc.stage("fit"), "retries", Value::integer(3, "3")));
    expected.replace(expected.find("    retries: 2\n"), 15, "    retries: 3\n");
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(expected));
    QVERIFY(doc.renameStage("fit", "train"));
    doc.setStage("train", withField(*doc.stage("train"), "retries", Value::integer(2, "2")));
    QVERIFY(!doc.modified());
    QCOMPARE(QString::fromStdString(doc.text()), QString::fromStdString(kCommented));
}

void TestPipelineDocument::undoingEveryEditRestoresTheBytes()
{
    PipelineDocument doc = open(kCommented);
    const Value train = *doc.stage("train");
    const Value evaluate = *doc.stage("evaluate");
    doc.setStage("train", withField(train, "cmd", Value::string("other")));
    doc.removeStage("evaluate");
    doc.setStage("new_one", parse("cmd: echo\n"));
    QVERIFY(doc.modified());
    doc.removeStage("new_one");
    doc.setStage("evaluate", evaluate);
    doc.setStage("train", train);
    QVERIFY(!doc.modified());
    QVERIFY(doc.text() == kCommented);
}

void TestPipelineDocument::flowStagesAreRewrittenWhole()
{
    const std::string text = "stages: {a: {cmd: x, outs: [o]}, b: {cmd: y}}\n";
    PipelineDocument doc = open(text);
    QVERIFY(doc.text() == text);
    doc.setStage("b", parse("cmd: z\n"));
    const std::string out = doc.text();
    QVERIFY(doc.roundTrips(out));
    QCOMPARE(QString::fromStdString(out), QStringLiteral("stages:\n  a:\n    cmd: x\n    outs: [o]\n  b:\n    cmd: z\n"));
    // A stage written as a flow mapping inside a block file: that stage only.
    const std::string mixed = "stages:\n  a: {cmd: x}\n  b:\n    cmd: y  # keep\n";
    PipelineDocument m = open(mixed);
    m.setStage("a", parse("cmd: x2\n"));
    QCOMPARE(QString::fromStdString(m.text()), QStringLiteral("stages:\n  a:\n    cmd: x2\n  b:\n    cmd: y  # keep\n"));
}

void TestPipelineDocument::crlfAndNoFinalNewline()
{
    const std::string crlf = "stages:\r\n  a:\r\n    cmd: x\r\n";
    PipelineDocument doc = open(crlf);
    QCOMPARE(QString::fromStdString(doc.style().newline), QStringLiteral("\r\n"));
    doc.setStage("b", parse("cmd: y\n"));
    QCOMPARE(QString::fromStdString(doc.text()), QStringLiteral("stages:\r\n  a:\r\n    cmd: x\r\n  b:\r\n    cmd: y\r\n"));

    const std::string bare = "stages:\n  a:\n    cmd: x";
    PipelineDocument d2 = open(bare);
    QVERIFY(d2.text() == bare);
    d2.setStage("b", parse("cmd: y\n"));
    QCOMPARE(QString::fromStdString(d2.text()), QStringLiteral("stages:\n  a:\n    cmd: x\n  b:\n    cmd: y\n"));
    QVERIFY(d2.roundTrips(d2.text()));

    const std::string bom = "\xEF\xBB\xBFstages:\n  a:\n    cmd: x\n";
    PipelineDocument d3 = open(bom);
    QVERIFY(d3.text() == bom);
    d3.setStage("a", parse("cmd: z\n"));
    QCOMPARE(QString::fromStdString(d3.text()), QString::fromStdString("\xEF\xBB\xBFstages:\n  a:\n    cmd: z\n"));
}

void TestPipelineDocument::fromTextRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << "stages:\n  a: [x\n" << "YAML syntax";
    QTest::newRow("list") << "- a\n- b\n" << "not a list";
    QTest::newRow("duplicate stage") << "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n" << "4:3: duplicate key 'a'";
}

void TestPipelineDocument::fromTextRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto doc = PipelineDocument::fromText(text.toStdString());
    QVERIFY(!doc);
    QVERIFY2(QString::fromStdString(doc.message()).contains(message), doc.message().c_str());
}

void TestPipelineDocument::emittedScalarsReadBack_data()
{
    QTest::addColumn<QString>("s");
    for (const char* s : {"plain", "yes", "no", "on", "1", "-1", "1.0", "1e3", "0x1f", "0o7", ".inf", "null", "Null", "~", "true",
                          "False", "", " lead", "trail ", "a: b", "a:b", "a #b", "a#b", "#x", "-x", "- x", "-", "[x]", "{x}", "x,y",
                          "x, y", "it's", "say \"hi\"", "both ' and \"", "line1\nline2", "line1\nline2\n", "\n\nx", "x\n\n", "  indented\nx",
                          "trailing \nspace", "\ttab", "a\tb", "${a}", "${a}/b", "python train.py --lr ${item.lr}", "@x", "`x", "%x",
                          "!x", "&x", "*x", "|x", ">x", "?x", "? x", ":x", "a:", "---", "...", "<<", "back\\slash", "ünïcödé ✓",
                          "ctrl\x01", "cr\rlf", "echo a && echo b | tee c > d", "'quoted'", "\"dq\""})
        QTest::newRow(qPrintable(QString::fromUtf8(s).toHtmlEscaped().replace('\n', "\\n"))) << QString::fromUtf8(s);
}

void TestPipelineDocument::emittedScalarsReadBack()
{
    QFETCH(QString, s);
    const Value v = Value::string(s.toStdString());
    for (int indent : {2, 4})
        for (bool flowLists : {true, false}) {
            YamlStyle st;
            st.indent = indent;
            st.flowLists = flowLists;
            Value map = Value::map();
            map.insert(Value::string("k"), v);
            Value list = Value::list();
            list.push(v);
            list.push(Value::string("other"));
            map.insert(Value::string("l"), list);
            map.insert(v.text().empty() ? Value::string("empty") : v, Value::integer(1, "1"));  // as a key
            Value nested = Value::list();
            Value item = Value::map();
            item.insert(Value::string("a"), v);
            item.insert(Value::string("b"), v);
            nested.push(item);
            map.insert(Value::string("n"), nested);
            const std::string text = emitDocument(map, st);
            YamlDocument back = parseYaml(text);
            QVERIFY2(!back.error, (text + "\n" + (back.error ? back.error->message : "")).c_str());
            QVERIFY2(sameValue(back.root, map), text.c_str());
        }
    // In a flow list.
    const std::string flow = scalarYaml(v, true);
    YamlDocument back = parseYaml("[" + flow + ", z]");
    QVERIFY2(!back.error && back.root.isList() && back.root.items().size() == 2 && sameValue(back.root.items()[0], v), flow.c_str());
}

void TestPipelineDocument::emittedTreesReadBack_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::newRow("numbers") << "a: 1\nb: 0.001\nc: 1e-05\nd: .inf\ne: -.inf\nf: .nan\ng: -0.0\nh: 123456789012345678901234567890\ni: 1e+16\n";
    QTest::newRow("bools and null") << "a: true\nb: false\nc: null\nd:\n";
    QTest::newRow("nested lists") << "m:\n  x: [[1, 2], [3, 4]]\n  y:\n  - - a\n    - b\n  - []\n  - {}\n";
    QTest::newRow("outs with options") << "outs:\n- model.pkl:\n    cache: false\n    persist: true\n- plain\nmetrics:\n- m.json: {cache: false}\n";
    QTest::newRow("params forms") << "params:\n- train\n- other.yaml:\n  - a\n  - b\n- empty.yaml:\n";
    QTest::newRow("matrix") << "matrix:\n  model: [cnn, mlp]\n  cfg:\n  - {lr: 0.1, n: 2}\n  - {lr: 0.2, n: 3}\ncmd: x ${item.model}\n";
    QTest::newRow("cmd list") << "cmd:\n- echo a\n- |\n  multi\n  line\n";
    QTest::newRow("long list") << "deps: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccccccccccccccc]\n";
}

void TestPipelineDocument::emittedTreesReadBack()
{
    QFETCH(QString, yaml);
    const Value v = parse(yaml.toStdString());
    for (int seqIndent : {0, 2})
        for (bool flowLists : {true, false}) {
            YamlStyle st;
            st.seqIndent = seqIndent;
            st.flowLists = flowLists;
            const std::string text = emitDocument(v, st);
            YamlDocument back = parseYaml(text);
            QVERIFY2(!back.error, text.c_str());
            QVERIFY2(sameValue(back.root, v), text.c_str());
        }
}

void TestPipelineDocument::detectsStyle()
{
    const std::string pokemon = readFile(CAIRN_TEST_DATA "/dvc/iterative__example-pokemon-classifier/dvc.yaml");
    YamlStyle st = detectStyle(pokemon, parse(pokemon));
    QCOMPARE(st.indent, 2);
    QCOMPARE(st.seqIndent, 0);
    QCOMPARE(st.flowLists, false);
    QCOMPARE(st.blankBetweenStages, false);
    st = detectStyle(kCommented, parse(kCommented));
    QCOMPARE(st.indent, 2);
    QCOMPARE(st.seqIndent, 2);
    QCOMPARE(st.flowLists, true);
    QCOMPARE(st.blankBetweenStages, true);
}

void TestPipelineDocument::withFieldOrder()
{
    Value body = parse("cmd: x\nouts: [o]\n");
    body = withField(body, "deps", strings({"d"}));
    body = withField(body, "desc", Value::string("first"));
    body = withField(body, "env", parse("A: '1'\n"));
    body = withField(body, "params", strings({"train.lr"}));
    std::vector<std::string> keys;
    for (const auto& [k, v] : body.entries())
        keys.push_back(scalarText(k));
    QCOMPARE(keys, (std::vector<std::string>{"desc", "cmd", "deps", "params", "outs", "env"}));
    body = withField(body, "deps", Value::list());  // empty: removed
    QVERIFY(!body.find("deps"));
    // A foreach stage's fields are under do.
    Value fe = parse("foreach: [a, b]\ndo:\n  cmd: echo ${item}\n");
    fe = withField(fe, "outs", strings({"${item}.txt"}));
    QVERIFY(fe.find("do")->find("outs"));
    QVERIFY(!fe.find("outs"));
}

void TestPipelineDocument::uniqueNames()
{
    PipelineDocument doc = open("stages:\n  train:\n    cmd: x\n  train_2:\n    cmd: y\n");
    QCOMPARE(QString::fromStdString(uniqueStageName(doc, "prepare")), QStringLiteral("prepare"));
    QCOMPARE(QString::fromStdString(uniqueStageName(doc, "train")), QStringLiteral("train_3"));
    QCOMPARE(QString::fromStdString(uniqueStageName(doc, "train_2")), QStringLiteral("train_3"));
    QCOMPARE(QString::fromStdString(uniqueStageName(doc, "a@b/c")), QStringLiteral("a_b_c"));
}

void TestPipelineDocument::entryGraphPortsAndEdges()
{
    const std::string text = "stages:\n"
                             "  prep:\n    cmd: p\n    outs: [data, stats.json]\n    metrics: [m.json]\n"
                             "  train:\n    matrix:\n      lr: [1, 2]\n    cmd: t ${item.lr}\n    deps: [data, code.py]\n"
                             "    outs: [\"model-${key}\"]\n    resources: {gpus: 1}\n"
                             "  report:\n    cmd: r\n    deps: [m.json, model-1, model-2]\n";
    PipelineDocument doc = open(text);
    CheckedPipeline c = pipeline_test::check(doc.text(), MemoryFiles());
    EntryGraph g = buildEntryGraph(doc, c);
    QCOMPARE(static_cast<int>(g.nodes.size()), 3);
    const EntryNode& train = g.nodes[1];
    QCOMPARE(static_cast<int>(train.kind), static_cast<int>(StageEntry::Kind::Matrix));
    QCOMPARE(train.stages, (std::vector<std::string>{"train@1", "train@2"}));
    QCOMPARE(train.inputs, (std::vector<std::string>{"data", "code.py"}));
    QCOMPARE(train.outputs.size(), std::size_t(1));
    QCOMPARE(train.gpus, 1);
    QCOMPARE(g.nodes[0].outputs.size(), std::size_t(3));
    QCOMPARE(static_cast<int>(g.nodes[0].outputs[2].kind), static_cast<int>(Output::Kind::Metric));
    // prep.data -> train.data; prep.m.json -> report[0]; train.model -> report[1], report[2].
    auto has = [&](int from, int out, int to, int in) {
        return std::any_of(g.edges.begin(), g.edges.end(),
                           [&](const EntryEdge& e) { return e.from == from && e.output == out && e.to == to && e.input == in; });
    };
    QCOMPARE(static_cast<int>(g.edges.size()), 4);
    QVERIFY(has(0, 0, 1, 0));
    QVERIFY(has(0, 2, 2, 0));
    QVERIFY(has(1, 0, 2, 1));
    QVERIFY(has(1, 0, 2, 2));
}

void TestPipelineDocument::connectAndDisconnect()
{
    const std::string text = "stages:\n  a:\n    cmd: a\n    outs: [x.txt]\n  b:\n    cmd: b\n";
    PipelineDocument doc = open(text);
    CheckedPipeline c = pipeline_test::check(doc.text(), MemoryFiles());
    auto body = connectedBody(doc, c, "a", 0, "b");
    QVERIFY(body);
    doc.setStage("b", *body);
    QCOMPARE(QString::fromStdString(doc.text()), QStringLiteral("stages:\n  a:\n    cmd: a\n    outs: [x.txt]\n  b:\n    cmd: b\n    deps: [x.txt]\n"));
    c = pipeline_test::check(doc.text(), MemoryFiles());
    QCOMPARE(static_cast<int>(c.dag.edges().size()), 1);
    QVERIFY(!connectedBody(doc, c, "a", 0, "b"));  // connected already
    QVERIFY(!connectedBody(doc, c, "a", 1, "b"));  // no such port
    QVERIFY(!connectedBody(doc, c, "a", 0, "a"));  // itself
    EntryGraph g = buildEntryGraph(doc, c);
    auto cut = disconnectedBody(doc, g, "a", "b");
    QVERIFY(cut);
    doc.setStage("b", *cut);
    QVERIFY(!doc.modified());
    QVERIFY(doc.text() == text);
    // Different wdirs: the path is made relative to the reader's.
    PipelineDocument w = open("stages:\n  a:\n    wdir: sub\n    cmd: a\n    outs: [out/x]\n  b:\n    wdir: other\n    cmd: b\n");
    c = pipeline_test::check(w.text(), MemoryFiles());
    body = connectedBody(w, c, "a", 0, "b");
    QVERIFY(body);
    QCOMPARE(QString::fromStdString(listPaths(stageField(*body, "deps")).at(0)), QStringLiteral("../sub/out/x"));
}

void TestPipelineDocument::connectFromAMatrixStage()
{
    PipelineDocument doc = open("stages:\n  train:\n    matrix:\n      m: [a, b, c]\n    cmd: t\n    outs: [\"models/${item.m}.pkl\"]\n"
                                "  evaluate:\n    cmd: e\n");
    CheckedPipeline c = pipeline_test::check(doc.text(), MemoryFiles());
    auto body = connectedBody(doc, c, "train", 0, "evaluate");
    QVERIFY(body);
    QCOMPARE(listPaths(stageField(*body, "deps")), (std::vector<std::string>{"models/a.pkl", "models/b.pkl", "models/c.pkl"}));
    doc.setStage("evaluate", *body);
    c = pipeline_test::check(doc.text(), MemoryFiles());
    QCOMPARE(static_cast<int>(buildEntryGraph(doc, c).edges.size()), 3);
}

void TestPipelineDocument::problemsLandOnTheirNode()
{
    PipelineDocument doc = open("stages:\n  a:\n    cmd: a\n    outs: [x]\n  b.v2:\n    cmd: b ${nope}\n    dep: [x]\n");
    CheckedPipeline c = pipeline_test::check(doc.text(), MemoryFiles());
    EntryGraph g = buildEntryGraph(doc, c);
    QVERIFY(g.nodes[0].problems.empty());
    QCOMPARE(static_cast<int>(g.nodes[1].problems.size()), 2);  // undefined variable, unknown key
    QVERIFY(QString::fromStdString(g.nodes[1].problems[0].message).contains("undefined variable"));
    QCOMPARE(QString::fromStdString(entryOfField("stages.b.v2.deps[0]", g.byName)), QStringLiteral("b.v2"));
    QCOMPARE(QString::fromStdString(entryOfField("vars[0]", g.byName)), QString());
}

QTEST_APPLESS_MAIN(TestPipelineDocument)
#include "tst_pipeline_document.moc"
