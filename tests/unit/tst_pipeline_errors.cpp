// Malformed pipeline specs, one per row: each must be reported as an error at the exact
// line and column with a message a user can act on, and every diagnostic has a position.
#include "pipeline_test_util.h"

#include <QtTest>

using namespace cairn::pipeline;

class TestPipelineErrors : public QObject {
    Q_OBJECT
private slots:
    void errors_data();
    void errors();
    void everyProblemIsReported();
    void warningsAreNotErrors();
    void sortedByPosition();
};

static const char* kStage = "stages:\n  a:\n";

void TestPipelineErrors::errors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    auto row = [](const char* name, const std::string& yaml, int line, int col, const char* msg) {
        QTest::newRow(name) << QString::fromStdString(yaml) << line << col << QString(msg);
    };
    const std::string s = kStage;

    // The file and its top level.
    row("yaml syntax: unclosed flow list", s + "    cmd: [echo, x\n", 4, 1, "YAML syntax");
    row("yaml syntax: bad indentation", s + "    cmd: x\n   deps: [a]\n", 4, 4, "YAML syntax: end of map not found");
    row("yaml syntax: tab", "stages:\n\ta:\n", 2, 3, "YAML syntax");
    row("stray comma (yaml-cpp 0.7 would loop)", "[a],\nstages: {}\n", 1, 4, "',' outside [ ] or { }");
    row("comma after a block list", "stages:\n  a:\n    cmd: x\n    deps:\n      - a\n,\n", 6, 1, "',' outside [ ] or { }");
    row("two documents", "stages: {}\n---\nx: 1\n", 3, 1, "one YAML document");
    row("root is a list", "- a\n- b\n", 1, 1, "a pipeline file is a mapping");
    row("unknown top-level key", "stage:\n  a:\n    cmd: x\n", 1, 1, "unknown key 'stage' at the top level (did you mean 'stages'?)");
    row("stages is a list", "stages: [a, b]\n", 1, 9, "must be a mapping of stage names");
    row("top-level params not a list", "params: params.yaml\nstages: {}\n", 1, 9, "must be a list of files");
    row("top-level metrics entry not a string", "metrics: [{a: 1}]\nstages: {}\n", 1, 11, "must be a file name");
    row("duplicate stage", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n", 4, 3, "duplicate key 'a'");
    row("stage name with @", "stages:\n  a@b:\n    cmd: x\n", 2, 3, "cannot contain '@'");
    row("stage name with /", "stages:\n  dir/a:\n    cmd: x\n", 2, 3, "cannot contain");
    row("stage is a string", "stages:\n  a: echo hi\n", 2, 6, "must be a stage mapping");
    row("stage is empty", "stages:\n  a:\n  b:\n    cmd: x\n", 2, 3, "must be a stage mapping");

    // Stage fields.
    row("unknown key with suggestion", s + "    cmd: x\n    dep: [a]\n", 4, 5, "unknown key 'dep' in a stage (did you mean 'deps'?)");
    row("unknown key outz", s + "    cmd: x\n    outz: [a]\n", 4, 5, "did you mean 'outs'?");
    row("unknown key parms", s + "    cmd: x\n    parms: [train]\n", 4, 5, "did you mean 'params'?");
    row("unknown key far from all", s + "    cmd: x\n    zzzzzzzz: 1\n", 4, 5, "expected one of: cmd");
    row("missing cmd", s + "    deps: [a]\n", 2, 3, "has no 'cmd'");
    row("empty cmd", s + "    cmd: ''\n", 3, 10, "the command is empty");
    row("blank cmd", s + "    cmd: '   '\n", 3, 10, "the command is empty");
    row("cmd is a number", s + "    cmd: 42\n", 3, 10, "not an integer");
    row("cmd is a mapping", s + "    cmd: {a: b}\n", 3, 10, "must be a command string or a list of them, not a mapping");
    row("cmd empty list", s + "    cmd: []\n", 3, 10, "the list of commands is empty");
    row("cmd list with a mapping", s + "    cmd: [echo, {a: b}]\n", 3, 17, "must be a string, not a mapping");
    row("deps is a string", s + "    cmd: x\n    deps: data.csv\n", 4, 11, "must be a list of paths, not a string");
    row("dep is a number", s + "    cmd: x\n    deps: [a, 7]\n", 4, 15, "must be a string, not an integer");
    row("dep listed twice", s + "    cmd: x\n    deps: [a.csv, ./a.csv]\n", 4, 19, "is listed twice");
    row("out entry with two paths", s + "    cmd: x\n    outs:\n      - a: {cache: false}\n        b: {}\n", 5, 9, "one path with its options");
    row("out option typo", s + "    cmd: x\n    outs:\n      - m.pt: {cahce: false}\n", 5, 16, "unknown key 'cahce' in output options (did you mean 'cache'?)");
    row("out option wrong type", s + "    cmd: x\n    outs:\n      - m.pt: {cache: no}\n", 5, 23, "must be true or false, not a string ('no')");
    row("out options not a mapping", s + "    cmd: x\n    outs:\n      - m.pt: false\n", 5, 15, "options must be a mapping");
    row("out path empty", s + "    cmd: x\n    outs: ['']\n", 4, 12, "must not be empty");
    row("out listed twice", s + "    cmd: x\n    outs: [m.pt, m.pt]\n", 4, 18, "listed twice");
    row("plot option typo", s + "    cmd: x\n    plots:\n      - p.json: {templte: linear}\n", 5, 18, "did you mean 'template'?");
    row("metrics is a string", s + "    cmd: x\n    metrics: m.json\n", 4, 14, "must be a list of paths");
    row("frozen yes", s + "    cmd: x\n    frozen: yes\n", 4, 13, "must be true or false, not a string ('yes')");
    row("always_changed 1", s + "    cmd: x\n    always_changed: 1\n", 4, 21, "must be true or false, not an integer");
    row("wdir is a list", s + "    cmd: x\n    wdir: [a]\n", 4, 11, "must be a string, not a list");
    row("desc is a mapping", s + "    cmd: x\n    desc: {a: 1}\n", 4, 11, "must be a string, not a mapping");
    row("cmd beside foreach without do", s + "    cmd: x\n    foreach: [a]\n", 3, 5, "'cmd' is not allowed beside 'foreach' and 'do'");

    // Cairn's fields.
    row("resources typo", s + "    cmd: x\n    resources: {gpu: 1}\n", 4, 17, "did you mean 'gpus'?");
    row("resources gpus negative", s + "    cmd: x\n    resources: {gpus: -1}\n", 4, 23, "whole number from 0");
    row("resources nproc zero", s + "    cmd: x\n    resources: {nproc: 0}\n", 4, 24, "whole number from 1");
    row("resources is a number", s + "    cmd: x\n    resources: 2\n", 4, 16, "must be a mapping such as {gpus: 1");
    row("retries a word", s + "    cmd: x\n    retries: many\n", 4, 14, "whole number from 0 to 100");
    row("retries a fraction", s + "    cmd: x\n    retries: 1.5\n", 4, 14, "whole number");
    row("timeout unit", s + "    cmd: x\n    timeout: 5x\n", 4, 14, "must be a positive duration");
    row("timeout negative", s + "    cmd: x\n    timeout: -3\n", 4, 14, "must be a positive duration");
    row("env is a list", s + "    cmd: x\n    env: [A=1]\n", 4, 10, "must be a mapping of variable names");
    row("env bad name", s + "    cmd: x\n    env: {1A: x}\n", 4, 11, "not an environment variable name");
    row("env value a list", s + "    cmd: x\n    env: {A: [1]}\n", 4, 14, "must be a string or a number");

    // Params.
    row("params key missing", s + "    cmd: x\n    params: [train.lrr]\n", 4, 14, "params key 'train.lrr' is not defined in 'params.yaml' (did you mean 'train.lr'?)");
    row("params group missing", s + "    cmd: x\n    params: [trian]\n", 4, 14, "(did you mean 'train'?)");
    row("params key in named file", s + "    cmd: x\n    params:\n      - params.yaml: [data.pth]\n", 5, 23, "'data.pth' is not defined");
    row("params not a list", s + "    cmd: x\n    params: train\n", 4, 13, "must be a list of params keys");
    row("params file keys not a list", s + "    cmd: x\n    params:\n      - params.yaml: train\n", 5, 22, "must be a list of keys");
    row("params key in config", s + "    cmd: x\n    params:\n      - config.yaml: [base.sed]\n", 5, 23, "did you mean 'base.seed'?");

    // Interpolation.
    row("undefined variable", s + "    cmd: echo ${epochs}\n", 3, 15, "undefined variable 'epochs'");
    row("undefined nested key", s + "    cmd: python t.py --lr ${train.lrate}\n", 3, 27, "undefined variable 'train.lrate'");
    row("index out of range", s + "    cmd: echo ${train.layers[5]}\n", 3, 15, "is a list of 2");
    row("key under a number", s + "    cmd: echo ${train.lr.x}\n", 3, 15, "'train.lr' is a number, not a mapping");
    row("bad expression", s + "    cmd: echo ${train..lr}\n", 3, 15, "bad interpolation '${train..lr}'");
    row("empty expression", s + "    cmd: echo ${}\n", 3, 15, "expected a variable name");
    row("unclosed bracket", s + "    cmd: echo ${train.layers[0}\n", 3, 15, "expected ']'");
    row("list inside a string", s + "    cmd: echo ${train.layers}\n", 3, 15, "cannot interpolate a list");
    row("mapping as a dep", s + "    cmd: x\n    deps: ['${train}']\n", 4, 12, "cannot interpolate a mapping");
    row("undefined in quoted string", s + "    cmd: \"run ${nope}\"\n", 3, 15, "undefined variable 'nope'");
    row("undefined in an out key", s + "    cmd: x\n    outs:\n      - ${nope}/m.pt: {cache: false}\n", 5, 9, "undefined variable 'nope'");
    row("second placeholder undefined", s + "    cmd: echo ${train.lr} ${train.x}\n", 3, 27, "undefined variable 'train.x'");

    // vars.
    row("vars not a list", "vars: {x: 1}\nstages:\n  a:\n    cmd: x\n", 1, 7, "must be a list of params files and mappings");
    row("vars file missing", "vars: [nope.yaml]\nstages:\n  a:\n    cmd: x\n", 1, 8, "'nope.yaml' does not exist");
    row("vars key missing", "vars: ['config.yaml:bse']\nstages:\n  a:\n    cmd: x\n", 1, 8, "could not find 'bse' in 'config.yaml' (did you mean 'base'?)");
    row("vars redefine params", "vars:\n  - train: {lr: 1}\nstages:\n  a:\n    cmd: x\n", 2, 5, "cannot redefine 'train.lr' from 'vars[0]' as it already exists in 'params.yaml'");
    row("vars interpolated", "vars:\n  - x: ${train.lr}\nstages:\n  a:\n    cmd: x\n", 2, 5, "not allowed in vars");
    row("vars entry a number", "vars: [3]\nstages:\n  a:\n    cmd: x\n", 1, 8, "must be a params file name or a mapping");
    row("partial after whole", "vars: [config.yaml, 'config.yaml:base']\nstages:\n  a:\n    cmd: x\n", 1, 21, "cannot partially load");
    row("stage vars redefine", s + "    vars: [{x: 1}, {x: 2}]\n    cmd: echo ${x}\n", 3, 20, "cannot redefine 'x' from 'a.vars[1]'");

    // foreach.
    row("foreach without do", "stages:\n  a:\n    foreach: [x]\n", 2, 3, "needs a 'do' stage");
    row("do without foreach", "stages:\n  a:\n    do: {cmd: x}\n", 2, 3, "needs a 'foreach'");
    row("cmd beside foreach", "stages:\n  a:\n    foreach: [x]\n    do: {cmd: y}\n    cmd: z\n", 5, 5, "'cmd' is not allowed beside 'foreach' and 'do'");
    row("foreach a number", "stages:\n  a:\n    foreach: 3\n    do: {cmd: y}\n", 3, 14, "must be a list, a mapping");
    row("foreach plain string", "stages:\n  a:\n    foreach: models\n    do: {cmd: y}\n", 3, 14, "not a string ('models')");
    row("foreach undefined", "stages:\n  a:\n    foreach: ${nope}\n    do: {cmd: y}\n", 3, 14, "undefined variable 'nope'");
    row("foreach names a number", "stages:\n  a:\n    foreach: ${train.lr}\n    do: {cmd: y}\n", 3, 14, "not a number");
    row("do a string", "stages:\n  a:\n    foreach: [x]\n    do: echo\n", 4, 9, "must be a stage mapping");
    row("item is not a mapping", "stages:\n  a:\n    foreach: [x, y]\n    do:\n      cmd: echo ${item.name}\n", 5, 17, "'item' is a string, not a mapping (in stage 'a@x')");
    row("key in a list foreach", "stages:\n  a:\n    foreach: [x]\n    do:\n      cmd: echo ${key}\n", 5, 17, "undefined variable 'key'");
    row("do has unknown key", "stages:\n  a:\n    foreach: [x]\n    do:\n      cmd: y\n      out: [z]\n", 6, 7, "did you mean 'outs'?");
    row("do without cmd", "stages:\n  a:\n    foreach: [x]\n    do:\n      deps: [z]\n", 2, 3, "has no 'cmd'");
    row("foreach reserved item in vars", "stages:\n  a:\n    foreach: [x]\n    do:\n      vars: [{item: 1}]\n      cmd: y\n", 5, 14, "'item' is reserved");
    row("foreach and matrix", "stages:\n  a:\n    foreach: [x]\n    matrix: {m: [1]}\n    cmd: y\n", 3, 14, "'matrix' or 'foreach', not both");

    // matrix.
    row("matrix a list", "stages:\n  a:\n    matrix: [1, 2]\n    cmd: y\n", 3, 13, "must be a mapping of names to lists");
    row("matrix empty", "stages:\n  a:\n    matrix: {}\n    cmd: y\n", 3, 13, "must be a mapping of names to lists");
    row("matrix value a number", "stages:\n  a:\n    matrix:\n      lr: 0.1\n    cmd: y\n", 4, 11, "must be a list of values");
    row("matrix value undefined", "stages:\n  a:\n    matrix:\n      m: ${nope}\n    cmd: y\n", 4, 10, "undefined variable 'nope'");
    row("matrix names a mapping", "stages:\n  a:\n    matrix:\n      m: ${train}\n    cmd: y\n", 4, 10, "not a mapping");
    row("matrix item key undefined", "stages:\n  a:\n    matrix:\n      m: [1, 2]\n    cmd: echo ${item.n}\n", 5, 15, "undefined variable 'item.n'");
    row("matrix stage without cmd", "stages:\n  a:\n    matrix:\n      m: [1]\n    deps: [x]\n", 2, 3, "has no 'cmd'");

    // The graph.
    row("cycle of two", "stages:\n  a:\n    cmd: x\n    deps: [b.out]\n    outs: [a.out]\n  b:\n    cmd: y\n    deps: [a.out]\n    outs: [b.out]\n",
        4, 12, "dependency cycle: a -> b -> a ('b.out' comes from 'b')");
    row("cycle of three", "stages:\n  a:\n    cmd: x\n    deps: [c.out]\n    outs: [a.out]\n  b:\n    cmd: y\n    deps: [a.out]\n    outs: [b.out]\n"
        "  c:\n    cmd: z\n    deps: [b.out]\n    outs: [c.out]\n", 4, 12, "dependency cycle: a -> b -> c -> a");
    row("stage reads its own output", "stages:\n  a:\n    cmd: x\n    deps: [m.pt]\n    outs: [m.pt]\n", 4, 12, "dependency cycle: a -> a ('m.pt' is its own output)");
    row("cycle through a folder", "stages:\n  a:\n    cmd: x\n    deps: [out/b.csv]\n    outs: [a.csv]\n  b:\n    cmd: y\n    deps: [a.csv]\n    outs: [out]\n",
        4, 12, "dependency cycle: a -> b -> a");
    row("duplicate output", "stages:\n  a:\n    cmd: x\n    outs: [m.pkl]\n  b:\n    cmd: y\n    outs: [m.pkl]\n", 7, 12, "'m.pkl' is also an output of stage 'a' (line 2)");
    row("duplicate output via wdir", "stages:\n  a:\n    cmd: x\n    outs: [sub/m.pkl]\n  b:\n    cmd: y\n    wdir: sub\n    outs: [m.pkl]\n", 8, 12, "'sub/m.pkl' is also an output of stage 'a'");
    row("output inside an output folder", "stages:\n  a:\n    cmd: x\n    outs: [data]\n  b:\n    cmd: y\n    outs: [data/x.csv]\n", 7, 12, "'data/x.csv' is inside output 'data' of stage 'a'");
    row("metric inside an output folder", "stages:\n  a:\n    cmd: x\n    outs: [eval]\n    metrics: [eval/m.json]\n", 5, 15, "is inside output 'eval'");
    row("duplicate generated outputs", "stages:\n  a:\n    foreach: [x, y]\n    do:\n      cmd: echo ${item}\n      outs: [same.csv]\n", 6, 14, "is also an output of stage 'a@x'");
}

