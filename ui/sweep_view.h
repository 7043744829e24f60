// SweepView: the Sweep page of the main window. The axes form and Run sweep / Stop on top, the
// progress (points done of all, time left) while it runs, the recommendation in one sentence
// with its warnings in words, then the heatmap (workers × chunksize), the chunksize U-curve and
// the scaling plot with the Amdahl and USL fits. The base settings are the control panel's;
// "Use this setting" puts the best (or the selected) point back into it. A sweep is saved and
// opened as the CLI's own JSON document.
#pragma once

#include <QWidget>
#include <optional>

#include "ui/chart_style.h"
#include "ui/sweep_document.h"
#include "ui/sweep_grid.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace poolscope::ui {

class ControlPanel;
class ErrorBanner;
class SweepForm;
class SweepHeatmap;
class SweepRunner;
class SweepScaling;
class SweepParamChart;
class SweepUCurve;

class SweepView : public QWidget {
    Q_OBJECT
  public:
    SweepView(ControlPanel* controls, int usableCores, QWidget* parent = nullptr);
    ~SweepView() override;

    void setEnginePath(const QString& path);
    // Starts the sweep of the form's axes over the control panel's settings; false (and the
    // reason shown) when it is refused before anything runs.
    bool startSweep();
    void stopSweep();
    bool isRunning() const;
    void shutdown();
    // Another request runs: Run sweep waits for it.
    void setBlocked(bool blocked);

    bool openFile(const QString& path);
    bool saveFile(const QString& path);
    void showDocument(SweepDocument doc);
    const SweepDocument* document() const;
    // File → Open sweep…, Save sweep….
    void addFileActions(QMenu* menu, QWidget* dialogParent);
    // Loads a point (the best when none) into the control panel; false when there is none.
    bool useSetting(std::optional<std::size_t> point = std::nullopt);

    void setChartStyle(const ChartStyle& style);

    // A sweep lesson: its `poolscope-cli sweep` arguments into the control panel and the form,
    // its title and "what you should see" above the views; false (the refusal in the banner)
    // when they do not read.
    bool loadLesson(const QString& title, const QStringList& sweepArgs,
                    const QString& whatYouShouldSee);
    void clearLesson();
    QString lessonText() const;

    SweepForm* form() const { return form_; }
    SweepRunner* runner() const { return runner_; }
    SweepHeatmap* heatmap() const { return heatmap_; }
    SweepUCurve* uCurve() const { return ucurve_; }
    SweepParamChart* paramChart() const { return paramChart_; }
    SweepScaling* scaling() const { return scaling_; }
    ErrorBanner* banner() const { return banner_; }
    QString recommendationText() const;
    QString warningText() const;
    QString progressText() const;

  signals:
    void runningChanged(bool running);
    void message(const QString& text);
    // A sweep ended (its document shown, or its refusal) or a file was opened.
    void sweepFinished();
    // A point was clicked in the heatmap, the scaling plot or the U-curve.
    void pointClicked(std::size_t point);

  private:
    QWidget* buildViews();
    QLabel* buildLessonLabel();  // sweep_lesson.cpp
    void updateButtons();
    void updateProgress();
    void updateViews();
    void updateTexts();
    void rebuildSliceControls();
    void onFinished(int exitCode, const QString& message);

    ControlPanel* controls_;
    int usableCores_;
    bool blocked_ = false;
    std::optional<SweepDocument> shown_;  // the finished or opened sweep
    SweepSlice slice_;
    int shownRuns_ = -1;  // the live views were drawn at this many finished runs
    ChartStyle style_;
    SweepRunner* runner_ = nullptr;
    SweepForm* form_ = nullptr;
    ErrorBanner* banner_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* use_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QLabel* progress_ = nullptr;
    QLabel* recommendation_ = nullptr;
    QLabel* warning_ = nullptr;
    QLabel* lesson_ = nullptr;  // a sweep lesson's "what you should see"; hidden otherwise
    QButtonGroup* measure_ = nullptr;
    QWidget* sliceRow_ = nullptr;
    QList<QComboBox*> sliceCombos_;
    SweepHeatmap* heatmap_ = nullptr;
    SweepUCurve* ucurve_ = nullptr;
    SweepParamChart* paramChart_ = nullptr;  // shown when a workload parameter is swept
    SweepScaling* scaling_ = nullptr;
    QStackedWidget* views_ = nullptr;  // split_ (normal mode) or tabs_ (presentation)
    QSplitter* split_ = nullptr;
    QSplitter* rightSplit_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QWidget* left_ = nullptr;  // the heatmap and its controls
};

}  // namespace poolscope::ui
