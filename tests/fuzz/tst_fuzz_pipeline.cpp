// Runs the pipeline fuzz entry under CTest over a deterministic corpus: the seeds in
// pipeline_corpus/ as they are, then mutated (byte flips, truncations, YAML punctuation and
// `${` inserted, lines repeated, dropped or spliced from another seed) and random bytes.
#include "fuzz_pipeline.h"

#include <QDir>
#include <QRandomGenerator>
#include <QtTest>

class TestFuzzPipeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void seedsAsTheyAre();
    void mutatedSeeds();
    void randomBytes();
    void hostileShapes();

private:
    QList<QByteArray> m_seeds;
};

static void run(const QByteArray& bytes)
{
    QElapsedTimer t;
    t.start();
    fuzzPipelineOne(reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
    if (qEnvironmentVariableIsSet("FUZZ_SLOW") && t.elapsed() > 50) {
        static int n = 0;
        QFile f(QString("/tmp/fz_slow_%1.yaml").arg(n++));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }
}

void TestFuzzPipeline::initTestCase()
{
    QDir dir(CAIRN_FUZZ_CORPUS);
    for (const QString& name : dir.entryList({"*.yaml"}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_seeds.push_back(f.readAll());
    }
    QVERIFY(m_seeds.size() >= 8);
}

void TestFuzzPipeline::seedsAsTheyAre()
{
    for (const auto& s : m_seeds)
        run(s);
}

void TestFuzzPipeline::mutatedSeeds()
{
    QRandomGenerator rng(5);
    static const char kSpecials[] = "${}[]:-#&*!|>'\"\n\t ,.@\\\0";
    const QByteArray specials(kSpecials, sizeof kSpecials - 1);
    for (int i = 0; i < 20000; ++i) {
        QByteArray s = m_seeds[int(rng.bounded(m_seeds.size()))];
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits && !s.isEmpty(); ++e) {
            const int pos = int(rng.bounded(s.size()));
            switch (rng.bounded(7)) {
            case 0: s[pos] = char(rng.bounded(256)); break;
            case 1: s.truncate(pos); break;
            case 2: s.insert(pos, specials[int(rng.bounded(specials.size()))]); break;
            case 3: s.insert(pos, "${"); break;
            case 4: s.remove(pos, 1 + int(rng.bounded(8))); break;
            case 5: {  // repeat or drop a line
                const int start = s.lastIndexOf('\n', pos) + 1;
                int end = s.indexOf('\n', pos);
                end = end < 0 ? int(s.size()) : end + 1;
                const QByteArray line = s.mid(start, end - start);
                if (rng.bounded(2))
                    s.insert(end, line);
                else
                    s.remove(start, end - start);
                break;
            }
            case 6: {  // a line from another seed
                const QByteArray other = m_seeds[int(rng.bounded(m_seeds.size()))];
                const QList<QByteArray> lines = other.split('\n');
                s.insert(s.lastIndexOf('\n', pos) + 1, lines[int(rng.bounded(lines.size()))] + "\n");
                break;
            }
            }
        }
        run(s);
    }
}

void TestFuzzPipeline::randomBytes()
{
    QRandomGenerator rng(11);
    QByteArray buf;
    for (int i = 0; i < 5000; ++i) {
        buf.resize(int(rng.bounded(200)));
        for (char& c : buf)
            c = char(rng.bounded(256));
        if (rng.bounded(2))
            buf.prepend("stages:\n  a:\n    cmd: ");
        run(buf);
    }
}

void TestFuzzPipeline::hostileShapes()
{
    // Deep nesting, alias bombs, huge matrices and long chains end in errors, quickly.
    run(QByteArray(5000, '['));
    run("stages:\n  a:\n    cmd: " + QByteArray(3000, '{'));
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'h'; ++c)
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1))
                + ", *" + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + "]\n";
    QElapsedTimer t;
    t.start();
    run(bomb);
    QVERIFY2(t.elapsed() < 20000, "an alias bomb must be cut short");
    run("vars:\n  - l: [1,2,3,4,5,6,7,8,9,10]\nstages:\n  m:\n    matrix: {a: ${l}, b: ${l}, c: ${l}, d: ${l}, e: ${l}, f: ${l}}\n    cmd: x\n");
    run("stages:\n  a:\n    cmd: echo ${" + QByteArray(10000, 'x') + "}\n");
}

QTEST_APPLESS_MAIN(TestFuzzPipeline)
#include "tst_fuzz_pipeline.moc"
