// Model cards through the real binary (docs/registry.md#model-cards): a run that logs metrics
// with confidence intervals, slices and fairness metrics and declares its data; written fields
// from a YAML file and an editor; all four formats: MCT JSON validated against the Model Card
// Toolkit schema v0.0.2 with a real JSON-schema validator (python3-jsonschema), a Hugging Face
// README whose front matter parses as YAML with a model-index, a self-contained HTML page with
// embedded charts, and a PDF whose text (pdftotext) holds every section title.
#include "cli_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

class TestCards : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void writtenFields();
    void editorRoundTrip();
    void mctJsonValidatesAgainstTheSchema();
    void huggingFaceFrontMatter();
    void htmlIsSelfContained();
    void pdfHasEverySection();
    void badInput();

private:
    QString path(const QString& name) const { return m_h->project() + "/../" + name; }
    QByteArray read(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Runs python3 -c SCRIPT ARGS; the exit code, output in `out`.
    int python(const char* script, const QStringList& args, QByteArray& out);
    std::unique_ptr<CliHarness> m_h;
};

static const QStringList kSections = {"Model details", "Intended use", "Limitations", "Training data",
                                      "Evaluation data", "Metrics", "Metrics by slice", "Fairness",
                                      "Ethical considerations", "Environment", "Promotion gates"};

