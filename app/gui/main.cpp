// poolscope: the desktop GUI. With --screenshot FILE --quit it runs, saves the window and
// leaves, which also works on the offscreen platform (docs, tests, machines without a display).
#include <QApplication>
#include <QTimer>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include "ui/control_panel.h"
#include "ui/error_banner.h"
#include "ui/gui_options.h"
#include "ui/main_window.h"
#include "ui/quit_signals.h"
#include "ui/run_settings.h"
#include "ui/sweep_view.h"
#include "ui/window_settings.h"

namespace {

bool has_arg(int argc, char** argv, std::initializer_list<std::string_view> names) {
    for (int i = 1; i < argc; ++i)
        for (const std::string_view n : names)
            if (argv[i] == n) return true;
    return false;
}

// Without a display Qt's default platform aborts with a plugin message. --help and --version,
// and a screenshot that quits, need no screen: they run offscreen. Anything else is told why it
// cannot open a window and what works instead.
bool choose_platform(int argc, char** argv) {
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
        !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return true;
    const bool headless =
        has_arg(argc, argv, {"-h", "--help", "--help-all", "-v", "--version"}) ||
        (has_arg(argc, argv, {"--screenshot"}) && has_arg(argc, argv, {"--quit"}));
    if (headless) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return true;
    }
    std::fprintf(stderr,
                 "poolscope: error: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                 "  The same comparison without a window: poolscope-cli run --compare (or "
                 "scripts/run.sh)\n"
                 "  A picture of the window: poolscope --lesson 1 --run --screenshot FILE.png "
                 "--quit\n");
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (!choose_platform(argc, argv)) return 2;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PoolScope"));
    QApplication::setOrganizationName(QStringLiteral("PoolScope"));
    QApplication::setApplicationVersion(QStringLiteral(POOLSCOPE_VERSION));
    using namespace poolscope::ui;
    QString error;
    const auto options = parseGuiOptions(QApplication::arguments(), &error);
    if (!options) {
        std::fprintf(stderr, "poolscope: error: %s\n", qUtf8Printable(error));
        return 2;
    }
    // The window's layout, presentation mode and last settings come back from the last session
    // (not for screenshots and --quit, which must not depend on who ran the program before).
    const bool remember = options->screenshot.isEmpty() && !options->quit;
    WindowSettings prefs;
    MainWindow window;
    GuiOptions effective = *options;
    WindowSettings::Restored saved;
    if (remember) {
        saved = prefs.restore(window);
        effective.presentation = effective.presentation || saved.presentation;
        if (!effective.lesson && effective.args.isEmpty() && effective.open.isEmpty())
            effective.args = saved.lastArgs;
    }
    if (!window.applyOptions(effective, &error)) {
        std::fprintf(stderr, "poolscope: error: %s\n", qUtf8Printable(error));
        return 2;
    }
    if (!options->size.isEmpty()) {
        const auto wh = options->size.split(QLatin1Char('x'));
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
    }
    if (!saved.argsError.isEmpty())
        window.banner()->showMessage(QObject::tr("The last session's settings are refused:"),
                                     saved.argsError);
    window.show();
    // A terminating signal closes the window as the user would: the engine is stopped first.
    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, &window, [&](int) {
        window.close();
        QApplication::quit();
    });
    int status = 0;
    const auto finish = [&] {
        // Let the last redraw and layout settle before the picture is taken.
        QTimer::singleShot(300, &window, [&] {
            if (!options->screenshot.isEmpty() && !window.saveScreenshot(options->screenshot)) {
                std::fprintf(stderr, "poolscope: error: cannot write '%s'\n",
                             qUtf8Printable(options->screenshot));
                status = 1;
            }
            if (options->quit) QApplication::exit(status);
        });
    };
    if (!options->sweep.isEmpty()) {
        // A saved sweep: shown in the Sweep view, then the screenshot.
        QTimer::singleShot(0, &window, [&] {
            window.showMode(1);
            if (!window.sweepView()->openFile(options->sweep)) {
                std::fprintf(stderr, "poolscope: error: cannot open the sweep '%s'\n",
                             qUtf8Printable(options->sweep));
                status = 2;
            }
            finish();
        });
    } else if (!options->open.isEmpty()) {
        // A stream opened from the command line: the screenshot waits until it is read.
        QObject::connect(&window, &MainWindow::workFinished, &window, finish);
        QTimer::singleShot(0, &window, [&] {
            if (!window.openStream(options->open)) {
                std::fprintf(stderr, "poolscope: error: cannot open '%s'\n",
                             qUtf8Printable(options->open));
                status = 2;
                finish();
            }
        });
    } else if (options->run) {
        QObject::connect(&window, &MainWindow::workFinished, &window, finish);
        QTimer::singleShot(0, &window, [&] {
            // A lesson runs whole (every run, then its check); other settings run once.
            const bool started =
                options->lesson ? window.runLesson() : window.startRun(window.preferredMode());
            if (!started) {
                std::fprintf(stderr, "poolscope: error: %s\n", qUtf8Printable(window.statusText()));
                status = 2;
                finish();
            }
        });
    } else if (!options->screenshot.isEmpty() || options->quit) {
        finish();
    }
    const int rc = QApplication::exec();
    if (remember)
        prefs.save(window, window.controls()->arguments(window.preferredMode()),
                   window.presentationMode());
    return rc != 0 ? rc : status;
}
