// LessonCatalog: the ready lessons (resources/lessons/lessons.json, compiled into the program
// as a Qt resource so the GUI never depends on where it was installed): titles, what you should
// see, and each run's poolscope-cli arguments.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace poolscope::ui {

struct LessonRun {
    QString label;
    QStringList args;  // poolscope-cli run arguments, --compare included where the lesson asks
};

struct Lesson {
    int id = 0;
    QString title;
    QString whatYouShouldSee;
    QList<LessonRun> runs;
};

struct LessonCatalog {
    int defaultLesson = 1;
    QList<Lesson> lessons;

    const Lesson* find(int id) const;
    // The lessons compiled in (":/lessons/lessons.json").
    static LessonCatalog builtIn(QString* error = nullptr);
    // Parses a lessons file's text; on error returns an empty catalog and says why.
    static LessonCatalog parse(const QByteArray& json, QString* error);
};

}  // namespace poolscope::ui
