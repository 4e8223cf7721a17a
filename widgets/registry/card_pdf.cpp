#include "widgets/registry/card_pdf.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace cairn::widgets {

QString cardDocumentStyle()
{
    return QStringLiteral("h1 { font-size: 20pt; color: #1a202c; }"
                          "h2 { font-size: 14pt; color: #2b6cb0; margin-top: 14px; }"
                          "th { background-color: #edf2f7; text-align: left; }"
                          "td, th { padding: 3px; }"
                          "p.muted { color: #718096; }"
                          "td.pass { color: #276749; } td.fail, td.error { color: #c53030; }");
}

bool addSvgImages(QTextDocument& doc, const QMap<QString, QByteArray>& svgs, QString* error)
{
    for (auto it = svgs.begin(); it != svgs.end(); ++it) {
        QSvgRenderer svg(it.value());
        if (!svg.isValid()) {
            if (error)
                *error = QStringLiteral("%1 is not a valid SVG").arg(it.key());
            return false;
        }
        const QSize size = svg.defaultSize() * 2;  // twice the layout size: sharp in print
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        image.setDevicePixelRatio(2.0);  // laid out at the SVG's own size
        doc.addResource(QTextDocument::ImageResource, QUrl(it.key()), image);
    }
    return true;
}

bool renderCardPdf(const QString& html, const QMap<QString, QByteArray>& svgs, const QString& pdfPath, QString* error)
{
    QTextDocument doc;
    doc.setDefaultStyleSheet(cardDocumentStyle());
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    // No shaping means no ligatures, so the PDF's text reads back (pdftotext, copy and search)
    // as written: "difference", not "di\uFB00erence".
    font.setStyleStrategy(QFont::PreferNoShaping);
    doc.setDefaultFont(font);
    if (!addSvgImages(doc, svgs, error))
        return false;
    doc.setHtml(html);
    {
        QPdfWriter writer(pdfPath);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(doc.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("Cairn"));
        doc.print(&writer);
    }
    if (!QFileInfo(pdfPath).exists() || QFileInfo(pdfPath).size() == 0) {
        if (error)
            *error = QStringLiteral("could not write %1").arg(pdfPath);
        return false;
    }
    return true;
}

} // namespace cairn::widgets
