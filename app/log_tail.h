// Reads the end of a (possibly growing, possibly huge) log file. Call off the UI thread.
#pragma once

#include <QString>

namespace cairn::app {

struct LogTail {
    QString text;
    bool truncated = false; // earlier bytes were left out
    qint64 size = -1;       // file size when read; -1 when the file is missing
};

// The last `maxBytes` of the file, starting at a line boundary when cut. Invalid UTF-8 is replaced.
LogTail readLogTail(const QString& path, qint64 maxBytes = 2 * 1024 * 1024);
// The file's size, or -1 when it is missing.
qint64 logSize(const QString& path);

} // namespace cairn::app
