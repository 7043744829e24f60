// WindowSettings: what the GUI remembers between sessions: the window's geometry and the
// layout of its docks and toolbars, presentation mode, and the last run's configuration as the
// poolscope-cli argument list (the one grammar of CLI, GUI and lessons, so a saved run reads
// back through the CLI's own parser and an argument list the engine now refuses is dropped
// with its reason instead of half-applied).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "ui/run_settings.h"

class QMainWindow;
class QSettings;

namespace poolscope::ui {

class WindowSettings {
  public:
    // What restore() found and applied.
    struct Restored {
        bool geometry = false;                // a saved geometry was applied to the window
        bool state = false;                   // a saved dock/toolbar layout was applied
        bool presentation = false;            // presentation mode was on when last saved
        QStringList lastArgs;                 // the last run's arguments; empty if none or refused
        std::optional<RunSettings> settings;  // lastArgs as read by the CLI's parser
        RunMode mode = RunMode::Compare;      // the mode lastArgs ask for
        QString argsError;  // why saved arguments were dropped ("" when they were not)
    };

    // Uses the application's settings (QSettings() with the organisation and application
    // names set in main).
    WindowSettings();
    // Uses `settings`, which must outlive this object (tests pass a file of their own).
    explicit WindowSettings(QSettings& settings);
    ~WindowSettings();
    WindowSettings(const WindowSettings&) = delete;
    WindowSettings& operator=(const WindowSettings&) = delete;

    // Saves the window's geometry and layout (docks and toolbars need an objectName), the
    // presentation flag and the last run's arguments; written to storage before returning.
    void save(const QMainWindow& window, const QStringList& lastArgs, bool presentation);
    // Applies a saved geometry and layout to `window` (call it after the docks exist and
    // before show()) and returns what was saved. Nothing saved: defaults, nothing applied.
    Restored restore(QMainWindow& window);
    // Forgets what save() wrote (and nothing else kept in the same settings).
    void clear();

  private:
    QSettings* own_ = nullptr;
    QSettings& settings_;
};

}  // namespace poolscope::ui
