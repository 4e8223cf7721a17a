// The list of recently opened projects, newest first, kept in QSettings.
#pragma once

#include <QStringList>

namespace cairn::app {

class RecentProjects {
public:
    static constexpr int kMaxEntries = 8;

    QStringList list() const;
    // Moves (or adds) `dir` to the front.
    void add(const QString& dir);
    void remove(const QString& dir);
    void clear();
    // The newest entry that still exists on disk, or empty.
    QString mostRecentExisting() const;
};

} // namespace cairn::app
