#include "app/log_tail.h"

#include <QFile>
#include <QFileInfo>

namespace cairn::app {

LogTail readLogTail(const QString& path, qint64 maxBytes)
{
    LogTail tail;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tail;
    tail.size = file.size();
    if (tail.size > maxBytes) {
        file.seek(tail.size - maxBytes);
        tail.truncated = true;
    }
    QByteArray bytes = file.read(maxBytes);
    if (tail.truncated) {
        // Start at a whole line (and never in the middle of a UTF-8 sequence).
        qsizetype nl = bytes.indexOf('\n');
        if (nl >= 0)
            bytes.remove(0, nl + 1);
    }
    tail.text = QString::fromUtf8(bytes);
    return tail;
}

qint64 logSize(const QString& path)
{
    QFileInfo info(path);
    return info.exists() ? info.size() : -1;
}

} // namespace cairn::app
