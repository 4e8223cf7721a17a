// Runs the fuzz entry under CTest over a deterministic corpus: mutations of valid lines
// (byte flips, truncations, splices, inserted NULs and quotes) and random bytes.
#include "fuzz_ingest.h"

#include <QRandomGenerator>
#include <QtTest>

class TestFuzzCorpus : public QObject {
    Q_OBJECT
private slots:
    void mutatedValidLines();
    void randomBytes();
};

static const QList<QByteArray>& seeds()
{
    static const QList<QByteArray> s = {
        "cairn:metric step=3 loss=0.25 acc=0.91",
        "cairn:param lr=0.001 note=\"two words\" q=\"a\\\"b\"",
        "cairn:tag model=mlp",
        R"({"key":"loss","value":0.3,"step":4})",
        R"([{"metrics":{"a":NaN,"b":-Infinity},"step":1},{"params":{"x":"y"}}])",
        "line one\r\nline two\ncairn:metric x=1e-400\n",
        R"({"v":1,"id":7,"method":"submit","params":{"job":{"argv":["python","t.py"],"gpus":2}}})",
        "M\tloss\t3\t1700000000123\t0.25\nP\tlr\t0.001\nE\t0\t0\tfinished\t1700000009999\t2\n",
        QByteArray("\x01\x03\x00\x02\x02\x80\xa0\xab\xfe\xf9\x62\x0e\x0e", 13)
            + QByteArray(24, '\x3f'),  // a metric block of 3 points
        "metrics.acc > 0.9 and (params.lr in (0.01, '1e-3') or not tags.`my key` like 'a\\%_%') and "
        "min(metrics.loss) <= -1e-3 and duration < 5m and start >= '2024-03-01 10:00' and status != \"failed\"",
    };
    return s;
}

void TestFuzzCorpus::mutatedValidLines()
{
    QRandomGenerator rng(20261123);
    static const char kSpecials[] = "\"\\=:{}[], \t\r\n\0-+.eE'`()<>!%_";
    const QByteArray specials(kSpecials, sizeof kSpecials - 1);  // the NUL included
    for (int i = 0; i < 200000; ++i) {
        QByteArray s = seeds()[int(rng.bounded(seeds().size()))];
        int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits && !s.isEmpty(); ++e) {
            int pos = int(rng.bounded(s.size()));
            switch (rng.bounded(5)) {
            case 0: s[pos] = char(rng.bounded(256)); break;
            case 1: s.truncate(pos); break;
            case 2: s.insert(pos, specials[int(rng.bounded(specials.size()))]); break;
            case 3: s.remove(pos, 1 + int(rng.bounded(4))); break;
            case 4: s.insert(pos, seeds()[int(rng.bounded(seeds().size()))].left(int(rng.bounded(20)))); break;
            }
        }
        fuzzIngestOne(reinterpret_cast<const std::uint8_t*>(s.constData()), std::size_t(s.size()));
    }
}

void TestFuzzCorpus::randomBytes()
{
    QRandomGenerator rng(7);
    QByteArray buf;
    for (int i = 0; i < 20000; ++i) {
        buf.resize(int(rng.bounded(300)));
        for (char& c : buf)
            c = char(rng.bounded(256));
        if (rng.bounded(2))
            buf.prepend("cairn:metric ");
        fuzzIngestOne(reinterpret_cast<const std::uint8_t*>(buf.constData()), std::size_t(buf.size()));
    }
}

QTEST_APPLESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
