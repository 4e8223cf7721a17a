// Pipeline specs that load: the real dvc.yaml files of tests/data/dvc, interpolation,
// foreach and matrix expanded exactly as DVC 3.67 expands them (expected values below were
// produced by DVC's own resolver, by hand; the test does not need DVC), byte spans of stage
// entries, YAML 1.2 scalars, and the stage graph with its plans.
#include "pipeline_test_util.h"

#include "engine/pipeline/yaml_value.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace cairn::pipeline;

class TestPipelineSpec : public QObject {
    Q_OBJECT
private slots:
    void dvcFixtures_data();
    void dvcFixtures();
    void expansionMatchesDvc();
    void foreachKeysAndCollisions();
    void wdirAndStageVars();
    void spansSliceTheFile();
    void spansOfFixtures();
    void spansWithByteOrderMark();
    void scalars_data();
    void scalars();
    void pythonFloats();
    void durations();
    void graphLinksAndLevels();
    void plans();
    void cyclesLeaveTheRestOrdered();
};

static std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

static std::vector<std::string> names(const PipelineSpec& spec)
{
    std::vector<std::string> out;
    for (const auto& s : spec.stages)
        out.push_back(s.name);
    return out;
}

void TestPipelineSpec::dvcFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("stages");
    QTest::addColumn<int>("edges");
    QTest::addColumn<int>("levels");
    QTest::addColumn<QString>("firstStage");
    QTest::addColumn<QString>("lastStage");
    QTest::newRow("bank churn") << "iterative__demo-bank-customer-churn/dvc.yaml" << 3 << 3 << 3 << "data_split" << "eval";
    QTest::newRow("llm demo") << "iterative__llm-demo/dvc.yaml" << 5 << 3 << 4 << "setup" << "run";
    QTest::newRow("pokemon") << "iterative__example-pokemon-classifier/dvc.yaml" << 4 << 3 << 4 << "data_preprocess" << "evaluate";
    QTest::newRow("workshop") << "iterative__VSCode-DVC-Workshop/dvc.yaml" << 3 << 0 << 1 << "load" << "train";
    QTest::newRow("dvc bench") << "iterative__dvc-bench/dvc.yaml" << 1 << 0 << 1 << "gen_plots" << "gen_plots";
    QTest::newRow("vscode demo") << "iterative__vscode-dvc/demo/dvc.yaml" << 1 << 0 << 1 << "train" << "train";
    QTest::newRow("vscode special") << "iterative__vscode-dvc/demo/special/dvc.yaml" << 1 << 0 << 1 << "train" << "train";
    QTest::newRow("bookdata") << "PIReTship__bookdata-tools/data/dvc.yaml" << 6 << 0 << 1 << "loc-books" << "ol-works";
}

void TestPipelineSpec::dvcFixtures()
{
    QFETCH(QString, file);
    QFETCH(int, stages);
    QFETCH(int, edges);
    QFETCH(int, levels);
    QFETCH(QString, firstStage);
    QFETCH(QString, lastStage);
    DiskFiles disk;
    const std::string path = std::string(CAIRN_TEST_DATA) + "/dvc/" + file.toStdString();
    CheckedPipeline c = checkPipeline(path, disk);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    for (const auto& d : c.diagnostics.list())
        QVERIFY2(d.pos.known(), formatDiagnostic(d).c_str());
    QVERIFY(c.spec.dvc);
    QCOMPARE(int(c.spec.stages.size()), stages);
    QCOMPARE(int(c.dag.edges().size()), edges);
    QCOMPARE(int(c.dag.levels().size()), levels);
    QVERIFY(c.dag.acyclic());
    QCOMPARE(QString::fromStdString(c.spec.stages.front().name), firstStage);
    QCOMPARE(QString::fromStdString(c.spec.stages.back().name), lastStage);
}

