#include "app/screenshot.h"

#include "app/main_window.h"
#include "app/pipeline_tabs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QPixmap>
#include <QTimer>

namespace cairn::app {

ScreenshotResult takeScreenshot(const QString& projectDir, const QString& pngPath, QSize size, int timeoutMs, const QString& pipelineFile)
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

    if (!pipelineFile.isEmpty()) {
        const QString file = QFileInfo(pipelineFile).isAbsolute() ? pipelineFile : QDir(window.projectRoot()).filePath(pipelineFile);
        if (!window.pipelineTabs()->open(file)) {
            result.error = QCoreApplication::translate("cairn::app::Screenshot", "Cannot open the pipeline %1.").arg(pipelineFile);
            return result;
        }
        QEventLoop settle;
        QTimer::singleShot(300, &settle, &QEventLoop::quit);  // the canvas fits itself to the view
        settle.exec();
    }
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
