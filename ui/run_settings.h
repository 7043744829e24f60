// RunSettings: every knob of `poolscope-cli run` as the control panel holds it, and its two
// faces: the argument list the engine is started with, and the refusal the engine would give.
// Both go through the CLI's own parse_run_options and core's validate_config, so a lesson's
// argument list loads exactly as the engine reads it and a refusal is shown in its words.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/config/run_config.h"
#include "core/platform/machine_info.h"

namespace poolscope::ui {

// What a run button asks for: the serial baseline alone, the pool alone, or both (--compare).
enum class RunMode { Serial, Parallel, Compare };

// Defaults are RunConfig's (a test checks that they stay equal).
struct RunSettings {
    QString workload = QStringLiteral("cpu");
    QMap<QString, QString> params;  // --param KEY=VALUE, as typed; absent = the default
    quint64 size = 2000;
    int workers = 4;
    std::optional<quint64> chunksize;      // nullopt = auto
    Backend backend = Backend::Processes;  // any but Serial, which is a RunMode
    bool globalLock = false;
    StartMethod start = StartMethod::Fork;
    Dispatch dispatch = Dispatch::Map;
    Transport transport = Transport::Pipe;
    PoolLifetime pool = PoolLifetime::Cold;
    int libThreads = 1;
    bool pin = false;
    int repeat = 1;
    int warmup = 0;
    int sampleMs = 100;
    double taskTimeoutS = 0;  // 0 = none
    OnFailure onFailure = OnFailure::Stop;
    QStringList inject;                   // --inject FAULT, as typed
    quint64 maxFrame = kDefaultMaxFrame;  // no control of its own: kept as loaded
    int reapDelayMs = 0;                  // --reap-delay-ms
    QString hosts;  // --hosts (mpi only; no control of its own: kept as loaded, e.g. from --args)

    bool operator==(const RunSettings&) const = default;
};

// A refusal placed on a control: `field` is the option it names ("--chunksize"), or
// "--param KEY" for a workload parameter, or "" when it names none.
struct FieldError {
    QString field;
    QString message;

    bool operator==(const FieldError&) const = default;
};

// The engine's argument list (never --events or --control-stdin: the engine client adds
// those). Serial: --backend serial and only the options a serial run reads. Parallel: every
// option that applies to the backend, plus any other one not at its default, so that a
// contradiction reaches the engine instead of being dropped. Compare: Parallel + --compare.
QStringList toArguments(const RunSettings& settings, RunMode mode);

// Reads an argument list with the CLI's parser. On success fills `out` (and `mode`: Compare
// with --compare, Serial with --backend serial, else Parallel); output options (--json,
// --events, ...) are read and dropped. On failure returns false and sets `error` to the
// CLI's one line. Parameters are not checked here: validate() does that.
bool fromArguments(const QStringList& args, RunSettings& out, QString* error,
                   RunMode* mode = nullptr);

// The refusal the engine would give for this run before starting any process: its argument
// parser, validate_config, and each parameter's range in the workload's own words. Checks that
// need a configured workload (between parameters, folders, the memory estimate) are left to
// the engine: configuring the cpu workload calibrates in a forked child, and the GUI never forks.
std::optional<FieldError> validate(const RunSettings& settings, RunMode mode,
                                   const MachineInfo& machine);

// The option an engine message is about: "--X" when it says "--X must be", else the first
// "--X" it names; "--param KEY" for "parameter KEY ..."; "--param" for an unknown parameter;
// "" when it names none.
QString fieldOf(const QString& message);

// A RunConfig's knobs as settings (a serial backend becomes the default pool backend).
RunSettings settingsFromConfig(const RunConfig& config);

}  // namespace poolscope::ui
