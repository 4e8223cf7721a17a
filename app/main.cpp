// cairn-workbench [PROJECT_DIR] [--screenshot FILE.png]
#include "app/main_window.h"
#include "app/recent_projects.h"
#include "app/screenshot.h"
#include "app/translations.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    QString dir = args.isEmpty() ? QString() : args.first();

    if (parser.isSet(screenshot)) {
        if (dir.isEmpty()) {
            std::fprintf(stderr, "cairn-workbench: --screenshot needs a PROJECT_DIR\n");
            return 2;
        }
        auto result = cairn::app::takeScreenshot(dir, parser.value(screenshot));
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
    window.show();
    return app.exec();
}
