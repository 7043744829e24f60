#include "ui/run_settings.h"

#include <QLocale>
#include <string>
#include <vector>

#include "app/cli/run_options.h"
#include "core/config/refused_field.h"
#include "core/config/validation.h"
#include "core/workloads/param_domain.h"
#include "core/workloads/workload_registry.h"

namespace poolscope::ui {

namespace {

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::string utf8(const QString& s) {
    return s.toStdString();
}

QString shortest(double v) {
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// Appends "--name value" (the lessons' form).
void add(QStringList& args, const char* name, const QString& value) {
    args << QString::fromLatin1(name) << value;
}

template <typename E>
void add(QStringList& args, const char* name, E value) {
    add(args, name, text(to_string(value)));
}

// The options every mode shares: what to run and how often.
void addWorkAndSeries(QStringList& args, const RunSettings& s) {
    add(args, "--workload", s.workload);
    for (auto it = s.params.cbegin(); it != s.params.cend(); ++it)
        add(args, "--param", it.key() + QLatin1Char('=') + it.value());
    add(args, "--size", QString::number(s.size));
}

void addTail(QStringList& args, const RunSettings& s) {
    add(args, "--lib-threads", QString::number(s.libThreads));
    add(args, "--repeat", QString::number(s.repeat));
    add(args, "--warmup", QString::number(s.warmup));
    add(args, "--sample-ms", QString::number(s.sampleMs));
}

void addFaultsAndFrame(QStringList& args, const RunSettings& s) {
    for (const QString& fault : s.inject) add(args, "--inject", fault);
    if (s.maxFrame != kDefaultMaxFrame) add(args, "--max-frame", QString::number(s.maxFrame));
}

// The pool's options. Those that only apply to processes are given for threads too when they
// are not at their defaults: the engine then refuses the contradiction in its own words.
void addPool(QStringList& args, const RunSettings& s) {
    const RunSettings defaults;
    const bool processes = s.backend == Backend::Processes || s.backend == Backend::Python;
    add(args, "--workers", QString::number(s.workers));
    add(args, "--chunksize", s.chunksize ? QString::number(*s.chunksize) : QStringLiteral("auto"));
    add(args, "--backend", s.backend);
    if (!s.hosts.isEmpty()) add(args, "--hosts", s.hosts);
    if (s.globalLock) args << QStringLiteral("--global-lock");
    add(args, "--dispatch", s.dispatch);
    if (processes || s.start != defaults.start) add(args, "--start", s.start);
    if (processes || s.transport != defaults.transport) add(args, "--transport", s.transport);
    if (processes || s.pool != defaults.pool) add(args, "--pool", s.pool);
    if (s.pin) args << QStringLiteral("--pin");
    if (s.reapDelayMs != defaults.reapDelayMs)
        add(args, "--reap-delay-ms", QString::number(s.reapDelayMs));
}

std::optional<WorkloadInfo> workloadInfo(const std::string& name) {
    for (auto& info : list_workloads())
        if (info.name == name) return info;
    return std::nullopt;
}

std::optional<std::string> checkParams(const RunConfig& cfg) {
    const auto info = workloadInfo(cfg.workload);
    if (!info) return std::nullopt;  // validate_config has named it already
    if (auto e = check_known_params(*info, cfg.params)) return e;
    for (const auto& spec : info->params)
        if (auto e = check_param_range(spec, cfg.params)) return e;
    return std::nullopt;
}

// The CLI's parser over a QStringList.
bool parse(const QStringList& args, cli::RunOptions& options, std::string& error) {
    std::vector<std::string> argv;
    argv.reserve(static_cast<std::size_t>(args.size()));
    for (const QString& a : args) argv.push_back(utf8(a));
    return cli::parse_run_options(argv, options, error);
}

FieldError fieldError(const std::string& message) {
    const QString m = QString::fromStdString(message);
    return {fieldOf(m), m};
}

}  // namespace

QStringList toArguments(const RunSettings& s, RunMode mode) {
    QStringList args;
    addWorkAndSeries(args, s);
    if (mode == RunMode::Serial) {
        add(args, "--backend", Backend::Serial);
    } else {
        addPool(args, s);
    }
    addTail(args, s);
    if (mode != RunMode::Serial) {
        add(args, "--task-timeout", shortest(s.taskTimeoutS));
        add(args, "--on-failure", s.onFailure);
    }
    addFaultsAndFrame(args, s);
    if (mode == RunMode::Compare) args << QStringLiteral("--compare");
    return args;
}

bool fromArguments(const QStringList& args, RunSettings& out, QString* error, RunMode* mode) {
    cli::RunOptions options;
    std::string err;
    if (!parse(args, options, err)) {
        if (error) *error = QString::fromStdString(err);
        return false;
    }
    out = settingsFromConfig(options.config);
    if (mode) {
        *mode = options.compare                             ? RunMode::Compare
                : options.config.backend == Backend::Serial ? RunMode::Serial
                                                            : RunMode::Parallel;
    }
    return true;
}

std::optional<FieldError> validate(const RunSettings& s, RunMode mode, const MachineInfo& m) {
    cli::RunOptions options;
    std::string err;
    if (!parse(toArguments(s, mode), options, err)) return fieldError(err);
    if (auto e = validate_config(options.config, m)) return fieldError(*e);
    if (auto e = checkParams(options.config)) return fieldError(*e);
    return std::nullopt;
}

QString fieldOf(const QString& message) {
    return QString::fromStdString(refused_field(message.toStdString()));
}

RunSettings settingsFromConfig(const RunConfig& c) {
    RunSettings s;
    s.workload = QString::fromStdString(c.workload);
    s.params.clear();
    for (const auto& [key, value] : c.params)
        s.params.insert(QString::fromStdString(key), QString::fromStdString(value));
    s.size = c.size;
    s.workers = c.workers;
    s.chunksize = c.chunksize;
    s.backend = c.backend == Backend::Serial ? Backend::Processes : c.backend;
    s.globalLock = c.global_lock;
    s.start = c.start;
    s.dispatch = c.dispatch;
    s.transport = c.transport;
    s.pool = c.pool;
    s.libThreads = c.lib_threads;
    s.pin = c.pin;
    s.repeat = c.repeat;
    s.warmup = c.warmup;
    s.sampleMs = c.sample_ms;
    s.taskTimeoutS = c.task_timeout_s;
    s.onFailure = c.on_failure;
    s.inject.clear();
    for (const auto& fault : c.inject) s.inject << QString::fromStdString(fault);
    s.maxFrame = c.max_frame;
    s.reapDelayMs = c.reap_delay_ms;
    s.hosts = QString::fromStdString(c.hosts);
    return s;
}

}  // namespace poolscope::ui
