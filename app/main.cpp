// cairn-workbench [PROJECT_DIR] [--pipeline FILE] [--screenshot FILE.png]
#include "app/main_window.h"
#include "app/pipeline_tabs.h"
#include "app/recent_projects.h"
#include "app/screenshot.h"
#include "app/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Cairn"));
    QApplication::setApplicationName(QStringLiteral("Cairn Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));
    cairn::app::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Cairn Workbench: runs, metrics and logs of a Cairn project."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project folder to open (default: the most recent one)."),
                                 QStringLiteral("[PROJECT_DIR]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Render the newest run of PROJECT_DIR to FILE (PNG) and exit."),
                                  QStringLiteral("FILE"));
    parser.addOption(screenshot);
    QCommandLineOption pipeline(QStringLiteral("pipeline"),
                                QApplication::translate("main", "Open this pipeline file (pipelines/NAME.yaml, dvc.yaml) on its canvas."),
                                QStringLiteral("FILE"));
    parser.addOption(pipeline);
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    QString dir = args.isEmpty() ? QString() : args.first();

    if (parser.isSet(screenshot)) {
        if (dir.isEmpty()) {
            std::fprintf(stderr, "cairn-workbench: --screenshot needs a PROJECT_DIR\n");
            return 2;
        }
        auto result = cairn::app::takeScreenshot(dir, parser.value(screenshot), QSize(1400, 900), 20000, parser.value(pipeline));
        if (!result.ok) {
            std::fprintf(stderr, "cairn-workbench: %s\n", qPrintable(result.error));
            return 1;
        }
        return 0;
    }

    cairn::app::MainWindow window;
    if (dir.isEmpty())
        dir = cairn::app::RecentProjects().mostRecentExisting();
    if (!dir.isEmpty())
        window.openProject(dir);
    if (parser.isSet(pipeline)) {
        const QString file = parser.value(pipeline);
        QObject::connect(&window, &cairn::app::MainWindow::projectOpened, &window, [&window, file](const QString& root) {
            window.pipelineTabs()->open(QFileInfo(file).isAbsolute() ? file : QDir(root).filePath(file));
        });
    }
    window.show();
    return app.exec();
}
