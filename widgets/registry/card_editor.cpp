#include "widgets/registry/card_editor.h"

#include "engine/registry/card.h"
#include "engine/registry/card_fields.h"
#include "engine/store/store.h"
#include "widgets/registry/card_pdf.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace cairn::widgets {

CardEditor::CardEditor(QWidget* parent)
    : QWidget(parent), m_preview(new QTextBrowser(this)), m_save(new QPushButton(tr("&Save Card"), this)),
      m_title(new QLabel(this)), m_debounce(new QTimer(this))
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto& f : registry::cardFields()) {
        QWidget* editor = nullptr;
        if (f.multiLine) {
            auto* text = new QPlainTextEdit;
            text->setPlaceholderText(QString::fromUtf8(f.help));
            text->setFixedHeight(64);
            text->setTabChangesFocus(true);
            connect(text, &QPlainTextEdit::textChanged, this, [this] {
                if (!m_loading)
                    m_debounce->start();
            });
            editor = text;
        } else {
            auto* line = new QLineEdit;
            line->setPlaceholderText(QString::fromUtf8(f.help));
            connect(line, &QLineEdit::textChanged, this, [this] {
                if (!m_loading)
                    m_debounce->start();
            });
            editor = line;
        }
        editor->setObjectName(QStringLiteral("card_%1").arg(QString::fromUtf8(f.key)));
        m_editors.insert(QString::fromUtf8(f.key), editor);
        form->addRow(tr(f.label), editor);
    }
    auto* formHost = new QWidget;
    formHost->setLayout(form);
    auto* scroll = new QScrollArea;
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    const std::pair<const char*, QString> formats[] = {{"mct-json", tr("Export MCT JSON...")},
                                                       {"hf", tr("Export Hugging Face...")},
                                                       {"html", tr("Export HTML...")},
                                                       {"pdf", tr("Export PDF...")}};
    for (const auto& [format, label] : formats) {
        auto* b = new QPushButton(label, this);
        b->setObjectName(QStringLiteral("export_%1").arg(QString::fromLatin1(format)));
        const QString f = QString::fromLatin1(format);
        connect(b, &QPushButton::clicked, this, [this, f] { exportWithDialog(f); });
        buttons->addWidget(b);
    }

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(scroll, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    m_preview->setOpenExternalLinks(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &CardEditor::updatePreview);
    connect(m_save, &QPushButton::clicked, this, &CardEditor::save);
    clear();
}

void CardEditor::clear()
{
    m_store = nullptr;
    m_model.clear();
    m_version = 0;
    m_saved.clear();
    m_loading = true;
    for (const QString& key : m_editors.keys())
        setFieldText(key, {});
    m_loading = false;
    m_title->setText(tr("Select a model version to edit its card."));
    m_preview->clear();
    setEnabled(false);
}

void CardEditor::setVersion(Store* store, const std::filesystem::path& projectRoot, const QString& model, qint64 version)
{
    if (store == m_store && model == m_model && version == m_version && changedFields().isEmpty()) {
        updatePreview();
        return;
    }
    m_store = store;
    m_root = projectRoot;
    m_model = model;
    m_version = version;
    m_saved.clear();
    if (auto fields = store->cardFields(model.toStdString(), version))
        for (const auto& [k, v] : *fields)
            m_saved.insert(QString::fromStdString(k), QString::fromStdString(v));
    m_loading = true;
    for (const QString& key : m_editors.keys())
        setFieldText(key, m_saved.value(key));
    m_loading = false;
    m_title->setText(tr("<b>Card of %1:%2</b> — written fields (the rest comes from tracked data)").arg(model.toHtmlEscaped()).arg(version));
    setEnabled(true);
    updatePreview();
}

void CardEditor::setFieldText(const QString& key, const QString& text)
{
    QWidget* w = m_editors.value(key);
    if (auto* line = qobject_cast<QLineEdit*>(w))
        line->setText(text);
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(w))
        plain->setPlainText(text);
}

QString CardEditor::fieldText(const QString& key) const
{
    QWidget* w = m_editors.value(key);
    if (auto* line = qobject_cast<QLineEdit*>(w))
        return line->text();
    if (auto* plain = qobject_cast<QPlainTextEdit*>(w))
        return plain->toPlainText();
    return {};
}