void TestPipelineErrors::errors()
{
    QFETCH(QString, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    auto files = pipeline_test::projectFiles();
    CheckedPipeline c = pipeline_test::check(yaml.toStdString(), files);
    const std::string all = pipeline_test::dump(c.diagnostics);
    bool found = false;
    for (const auto& d : c.diagnostics.list()) {
        QVERIFY2(d.pos.known() || d.file != "p.yaml", ("a diagnostic without a position:\n" + all).c_str());
        if (d.severity == Severity::Error && d.pos.line == line && d.pos.column == column
            && d.message.find(message.toStdString()) != std::string::npos)
            found = true;
    }
    QVERIFY2(found, ("expected an error at " + std::to_string(line) + ":" + std::to_string(column) + " containing \""
                     + message.toStdString() + "\", got:\n" + all).c_str());
    // Formatted like a compiler's message.
    const std::string first = formatDiagnostic(c.diagnostics.list().front());
    QVERIFY2(first.starts_with("p.yaml:"), first.c_str());
}

void TestPipelineErrors::everyProblemIsReported()
{
    auto files = pipeline_test::projectFiles();
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  a:\n"
                                             "    cmd: echo ${nope}\n"
                                             "    dep: [x]\n"
                                             "    frozen: maybe\n"
                                             "  b:\n"
                                             "    cmd: ''\n"
                                             "    params: [train.nope]\n",
                                             files);
    QCOMPARE(c.diagnostics.errorCount(), std::size_t(5));
    std::vector<int> lines;
    for (const auto& d : c.diagnostics.list())
        lines.push_back(d.pos.line);
    QCOMPARE(lines, (std::vector<int>{3, 4, 5, 7, 8}));
    const std::string text = formatDiagnostic(c.diagnostics.list()[1]);
    QCOMPARE(QString::fromStdString(text), QString("p.yaml:4:5: error: stages.a.dep: unknown key 'dep' in a stage (did you mean 'deps'?)"));
}