void TestPipelineSpec::expansionMatchesDvc()
{
    auto files = pipeline_test::projectFiles();
    const std::string yaml = R"(vars:
  - flag: true
    sizes: [1e-3, 100.0, 2, 1e20]
    jobs: [{n: a, k: 1}, {n: b, k: 2}]
    quote: "it's x"
stages:
  prepare:
    cmd: python prep.py ${data.path} --out prepared/${models[0]} \${HOME}
    deps: [src/prep.py, "${data.path}"]
    outs: [prepared]
    frozen: ${flag}
  fit:
    foreach: ${models}
    do:
      cmd: python fit.py --model ${item} ${train}
      deps: ["prepared/${item}"]
      outs: ["models/${item}.pt"]
  region:
    foreach: ${regions}
    do:
      cmd: echo ${key} ${item}
      outs: ["r/${key}.csv"]
  size:
    foreach: ${sizes}
    do:
      cmd: echo ${item} '${quote}' ${train.opt}
  job:
    foreach: ${jobs}
    do:
      cmd: echo ${item.n}-${item.k}
  grid:
    matrix:
      model: ${models}
      lr: [0.1, 1e-4]
      deep: [true, false]
    cmd: python grid.py ${item.model} ${item.lr} ${item.deep} ${key}
    outs: ["grid/${key}"]
  combo:
    matrix:
      cfg: [{a: 1}, {a: 2}]
      seed: [1]
    cmd: echo ${item.cfg.a} ${item.seed}
)";
    CheckedPipeline c = pipeline_test::check(yaml, files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    // name | cmd, as DVC 3.67's DataResolver printed them for this file and params.yaml.
    const std::vector<std::pair<std::string, std::string>> dvc = {
        {"prepare", "python prep.py data/raw.csv --out prepared/cnn ${HOME}"},
        {"fit@cnn", "python fit.py --model cnn --lr 0.01 --epochs 10 --layers 8 16 --opt.name adam --opt.beta 0.9"},
        {"fit@mlp", "python fit.py --model mlp --lr 0.01 --epochs 10 --layers 8 16 --opt.name adam --opt.beta 0.9"},
        {"region@us", "echo us 1"},
        {"region@eu", "echo eu 2"},
        {"size@0.001", "echo 0.001 'it's x' --name adam --beta 0.9"},
        {"size@100.0", "echo 100.0 'it's x' --name adam --beta 0.9"},
        {"size@2", "echo 2 'it's x' --name adam --beta 0.9"},
        {"size@1e+20", "echo 1e+20 'it's x' --name adam --beta 0.9"},
        {"job@0", "echo a-1"},
        {"job@1", "echo b-2"},
        {"grid@cnn-0.1-true", "python grid.py cnn 0.1 true cnn-0.1-true"},
        {"grid@cnn-0.1-false", "python grid.py cnn 0.1 false cnn-0.1-false"},
        {"grid@cnn-0.0001-true", "python grid.py cnn 0.0001 true cnn-0.0001-true"},
        {"grid@cnn-0.0001-false", "python grid.py cnn 0.0001 false cnn-0.0001-false"},
        {"grid@mlp-0.1-true", "python grid.py mlp 0.1 true mlp-0.1-true"},
        {"grid@mlp-0.1-false", "python grid.py mlp 0.1 false mlp-0.1-false"},
        {"grid@mlp-0.0001-true", "python grid.py mlp 0.0001 true mlp-0.0001-true"},
        {"grid@mlp-0.0001-false", "python grid.py mlp 0.0001 false mlp-0.0001-false"},
        {"combo@cfg0-1", "echo 1 1"},
        {"combo@cfg1-1", "echo 2 1"},
    };
    QCOMPARE(c.spec.stages.size(), dvc.size());
    for (std::size_t i = 0; i < dvc.size(); ++i) {
        const Stage& s = c.spec.stages[i];
        QCOMPARE(QString::fromStdString(s.name), QString::fromStdString(dvc[i].first));
        QCOMPARE(s.cmd.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(s.cmd[0]), QString::fromStdString(dvc[i].second));
    }
    const Stage* prepare = c.spec.stage("prepare");
    QVERIFY(prepare->frozen);  // `${flag}` alone keeps its type: a boolean
    QCOMPARE(prepare->deps[1].path, std::string("data/raw.csv"));
    const Stage* fit = c.spec.stage("fit@mlp");
    QCOMPARE(fit->entry, std::string("fit"));
    QCOMPARE(fit->key, std::string("mlp"));
    QCOMPARE(fit->deps[0].path, std::string("prepared/mlp"));
    QCOMPARE(fit->outs[0].path, std::string("models/mlp.pt"));
    QCOMPARE(c.spec.stage("region@eu")->outs[0].path, std::string("r/eu.csv"));
    QCOMPARE(c.spec.stage("grid@mlp-0.1-false")->outs[0].path, std::string("grid/mlp-0.1-false"));
    // Entries keep their generated stages; fit@* read prepare's folder.
    QCOMPARE(c.spec.entries.size(), std::size_t(7));
    QCOMPARE(c.spec.entries[5].stages.size(), std::size_t(8));
    QCOMPARE(c.spec.entries[5].kind, StageEntry::Kind::Matrix);
    QCOMPARE(c.dag.successors(c.spec.indexOf("prepare")).size(), std::size_t(2));
}

