// HeatStrip: per-core utilisation as a heat map, one row per core and one column per sample,
// for machines with more cores than lines stay readable (64 cores fit in 200 pixels), and for a
// run across hosts (--backend mpi): one band per host, each under its host's name. Custom
// painted: each band's image is built once per refresh, and the labels and the time axis are
// drawn once per size and axis into a cached pixmap, so a repaint at 10 Hz costs a few blits.
#pragma once

#include <QImage>
#include <QPixmap>
#include <QString>
#include <QWidget>
#include <vector>

#include "ui/request_rows.h"

namespace poolscope::ui {

class HeatStrip : public QWidget {
    Q_OBJECT
  public:
    struct Band {
        QString label;  // the host's name; empty: no title (one machine)
        std::vector<const CoreRow*> rows;
        int cores = 0;
    };

    explicit HeatStrip(QWidget* parent = nullptr);
    void setRows(const std::vector<const CoreRow*>& rows, int cores, double t0, double t1);
    void setBands(const std::vector<Band>& bands, double t0, double t1);

    int bandCount() const { return static_cast<int>(bands_.size()); }
    QString bandLabel(int band) const;
    const QImage& bandImage(int band) const;
    const QImage& image() const { return bandImage(0); }
    // How often the labels and axis were drawn (a repaint at the same size reuses them).
    int chromeDraws() const { return chrome_draws_; }
    static QColor heat(double util);  // 0 = idle (dark blue) … 1 = busy (yellow-white)

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    struct Painted {
        QString label;
        int cores = 0;
        QImage image;
    };
    std::vector<QRect> bandRects() const;  // where each band's image goes
    void drawChrome();

    std::vector<Painted> bands_;
    double t0_ = 0;
    double t1_ = 1;
    QPixmap chrome_;
    QString chrome_key_;
    int chrome_draws_ = 0;
};

}  // namespace poolscope::ui
