#include "ui/window_settings.h"

#include <QMainWindow>
#include <QSettings>

namespace poolscope::ui {

namespace {

// Bumped when the meaning of a key changes; restore() ignores settings of another version
// rather than misreading them. kStateVersion tags saveState() so a layout from a build with
// other docks is refused by restoreState() itself.
constexpr int kFormatVersion = 1;
constexpr int kStateVersion = 1;

const QString kVersion = QStringLiteral("format");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kPresentation = QStringLiteral("window/presentation");
const QString kLastArgs = QStringLiteral("run/lastArgs");

}  // namespace

WindowSettings::WindowSettings() : own_(new QSettings), settings_(*own_) {}

WindowSettings::WindowSettings(QSettings& settings) : settings_(settings) {}

WindowSettings::~WindowSettings() {
    delete own_;
}

void WindowSettings::save(const QMainWindow& window, const QStringList& lastArgs,
                          bool presentation) {
    settings_.setValue(kVersion, kFormatVersion);
    settings_.setValue(kGeometry, window.saveGeometry());
    settings_.setValue(kState, window.saveState(kStateVersion));
    settings_.setValue(kPresentation, presentation);
    if (lastArgs.isEmpty())
        settings_.remove(kLastArgs);
    else
        settings_.setValue(kLastArgs, lastArgs);
    settings_.sync();
}

WindowSettings::Restored WindowSettings::restore(QMainWindow& window) {
    Restored r;
    if (settings_.value(kVersion).toInt() != kFormatVersion) return r;
    const QByteArray geometry = settings_.value(kGeometry).toByteArray();
    r.geometry = !geometry.isEmpty() && window.restoreGeometry(geometry);
    const QByteArray state = settings_.value(kState).toByteArray();
    r.state = !state.isEmpty() && window.restoreState(state, kStateVersion);
    r.presentation = settings_.value(kPresentation, false).toBool();
    const QStringList args = settings_.value(kLastArgs).toStringList();
    if (args.isEmpty()) return r;
    RunSettings s;
    QString error;
    if (fromArguments(args, s, &error, &r.mode)) {
        r.lastArgs = args;
        r.settings = s;
    } else {
        r.argsError = error;
    }
    return r;
}

void WindowSettings::clear() {
    // Only these keys: other parts of the GUI may keep their own in the same settings.
    for (const QString& key : {kVersion, kGeometry, kState, kPresentation, kLastArgs})
        settings_.remove(key);
    settings_.sync();
}

}  // namespace poolscope::ui