void TestPipelineErrors::warningsAreNotErrors()
{
    auto files = pipeline_test::projectFiles();
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  a:\n"
                                             "    cmd: python src/train.py\n"
                                             "    deps: [src/train.py, data/raw.csv, data/missing.csv]\n"
                                             "    params:\n"
                                             "      - other.yaml: [x]\n"
                                             "    outs: [model.pt]\n"
                                             "    live: {}\n",
                                             files);
    QVERIFY2(!c.diagnostics.hasErrors(), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(c.diagnostics.warningCount(), std::size_t(3));
    const auto& w = c.diagnostics.list();
    QCOMPARE(QString::fromStdString(formatDiagnostic(w[0])),
             QString("p.yaml:4:40: warning: stages.a.deps[2]: 'data/missing.csv' is not an output of any stage and is not on disk yet"));
    QVERIFY(w[1].message.find("params file 'other.yaml' does not exist yet") != std::string::npos);
    QVERIFY(w[2].message.find("'live' is a DVC 2.x field") != std::string::npos);
}

void TestPipelineErrors::sortedByPosition()
{
    auto files = pipeline_test::projectFiles();
    // The graph error (line 4) is found after the field errors (lines 7, 9) but prints first.
    CheckedPipeline c = pipeline_test::check("stages:\n"
                                             "  a:\n"
                                             "    cmd: x\n"
                                             "    deps: [b.out]\n"
                                             "    outs: [a.out]\n"
                                             "  b:\n"
                                             "    cmd: 5\n"
                                             "    deps: [a.out]\n"
                                             "    outs: [b.out]\n"
                                             "    frozen: 1\n",
                                             files);
    std::vector<int> lines;
    for (const auto& d : c.diagnostics.list())
        lines.push_back(d.pos.line);
    QVERIFY2(std::is_sorted(lines.begin(), lines.end()), pipeline_test::dump(c.diagnostics).c_str());
    QCOMPARE(lines.front(), 4);
    QCOMPARE(c.diagnostics.errorCount(), std::size_t(3));
}

QTEST_APPLESS_MAIN(TestPipelineErrors)
#include "tst_pipeline_errors.moc"