void TestPipelineSpec::foreachKeysAndCollisions()
{
    auto files = pipeline_test::projectFiles();
    // DVC: [true, null, 1, "1", 012, 0x1F, 0o17, .inf] names true, None, 1 (once), 12, 31, 15, inf.
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  fb:\n"
                                             "    foreach: [true, null, 1, \"1\", 012, 0x1F, 0o17, .inf]\n"
                                             "    do:\n"
                                             "      cmd: echo ${item}\n",
                                             files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(names(c.spec), (std::vector<std::string>{"fb@true", "fb@None", "fb@1", "fb@12", "fb@31", "fb@15", "fb@inf"}));
    QCOMPARE(c.spec.stage("fb@1")->cmd[0], std::string("echo 1"));
    QCOMPARE(c.diagnostics.warningCount(), std::size_t(1));  // the repeated 1
    QVERIFY(c.diagnostics.list()[0].message.find("'1' appears twice") != std::string::npos);
}

void TestPipelineSpec::wdirAndStageVars()
{
    auto files = pipeline_test::projectFiles();
    files.add("/proj/sub/local.yaml", "name: local\n");
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  a:\n"
                                             "    wdir: sub\n"
                                             "    vars: [local.yaml, {n: 3}]\n"
                                             "    cmd: echo ${name} ${n} ${train.epochs}\n"
                                             "    outs: [out.csv]\n"
                                             "  b:\n"
                                             "    cmd: cat sub/out.csv\n"
                                             "    deps: [sub/out.csv]\n",
                                             files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(c.spec.stage("a")->cmd[0], std::string("echo local 3 10"));
    QCOMPARE(c.spec.stage("a")->wdir, std::string("sub"));
    QCOMPARE(c.dag.edges().size(), std::size_t(1));
    QCOMPARE(stagePath(*c.spec.stage("a"), "out.csv"), std::string("sub/out.csv"));
    // Stage vars stay in their stage.
    CheckedPipeline d = pipeline_test::check("stages:\n  a:\n    vars: [{n: 3}]\n    cmd: x\n  b:\n    cmd: echo ${n}\n", files);
    QCOMPARE(d.diagnostics.errorCount(), std::size_t(1));
    QCOMPARE(d.diagnostics.list()[0].pos.line, 6);
}

