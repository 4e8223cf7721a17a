#include "app/translations.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cairn::app {

void installTranslations(QApplication& app)
{
    const QLocale locale;
    auto* cairn = new QTranslator(&app);
    // qt_add_translations() puts the compiled .qm files under :/i18n.
    if (cairn->load(locale, QStringLiteral("cairn"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(cairn);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace cairn::app
