// cairn-render-pdf IN.html OUT.pdf: lays out a model card's HTML (the subset QTextDocument
// renders, written by `cairn card export --format pdf`) into a PDF with QTextDocument and
// QPdfWriter (widgets/registry/card_pdf.h). Images NAME.svg beside IN.html are drawn with
// QSvgRenderer. The `cairn` CLI is Qt-free, so it runs this program, installed next to it.
#include "widgets/registry/card_pdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>

#include <cstdio>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");  // a command-line tool: no display needed
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 2 && (args[1] == "--help" || args[1] == "-h")) {
        std::printf("usage: cairn-render-pdf IN.html OUT.pdf\n");
        return 0;
    }
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: cairn-render-pdf IN.html OUT.pdf\n");
        return 2;
    }
    QFile in(args[1]);
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cairn-render-pdf: cannot read %s\n", qPrintable(args[1]));
        return 1;
    }
    const QString html = QString::fromUtf8(in.readAll());
    const QDir dir = QFileInfo(args[1]).absoluteDir();
    QMap<QString, QByteArray> svgs;
    static const QRegularExpression img(QStringLiteral("<img src=\"([A-Za-z0-9_-]+\\.svg)\""));
    for (auto it = img.globalMatch(html); it.hasNext();) {
        const QString name = it.next().captured(1);
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cairn-render-pdf: cannot read %s\n", qPrintable(dir.filePath(name)));
            return 1;
        }
        svgs.insert(name, f.readAll());
    }
    QString error;
    if (!cairn::widgets::renderCardPdf(html, svgs, args[2], &error)) {
        std::fprintf(stderr, "cairn-render-pdf: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
