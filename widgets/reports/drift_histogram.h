// Reference-vs-current histogram of one drift column, painted with QPainter: a pair of bars per
// bin or category (reference grey, current orange), the bin labels at both ends, a legend, and
// the shares of the bin under the mouse as a tooltip.
#pragma once

#include <QWidget>

#include <string>
#include <vector>

namespace cairn::widgets {

class DriftHistogram : public QWidget {
    Q_OBJECT
public:
    explicit DriftHistogram(QWidget* parent = nullptr);

    // Shares (0..1) of each sample per bin; sizes must match (else the widget shows nothing).
    void setData(const QString& title, const std::vector<std::string>& labels, const std::vector<double>& ref,
                 const std::vector<double>& cur);
    void clear();
    int binCount() const { return static_cast<int>(m_labels.size()); }
    // The bin under a point of the widget, or -1.
    int binAt(const QPoint& p) const;

    QSize sizeHint() const override { return {480, 220}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotRect() const;
    QString m_title;
    std::vector<std::string> m_labels;
    std::vector<double> m_ref, m_cur;
};

} // namespace cairn::widgets
