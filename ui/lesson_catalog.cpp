#include "ui/lesson_catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/platform/machine_info.h"

// The resources live in this static library; a static library's resource initialiser is only
// linked in when something calls it (Q_INIT_RESOURCE must be outside any namespace).
static void initPoolscopeResources() {
    Q_INIT_RESOURCE(poolscope);
}

namespace poolscope::ui {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
}  // namespace

const Lesson* LessonCatalog::find(int id) const {
    for (const auto& l : lessons)
        if (l.id == id) return &l;
    return nullptr;
}

LessonCatalog LessonCatalog::builtIn(QString* error) {
    initPoolscopeResources();
    QFile f(QStringLiteral(":/lessons/lessons.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = QCoreApplication::translate("Lessons", "the lessons are not built in");
        return {};
    }
    return parse(f.readAll(), error);
}

LessonCatalog LessonCatalog::parse(const QByteArray& text, QString* error) {
    LessonCatalog c;
    LessonFile file;
    std::optional<std::string> refused;
    try {
        refused = parse_lesson_file(nlohmann::json::parse(text.begin(), text.end()), file);
    } catch (const nlohmann::json::exception& e) {
        refused = e.what();
    }
    if (refused) {
        if (error)
            *error = QCoreApplication::translate("Lessons", "the lessons file is invalid: %1")
                         .arg(q(*refused));
        return {};
    }
    // Sizes and worker counts that scale with the machine are settled here, once.
    const int cores = std::max(1, usable_cores());
    c.defaultLesson = file.default_lesson;
    for (const auto& l : file.lessons) {
        Lesson lesson;
        lesson.id = l.id;
        lesson.title = q(l.title);
        lesson.whatYouShouldSee = q(l.what_you_should_see);
        lesson.summary = q(l.summary);
        for (const auto& r : l.runs) {
            LessonRun run;
            run.id = q(r.id);
            run.label = q(r.label);
            for (const auto& a : expand_lesson_args(r, cores)) run.args << q(a);
            // The lesson's repeat count, as `poolscope-cli lesson` applies it.
            if (!run.args.contains(QStringLiteral("--repeat")))
                run.args << QStringLiteral("--repeat") << QString::number(l.repeat);
            lesson.runs.append(run);
        }
        if (l.sweep) {
            for (const auto& a : expand_lesson_args(*l.sweep, cores)) lesson.sweepArgs << q(a);
            if (!lesson.sweepArgs.contains(QStringLiteral("--repeat")))
                lesson.sweepArgs << QStringLiteral("--repeat") << QString::number(l.repeat);
        }
        c.lessons.append(lesson);
    }
    c.file = std::move(file);
    return c;
}

}  // namespace poolscope::ui
