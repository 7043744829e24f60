#include "ui/request_rows.h"

#include <algorithm>

#include "ui/session_model.h"

namespace poolscope::ui {

std::vector<const CoreRow*> cpuRows(const Request& request) {
    std::vector<const CoreRow*> rows;
    for (const auto& run : request.runs)
        run.cpu.for_each([&](const CoreRow& r) { rows.push_back(&r); });
    return rows;
}

std::vector<RunInterval> runIntervals(const Request& request, double now) {
    std::vector<RunInterval> out;
    for (const auto& run : request.runs)
        out.push_back({run.start_s, run.end_s >= 0 ? run.end_s : now, run.serial});
    return out;
}

double requestEnd(const Request& request) {
    double end = 0;
    for (const auto& run : request.runs) {
        end = std::max(end, run.end_s);
        if (!run.cpu.empty()) end = std::max(end, run.cpu.last().t);
        if (!run.memory.empty()) end = std::max(end, run.memory.last().t);
    }
    return end;
}

}  // namespace poolscope::ui
