// The shipped lessons file: it loads under the schema (runs, expectations, figure names), and
// every run is an argument list for `poolscope-cli run` that parses and passes validation on this
// machine and, with {cores} standing for 16, on a bigger one — so a lesson never fails in front
// of a class because of a typo.
#include <gtest/gtest.h>

#include "app/cli/run_options.h"
#include "app/cli/sweep_session.h"
#include "core/config/validation.h"
#include "core/lessons/lesson_file.h"
#include "core/workloads/workload_registry.h"

using namespace poolscope;

namespace {

LessonFile load_shipped() {
    LessonFile f;
    const auto e =
        load_lesson_file(std::string(POOLSCOPE_RESOURCES_DIR) + "/lessons/lessons.json", f);
    EXPECT_EQ(e, std::nullopt) << *e;
    return f;
}

}  // namespace

TEST(Lessons, TheShippedFileFollowsTheSchema) {
    const LessonFile f = load_shipped();
    EXPECT_EQ(f.schema, kLessonSchema);
    ASSERT_GE(f.lessons.size(), 10u);
    for (std::size_t i = 0; i < f.lessons.size(); ++i) {
        EXPECT_EQ(f.lessons[i].id, static_cast<int>(i + 1)) << "lessons are numbered 1, 2, …";
        EXPECT_FALSE(f.lessons[i].expectations.empty()) << f.lessons[i].title;
    }
}

TEST(Lessons, EveryRunParsesAndValidatesAtAnyCoreCount) {
    const LessonFile f = load_shipped();
    const MachineInfo m = read_machine_info();
    for (const int cores : {m.usable_cores, 16}) {
        for (const Lesson& lesson : f.lessons) {
            for (const LessonRun& run : lesson.runs) {
                cli::RunOptions opt;
                std::string err;
                const auto args = expand_lesson_args(run, cores);
                ASSERT_TRUE(cli::parse_run_options(args, opt, err))
                    << lesson.title << " / " << run.id << ": " << err;
                EXPECT_EQ(opt.compare, run.compare);
                if (!make_workload(opt.config.workload)) continue;  // blur without OpenCV
                const auto refusal = validate_config(opt.config, m);
                EXPECT_FALSE(refusal) << lesson.title << " / " << run.id << ": " << *refusal;
                auto wl = make_workload(opt.config.workload);
                const auto bad = wl->configure(with_defaults(wl->info(), opt.config.params), 1);
                EXPECT_FALSE(bad) << lesson.title << " / " << run.id << ": " << *bad;
            }
        }
    }
}

TEST(Lessons, TheDefaultLessonIsTheTinyTasksComparison) {
    const LessonFile f = load_shipped();
    const Lesson* first = f.find(f.default_lesson);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->id, 1);
    cli::RunOptions opt;
    std::string err;
    ASSERT_TRUE(cli::parse_run_options(expand_lesson_args(first->runs[0], 2), opt, err));
    EXPECT_EQ(opt.config.workload, "square");
    EXPECT_EQ(opt.config.size, 1000u);
    EXPECT_EQ(opt.config.workers, 4);
    EXPECT_TRUE(opt.compare);
}

TEST(Lessons, EverySweepParsesAndItsPointsValidateAtAnyCoreCount) {
    const LessonFile f = load_shipped();
    const MachineInfo m = read_machine_info();
    int sweeps = 0;
    for (const int cores : {m.usable_cores, 16}) {
        for (const Lesson& lesson : f.lessons) {
            if (!lesson.sweep) continue;
            ++sweeps;
            cli::SweepOptions opt;
            const auto e = cli::parse_sweep_options(expand_lesson_args(*lesson.sweep, cores), opt);
            ASSERT_FALSE(e) << lesson.title << ": " << *e;
            EXPECT_FALSE(opt.axes.empty()) << lesson.title;
            cli::SweepSession session;
            const auto refused = cli::plan_sweep(opt, m, session);
            EXPECT_FALSE(refused) << lesson.title << " at " << cores << " cores: " << *refused;
        }
    }
    EXPECT_GE(sweeps, 2 * 3) << "lessons 3, 4 and 16 are sweeps";
}
