// MainWindow: assembles the controls (a dock on the left), the four live views (progress, CPU
// per core, memory, result) in one split layout that fits a 1366×768 screen, the error banner
// and the status bar, and wires them to the engine client and the session model. It owns no
// logic of its own beyond starting requests and redrawing at 10 Hz when something changed (the
// charts and the worker timeline follow a live run's new data at 4 Hz).
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include "ui/chart_style.h"
#include "ui/engine_client.h"
#include "ui/gui_options.h"
#include "ui/lesson_run.h"
#include "ui/live_pace.h"
#include "ui/run_ref.h"
#include "ui/run_settings.h"
#include "ui/session_model.h"
#include "ui/view_signature.h"

class QAction;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace poolscope::ui {

class ControlPanel;
class LessonPanel;
class ProgressChart;
class CpuChart;
class MemoryChart;
class ResultPanel;
class ErrorBanner;
class ChunkTimelineView;
class RunHistoryView;
class ComparisonView;
class StreamRecorder;
class RecordingLoader;
class FileActions;
class SweepView;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Applies --lesson/--args/--presentation/--engine; false and a message when they are bad.
    bool applyOptions(const GuiOptions& options, QString* error);
    // Starts a request in this mode; false when the settings are refused (shown by the control).
    bool startRun(RunMode mode);
    // Runs every run of the selected lesson in order, then checks its expectations.
    bool runLesson();
    // The mode the loaded settings ask for: Compare when a lesson's arguments say --compare.
    RunMode preferredMode() const { return preferred_mode_; }
    void stopRun();
    // Saves the whole window as an image.
    bool saveScreenshot(const QString& path);

    SessionModel& session() { return session_; }
    EngineClient& client() { return client_; }
    ControlPanel* controls() const { return controls_; }
    ProgressChart* progressChart() const { return progress_; }
    CpuChart* cpuChart() const { return cpu_; }
    MemoryChart* memoryChart() const { return memory_; }
    ResultPanel* resultPanel() const { return result_; }
    ErrorBanner* banner() const { return banner_; }
    ChunkTimelineView* timeline() const { return timeline_; }
    RunHistoryView* history() const { return history_; }
    ComparisonView* comparison() const { return comparison_; }
    SweepView* sweepView() const { return sweep_; }
    // Shows the live runs (0) or the Sweep view (1).
    void showMode(int mode);
    // Opens a recorded or saved stream into the session (File → Open, --open).
    bool openStream(const QString& path);
    // Recording of every engine stream into the user's data folder (on by default).
    void setRecording(bool on);
    QString statusText() const;
    // Redraws the views now (the timer does this at 10 Hz when data changed; the charts take a
    // live run's new data at chartsPace()'s interval, the timeline at its own). A view in a tab
    // that is not shown (the live views behind the Sweep view, the result behind the run
    // history) is neither laid out nor painted: it catches up the moment its tab is shown.
    void refreshViews();
    int redrawCount() const { return redraws_; }
    LivePace& chartsPace() { return charts_pace_; }

    LessonPanel* lessons() const { return lessons_; }
    bool presentationMode() const;

  signals:
    void requestFinished();
    // A request ended and nothing more is queued (a lesson's last run included).
    void workFinished();

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildActions();
    void buildLayout();
    void updateActions();
    void updateStatus();
    void onFinished(const EngineExit& exit);
    void setPresentation(bool on);
    void startNextLessonRun();
    // main_window_sweep.cpp: a lesson chosen (a sweep lesson loads into the Sweep view), a
    // sweep lesson run there and checked, a sweep point's runs opened in the history.
    void chooseLesson(const Lesson& lesson);
    void connectSweepView();
    bool runSweepLesson();
    void finishSweepLesson();
    void openSweepPoint(std::size_t point);
    void loadArguments(const QStringList& args);
    const RunTrace* timelineRun() const;
    // Redraws the views that missed a refreshViews(): those shown now, or every one. paced:
    // new data (the Qt Charts views follow a live run at LivePace's interval), not a view
    // shown again or saved (drawn at once).
    void refreshStale(bool hiddenToo, bool paced = false);
    void drawPacedCharts();

    RunMode preferred_mode_ = RunMode::Compare;
    int redraws_ = 0;
    // Views whose tab was not shown at the last refreshViews().
    bool stale_live_ = false;
    bool stale_result_ = false;
    bool stale_comparison_ = false;
    // The Qt Charts views (progress, CPU, memory): what they show besides a live run's growth,
    // and the pace they follow it at.
    ViewSignature charts_signature_;
    LivePace charts_pace_{[this] { drawPacedCharts(); }};
    SessionModel session_;
    EngineClient client_;
    QTimer redraw_;
    ChartStyle style_;
    ControlPanel* controls_ = nullptr;
    LessonPanel* lessons_ = nullptr;
    std::optional<LessonProgress> lesson_run_;
    std::optional<poolscope::Lesson> sweep_lesson_;  // the sweep lesson running, checked at its end
    QHash<QString, int> sweep_point_requests_;       // "document hash:point" → its request id
    ProgressChart* progress_ = nullptr;
    CpuChart* cpu_ = nullptr;
    MemoryChart* memory_ = nullptr;
    ResultPanel* result_ = nullptr;
    ErrorBanner* banner_ = nullptr;
    ChunkTimelineView* timeline_ = nullptr;
    RunHistoryView* history_ = nullptr;
    ComparisonView* comparison_ = nullptr;
    QTabWidget* lower_tabs_ = nullptr;
    QTabWidget* modes_ = nullptr;  // live runs | sweep
    SweepView* sweep_ = nullptr;
    StreamRecorder* recorder_ = nullptr;
    RecordingLoader* loader_ = nullptr;
    FileActions* file_actions_ = nullptr;
    RunRef timeline_run_;  // the run picked in the history; none: the newest parallel run
    QLabel* status_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QAction* run_serial_ = nullptr;
    QAction* run_parallel_ = nullptr;
    QAction* compare_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* presentation_ = nullptr;
    QAction* run_sweep_ = nullptr;
    QAction* sweep_view_ = nullptr;
};

}  // namespace poolscope::ui
