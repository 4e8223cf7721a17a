// The workbench's Models view (docs/registry.md): registered models, their versions with alias
// badges, the gate results of the selected version, promote / set alias / roll back, the
// approvals inbox, the audit log with a Verify button, and the card editor. It reads cairn.db
// through a read-only connection of its own; every change is an engine request (EngineCall),
// so the engine runs the gates, checks roles and writes the audit trail, exactly as for the CLI.
#pragma once

#include "widgets/jobs/engine_call.h"

#include <QWidget>

#include <filesystem>
#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace cairn {
class Store;
}

namespace cairn::widgets {

class CardEditor;

class ModelsView : public QWidget {
    Q_OBJECT
public:
    explicit ModelsView(QWidget* parent = nullptr);
    ~ModelsView() override;

    void setEngineCall(EngineCall call);
    // Opens the project's database read-only (empty root: closes it).
    void setProject(const QString& root);
    // Testing hook: act without asking (alias names come from the arguments).
    void setInteractive(bool interactive) { m_interactive = interactive; }

    QListWidget* modelList() const { return m_models; }
    QTableWidget* versionsTable() const { return m_versions; }
    QTableWidget* gatesTable() const { return m_gates; }
    QTableWidget* requestsTable() const { return m_requests; }
    QTableWidget* auditTable() const { return m_audit; }
    QLabel* verifyLabel() const { return m_verifyLabel; }
    QLabel* messageLabel() const { return m_message; }
    QTabWidget* tabs() const { return m_tabs; }
    CardEditor* cardEditor() const { return m_card; }
    QString currentModel() const;
    qint64 currentVersion() const;  // 0 when none is selected

    void selectModel(const QString& name);
    void selectVersion(qint64 version);

public Q_SLOTS:
    // Re-reads everything, keeping the selection.
    void refresh();
    void promoteSelected(const QString& alias = {});
    void setAliasOnSelected(const QString& alias = {});
    void rollbackAlias(const QString& alias = {});
    void approveSelected(bool approve = true);
    void verifyAudit();

Q_SIGNALS:
    // An engine request finished: `error` empty on success.
    void actionFinished(const QString& method, const QString& error);
    void refreshed();

private:
    void showModel();
    void showVersion();
    void showRequests();
    void showAudit();
    void request(const QString& method, const QJsonObject& params, const QString& done);
    QString askAlias(const QString& title, const QStringList& suggestions);
    void setMessage(const QString& text, bool error = false);

    EngineCall m_call;
    std::unique_ptr<Store> m_store;
    std::filesystem::path m_root;
    QListWidget* m_models = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_versions = nullptr;
    QTableWidget* m_gates = nullptr;
    QLabel* m_gateSummary = nullptr;
    QTableWidget* m_requests = nullptr;
    QTableWidget* m_audit = nullptr;
    QLabel* m_verifyLabel = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_promote = nullptr;
    QPushButton* m_alias = nullptr;
    QPushButton* m_rollback = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    CardEditor* m_card = nullptr;
    bool m_interactive = true;
    bool m_refreshing = false;
};

} // namespace cairn::widgets
