#include "ui/lesson_catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <nlohmann/json.hpp>

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
    try {
        const auto j = nlohmann::json::parse(text.begin(), text.end());
        c.defaultLesson = j.value("default_lesson", 1);
        for (const auto& l : j.at("lessons")) {
            Lesson lesson;
            lesson.id = l.at("id").get<int>();
            lesson.title = q(l.at("title").get<std::string>());
            lesson.whatYouShouldSee = q(l.value("what_you_should_see", std::string()));
            for (const auto& r : l.at("runs")) {
                LessonRun run;
                run.label = q(r.at("label").get<std::string>());
                for (const auto& a : r.at("args")) run.args << q(a.get<std::string>());
                lesson.runs.append(run);
            }
            c.lessons.append(lesson);
        }
    } catch (const nlohmann::json::exception& e) {
        if (error)
            *error = QCoreApplication::translate("Lessons", "the lessons file is invalid: %1")
                         .arg(QString::fromUtf8(e.what()));
        return {};
    }
    return c;
}

}  // namespace poolscope::ui
