// Loads the UI translation for the system locale (compiled into the executable's resources).
#pragma once

class QApplication;

namespace cairn::app {

// Installs Cairn's and Qt's own translations for QLocale::system(); English needs none.
void installTranslations(QApplication& app);

} // namespace cairn::app
