#include "widgets/canvas/stage_properties.h"

#include "engine/pipeline/loader.h"
#include "engine/pipeline/stage_edit.h"
#include "engine/pipeline/yaml_emit.h"
#include "engine/pipeline/yaml_value.h"
#include "widgets/canvas/pipeline_model.h"

#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cairn::widgets {

namespace pl = cairn::pipeline;

namespace {

const QStringList kListFields = {QStringLiteral("deps"), QStringLiteral("outs"), QStringLiteral("metrics"), QStringLiteral("plots"),
                                 QStringLiteral("params")};

QString flowText(const pl::Value& v)
{
    if (v.isScalar())
        return QString::fromStdString(pl::scalarYaml(v, true));
    QStringList parts;
    if (v.isList()) {
        for (const auto& item : v.items())
            parts << flowText(item);
        return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
    }
    for (const auto& [k, item] : v.entries())
        parts << QString::fromStdString(pl::scalarYaml(k, true)) + QStringLiteral(": ") + flowText(item);
    return QStringLiteral("{%1}").arg(parts.join(QStringLiteral(", ")));
}

// One line per item: a path, a key, or `path: {options}`.
QString listText(const pl::Value* v)
{
    if (!v)
        return {};
    if (v->isScalar())
        return QString::fromStdString(pl::scalarText(*v));
    QStringList lines;
    for (const auto& item : v->items()) {
        if (item.isMap() && item.entries().size() == 1) {
            const auto& [k, opts] = item.entries().front();
            lines << QString::fromStdString(pl::scalarText(k)) + QLatin1Char(':') + (opts.isNull() ? QString() : QStringLiteral(" ") + flowText(opts));
        } else if (item.isScalar()) {
            lines << QString::fromStdString(pl::scalarText(item));
        } else {
            lines << flowText(item);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList linesOf(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

// Lines back to a list; `path: {cache: false}` and `file.yaml: [a, b]` lines become mappings.
pl::Value listValue(const QStringList& lines)
{
    pl::Value list = pl::Value::list();
    for (const QString& line : lines) {
        if (line.contains(QStringLiteral(": ")) || line.endsWith(QLatin1Char(':'))) {
            pl::YamlDocument d = pl::parseYaml("- " + line.toStdString() + "\n");
            if (!d.error && d.root.isList() && d.root.items().size() == 1 && d.root.items()[0].isMap()) {
                list.push(d.root.items()[0]);
                continue;
            }
        }
        list.push(pl::Value::string(line.toStdString()));
    }
    return list;
}

int intOf(const pl::Value* v, int fallback)
{
    return v && v->kind() == pl::Value::Kind::Int ? static_cast<int>(v->asInt()) : fallback;
}

} // namespace

StageProperties::StageProperties(QWidget* parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_tabs(new QTabWidget(this)), m_hint(new QLabel(this)),
      m_problems(new QLabel(this)), m_generated(new QLabel(this))
{
    setObjectName(QStringLiteral("stageProperties"));
    m_hint->setText(tr("Select a stage to edit it.\n\nDrag a template from the palette onto the canvas to add one; drag from an "
                       "output port (right) to another stage to connect them."));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_hint->setMargin(8);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->hide();
    m_generated->setWordWrap(true);
    m_generated->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* formPage = new QWidget;
    auto* formColumn = new QVBoxLayout(formPage);  // the form at the top, the spare height below it
    m_form = new QFormLayout;
    formColumn->addLayout(m_form);
    formColumn->addStretch(1);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->addRow(m_problems);
    m_form->addRow(m_generated);
    addLine(QStringLiteral("name"), tr("Name"), tr("a unique stage name"));
    addLine(QStringLiteral("desc"), tr("Description"), tr("what the stage does"));
    addText(QStringLiteral("cmd"), tr("Command"), tr("python3 src/train.py\n(several lines: run in order)"), 3);
    addLine(QStringLiteral("wdir"), tr("Working folder"), tr("the pipeline's folder"));
    addText(QStringLiteral("deps"), tr("Inputs (deps)"), tr("one path a line"), 3);
    addText(QStringLiteral("outs"), tr("Outputs (outs)"), tr("one path a line; path: {cache: false}"), 3);
    addText(QStringLiteral("metrics"), tr("Metrics"), tr("metrics.json: {cache: false}"), 2);
    addText(QStringLiteral("plots"), tr("Plots"), tr("one path a line"), 2);
    addText(QStringLiteral("params"), tr("Params"), tr("train.lr, or a group: train, or other.yaml: [a, b]"), 2);
    addSpin(QStringLiteral("gpus"), tr("GPUs"), 0, 64);
    addSpin(QStringLiteral("nproc"), tr("Processes per node"), 1, 1024);
    addSpin(QStringLiteral("retries"), tr("Retries"), 0, 100);
    addLine(QStringLiteral("timeout"), tr("Timeout"), tr("90s, 30m, 2h (empty: none)"));
    addText(QStringLiteral("env"), tr("Environment"), tr("NAME=value, one a line"), 2);
    auto* scroll = new QScrollArea;
    scroll->setWidget(formPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* yamlPage = new QWidget;
    auto* yamlLayout = new QVBoxLayout(yamlPage);
    auto* yaml = new QPlainTextEdit;
    yaml->setObjectName(QStringLiteral("yaml"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    yaml->setFont(mono);
    yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editors.insert(QStringLiteral("yaml"), yaml);
    m_applyYaml = new QPushButton(tr("&Apply YAML"));
    yamlLayout->addWidget(new QLabel(tr("The whole entry, as it is written (foreach, matrix, vars, frozen, ...):")));
    yamlLayout->addWidget(yaml, 1);
    yamlLayout->addWidget(m_applyYaml, 0, Qt::AlignRight);
    connect(m_applyYaml, &QPushButton::clicked, this, &StageProperties::commitYaml);

    m_tabs->addTab(scroll, tr("Stage"));
    m_tabs->addTab(yamlPage, tr("YAML"));
    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_tabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    m_pages->setCurrentWidget(m_hint);
}

QLineEdit* StageProperties::addLine(const QString& field, const QString& label, const QString& placeholder)
{
    auto* e = new QLineEdit;
    e->setObjectName(field);
    e->setPlaceholderText(placeholder);
    m_form->addRow(label, e);
    m_editors.insert(field, e);
    m_fieldOf.insert(e, field);
    connect(e, &QLineEdit::editingFinished, this, [this, field] { commit(field); });
    return e;
}

QPlainTextEdit* StageProperties::addText(const QString& field, const QString& label, const QString& placeholder, int lines)
{
    auto* e = new QPlainTextEdit;
    e->setObjectName(field);
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    e->setFixedHeight(QFontMetrics(e->font()).lineSpacing() * lines + 12);
    e->installEventFilter(this);
    m_form->addRow(label, e);
    m_editors.insert(field, e);
    m_fieldOf.insert(e, field);
    return e;
}

QSpinBox* StageProperties::addSpin(const QString& field, const QString& label, int min, int max)
{
    auto* e = new QSpinBox;
    e->setObjectName(field);
    e->setRange(min, max);
    m_form->addRow(label, e);
    m_editors.insert(field, e);
    m_fieldOf.insert(e, field);
    connect(e, &QSpinBox::valueChanged, this, [this, field] {
        if (!m_filling)
            commit(field);
    });
    return e;
}

bool StageProperties::eventFilter(QObject* watched, QEvent* event)
{
    auto* w = qobject_cast<QWidget*>(watched);
    if (w && m_fieldOf.contains(w)) {
        if (event->type() == QEvent::FocusOut)
            commit(m_fieldOf.value(w));
        if (event->type() == QEvent::KeyPress) {
            auto* k = static_cast<QKeyEvent*>(event);
            if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && (k->modifiers() & Qt::ControlModifier)) {
                commit(m_fieldOf.value(w));
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StageProperties::showStage(PipelineModel* model, const QString& stage)
{
    if (m_model != model) {
        if (m_model)
            disconnect(m_model, nullptr, this, nullptr);
        m_model = model;
        if (m_model)
            connect(m_model, &PipelineModel::graphChanged, this, &StageProperties::refresh);
    }
    m_stage = stage;
    refresh();
}

void StageProperties::refresh()
{
    if (m_committing)
        return;
    const bool show = m_model && !m_stage.isEmpty() && m_model->document().stage(m_stage.toStdString());
    m_pages->setCurrentWidget(show ? static_cast<QWidget*>(m_tabs) : m_hint);
    if (!show)
        return;
    QString focused;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it)
        if (it.value()->hasFocus())
            focused = it.key();
    fill(focused);
}

void StageProperties::fill(const QString& except)
{
    m_filling = true;
    const pl::Value& body = *m_model->document().stage(m_stage.toStdString());
    const pl::Value* f = pl::stageFields(body);
    auto get = [&](const char* field) { return f ? f->find(field) : nullptr; };
    auto setLine = [&](const QString& field, const QString& text) {
        if (field != except)
            static_cast<QLineEdit*>(m_editors.value(field))->setText(text);
    };
    auto setText = [&](const QString& field, const QString& text) {
        auto* e = static_cast<QPlainTextEdit*>(m_editors.value(field));
        if (field != except && e->toPlainText() != text)
            e->setPlainText(text);
    };
    auto scalar = [&](const char* field) {
        const pl::Value* v = get(field);
        return v && v->isScalar() && !v->isNull() ? QString::fromStdString(pl::scalarText(*v)) : QString();
    };
    setLine(QStringLiteral("name"), m_stage);
    setLine(QStringLiteral("desc"), scalar("desc"));
    const pl::Value* cmd = get("cmd");
    setText(QStringLiteral("cmd"), cmd && cmd->isList() ? listText(cmd) : scalar("cmd"));
    setLine(QStringLiteral("wdir"), scalar("wdir"));
    for (const QString& field : kListFields)
        setText(field, listText(get(field.toUtf8().constData())));
    const pl::Value* res = get("resources");
    auto setSpin = [&](const QString& field, int v) {
        if (field != except)
            static_cast<QSpinBox*>(m_editors.value(field))->setValue(v);
    };
    setSpin(QStringLiteral("gpus"), intOf(res && res->isMap() ? res->find("gpus") : nullptr, 0));
    setSpin(QStringLiteral("nproc"), intOf(res && res->isMap() ? res->find("nproc") : nullptr, 1));
    setSpin(QStringLiteral("retries"), intOf(get("retries"), 0));
    setLine(QStringLiteral("timeout"), scalar("timeout"));
    QStringList env;
    if (const pl::Value* e = get("env"); e && e->isMap())
        for (const auto& [k, v] : e->entries())
            env << QString::fromStdString(pl::scalarText(k)) + QLatin1Char('=') + QString::fromStdString(pl::scalarText(v));
    setText(QStringLiteral("env"), env.join(QLatin1Char('\n')));
    setText(QStringLiteral("yaml"), QString::fromStdString(pl::emitDocument(body, m_model->document().style())));

    const pl::EntryNode* node = m_model->node(m_stage);
    QStringList problems;
    if (node)
        for (const auto& d : node->problems)
            problems << QStringLiteral("<span style='color:%1'>%2:%3: %4</span>")
                            .arg(d.severity == pl::Severity::Error ? QStringLiteral("#d13438") : QStringLiteral("#b86e00"))
                            .arg(d.pos.line)
                            .arg(d.pos.column)
                            .arg(QString::fromStdString(d.message).toHtmlEscaped());
    m_problems->setText(problems.join(QStringLiteral("<br>")));
    m_problems->setVisible(!problems.isEmpty());
    const bool generated = node && node->kind != pl::StageEntry::Kind::Plain;
    m_generated->setVisible(generated);
    if (generated) {
        QStringList names;
        for (const auto& s : node->stages)
            names << QString::fromStdString(s);
        m_generated->setText(tr("Generates %n stage(s): %1. Edit foreach/matrix in the YAML tab.", nullptr, static_cast<int>(names.size()))
                                 .arg(names.join(QStringLiteral(", "))));
    }
    m_filling = false;
}

void StageProperties::commitAll()
{
    if (!m_model || m_stage.isEmpty() || m_pages->currentWidget() != m_tabs)
        return;
    // Every field first, then one refresh: an applied field must not reset the others.
    m_committing = true;
    for (const QString& field : m_editors.keys())
        if (field != QLatin1String("yaml") && field != QLatin1String("name") && field != QLatin1String("nproc"))
            commit(field);
    commit(QStringLiteral("name"));
    m_committing = false;
    refresh();
}

void StageProperties::commit(const QString& field)
{
    if (m_filling || !m_model || m_stage.isEmpty())
        return;
    const pl::Value* bodyPtr = m_model->document().stage(m_stage.toStdString());
    if (!bodyPtr)
        return;
    const pl::Value body = *bodyPtr;
    const pl::Value* f = pl::stageFields(body);
    QWidget* w = m_editors.value(field);
    auto lineText = [&] { return static_cast<QLineEdit*>(w)->text().trimmed(); };
    auto plain = [&] { return static_cast<QPlainTextEdit*>(w)->toPlainText(); };
    pl::Value value;
    if (field == QLatin1String("name")) {
        const QString to = lineText();
        if (to == m_stage)
            return;
        if (to.isEmpty() || to.contains(QRegularExpression(QStringLiteral("[@:/\\\\]")))) {
            Q_EMIT message(tr("A stage name cannot be empty or contain '@', ':', '/' or '\\'."));
            static_cast<QLineEdit*>(w)->setText(m_stage);
            return;
        }
        if (m_model->document().stageIndex(to.toStdString()) >= 0) {
            Q_EMIT message(tr("There is a stage named '%1' already.").arg(to));
            static_cast<QLineEdit*>(w)->setText(m_stage);
            return;
        }
        const QString from = m_stage;
        m_stage = to;
        Q_EMIT renameRequested(from, to);
        return;
    }
    if (field == QLatin1String("desc") || field == QLatin1String("wdir")) {
        value = lineText().isEmpty() ? pl::Value::null() : pl::Value::string(lineText().toStdString());
    } else if (field == QLatin1String("cmd")) {
        const QStringList lines = linesOf(plain());
        const pl::Value* old = f ? f->find("cmd") : nullptr;
        const bool script = old && old->isString() && old->text().find('\n') != std::string::npos;
        if (lines.isEmpty())
            value = pl::Value::null();
        else if (lines.size() == 1)
            value = pl::Value::string(lines.front().toStdString());
        else if (script)
            value = pl::Value::string(plain().trimmed().toStdString() + (old->text().ends_with('\n') ? "\n" : ""));
        else
            value = listValue(lines);
        if (value.isList())  // commands are strings, whatever they look like
            for (auto& item : value.items())
                if (!item.isString())
                    item = pl::Value::string(pl::scalarText(item));
    } else if (kListFields.contains(field)) {
        value = listValue(linesOf(plain()));
    } else if (field == QLatin1String("gpus") || field == QLatin1String("nproc")) {
        const int gpus = static_cast<QSpinBox*>(m_editors.value(QStringLiteral("gpus")))->value();
        const int nproc = static_cast<QSpinBox*>(m_editors.value(QStringLiteral("nproc")))->value();
        const pl::Value* old = f ? f->find("resources") : nullptr;
        pl::Value res = pl::Value::map();
        if (old && old->isMap())
            for (const auto& [k, v] : old->entries())
                if (pl::scalarText(k) != "gpus" && pl::scalarText(k) != "nproc")
                    res.insert(k, v);
        if (gpus > 0)
            res.insert(pl::Value::string("gpus"), pl::Value::integer(gpus, std::to_string(gpus)));
        if (nproc > 1)
            res.insert(pl::Value::string("nproc"), pl::Value::integer(nproc, std::to_string(nproc)));
        // Keep the order the file had.
        if (old && old->isMap()) {
            pl::Value ordered = pl::Value::map();
            for (const auto& [k, v] : old->entries())
                if (const pl::Value* now = res.find(pl::scalarText(k)))
                    ordered.insert(k, *now);
            for (const auto& [k, v] : res.entries())
                if (!ordered.find(pl::scalarText(k)))
                    ordered.insert(k, v);
            res = std::move(ordered);
        }
        Q_EMIT fieldEdited(m_stage, QStringLiteral("resources"), res);
        return;
    } else if (field == QLatin1String("retries")) {
        const int n = static_cast<QSpinBox*>(w)->value();
        value = n == 0 ? pl::Value::null() : pl::Value::integer(n, std::to_string(n));
    } else if (field == QLatin1String("timeout")) {
        const QString t = lineText();
        if (t.isEmpty()) {
            value = pl::Value::null();
        } else if (!pl::parseDuration(t.toStdString())) {
            Q_EMIT message(tr("'%1' is not a duration: write seconds (90) or 90s, 30m, 2h, 1h30m.").arg(t));
            return;
        } else {
            bool digits = false;
            const qlonglong n = t.toLongLong(&digits);
            value = digits ? pl::Value::integer(n, std::to_string(n)) : pl::Value::string(t.toStdString());
        }
    } else if (field == QLatin1String("env")) {
        value = pl::Value::map();
        for (const QString& line : linesOf(plain())) {
            const auto eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                Q_EMIT message(tr("'%1' is not NAME=value.").arg(line));
                return;
            }
            value.insert(pl::Value::string(line.left(eq).trimmed().toStdString()), pl::Value::string(line.mid(eq + 1).toStdString()));
        }
    } else {
        return;
    }
    // Unchanged (the field's text reads as what the file says): nothing to do.
    const pl::Value* old = f ? f->find(field.toStdString()) : nullptr;
    if ((old && pl::sameValue(*old, value)) || (!old && (value.isNull() || (value.isList() && value.items().empty())
                                                          || (value.isMap() && value.entries().empty()))))
        return;
    if (old && value.isList() && old->isString() && value.items().size() == 1 && pl::sameValue(value.items()[0], *old))
        return;  // `deps: x` shown as one line
    Q_EMIT fieldEdited(m_stage, field, value);
}

void StageProperties::commitYaml()
{
    if (!m_model || m_stage.isEmpty())
        return;
    const QString text = static_cast<QPlainTextEdit*>(m_editors.value(QStringLiteral("yaml")))->toPlainText();
    pl::YamlDocument d = pl::parseYaml(text.toStdString());
    if (d.error) {
        Q_EMIT message(tr("YAML %1:%2: %3").arg(d.error->pos.line).arg(d.error->pos.column).arg(QString::fromStdString(d.error->message)));
        return;
    }
    if (!d.root.isMap()) {
        Q_EMIT message(tr("A stage is a mapping with at least 'cmd'."));
        return;
    }
    Q_EMIT bodyEdited(m_stage, d.root);
}

} // namespace cairn::widgets
