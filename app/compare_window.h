// A window comparing several runs: charts, legend and diff table (widgets/compare), fed by a
// CompareSession of its own. Several can be open at once; each closes independently.
#pragma once

#include <QMainWindow>

namespace cairn::widgets {
class CompareView;
}

namespace cairn::app {

class CompareSession;

class CompareWindow : public QMainWindow {
    Q_OBJECT
public:
    CompareWindow(const QString& projectRoot, const QStringList& runIds, QWidget* parent = nullptr);

    widgets::CompareView* view() const { return m_view; }
    // Keys whose curves have arrived (tests and screenshots wait on this).
    int loadedKeyCount() const { return m_loadedKeys; }
    int expectedKeyCount() const { return m_expectedKeys; }

Q_SIGNALS:
    void keysLoaded();  // every key's first curves are shown

private:
    void exportAll();

    widgets::CompareView* m_view = nullptr;
    CompareSession* m_session = nullptr;
    QStringList m_runIds;
    int m_loadedKeys = 0;
    int m_expectedKeys = -1;
};

} // namespace cairn::app
