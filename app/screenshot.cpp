#include "app/screenshot.h"

#include "app/main_window.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPixmap>
#include <QTimer>

namespace cairn::app {

ScreenshotResult takeScreenshot(const QString& projectDir, const QString& pngPath, QSize size, int timeoutMs)
{
    ScreenshotResult result;
    MainWindow window(/*interactive=*/false);
    window.resize(size);
    window.show();

    QEventLoop loop;
    bool ready = false;
    QObject::connect(&window, &MainWindow::projectFailed, &loop, [&](const QString& message) {
        result.error = message;
        loop.quit();
    });
    QObject::connect(&window, &MainWindow::runsShown, &loop, [&](int count) {
        if (count == 0) { // nothing to wait for
            ready = true;
            loop.quit();
        }
    });
    QObject::connect(&window, &MainWindow::runShown, &loop, [&] {
        ready = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        result.error = QCoreApplication::translate("cairn::app::Screenshot", "Timed out after %1 s waiting for the project to load.")
                           .arg(timeoutMs / 1000);
        loop.quit();
    });
    window.openProject(projectDir);
    if (!ready && result.error.isEmpty())
        loop.exec();
    if (!ready)
        return result;

    // Let layouts and the charts' deferred geometry settle before rendering.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    QPixmap pixmap = window.grab();
    if (pixmap.isNull() || !pixmap.save(pngPath, "PNG")) {
        result.error = QCoreApplication::translate("cairn::app::Screenshot", "Cannot write %1.").arg(pngPath);
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cairn::app