int TestCards::python(const char* script, const QStringList& args, QByteArray& out)
{
    QProcess p;
    p.start(CliHarness::python(), QStringList{"-c", script} + args);
    if (!p.waitForFinished(60000))
        return -1;
    out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

void TestCards::initTestCase()
{
    m_h = std::make_unique<CliHarness>();
    QVERIFY(m_h->ok());
    QFile yaml(m_h->project() + "/cairn.yaml");
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write("gates:\n  champion:\n    - name: accurate\n      rule: metrics.accuracy >= 0.9\n"
               "    - name: fair\n      rule: metrics.fairness.demographic_parity_difference < 0.1\n");
    yaml.close();
    m_h->writeFile("train.csv", "x,y\n1,0\n2,1\n");
    m_h->writeFile("eval_test.csv", "x,y\n3,1\n");
    const QString script =
        "for s in 0 1 2 3 4; do echo cairn:metric step=$s loss=0.$((9 - s)) accuracy=0.$((80 + s * 3)); done; "
        "echo cairn:metric accuracy.ci_low=0.91 accuracy.ci_high=0.97 "
        "accuracy/slice/digit_0=0.99 accuracy/slice/digit_8=0.88 accuracy/slice/digit_8.ci_low=0.8 accuracy/slice/digit_8.ci_high=0.93 "
        "fairness.demographic_parity_difference=0.04; "
        "echo cairn:input path=train.csv; echo cairn:input path=eval_test.csv; "
        "echo weights > model.bin; echo cairn:output path=model.bin type=model";
    CliResult r = m_h->cairn({"run", "--name", "mlp", "--param", "hidden=64", "--", "sh", "-c", script});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = m_h->cairn({"model", "register", "digits", "--run", "mlp"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCards::cleanupTestCase()
{
    if (m_h)
        m_h->cairn({"engine", "stop"});
}

void TestCards::writtenFields()
{
    const QString card = m_h->writeFile("card.yaml", "overview: Classifies handwritten digits 0-9.\n"
                                                     "owners:\n  - ML team <ml@example.org>\n"
                                                     "license: Apache-2.0\n"
                                                     "references: [https://example.org/digits]\n"
                                                     "intended_use:\n  - Sorting scanned forms\n"
                                                     "limitations:\n  - Only 8x8 grey images\n  - Weak on the digit 8\n"
                                                     "ethical_considerations:\n  - Misread amounts: a person checks every form\n"
                                                     "evaluation_data: 25% of the digits, held out\n");
    CliResult r = m_h->cairn({"card", "set", "digits", "1", "--file", card});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = m_h->cairn({"card", "show", "digits", "1", "--format", "json"});
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["license"].toString(), QString("Apache-2.0"));
    QCOMPARE(j["limitations"].toString(), QString("Only 8x8 grey images\nWeak on the digit 8"));
    // A bad file names the line and the field.
    const QString bad = m_h->writeFile("bad.yaml", "overview: x\nlimitatons: y\n");
    r = m_h->cairn({"card", "set", "digits", "1", "--file", bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("bad.yaml:2:1: unknown card field 'limitatons' (did you mean 'limitations'?)"), r.err.constData());
    // One field from the command line; \n makes lines.
    r = m_h->cairn({"card", "set", "digits", "1", "users", "Back-office clerks\\nAuditors"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = m_h->cairn({"card", "show", "digits", "1"});
    QVERIFY2(r.out.contains("Intended users:\n  Back-office clerks\n  Auditors\n"), r.out.constData());
    // Each change is an audit event with the old and new text.
    r = m_h->cairn({"audit", "list", "--format", "json"});
    int edits = 0;
    for (const auto& e : QJsonDocument::fromJson(r.out).array())
        edits += e.toObject()["action"].toString() == "card.edit";
    QCOMPARE(edits, 2);
}

void TestCards::editorRoundTrip()
{
    m_h->setEnv("VISUAL", "sed -i 's/Sorting scanned forms/Sorting scanned bank forms/'");
    CliResult r = m_h->cairn({"card", "edit", "digits", "1"});
    m_h->setEnv("VISUAL", {});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("saved 1 card field"), r.out.constData());
    r = m_h->cairn({"card", "show", "digits", "1", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["intended_use"].toString(), QString("Sorting scanned bank forms"));
}

void TestCards::mctJsonValidatesAgainstTheSchema()
{
    const QString out = path("card.json");
    CliResult r = m_h->cairn({"card", "export", "digits", "1", "--format", "mct-json", "-o", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject card = QJsonDocument::fromJson(read(out)).object();
    QCOMPARE(card["schema_version"].toString(), QString("0.0.2"));
    QCOMPARE(card["model_details"].toObject()["name"].toString(), QString("digits"));
    QCOMPARE(card["model_details"].toObject()["licenses"].toArray()[0].toObject()["identifier"].toString(), QString("Apache-2.0"));
    QCOMPARE(card["model_details"].toObject()["owners"].toArray()[0].toObject()["contact"].toString(), QString("ml@example.org"));
    bool ci = false, slice = false, fairness = false;
    for (const auto& m : card["quantitative_analysis"].toObject()["performance_metrics"].toArray()) {
        const QJsonObject o = m.toObject();
        if (o["type"] == "accuracy" && !o.contains("slice")) {
            QCOMPARE(o["value"].toString(), QString("0.92"));
            QCOMPARE(o["confidence_interval"].toObject()["lower_bound"].toString(), QString("0.91"));
            ci = true;
        }
        if (o["type"] == "accuracy" && o["slice"] == "digit_8") {
            QCOMPARE(o["confidence_interval"].toObject()["upper_bound"].toString(), QString("0.93"));
            slice = true;
        }
        fairness = fairness || (o["type"] == "fairness: demographic_parity_difference" && o["value"] == "0.04");
    }
    QVERIFY(ci && slice && fairness);
    QVERIFY(card["model_details"].toObject()["documentation"].toString().contains("champion/accurate: pass"));

    const char* validate = R"py(
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
card = json.load(open(sys.argv[2]))
v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(v.iter_errors(card), key=lambda e: list(e.path))
for e in errors:
    print("/".join(map(str, e.path)), e.message)
bad = dict(card, bogus=1)
print("control", len(list(v.iter_errors(bad))))
sys.exit(1 if errors else 0)
)py";
    QByteArray output;
    QByteArray probe;
    if (python("import jsonschema", {}, probe) != 0)
        QSKIP("python3-jsonschema is not installed (installer/install-deps.sh installs it)");
    const int rc = python(validate, {CAIRN_MCT_SCHEMA, out}, output);
    QVERIFY2(rc == 0, output.constData());
    QVERIFY2(output.contains("control 1"), output.constData());  // the validator does reject a wrong card
}

void TestCards::huggingFaceFrontMatter()
{
    const QString out = path("README.md");
    CliResult r = m_h->cairn({"card", "export", "digits", "1", "--format", "hf", "-o", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray text = read(out);
    QVERIFY(text.startsWith("---\n"));
    for (const QString& s : kSections)
        QVERIFY2(text.contains(("## " + s + "\n").toUtf8()), qPrintable(s));
    QByteArray probe;
    if (python("import yaml", {}, probe) != 0)
        QSKIP("python3-yaml is not installed");
    const char* parse = R"py(
import sys, yaml
text = open(sys.argv[1]).read()
front = yaml.safe_load(text.split("---\n")[1])
result = front["model-index"][0]["results"][0]
metrics = {m["name"]: m["value"] for m in result["metrics"]}
print(front["license"], front["model-index"][0]["name"], result["task"]["type"], result["dataset"]["name"])
print(metrics["accuracy"], metrics["accuracy (slice digit_8)"], metrics["fairness/demographic_parity_difference"])
)py";
    QByteArray output;
    QVERIFY2(python(parse, {out}, output) == 0, output.constData());
    QVERIFY2(output.contains("apache-2.0 digits other eval_test.csv:1\n0.92 0.88 0.04"), output.constData());
}

void TestCards::htmlIsSelfContained()
{
    const QString out = path("card.html");
    CliResult r = m_h->cairn({"card", "export", "digits", "1", "--format", "html", "-o", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray html = read(out);
    for (const QString& s : kSections)
        QVERIFY2(html.contains(("<h2>" + s + "</h2>").toUtf8()), qPrintable(s));
    QCOMPARE(html.count("<img src=\"data:image/svg+xml;base64,"), 3);  // metrics, curves, slices
    QVERIFY(!html.contains("src=\"http"));
    QVERIFY(!html.contains("<link"));
    QVERIFY(html.contains("Sorting scanned bank forms"));
    QVERIFY(html.contains("train.csv:1") && html.contains("eval_test.csv:1"));
    QVERIFY(html.contains("0.91 to 0.97"));
}

void TestCards::pdfHasEverySection()
{
    const QString out = path("card.pdf");
    CliResult r = m_h->cairn({"card", "export", "digits", "1", "--format", "pdf", "-o", out});
#ifndef CAIRN_HAVE_RENDER_PDF
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("needs cairn-render-pdf"), r.err.constData());
    QSKIP("built without the GUI: no cairn-render-pdf (the clear error is checked)");
#endif
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(read(out).startsWith("%PDF"));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (pdftotext.isEmpty())
        QSKIP("pdftotext is not installed (poppler-utils; installer/install-deps.sh installs it)");
    QProcess p;
    p.start(pdftotext, {"-layout", out, "-"});
    QVERIFY(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString& s : kSections)
        QVERIFY2(text.contains(s), qPrintable(s + " missing from:\n" + text));
    QVERIFY2(text.contains("Sorting scanned bank forms"), qPrintable(text));
    QVERIFY2(text.contains("demographic_parity_difference"), qPrintable(text));
}

void TestCards::badInput()
{
    CliResult r = m_h->cairn({"card", "export", "digits", "1", "--format", "docx"});
    QCOMPARE(r.exitCode, 2);
    r = m_h->cairn({"card", "export", "digits", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--format is required"), r.err.constData());
    r = m_h->cairn({"card", "export", "digits", "7", "--format", "html"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("has no version 7"), r.err.constData());
    r = m_h->cairn({"card", "export", "digit", "1", "--format", "html"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("did you mean 'digits'?"), r.err.constData());
    r = m_h->cairn({"card", "export", "digits", "1", "--format", "pdf"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs -o FILE"), r.err.constData());
    m_h->setEnv("CAIRN_RENDER_PDF", "/nonexistent/cairn-render-pdf");
    r = m_h->cairn({"card", "export", "digits", "1", "--format", "pdf", "-o", path("x.pdf")});
    m_h->setEnv("CAIRN_RENDER_PDF", {});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("/nonexistent/cairn-render-pdf could not run"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCards)
#include "tst_cards.moc"
