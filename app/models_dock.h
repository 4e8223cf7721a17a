// View > Models (Ctrl+M): the registry's Models view in a dock. Its writes go to the engine
// through the window's EngineClient; when no engine runs yet, the request waits (at most 15 s)
// while the engine starts, as File > Launch Run does.
#pragma once

#include <QDockWidget>
#include <QJsonObject>
#include <QList>

namespace cairn::widgets {
class ModelsView;
}

namespace cairn::app {

class EngineClient;

class ModelsDock : public QDockWidget {
    Q_OBJECT
public:
    ModelsDock(EngineClient* engine, QWidget* parent = nullptr);

    widgets::ModelsView* view() const { return m_view; }
    void setProject(const QString& root);
    // Engine events: a registry change reloads the view.
    void onEngineEvent(const QString& name);

private:
    struct Pending;
    void flush();

    EngineClient* m_engine = nullptr;
    widgets::ModelsView* m_view = nullptr;
    QList<Pending*> m_pending;
};

} // namespace cairn::app
