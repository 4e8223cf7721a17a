// One column of a dataset profile drawn as a histogram: numeric columns as bars over their
// value range (edges from the profile), other columns as their most frequent values.
#pragma once

#include "engine/store/profile_rows.h"

#include <QWidget>

namespace cairn::widgets {

class HistogramWidget : public QWidget {
    Q_OBJECT
public:
    explicit HistogramWidget(QWidget* parent = nullptr);
    void setColumn(const ColumnProfile& column);
    void clear();
    QSize sizeHint() const override { return {420, 180}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool m_has = false;
    ColumnProfile m_column;
};

} // namespace cairn::widgets
