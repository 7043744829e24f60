#include "ui/gui_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace poolscope::ui {

QStringList splitArguments(const QString& text, QString* error) {
    QStringList out;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == QLatin1Char('\\') && quote == QLatin1Char('"') && i + 1 < text.size()) {
                word += text[++i];
            } else {
                word += c;
            }
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            word += text[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord) out << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull()) {
        if (error) *error = QCoreApplication::translate("GuiOptions", "--args: unterminated quote");
        return {};
    }
    if (inWord) out << word;
    return out;
}

std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments, QString* error) {
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "GuiOptions", "PoolScope: why is my parallel code slower than I hoped?"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption lesson(QStringLiteral("lesson"),
                                    QCoreApplication::translate("GuiOptions", "Open lesson N."),
                                    QStringLiteral("N"));
    const QCommandLineOption args(
        QStringLiteral("args"),
        QCoreApplication::translate("GuiOptions", "Open with these poolscope-cli run arguments."),
        QStringLiteral("ARGS"));
    const QCommandLineOption run(
        QStringLiteral("run"), QCoreApplication::translate("GuiOptions", "Start the run at once."));
    const QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("GuiOptions", "Save the window as PNG when the run has ended."),
        QStringLiteral("FILE"));
    const QCommandLineOption quit(QStringLiteral("quit"),
                                  QCoreApplication::translate("GuiOptions", "Quit after the run."));
    const QCommandLineOption presentation(
        QStringLiteral("presentation"),
        QCoreApplication::translate("GuiOptions", "Large fonts and thick lines (projector)."));
    const QCommandLineOption engine(
        QStringLiteral("engine"),
        QCoreApplication::translate("GuiOptions", "The poolscope-cli program to run."),
        QStringLiteral("PATH"));
    const QCommandLineOption size(
        QStringLiteral("window-size"),
        QCoreApplication::translate("GuiOptions", "Window size, e.g. 1366x768."),
        QStringLiteral("WxH"));
    const QCommandLineOption open(
        QStringLiteral("open"),
        QCoreApplication::translate("GuiOptions",
                                    "Open a recorded or saved event stream (.jsonl)."),
        QStringLiteral("FILE"));
    const QCommandLineOption noRecord(
        QStringLiteral("no-record"),
        QCoreApplication::translate("GuiOptions", "Do not record the runs' event streams."));
    const QCommandLineOption sweep(
        QStringLiteral("sweep"),
        QCoreApplication::translate(
            "GuiOptions", "Show a saved sweep (poolscope-cli sweep --json) in the Sweep view."),
        QStringLiteral("FILE"));
    p.addOptions(
        {lesson, args, run, shot, quit, presentation, engine, size, open, noRecord, sweep});
    if (!p.parse(arguments)) {
        if (error) *error = p.errorText();
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("help"))) p.showHelp(0);
    if (p.isSet(QStringLiteral("version"))) p.showVersion();
    GuiOptions o;
    if (p.isSet(lesson)) {
        bool ok = false;
        const int n = p.value(lesson).toInt(&ok);
        if (!ok || n < 1) {
            if (error)
                *error = QCoreApplication::translate("GuiOptions",
                                                     "--lesson must be a lesson number; got '%1'")
                             .arg(p.value(lesson));
            return std::nullopt;
        }
        o.lesson = n;
    }
    if (p.isSet(args)) {
        QString e;
        o.args = splitArguments(p.value(args), &e);
        if (!e.isEmpty()) {
            if (error) *error = e;
            return std::nullopt;
        }
    }
    o.run = p.isSet(run);
    o.screenshot = p.value(shot);
    o.quit = p.isSet(quit);
    o.presentation = p.isSet(presentation);
    o.engine = p.value(engine);
    o.size = p.value(size);
    o.open = p.value(open);
    o.record = !p.isSet(noRecord);
    o.sweep = p.value(sweep);
    if (!p.positionalArguments().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("GuiOptions", "unexpected argument '%1'")
                         .arg(p.positionalArguments().first());
        return std::nullopt;
    }
    return o;
}

}  // namespace poolscope::ui
