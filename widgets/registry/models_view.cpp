#include "widgets/registry/models_view.h"

#include "engine/core/text.h"
#include "engine/registry/audit_chain.h"
#include "engine/registry/gates.h"
#include "engine/store/project.h"
#include "engine/store/store.h"
#include "widgets/registry/card_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QColor>
#include <QVBoxLayout>

namespace cairn::widgets {
namespace {

QTableWidget* makeTable(const QStringList& header, QWidget* parent)
{
    auto* t = new QTableWidget(0, static_cast<int>(header.size()), parent);
    t->setHorizontalHeaderLabels(header);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

QTableWidgetItem* item(const QString& text)
{
    auto* i = new QTableWidgetItem(text);
    i->setToolTip(text);
    return i;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

// Alias badges as rich text: one coloured pill per alias.
QString badges(const std::vector<std::string>& aliases)
{
    QString html;
    for (const auto& a : aliases)
        html += QStringLiteral("<span style=\"background-color:#2b6cb0; color:white;\">&nbsp;%1&nbsp;</span>&nbsp;").arg(q(a).toHtmlEscaped());
    return html;
}

} // namespace

ModelsView::ModelsView(QWidget* parent)
    : QWidget(parent), m_models(new QListWidget(this)), m_tabs(new QTabWidget(this)), m_gateSummary(new QLabel(this)),
      m_verifyLabel(new QLabel(this)), m_message(new QLabel(this)), m_card(new CardEditor(this))
{
    m_versions = makeTable({tr("Version"), tr("Aliases"), tr("Run"), tr("Artifact"), tr("Registered"), tr("By")}, this);
    m_gates = makeTable({tr("Alias"), tr("Gate"), tr("Result"), tr("Rule"), tr("Measured")}, this);
    m_requests = makeTable({tr("Request"), tr("Model"), tr("Version"), tr("Alias"), tr("Requested by"), tr("When")}, this);
    m_audit = makeTable({tr("Seq"), tr("At (UTC)"), tr("Actor"), tr("Action"), tr("Subject"), tr("Before"), tr("After")}, this);

    // Versions tab: the table, the gate results of the selected version, the actions.
    m_promote = new QPushButton(tr("&Promote..."), this);
    m_alias = new QPushButton(tr("Set &Alias..."), this);
    m_rollback = new QPushButton(tr("&Roll Back..."), this);
    m_promote->setToolTip(tr("Run the alias's gates and move it to this version (a protected alias asks an approver)"));
    m_rollback->setToolTip(tr("Point an alias back at the version it held before"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_promote);
    actions->addWidget(m_alias);
    actions->addWidget(m_rollback);
    actions->addStretch(1);
    auto* versionsPage = new QWidget(this);
    auto* vl = new QVBoxLayout(versionsPage);
    auto* split = new QSplitter(Qt::Vertical, versionsPage);
    split->addWidget(m_versions);
    auto* gateBox = new QWidget(split);
    auto* gl = new QVBoxLayout(gateBox);
    gl->setContentsMargins(0, 0, 0, 0);
    gl->addWidget(m_gateSummary);
    gl->addWidget(m_gates);
    split->addWidget(gateBox);
    vl->addWidget(split, 1);
    vl->addLayout(actions);
    m_tabs->addTab(versionsPage, tr("Versions"));

    // Approvals inbox.
    m_approve = new QPushButton(tr("Appro&ve"), this);
    m_reject = new QPushButton(tr("Re&ject"), this);
    auto* approvals = new QWidget(this);
    auto* al = new QVBoxLayout(approvals);
    al->addWidget(new QLabel(tr("Promotions to protected aliases wait here for a second person (not the requester)."), approvals));
    al->addWidget(m_requests, 1);
    auto* ab = new QHBoxLayout;
    ab->addWidget(m_approve);
    ab->addWidget(m_reject);
    ab->addStretch(1);
    al->addLayout(ab);
    m_tabs->addTab(approvals, tr("Approvals"));

    // Audit log.
    auto* verify = new QPushButton(tr("&Verify Chain"), this);
    verify->setObjectName(QStringLiteral("verifyAudit"));
    auto* audit = new QWidget(this);
    auto* aul = new QVBoxLayout(audit);
    aul->addWidget(m_audit, 1);
    auto* aub = new QHBoxLayout;
    aub->addWidget(verify);
    aub->addWidget(m_verifyLabel, 1);
    aul->addLayout(aub);
    m_tabs->addTab(audit, tr("Audit Log"));
    m_tabs->addTab(m_card, tr("Card"));

    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Registered models</b>"), left));
    ll->addWidget(m_models, 1);
    auto* main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(m_tabs);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(main, 1);
    layout->addWidget(m_message);
    m_message->setWordWrap(true);
    m_models->setMinimumWidth(220);
    m_gateSummary->setWordWrap(true);
    m_verifyLabel->setWordWrap(true);

    connect(m_models, &QListWidget::currentRowChanged, this, [this] {
        if (!m_refreshing)
            showModel();
    });
    connect(m_versions, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_refreshing)
            showVersion();
    });
    connect(m_promote, &QPushButton::clicked, this, [this] { promoteSelected(); });
    connect(m_alias, &QPushButton::clicked, this, [this] { setAliasOnSelected(); });
    connect(m_rollback, &QPushButton::clicked, this, [this] { rollbackAlias(); });
    connect(m_approve, &QPushButton::clicked, this, [this] { approveSelected(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { approveSelected(false); });
    connect(verify, &QPushButton::clicked, this, &ModelsView::verifyAudit);
    connect(m_card, &CardEditor::message, this, [this](const QString& text) { setMessage(text); });
    connect(m_card, &CardEditor::saved, this, [this] { refresh(); });
    setProject({});
}

ModelsView::~ModelsView() = default;

void ModelsView::setEngineCall(EngineCall call)
{
    m_call = call;
    m_card->setEngineCall(std::move(call));
}

void ModelsView::setProject(const QString& root)
{
    m_card->clear();
    m_store.reset();
    m_root = root.toStdString();
    if (!root.isEmpty()) {
        auto store = Store::open(m_root / "cairn.db", Store::Mode::ReadOnly);
        if (store)
            m_store = std::move(*store);
        else
            setMessage(q(store.message()), true);
    }
    refresh();
}

QString ModelsView::currentModel() const
{
    auto* i = m_models->currentItem();
    return i ? i->data(Qt::UserRole).toString() : QString();
}

qint64 ModelsView::currentVersion() const
{
    const int row = m_versions->currentRow();
    if (row < 0 || !m_versions->item(row, 0))
        return 0;
    return m_versions->item(row, 0)->data(Qt::UserRole).toLongLong();
}

void ModelsView::selectModel(const QString& name)
{
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->data(Qt::UserRole).toString() == name)
            m_models->setCurrentRow(i);
}

void ModelsView::selectVersion(qint64 version)
{
    for (int r = 0; r < m_versions->rowCount(); ++r)
        if (m_versions->item(r, 0)->data(Qt::UserRole).toLongLong() == version)
            m_versions->selectRow(r);
}

void ModelsView::refresh()
{
    const QString model = currentModel();
    const qint64 version = currentVersion();
    m_refreshing = true;
    m_models->clear();
    if (m_store) {
        auto models = m_store->models();
        for (const auto& m : models.value_or({})) {
            QString aliases;
            for (const auto& [a, v] : m.aliases)
                aliases += QStringLiteral(" %1=%2").arg(q(a)).arg(v);
            auto* i = new QListWidgetItem(QStringLiteral("%1  (%2)%3").arg(q(m.name)).arg(m.versionCount).arg(aliases));
            i->setData(Qt::UserRole, q(m.name));
            m_models->addItem(i);
        }
        if (m_models->count() == 0)
            setMessage(tr("No registered models yet: 'cairn model register NAME --run RUN' registers one."));
    }
    m_refreshing = false;
    selectModel(model);
    if (m_models->currentRow() < 0 && m_models->count() > 0)
        m_models->setCurrentRow(0);
    showModel();
    selectVersion(version);
    showRequests();
    showAudit();
    Q_EMIT refreshed();
}

void ModelsView::showModel()
{
    m_refreshing = true;
    m_versions->setRowCount(0);
    const QString model = currentModel();
    if (m_store && !model.isEmpty()) {
        auto versions = m_store->modelVersions(model.toStdString());
        int row = 0;
        for (const auto& v : versions.value_or({})) {
            m_versions->insertRow(row);
            auto* first = item(QString::number(v.version));
            first->setData(Qt::UserRole, static_cast<qlonglong>(v.version));
            m_versions->setItem(row, 0, first);
            auto* aliasItem = item(q(shellJoin(v.aliases)));  // the text under the badges, for sorting and tests
            m_versions->setItem(row, 1, aliasItem);
            if (!v.aliases.empty()) {
                auto* label = new QLabel(badges(v.aliases));
                label->setTextFormat(Qt::RichText);
                m_versions->setCellWidget(row, 1, label);
            }
            auto run = m_store->findRun(v.runId);
            m_versions->setItem(row, 2, item(q(v.runId.substr(0, 8)) + (run ? QStringLiteral(" (%1)").arg(q(run->name)) : QString())));
            m_versions->setItem(row, 3, item(v.artifact.empty() ? QStringLiteral("-") : q(v.artifact)));
            m_versions->setItem(row, 4, item(q(formatTimestamp(v.createdMs))));
            m_versions->setItem(row, 5, item(q(v.createdBy)));
            ++row;
        }
        m_versions->resizeColumnsToContents();
    }
    m_refreshing = false;
    if (m_versions->rowCount() > 0)
        m_versions->selectRow(0);
    showVersion();
}

void ModelsView::showVersion()
{
    m_gates->setRowCount(0);
    const QString model = currentModel();
    const qint64 version = currentVersion();
    m_promote->setEnabled(version > 0);
    m_alias->setEnabled(version > 0);
    m_rollback->setEnabled(!model.isEmpty());
    if (!m_store || version == 0) {
        m_gateSummary->setText(tr("Select a version to see its gate results."));
        m_card->clear();
        return;
    }
    auto v = m_store->modelVersion(model.toStdString(), version);
    auto project = Project::open(m_root);
    if (!v || !project) {
        m_gateSummary->setText(q(!v ? v.message() : project.message()));
        return;
    }
    std::vector<GateRule> rules;
    for (const auto& [alias, list] : project->config().governance.gates)
        rules.insert(rules.end(), list.begin(), list.end());
    if (rules.empty()) {
        m_gateSummary->setText(tr("No gates in cairn.yaml: any version may get any alias."));
    } else if (auto subject = registry::subjectFor(*m_store, *v, m_root)) {
        const auto report = registry::evaluateGates(rules, *subject, registry::builtinGateSources());
        int row = 0;
        for (const auto& r : report.results) {
            m_gates->insertRow(row);
            QString measured;
            for (const auto& [k, val] : r.measured)
                measured += (measured.isEmpty() ? QString() : QStringLiteral(", ")) + q(k) + QStringLiteral(" = ") + q(val);
            if (!r.error.empty())
                measured += QStringLiteral(" (%1)").arg(q(r.error));
            auto* result = item(r.outcome == registry::GateResult::Outcome::Pass ? tr("PASS")
                                : r.outcome == registry::GateResult::Outcome::Fail ? tr("FAIL")
                                                                                    : tr("ERROR"));
            result->setForeground(r.outcome == registry::GateResult::Outcome::Pass ? QColor(0x27, 0x67, 0x49) : QColor(0xc5, 0x30, 0x30));
            m_gates->setItem(row, 0, item(q(r.alias)));
            m_gates->setItem(row, 1, item(q(r.name)));
            m_gates->setItem(row, 2, result);
            m_gates->setItem(row, 3, item(q(r.rule)));
            m_gates->setItem(row, 4, item(measured));
            ++row;
        }
        m_gates->resizeColumnsToContents();
        m_gateSummary->setText(tr("<b>Gates for %1:%2</b>: %3 of %4 rules pass")
                                   .arg(model.toHtmlEscaped())
                                   .arg(version)
                                   .arg(report.results.size() - static_cast<std::size_t>(report.failures()))
                                   .arg(report.results.size()));
    } else {
        m_gateSummary->setText(q(subject.message()));
    }
    m_card->setVersion(m_store.get(), m_root, model, version);
}

void ModelsView::showRequests()
{
    m_requests->setRowCount(0);
    if (!m_store)
        return;
    int row = 0;
    for (const auto& r : m_store->promotionRequests(true).value_or({})) {
        m_requests->insertRow(row);
        auto* id = item(QString::number(r.id));
        id->setData(Qt::UserRole, static_cast<qlonglong>(r.id));
        m_requests->setItem(row, 0, id);
        m_requests->setItem(row, 1, item(q(r.model)));
        m_requests->setItem(row, 2, item(QString::number(r.version)));
        m_requests->setItem(row, 3, item(q(r.alias)));
        m_requests->setItem(row, 4, item(q(r.requestedBy)));
        m_requests->setItem(row, 5, item(q(formatTimestamp(r.requestedMs))));
        ++row;
    }
    m_tabs->setTabText(1, row ? tr("Approvals (%1)").arg(row) : tr("Approvals"));
    if (row > 0)
        m_requests->selectRow(0);
    m_approve->setEnabled(row > 0);
    m_reject->setEnabled(row > 0);
}

void ModelsView::showAudit()
{
    m_audit->setRowCount(0);
    if (!m_store)
        return;
    auto events = m_store->auditEvents();
    const auto& list = events.value_or({});
    // The newest 500, newest first.
    int row = 0;
    for (auto it = list.rbegin(); it != list.rend() && row < 500; ++it, ++row) {
        const AuditEvent& e = *it;
        QString subject = q(e.model);
        if (e.version)
            subject += QStringLiteral(":%1").arg(e.version);
        if (!e.alias.empty())
            subject += QStringLiteral(" @%1").arg(q(e.alias));
        m_audit->insertRow(row);
        m_audit->setItem(row, 0, item(QString::number(e.seq)));
        m_audit->setItem(row, 1, item(q(e.at.substr(0, 19))));
        m_audit->setItem(row, 2, item(q(e.actor)));
        m_audit->setItem(row, 3, item(q(e.action)));
        m_audit->setItem(row, 4, item(subject));
        m_audit->setItem(row, 5, item(q(e.before)));
        m_audit->setItem(row, 6, item(q(e.after)));
    }
    m_audit->resizeColumnsToContents();
}

void ModelsView::verifyAudit()
{
    if (!m_store)
        return;
    auto events = m_store->auditEvents();
    auto head = m_store->auditHead();
    if (!events || !head) {
        m_verifyLabel->setText(q(!events ? events.message() : head.message()));
        return;
    }
    const auto check = registry::verifyChain(*events, *head);
    if (check.ok)
        m_verifyLabel->setText(tr("<span style=\"color:#276749\"><b>Intact</b></span>: %1 events, every hash checked. Head %2")
                                   .arg(check.events)
                                   .arg(q(check.headHash.substr(0, 16))));
    else
        m_verifyLabel->setText(tr("<span style=\"color:#c53030\"><b>Broken</b></span>: %1").arg(q(check.message).toHtmlEscaped()));
}

QString ModelsView::askAlias(const QString& title, const QStringList& suggestions)
{
    bool ok = false;
    const QString alias = QInputDialog::getItem(this, title, tr("Alias:"), suggestions, 0, true, &ok).trimmed();
    return ok ? alias : QString();
}

void ModelsView::request(const QString& method, const QJsonObject& params, const QString& done)
{
    if (!m_call) {
        setMessage(tr("Not connected to the engine."), true);
        return;
    }
    setMessage(tr("Asking the engine..."));
    m_call(method, params, [this, method, done](const QJsonObject& result, const QString& error) {
        if (!error.isEmpty()) {
            setMessage(error, true);
        } else if (result.value(QStringLiteral("status")).toString() == QLatin1String("requested")) {
            setMessage(tr("Request %1 waits for an approver (someone other than you).").arg(result.value(QStringLiteral("request")).toInt()));
        } else {
            setMessage(done);
        }
        refresh();
        Q_EMIT actionFinished(method, error);
    });
}

static QStringList configuredAliases(const std::filesystem::path& root)
{
    QStringList out;
    if (auto p = Project::open(root)) {
        for (const auto& [a, rules] : p->config().governance.gates)
            out << QString::fromStdString(a);
        for (const auto& a : p->config().governance.protectedAliases)
            if (!out.contains(QString::fromStdString(a)))
                out << QString::fromStdString(a);
    }
    if (out.isEmpty())
        out << QStringLiteral("champion") << QStringLiteral("staging");
    return out;
}

void ModelsView::promoteSelected(const QString& aliasArg)
{
    const qint64 version = currentVersion();
    if (version == 0)
        return;
    const QString alias = !aliasArg.isEmpty() || !m_interactive ? aliasArg : askAlias(tr("Promote version %1").arg(version), configuredAliases(m_root));
    if (alias.isEmpty())
        return;
    request(QStringLiteral("model.promote"), {{"model", currentModel()}, {"version", version}, {"alias", alias}},
            tr("Promoted %1:%2 to '%3'.").arg(currentModel()).arg(version).arg(alias));
}

void ModelsView::setAliasOnSelected(const QString& aliasArg)
{
    const qint64 version = currentVersion();
    if (version == 0)
        return;
    const QString alias = !aliasArg.isEmpty() || !m_interactive ? aliasArg : askAlias(tr("Set an alias on version %1").arg(version), configuredAliases(m_root));
    if (alias.isEmpty())
        return;
    request(QStringLiteral("model.alias"), {{"model", currentModel()}, {"version", version}, {"alias", alias}},
            tr("'%1' now points at %2:%3.").arg(alias, currentModel()).arg(version));
}

void ModelsView::rollbackAlias(const QString& aliasArg)
{
    const QString model = currentModel();
    if (model.isEmpty() || !m_store)
        return;
    QStringList aliases;
    if (auto m = m_store->model(model.toStdString()))
        for (const auto& [a, v] : m->aliases)
            aliases << q(a);
    QString alias = aliasArg;
    if (alias.isEmpty() && m_interactive) {
        if (aliases.isEmpty()) {
            setMessage(tr("%1 has no aliases to roll back.").arg(model), true);
            return;
        }
        alias = askAlias(tr("Roll back an alias of %1").arg(model), aliases);
    }
    if (alias.isEmpty())
        return;
    request(QStringLiteral("model.rollback"), {{"model", model}, {"alias", alias}}, tr("Rolled '%1' back.").arg(alias));
}

void ModelsView::approveSelected(bool approve)
{
    const int row = m_requests->currentRow();
    if (row < 0 || !m_requests->item(row, 0))
        return;
    const qlonglong id = m_requests->item(row, 0)->data(Qt::UserRole).toLongLong();
    request(approve ? QStringLiteral("model.approve") : QStringLiteral("model.reject"), {{"request", id}},
            approve ? tr("Approved request %1.").arg(id) : tr("Rejected request %1.").arg(id));
}

void ModelsView::setMessage(const QString& text, bool error)
{
    m_message->setText(error ? QStringLiteral("<span style=\"color:#c53030\">%1</span>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped());
}

} // namespace cairn::widgets
