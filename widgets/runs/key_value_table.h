// A read-only two-column table of key/value pairs (a run's params or tags).
#pragma once

#include <QTableWidget>

#include <map>
#include <string>

namespace cairn::widgets {

class KeyValueTable : public QTableWidget {
    Q_OBJECT
public:
    explicit KeyValueTable(QWidget* parent = nullptr);
    void setPairs(const std::map<std::string, std::string>& pairs);
};

} // namespace cairn::widgets
