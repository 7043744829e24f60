// LessonRun state of the GUI: a lesson's runs started one after the other as ordinary
// requests (so every chart shows each of them live), their figures collected as the core's
// lesson check reads them, and at the end the same PASS / FAIL / DISTURBED outcome that
// `poolscope-cli lesson N --check` prints.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/lessons/lesson_check.h"
#include "ui/lesson_catalog.h"

namespace poolscope::ui {

struct Request;

// The figures the lesson check compares, from one finished request (a comparison when the
// request ran --compare, else its series).
std::optional<LessonRunFigures> figuresOf(const Request& request);

struct SweepDocument;

// A sweep lesson's outcome from the sweep it ran: the core's figures of the document's points
// and analysis (the CLI's own), checked as `poolscope-cli lesson N --check` checks them.
LessonOutcome sweepLessonOutcome(const poolscope::Lesson& lesson, const SweepDocument& doc,
                                 int usableCores);

class LessonProgress {
  public:
    LessonProgress(const ui::Lesson& shown, const poolscope::Lesson& checked)
        : shown_(shown), checked_(checked) {}

    const ui::Lesson& lesson() const { return shown_; }
    bool done() const { return next_ >= static_cast<std::size_t>(shown_.runs.size()); }
    int nextIndex() const { return static_cast<int>(next_); }
    const ui::LessonRun& nextRun() const { return shown_.runs[static_cast<qsizetype>(next_)]; }
    // The request of the current run ended: its figures are kept (absent ones fail the
    // expectations that name them, unless the engine refused the run because the python
    // backends cannot run here: then they are skipped with its words, as `lesson --check`
    // skips them) and the next run is due.
    void finishRun(const Request& request);
    LessonOutcome outcome(int usableCores) const;

  private:
    ui::Lesson shown_;
    poolscope::Lesson checked_;
    std::size_t next_ = 0;
    std::map<std::string, LessonRunFigures> figures_;
    std::map<std::string, std::string> skipped_;  // run id -> why it could not run here
};

}  // namespace poolscope::ui
