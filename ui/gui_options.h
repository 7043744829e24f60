// The GUI's command line: which settings to open with, whether to run at once, and a
// screenshot of the whole window after the run (for docs, tests and headless checks).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace poolscope::ui {

struct GuiOptions {
    std::optional<int> lesson;  // --lesson N: that lesson's first run's settings
    QStringList args;           // --args "…": poolscope-cli run arguments instead
    bool run = false;           // --run: start it (Compare, or the lesson's mode) at once
    QString screenshot;         // --screenshot FILE.png: save the window when the run ended
    bool quit = false;          // --quit: leave after the run (and the screenshot)
    bool presentation = false;  // --presentation: large fonts and thick lines
    QString engine;             // --engine PATH: the poolscope-cli to run
    QString size;               // --window-size WxH
    QString open;               // --open FILE.jsonl: a recorded or saved stream, into the views
    bool record = true;         // --no-record: do not keep this session's streams
    QString sweep;              // --sweep FILE.json: a saved sweep, shown in the Sweep view
};

// Parses the application's arguments; on bad input returns nullopt and sets error.
std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString* error);
// Splits a --args string as a POSIX shell would for words and quotes (no expansion).
QStringList splitArguments(const QString& text, QString* error);

}  // namespace poolscope::ui
