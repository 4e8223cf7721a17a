// The Models view's card editor: a form for a version's written card fields with a live
// preview of the card (the same HTML the CLI exports, laid out by QTextDocument), Save (through
// the engine: `card.set`), and export buttons for MCT JSON, Hugging Face, HTML and PDF.
#pragma once

#include "widgets/jobs/engine_call.h"

#include <QMap>
#include <QWidget>

#include <filesystem>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace cairn {
class Store;
}

namespace cairn::widgets {

class CardEditor : public QWidget {
    Q_OBJECT
public:
    explicit CardEditor(QWidget* parent = nullptr);

    void setEngineCall(EngineCall call) { m_call = std::move(call); }
    // Shows the card of model:version from `store` (owned by the caller, read-only).
    void setVersion(Store* store, const std::filesystem::path& projectRoot, const QString& model, qint64 version);
    void clear();

    // The form's field editors by card field key ("overview", "limitations"...).
    QWidget* fieldEditor(const QString& key) const { return m_editors.value(key); }
    void setFieldText(const QString& key, const QString& text);
    QString fieldText(const QString& key) const;
    QTextBrowser* preview() const { return m_preview; }
    QPushButton* saveButton() const { return m_save; }
    // Fields edited and not saved yet.
    QMap<QString, QString> changedFields() const;

    // Writes the card (with the form's fields) as mct-json, hf, html or pdf; false with `error`.
    bool exportTo(const QString& format, const QString& path, QString* error);

public Q_SLOTS:
    void save();
    void updatePreview();

Q_SIGNALS:
    void saved(const QString& model, qint64 version);
    void message(const QString& text);

private:
    void exportWithDialog(const QString& format);

    EngineCall m_call;
    Store* m_store = nullptr;
    std::filesystem::path m_root;
    QString m_model;
    qint64 m_version = 0;
    QMap<QString, QString> m_saved;    // the stored values
    QMap<QString, QWidget*> m_editors; // QLineEdit or QPlainTextEdit
    QTextBrowser* m_preview = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_title = nullptr;
    QTimer* m_debounce = nullptr;
    bool m_loading = false;
};

} // namespace cairn::widgets
