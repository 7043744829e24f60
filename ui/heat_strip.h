// HeatStrip: per-core utilisation as a heat map, one row per core and one column per sample,
// for machines with more cores than lines stay readable (64 cores fit in 200 pixels). Custom
// painted from an image built once per refresh, so painting costs one scaled blit.
#pragma once

#include <QImage>
#include <QWidget>
#include <vector>

#include "ui/request_rows.h"

namespace poolscope::ui {

class HeatStrip : public QWidget {
    Q_OBJECT
  public:
    explicit HeatStrip(QWidget* parent = nullptr);
    void setRows(const std::vector<const CoreRow*>& rows, int cores, double t0, double t1);
    const QImage& image() const { return image_; }
    static QColor heat(double util);  // 0 = idle (dark blue) … 1 = busy (yellow-white)

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QImage image_;
    int cores_ = 0;
    double t0_ = 0;
    double t1_ = 1;
};

}  // namespace poolscope::ui
