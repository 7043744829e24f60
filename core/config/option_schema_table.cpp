// The table itself: every option of run and sweep, one entry each (core/config/option_schema.h
// says what each field means and who reads it). An option added here reaches the parser,
// --help, completion, the man page, list --json and validation at once; docs/cli.md's table is
// checked against it.
#include "core/config/option_schema.h"
#include "core/config/sweep_axis_schema.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {

namespace {

constexpr BackendSet bit(Backend b) {
    return backend_bit(b);
}
constexpr BackendSet kSerial = bit(Backend::Serial), kProcesses = bit(Backend::Processes),
                     kThreads = bit(Backend::Threads), kPython = bit(Backend::Python),
                     kMpi = bit(Backend::Mpi);

// One entry, written as a chain: the kind's constructor, then what sets it apart.
struct Entry {
    OptionInfo o;

    Entry& accepted_by(BackendSet set) { return o.backends = set, *this; }
    Entry& per_value(std::vector<BackendSet> sets) {
        return o.value_backends = std::move(sets), *this;
    }
    Entry& contradicts(std::vector<std::string> names) {
        return o.contradicts = std::move(names), *this;
    }
    Entry& hint(std::string text) { return o.hint = std::move(text), *this; }
    Entry& words(std::vector<std::string> w) { return o.values = std::move(w), *this; }
    Entry& zero_means(std::string what) { return o.zero_means = std::move(what), *this; }
    Entry& unit(std::string u) { return o.unit = std::move(u), *this; }
    Entry& short_name(std::string s) { return o.short_name = std::move(s), *this; }
    Entry& default_value(std::string d) { return o.default_value = std::move(d), *this; }
    Entry& machine_max() { return o.machine_max = true, *this; }
    Entry& repeatable() { return o.repeatable = true, *this; }
    Entry& only(unsigned command) { return o.commands = command, *this; }
};

Entry flag(const std::string& section, std::string name, std::string help) {
    Entry e;
    e.o.section = section, e.o.name = std::move(name), e.o.help = std::move(help);
    e.o.default_value = "off";
    return e;
}

Entry number(OptionKind kind, const std::string& section, std::string name, std::string metavar,
             std::uint64_t min, std::uint64_t max, std::string def, std::string help) {
    Entry e = flag(section, std::move(name), std::move(help));
    e.o.kind = kind, e.o.metavar = std::move(metavar), e.o.min = min, e.o.max = max;
    e.o.default_value = std::move(def);
    return e;
}

Entry integer(const std::string& section, std::string name, std::string metavar, std::uint64_t min,
              std::uint64_t max, std::string def, std::string help) {
    return number(OptionKind::Integer, section, std::move(name), std::move(metavar), min, max,
                  std::move(def), std::move(help));
}

Entry choice(const std::string& section, std::string name, std::string metavar,
             std::vector<std::string> values, std::string def, std::string help) {
    Entry e = flag(section, std::move(name), std::move(help));
    e.o.kind = OptionKind::Choice, e.o.metavar = std::move(metavar);
    e.o.values = std::move(values), e.o.default_value = std::move(def);
    return e;
}

Entry text(OptionKind kind, const std::string& section, std::string name, std::string metavar,
           std::string def, std::string hint, std::string help) {
    Entry e = flag(section, std::move(name), std::move(help));
    e.o.kind = kind, e.o.metavar = std::move(metavar), e.o.default_value = std::move(def);
    e.o.hint = std::move(hint);
    return e;
}

std::vector<std::string> workload_names() {
    std::vector<std::string> names;
    for (const auto& w : list_workloads()) names.push_back(w.name);
    return names;
}

std::string workload_help() {
    std::string names;
    for (const auto& w : list_workloads()) names += (names.empty() ? "" : ", ") + w.name;
    return names + " (default cpu;\nsee poolscope-cli list)";
}

std::vector<Entry> make_entries() {
    const std::string w = "workload", p = "pool", m = "measurement", o = "output", f = "faults",
                      g = "general";
    const std::vector<std::string> kModes{"auto", "always", "never"};
    const auto Path = OptionKind::Path, Text = OptionKind::Text;
    return {
        choice(w, "--workload", "NAME", workload_names(), "cpu", workload_help())
            .hint("a workload name (see poolscope-cli list)"),
        text(Text, w, "--param", "KEY=VALUE", "the workload's defaults", "KEY=VALUE",
             "a workload parameter (repeatable; list shows defaults)")
            .repeatable(),
        integer(w, "--size", "N", 0, kMaxSize, "2000", "items, 0 … 1000000000 (default 2000)"),
        integer(p, "--workers", "W", 1, kMaxWorkersCap, "4",
                "worker processes, 1 … max(64, 8 × usable cores) (default 4)")
            .machine_max(),
        integer(p, "--chunksize", "N|auto", 1, kMaxSize, "auto",
                "items per task message; auto = ceil(n / (W·4)) (default auto)")
            .words({"auto"})
            .contradicts({"--dispatch", "--max-frame"}),
        choice(p, "--backend", "B",
               {"serial", "processes", "threads", "python", "python-threads", "mpi"}, "processes",
               "processes (default), serial, threads, python (CPython's\nmultiprocessing.Pool), "
               "python-threads (its ThreadPool: the real GIL), mpi\n(OpenMPI ranks)")
            .contradicts({"--start", "--hosts", "--transport", "--pin", "--on-failure", "--inject",
                          "--global-lock", "--pool", "--reap-delay-ms"}),
        text(Path, p, "--python", "PATH", "/usr/bin/python3",
             "the path of a Python 3 interpreter with numpy",
             "python backends: the interpreter (default /usr/bin/python3)"),
        text(Path, p, "--hosts", "FILE|LIST", "this machine",
             "a hostfile or NAME[:SLOTS],… (--backend mpi)",
             "mpi backend: a hostfile or a:4,b:4; the first host is this\nmachine (default "
             "localhost)")
            .accepted_by(kMpi)
            .contradicts({"--backend", "--transport"}),
        flag(p, "--global-lock", "threads backend: one mutex around every task (Python's GIL)")
            .accepted_by(kThreads)
            .contradicts({"--backend"}),
        choice(p, "--start", "fork|spawn|forkserver", {"fork", "spawn", "forkserver"}, "fork",
               "how workers start (default fork; forkserver: python backend)")
            .per_value({kAllBackends, kSerial | kProcesses | kPython, kPython})
            .contradicts({"--backend"}),
        choice(p, "--dispatch", "D", {"map", "imap", "imap_unordered", "apply_async", "static"},
               "map", "map (default), imap, imap_unordered, apply_async, static")
            .contradicts({"--chunksize"}),
        choice(p, "--transport", "pipe|shm", {"pipe", "shm"}, "pipe",
               "how items travel (default pipe)")
            .per_value({kAllBackends, kSerial | kProcesses | kPython})
            .contradicts({"--backend", "--hosts"}),
        choice(p, "--pool", "cold|warm", {"cold", "warm"}, "cold",
               "pool creation inside (cold) or before (warm) the timed region")
            .per_value({kAllBackends, kAllBackends & ~kThreads})
            .contradicts({"--backend"}),
        integer(p, "--lib-threads", "N", 1, 256, "1",
                "threads a native library may use in each worker (default 1)"),
        flag(p, "--pin", "pin worker i to usable core i mod cores")
            .accepted_by(kSerial | kProcesses)
            .contradicts({"--backend"}),
        integer(p, "--reap-delay-ms", "N", 0, kMaxReapDelayMs, "0",
                "leave each exited worker unreaped (a zombie) for N ms, 0 …\n10000 (default 0)")
            .accepted_by(kProcesses)
            .contradicts({"--backend"}),
        flag(m, "--compare",
             "run serial, then parallel; print both, speedup, T, C, verdict;\n--compare "
             "native,python: each backend beside one serial run")
            .only(kRunCommand),  // a sweep always compares
        integer(m, "--repeat", "N", 1, 1000, "1",
                "counted runs, reported as median [min … max] (default 1)"),
        integer(m, "--warmup", "N", 0, 100, "0", "uncounted runs first (default 0)"),
        integer(m, "--sample-ms", "N", 50, 1000, "100",
                "telemetry period, 50 … 1000 ms, 0 = off (default 100)")
            .zero_means("off"),
        flag(o, "--json", "print one JSON document instead of the table"),
        flag(o, "--chunk-records", "with --json: include every chunk's record (stamps, bytes)"),
        text(Path, o, "--events", "FILE|-", "off", "a file path or - for stdout",
             "write the event stream (JSON Lines); with -, the table goes\nto stderr"),
        integer(o, "--chunk-detail", "N", 0, 10'000'000, "20000",
                "with --events: chunks per run sent in full before they come\nas time buckets "
                "(default 20000; 0 = buckets from the start)"),
        flag(o, "--control-stdin",
             "read commands from stdin: \"stop\" or end of file stops the run\n(stdin must be a "
             "pipe or a terminal; lines up to 4096 bytes)"),
        choice(o, "--progress", "WHEN", kModes, "auto",
               "a one-line progress display on stderr: auto (when stderr is\na terminal; "
               "default), always, never"),
        flag(o, "--quiet", "nothing on stderr but errors (no progress; with --events -,\nno table)")
            .short_name("-q"),
        choice(o, "--color", "WHEN", kModes, "auto",
               "colour the verdict, failures and errors: auto (a terminal and\nNO_COLOR unset; "
               "default), always, never"),
        number(OptionKind::Real, f, "--task-timeout", "S", 0, 86400, "0 (none)",
               "end a worker whose chunk takes longer than S seconds")
            .zero_means("none")
            .unit("seconds"),
        choice(f, "--on-failure", "P", {"stop", "retry", "skip"}, "stop",
               "stop (default), retry (a chunk at most twice), skip")
            .per_value({kAllBackends, kSerial | kProcesses, kSerial | kProcesses | kThreads})
            .contradicts({"--backend"}),
        text(Text, f, "--inject", "FAULT", "none", "a fault (see --help)",
             "crash@chunk=N, hang@chunk=N, error@item=N, corrupt@chunk=N,\nkill@t=SECONDS, "
             "shm-full")
            .repeatable()
            .contradicts({"--backend"}),
        integer(f, "--max-frame", "BYTES", 4096, std::uint64_t{16} << 30,
                std::to_string(kDefaultMaxFrame), "largest protocol frame (default 1073741824)")
            .unit("bytes")
            .contradicts({"--chunksize"}),
        integer("axes", "--seed", "N", 0, UINT64_MAX, std::to_string(kDefaultSweepSeed),
                "the order of the points (default " + std::to_string(kDefaultSweepSeed) + ")")
            .only(kSweepCommand),
        text(Path, o, "--csv", "FILE", "", "a file name",
             "also write one row per point (and the serial baseline) as CSV")
            .only(kSweepCommand),
        flag(g, "--help", "this text").short_name("-h").default_value(""),
        flag(g, "--version", "the version").default_value(""),
    };
}

}  // namespace

const std::vector<OptionInfo>& option_schema() {
    static const std::vector<OptionInfo> kSchema = [] {
        std::vector<OptionInfo> out;
        for (Entry& e : make_entries()) out.push_back(std::move(e.o));
        return out;
    }();
    return kSchema;
}

}  // namespace poolscope
