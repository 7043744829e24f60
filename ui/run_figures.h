// RunFigures: one run's row of the history as values: its names, the figures the table, the
// exports and the comparison show (wall, speedup and efficiency against the serial run of the
// same request, peak PSS, mean CPU, T, C, checksum) and its state. Computed from the session in
// one place so the table, the CSV and the Markdown can never disagree. Absent = no figure.
#pragma once

#include <QString>
#include <cstdint>
#include <optional>

#include "ui/run_ref.h"

namespace poolscope::ui {

struct Request;
struct RunTrace;

enum class RunState { Running, Done, Partial, Failed, Stopped };

struct RunFigures {
    RunRef ref;
    QString request;  // "#3 Compare"
    QString label;    // the user's name for the run (the engine's label until renamed)
    QString config;   // "square n=20000 · 4w map cs=1 fork pipe cold"
    RunState state = RunState::Running;
    bool serial = false;
    int workers = 1;
    std::optional<double> wall_s;
    std::optional<double> speedup;     // serial wall / this wall, same request
    std::optional<double> efficiency;  // speedup / workers
    std::optional<double> peak_pss;    // bytes, summed over the run's processes
    std::optional<double> mean_cpu;    // 0..1 of the whole machine
    std::optional<double> T;           // serial wall / n
    std::optional<double> C;           // (W·wall − compute) / n
    std::optional<uint64_t> checksum;
    QString message;  // why a run failed or stopped, when known

    bool operator==(const RunFigures&) const = default;
};

RunFigures runFigures(const Request& request, const RunTrace& run);
QString stateName(RunState state);
// As the stream writes checksums: 0x and 16 hex digits.
QString checksumText(uint64_t checksum);

}  // namespace poolscope::ui
