// LessonCatalog: the ready lessons (resources/lessons/lessons.json, compiled into the program
// as a Qt resource so the GUI never depends on where it was installed), read and validated by
// the core's lesson loader: titles, what you should see, and each run's poolscope-cli
// arguments with "{cores}" settled for this machine.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/lessons/lesson_file.h"

namespace poolscope::ui {

struct LessonRun {
    QString id;  // what the lesson's expectations call it
    QString label;
    QStringList args;  // poolscope-cli run arguments, --compare included where the lesson asks
};

struct Lesson {
    int id = 0;
    QString title;
    QString whatYouShouldSee;
    QString summary;
    QList<LessonRun> runs;  // empty for a sweep lesson
    // A sweep lesson: its `poolscope-cli sweep` arguments (axes and --repeat included); it loads
    // into the Sweep view and runs there.
    QStringList sweepArgs;

    bool isSweep() const { return !sweepArgs.isEmpty(); }
};

struct LessonCatalog {
    int defaultLesson = 1;
    QList<Lesson> lessons;       // as shown, arguments expanded for this machine's cores
    poolscope::LessonFile file;  // as loaded: the expectations the lesson checks use

    const Lesson* find(int id) const;
    // The lessons compiled in (":/lessons/lessons.json").
    static LessonCatalog builtIn(QString* error = nullptr);
    // Parses a lessons file's text; on error returns an empty catalog and says why.
    static LessonCatalog parse(const QByteArray& json, QString* error);
};

}  // namespace poolscope::ui