QMap<QString, QString> CardEditor::changedFields() const
{
    QMap<QString, QString> out;
    for (const QString& key : m_editors.keys()) {
        const QString now = fieldText(key);
        if (now != m_saved.value(key))
            out.insert(key, now);
    }
    return out;
}

void CardEditor::updatePreview()
{
    if (!m_store)
        return;
    auto project = Project::open(m_root);
    if (!project) {
        m_preview->setPlainText(QString::fromStdString(project.message()));
        return;
    }
    auto card = registry::buildCard(*m_store, *project, m_model.toStdString(), m_version);
    if (!card) {
        m_preview->setPlainText(QString::fromStdString(card.message()));
        return;
    }
    for (const QString& key : m_editors.keys())
        card->fields[key.toStdString()] = fieldText(key).toStdString();
    QMap<QString, QByteArray> svgs;
    for (const auto& chart : registry::cardCharts(*card))
        svgs.insert(QString::fromStdString(chart.id) + QStringLiteral(".svg"), QByteArray::fromStdString(chart.svg));
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->document()->setDefaultStyleSheet(cardDocumentStyle());
    addSvgImages(*m_preview->document(), svgs, nullptr);
    m_preview->setHtml(QString::fromStdString(registry::cardHtml(*card, registry::HtmlFlavor::Document)));
    if (m_preview->verticalScrollBar())
        m_preview->verticalScrollBar()->setValue(scroll);
    m_save->setEnabled(!changedFields().isEmpty());
}

void CardEditor::save()
{
    const QMap<QString, QString> changed = changedFields();
    if (changed.isEmpty() || !m_call)
        return;
    QJsonObject fields;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        fields.insert(it.key(), it.value());
    const QString model = m_model;
    const qint64 version = m_version;
    m_save->setEnabled(false);
    m_call(QStringLiteral("card.set"), {{"model", model}, {"version", version}, {"fields", fields}},
           [this, model, version, changed](const QJsonObject&, const QString& error) {
               if (!error.isEmpty()) {
                   m_save->setEnabled(true);
                   Q_EMIT message(tr("The card was not saved: %1").arg(error));
                   return;
               }
               if (model == m_model && version == m_version)
                   for (auto it = changed.begin(); it != changed.end(); ++it)
                       m_saved.insert(it.key(), it.value());
               m_save->setEnabled(!changedFields().isEmpty());
               Q_EMIT message(tr("Saved the card of %1:%2.").arg(model).arg(version));
               Q_EMIT saved(model, version);
           });
}

bool CardEditor::exportTo(const QString& format, const QString& path, QString* error)
{
    if (!m_store) {
        if (error)
            *error = tr("No model version is selected.");
        return false;
    }
    auto project = Project::open(m_root);
    auto card = project ? registry::buildCard(*m_store, *project, m_model.toStdString(), m_version)
                        : Result<registry::CardData>(project.error());
    if (!card) {
        if (error)
            *error = QString::fromStdString(card.message());
        return false;
    }
    for (const QString& key : m_editors.keys())
        card->fields[key.toStdString()] = fieldText(key).toStdString();
    if (format == QLatin1String("pdf")) {
        QMap<QString, QByteArray> svgs;
        for (const auto& chart : registry::cardCharts(*card))
            svgs.insert(QString::fromStdString(chart.id) + QStringLiteral(".svg"), QByteArray::fromStdString(chart.svg));
        return renderCardPdf(QString::fromStdString(registry::cardHtml(*card, registry::HtmlFlavor::Document)), svgs, path, error);
    }
    const std::string text = format == QLatin1String("mct-json") ? registry::cardMctJson(*card)
                             : format == QLatin1String("hf")     ? registry::cardHuggingFace(*card)
                                                                 : registry::cardHtml(*card, registry::HtmlFlavor::Web);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.data(), static_cast<qint64>(text.size())) < 0) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

void CardEditor::exportWithDialog(const QString& format)
{
    const QString suffix = format == QLatin1String("mct-json") ? QStringLiteral("json")
                           : format == QLatin1String("hf")     ? QStringLiteral("md")
                                                               : format;
    const QString name = format == QLatin1String("hf") ? QStringLiteral("README.md")
                                                       : QStringLiteral("%1-%2-card.%3").arg(m_model).arg(m_version).arg(suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Model Card"), name);
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(format, path, &error))
        Q_EMIT message(tr("Wrote %1").arg(path));
    else
        Q_EMIT message(tr("Export failed: %1").arg(error));
}

} // namespace cairn::widgets
