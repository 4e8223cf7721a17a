// `cairn-workbench DIR --screenshot FILE.png`: open a project, show its newest run with its charts,
// render the window to a PNG. Used for docs, bug reports and the GUI tests.
#pragma once

#include <QSize>
#include <QString>

namespace cairn::app {

struct ScreenshotResult {
    bool ok = false;
    QString error;
};

// Waits for the newest run's charts (at most `timeoutMs`), then writes the window to `pngPath`.
// A project without runs is rendered as it is.
// With `pipelineFile`, that pipeline is opened on its canvas tab first.
ScreenshotResult takeScreenshot(const QString& projectDir, const QString& pngPath,
                                QSize size = QSize(1400, 900), int timeoutMs = 20000, const QString& pipelineFile = {});

} // namespace cairn::app
