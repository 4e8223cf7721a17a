#include "app/models_dock.h"

#include "app/engine_client.h"
#include "widgets/registry/models_view.h"

#include <QTimer>

namespace cairn::app {

struct ModelsDock::Pending {
    QString method;
    QJsonObject params;
    widgets::EngineReply reply;
};

ModelsDock::ModelsDock(EngineClient* engine, QWidget* parent)
    : QDockWidget(tr("Models"), parent), m_engine(engine), m_view(new widgets::ModelsView(this))
{
    setObjectName(QStringLiteral("modelsDock"));
    setWidget(m_view);
    m_view->setEngineCall([this](const QString& method, const QJsonObject& params, widgets::EngineReply reply) {
        if (m_engine->isConnected()) {
            m_engine->call(method, params, std::move(reply));
            return;
        }
        auto* p = new Pending{method, params, std::move(reply)};
        m_pending.append(p);
        m_engine->ensureStarted();
        QTimer::singleShot(15000, this, [this, p] {
            if (!m_pending.removeOne(p))
                return;
            p->reply({}, tr("The engine did not start within 15 s; see .cairn/engine.log in the project."));
            delete p;
        });
    });
    connect(m_engine, &EngineClient::connectedChanged, this, [this](bool connected) {
        if (connected)
            flush();
    });
}

void ModelsDock::flush()
{
    const auto pending = m_pending;
    m_pending.clear();
    for (Pending* p : pending) {
        m_engine->call(p->method, p->params, std::move(p->reply));
        delete p;
    }
}

void ModelsDock::setProject(const QString& root) { m_view->setProject(root); }

void ModelsDock::onEngineEvent(const QString& name)
{
    if (name == QLatin1String("registry.changed") && isVisible())
        m_view->refresh();
}

} // namespace cairn::app