void TestPipelineSpec::spansSliceTheFile()
{
    auto files = pipeline_test::projectFiles();
    const std::string text = "# header\n"
                             "vars:\n"
                             "  - x: 1\n"
                             "stages:\n"
                             "  # prepare the data\n"
                             "  prepare:\n"
                             "    cmd: a   # trailing\n"
                             "\n"
                             "  train:\n"
                             "    foreach: [1, 2]\n"
                             "    do:\n"
                             "      cmd: b ${item}\n"
                             "      # inside train\n"
                             "      outs: [\"m${item}\"]\n"
                             "\n"
                             "# footer\n"
                             "plots: []\n";
    CheckedPipeline c = pipeline_test::check(text, files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(c.spec.entries.size(), std::size_t(2));
    auto slice = [&](const Span& s) { return text.substr(std::size_t(s.begin), std::size_t(s.end - s.begin)); };
    QCOMPARE(slice(c.spec.entries[0].span), std::string("  prepare:\n    cmd: a   # trailing\n"));
    QCOMPARE(slice(c.spec.entries[1].span), std::string("  train:\n    foreach: [1, 2]\n    do:\n      cmd: b ${item}\n"
                                                        "      # inside train\n      outs: [\"m${item}\"]\n"));
    QCOMPARE(slice(c.spec.stagesSpan).substr(0, 8), std::string("stages:\n"));
    QVERIFY(c.spec.entries[0].lineSpan);
    // Both generated stages point back at their entry.
    QCOMPARE(c.spec.entries[1].stages, (std::vector<int>{1, 2}));
    QCOMPARE(c.spec.stages[2].entryIndex, 1);
    // Replacing one entry's bytes leaves the rest of the file as it was.
    std::string edited = text;
    const Span s0 = c.spec.entries[0].span;
    edited.replace(std::size_t(s0.begin), std::size_t(s0.end - s0.begin), "  prepare:\n    cmd: z\n");
    CheckedPipeline e = pipeline_test::check(edited, files);
    QCOMPARE(e.spec.stage("prepare")->cmd[0], std::string("z"));
    QCOMPARE(edited.substr(std::size_t(e.spec.entries[1].span.begin)), text.substr(std::size_t(c.spec.entries[1].span.begin)));

    // Flow style: no line spans.
    CheckedPipeline f = pipeline_test::check("stages: {a: {cmd: x}, b: {cmd: y}}\n", files);
    QVERIFY(!f.spec.entries[0].lineSpan);
    QVERIFY(!f.spec.entries[0].span.valid());
}

void TestPipelineSpec::spansOfFixtures()
{
    DiskFiles disk;
    for (const char* file : {"iterative__demo-bank-customer-churn/dvc.yaml", "iterative__llm-demo/dvc.yaml",
                             "iterative__example-pokemon-classifier/dvc.yaml", "iterative__VSCode-DVC-Workshop/dvc.yaml",
                             "iterative__dvc-bench/dvc.yaml", "iterative__vscode-dvc/demo/dvc.yaml",
                             "iterative__vscode-dvc/demo/special/dvc.yaml", "PIReTship__bookdata-tools/data/dvc.yaml"}) {
        const std::string path = std::string(CAIRN_TEST_DATA) + "/dvc/" + file;
        const std::string text = readFile(path);
        LoadResult r = loadPipeline(path, disk);
        long prevEnd = 0;
        for (const auto& e : r.spec.entries) {
            QVERIFY2(e.span.valid() && e.span.begin >= prevEnd, file);
            prevEnd = e.span.end;
            // Each slice is the entry alone: it parses to a one-key mapping named like the entry,
            // equal to the entry in the whole file.
            const std::string slice = text.substr(std::size_t(e.span.begin), std::size_t(e.span.end - e.span.begin));
            YamlDocument doc = parseYaml(slice);
            QVERIFY2(!doc.error && doc.root.isMap() && doc.root.entries().size() == 1, (std::string(file) + ": " + slice).c_str());
            QCOMPARE(scalarText(doc.root.entries()[0].first), e.name);
            const Value* whole = r.spec.document.find("stages")->find(e.name);
            QVERIFY(whole);
            QCOMPARE(doc.root.entries()[0].second.entries().size(), whole->entries().size());
            QVERIFY2(slice.find_first_not_of(' ') == slice.find(e.name), slice.c_str());
        }
        QCOMPARE(r.spec.entries.size(), r.spec.document.find("stages")->entries().size());
    }
}

void TestPipelineSpec::spansWithByteOrderMark()
{
    auto files = pipeline_test::projectFiles();
    const std::string text = "\xEF\xBB\xBFstages:\n  a:\n    cmd: x\n  b:\n    cmd: y\n";
    CheckedPipeline c = pipeline_test::check(text, files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(text.substr(std::size_t(c.spec.entries[1].span.begin)), std::string("  b:\n    cmd: y\n"));
}

void TestPipelineSpec::scalars_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("printed");  // what ${v} prints, as DVC's to_str
    QTest::newRow("int") << "42" << "42";
    QTest::newRow("leading zeros") << "012" << "12";
    QTest::newRow("hex") << "0x1F" << "31";
    QTest::newRow("octal") << "0o17" << "15";
    QTest::newRow("huge int") << "123456789012345678901234567890" << "123456789012345678901234567890";
    QTest::newRow("float") << "0.5" << "0.5";
    QTest::newRow("exp") << "1e-3" << "0.001";
    QTest::newRow("small") << "1.0e-5" << "1e-05";
    QTest::newRow("whole float") << "100.0" << "100.0";
    QTest::newRow("big float") << "1e20" << "1e+20";
    QTest::newRow("inf") << "-.inf" << "-inf";
    QTest::newRow("True") << "True" << "true";
    QTest::newRow("yes is a string in YAML 1.2") << "yes" << "yes";
    QTest::newRow("null") << "~" << "None";
    QTest::newRow("quoted number") << "'1.50'" << "1.50";
    QTest::newRow("version string") << "1.2.3" << "1.2.3";
}

void TestPipelineSpec::scalars()
{
    QFETCH(QString, yaml);
    QFETCH(QString, printed);
    auto files = pipeline_test::projectFiles();
    CheckedPipeline c = pipeline_test::check("vars:\n  - v: " + yaml.toStdString() + "\nstages:\n  a:\n    cmd: echo ${v}\n", files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(QString::fromStdString(c.spec.stages[0].cmd[0]), "echo " + printed);
}

void TestPipelineSpec::pythonFloats()
{
    const std::vector<std::pair<double, std::string>> cases = {
        {0.1, "0.1"}, {1e-4, "0.0001"}, {1e-5, "1e-05"}, {123.456, "123.456"}, {1e15, "1000000000000000.0"},
        {1e16, "1e+16"}, {-2.5e-7, "-2.5e-07"}, {0.0, "0.0"}, {3.0, "3.0"}, {1.0 / 3, "0.3333333333333333"}, {1.5e300, "1.5e+300"}};
    for (const auto& [d, text] : cases)
        QCOMPARE(QString::fromStdString(pythonFloat(d)), QString::fromStdString(text));
}

void TestPipelineSpec::durations()
{
    QCOMPARE(parseDuration("90").value_or(-1), 90.0);
    QCOMPARE(parseDuration("90s").value_or(-1), 90.0);
    QCOMPARE(parseDuration("30m").value_or(-1), 1800.0);
    QCOMPARE(parseDuration("1h30m").value_or(-1), 5400.0);
    QCOMPARE(parseDuration("1.5h").value_or(-1), 5400.0);
    QVERIFY(!parseDuration("1h30"));
    QVERIFY(!parseDuration("5x"));
    QVERIFY(!parseDuration(""));
}

void TestPipelineSpec::graphLinksAndLevels()
{
    auto files = pipeline_test::projectFiles();
    // prepare writes the folder `data/clean`; featurize reads a file inside it; report reads
    // the folder `models` holding train's output; eval reads two stages.
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  prepare:\n    cmd: a\n    deps: [data/raw.csv]\n    outs: [data/clean]\n"
                                             "  featurize:\n    cmd: b\n    deps: [data/clean/part-0.csv]\n    outs: [feats.npy]\n"
                                             "  train:\n    cmd: c\n    deps: [feats.npy]\n    outs: [models/m.pt]\n    metrics: [train.json]\n"
                                             "  report:\n    cmd: d\n    deps: [models]\n"
                                             "  eval:\n    cmd: e\n    deps: [./models/m.pt, data/clean]\n"
                                             "  lone:\n    cmd: f\n",
                                             files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    const Dag& dag = c.dag;
    auto idx = [&](const char* n) { return c.spec.indexOf(n); };
    std::vector<std::pair<std::string, std::string>> edges;
    for (const auto& e : dag.edges())
        edges.emplace_back(c.spec.stages[std::size_t(e.from)].name, c.spec.stages[std::size_t(e.to)].name);
    std::sort(edges.begin(), edges.end());
    QCOMPARE(edges, (std::vector<std::pair<std::string, std::string>>{
                        {"featurize", "train"}, {"prepare", "eval"}, {"prepare", "featurize"}, {"train", "eval"}, {"train", "report"}}));
    QCOMPARE(dag.level(idx("prepare")), 0);
    QCOMPARE(dag.level(idx("lone")), 0);
    QCOMPARE(dag.level(idx("featurize")), 1);
    QCOMPARE(dag.level(idx("train")), 2);
    QCOMPARE(dag.level(idx("eval")), 3);
    QCOMPARE(dag.levels().front(), (std::vector<int>{idx("prepare"), idx("lone")}));
    QCOMPARE(dag.producerOf("data/clean/x/y.csv").stage, idx("prepare"));
    QCOMPARE(dag.producerOf("train.json").stage, idx("train"));
    QCOMPARE(dag.producerOf("nothing").stage, -1);
    QCOMPARE(dag.externalDeps().size(), std::size_t(1));  // data/raw.csv, on disk: no warning
    QCOMPARE(c.diagnostics.warningCount(), std::size_t(0));
}

void TestPipelineSpec::plans()
{
    auto files = pipeline_test::projectFiles();
    // a -> b -> d, a -> c -> d, e alone
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  a: {cmd: x, outs: [a]}\n"
                                             "  b: {cmd: x, deps: [a], outs: [b]}\n"
                                             "  c: {cmd: x, deps: [a], outs: [c]}\n"
                                             "  d: {cmd: x, deps: [b, c], outs: [d]}\n"
                                             "  e: {cmd: x, outs: [e]}\n",
                                             files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    auto named = [&](const std::vector<int>& v) {
        std::vector<std::string> out;
        for (int i : v)
            out.push_back(c.spec.stages[std::size_t(i)].name);
        return out;
    };
    const int b = c.spec.indexOf("b");
    QCOMPARE(named(c.dag.order()), (std::vector<std::string>{"a", "e", "b", "c", "d"}));
    QCOMPARE(named(c.dag.downstream({b})), (std::vector<std::string>{"b", "d"}));
    QCOMPARE(named(c.dag.upstream({b})), (std::vector<std::string>{"a", "b"}));
    QCOMPARE(named(c.dag.upstream({c.spec.indexOf("d")})), (std::vector<std::string>{"a", "b", "c", "d"}));
    QCOMPARE(named(c.dag.downstream({c.spec.indexOf("a"), c.spec.indexOf("e")})), (std::vector<std::string>{"a", "e", "b", "c", "d"}));
}

void TestPipelineSpec::cyclesLeaveTheRestOrdered()
{
    auto files = pipeline_test::projectFiles();
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  ok: {cmd: x, outs: [o]}\n"
                                             "  a: {cmd: x, deps: [o, c], outs: [a]}\n"
                                             "  b: {cmd: x, deps: [a], outs: [b]}\n"
                                             "  c: {cmd: x, deps: [b], outs: [c]}\n"
                                             "  after: {cmd: x, deps: [c], outs: [z]}\n",
                                             files);
    QCOMPARE(c.dag.cycles().size(), std::size_t(1));
    QCOMPARE(c.dag.cycles()[0], (std::vector<int>{1, 2, 3}));
    QVERIFY(!c.dag.acyclic());
    QCOMPARE(c.dag.order(), (std::vector<int>{0}));
    QCOMPARE(c.diagnostics.errorCount(), std::size_t(1));
    QCOMPARE(QString::fromStdString(formatDiagnostic(c.diagnostics.list()[0])),
             QString("p.yaml:3:25: error: stages.a.deps[1]: dependency cycle: a -> b -> c -> a ('c' comes from 'c')"));
}

QTEST_APPLESS_MAIN(TestPipelineSpec)
#include "tst_pipeline_spec.moc"
