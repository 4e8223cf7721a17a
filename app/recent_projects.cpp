#include "app/recent_projects.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace cairn::app {
namespace {

const QString kKey = QStringLiteral("recentProjects");

QString normalized(const QString& dir) { return QDir::cleanPath(QFileInfo(dir).absoluteFilePath()); }

void store(const QStringList& list) { QSettings().setValue(kKey, list); }

} // namespace

QStringList RecentProjects::list() const { return QSettings().value(kKey).toStringList(); }

void RecentProjects::add(const QString& dir)
{
    QStringList l = list();
    const QString d = normalized(dir);
    l.removeAll(d);
    l.prepend(d);
    while (l.size() > kMaxEntries)
        l.removeLast();
    store(l);
}

void RecentProjects::remove(const QString& dir)
{
    QStringList l = list();
    l.removeAll(normalized(dir));
    store(l);
}

void RecentProjects::clear() { store({}); }

QString RecentProjects::mostRecentExisting() const
{
    for (const QString& d : list())
        if (QFileInfo::exists(d + QStringLiteral("/cairn.yaml")))
            return d;
    return {};
}

} // namespace cairn::app
