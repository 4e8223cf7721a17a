// The property editor of the selected stage: name, description, command, working folder,
// deps, outs, metrics, plots, params, resources (GPUs, processes), retries, timeout and
// environment, plus the whole entry as YAML (for foreach, matrix, vars, frozen...). A field
// is applied when it loses focus (or on Ctrl+Return); each change becomes one undoable edit,
// consecutive changes of one field merging. It shows the stage's validation problems too.
#pragma once

#include "engine/pipeline/value.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace cairn::widgets {

class PipelineModel;

class StageProperties : public QWidget {
    Q_OBJECT
public:
    explicit StageProperties(QWidget* parent = nullptr);

    // Shows this stage of the model; an empty name shows a hint instead.
    void showStage(PipelineModel* model, const QString& stage);
    QString stage() const { return m_stage; }
    // Re-reads the fields from the model (it changed), except the one being typed in.
    void refresh();
    // Applies every field that differs from the model (before a save or a run).
    void commitAll();

    // The editor of a field ("name", "cmd", "deps", "gpus", "yaml"...), for tests.
    QWidget* editor(const QString& field) const { return m_editors.value(field); }

Q_SIGNALS:
    void fieldEdited(const QString& stage, const QString& field, const cairn::pipeline::Value& value);
    void renameRequested(const QString& from, const QString& to);
    void bodyEdited(const QString& stage, const cairn::pipeline::Value& body);
    // Input that cannot be applied, in words.
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineEdit* addLine(const QString& field, const QString& label, const QString& placeholder);
    QPlainTextEdit* addText(const QString& field, const QString& label, const QString& placeholder, int lines);
    QSpinBox* addSpin(const QString& field, const QString& label, int min, int max);
    void commit(const QString& field);
    void commitYaml();
    void fill(const QString& except);

    PipelineModel* m_model = nullptr;
    QString m_stage;
    bool m_filling = false;
    bool m_committing = false;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_generated = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_applyYaml = nullptr;
    QHash<QString, QWidget*> m_editors;
    QHash<QWidget*, QString> m_fieldOf;
};

} // namespace cairn::widgets
