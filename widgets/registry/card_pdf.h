// Lays out a model card's HTML (HtmlFlavor::Document) as an A4 PDF with QTextDocument and
// QPdfWriter; charts referenced as <img src="NAME.svg"> are drawn from `svgs` by QSvgRenderer.
// Qt Gui and Svg only: shared by cairn-render-pdf (the CLI's PDF export) and the workbench.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

class QTextDocument;

namespace cairn::widgets {

// Adds each SVG (name -> SVG text) to `doc` as an image resource named like the <img src>.
// Returns false with `error` set when one is not a valid SVG.
bool addSvgImages(QTextDocument& doc, const QMap<QString, QByteArray>& svgs, QString* error);
// The style sheet the card's document HTML is laid out with.
QString cardDocumentStyle();
bool renderCardPdf(const QString& html, const QMap<QString, QByteArray>& svgs, const QString& pdfPath, QString* error);

} // namespace cairn::widgets
