#include "app/cli/run_options.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>

#include "app/cli/option_table.h"
#include "core/config/option_schema.h"

namespace poolscope::cli {

namespace {

bool parse_u64(const std::string& s, uint64_t& out) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
    errno = 0;
    out = std::strtoull(s.c_str(), nullptr, 10);
    return errno != ERANGE;
}

bool parse_int(const std::string& s, int& out) {
    uint64_t v;
    if (!parse_u64(s, v) || v > 1'000'000'000) return false;
    out = static_cast<int>(v);
    return true;
}

template <typename E>
bool parse_enum(std::optional<E> (*parse)(std::string_view), const std::string& v, E& out) {
    const auto e = parse(v);
    if (e) out = *e;
    return e.has_value();
}

// "native,python" -> {processes, python}; false on an unknown name, a repeat or serial.
bool parse_compare_backends(const std::string& v, std::vector<Backend>& out) {
    out.clear();
    std::size_t at = 0;
    while (at <= v.size()) {
        const auto comma = std::min(v.find(',', at), v.size());
        const std::string name = v.substr(at, comma - at);
        const auto b =
            name == "native" ? std::optional<Backend>(Backend::Processes) : parse_backend(name);
        if (!b || *b == Backend::Serial || std::find(out.begin(), out.end(), *b) != out.end())
            return false;
        out.push_back(*b);
        at = comma + 1;
    }
    return !out.empty();
}

// How each option that takes a value sets it; what it accepts, and the words of a refusal, are
// the option schema's (core/config/option_schema.h).
using Setter = std::function<bool(RunOptions&, const std::string&)>;

const std::map<std::string, Setter>& value_options() {
    static const std::map<std::string, Setter> kOptions{
        {"--workload",
         [](RunOptions& o, const std::string& v) { return o.config.workload = v, !v.empty(); }},
        {"--param",
         [](RunOptions& o, const std::string& v) {
             const auto eq = v.find('=');
             if (eq == std::string::npos || eq == 0) return false;
             o.config.params[v.substr(0, eq)] = v.substr(eq + 1);
             return true;
         }},
        {"--size", [](RunOptions& o, const std::string& v) { return parse_u64(v, o.config.size); }},
        {"--workers",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.workers); }},
        {"--chunksize",
         [](RunOptions& o, const std::string& v) {
             if (v == "auto") return o.config.chunksize.reset(), true;
             uint64_t c;
             if (!parse_u64(v, c)) return false;
             o.config.chunksize = c;
             return true;
         }},
        {"--backend",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_backend, v, o.config.backend);
         }},
        {"--hosts",
         [](RunOptions& o, const std::string& v) { return o.config.hosts = v, !v.empty(); }},
        {"--start",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_start_method, v, o.config.start);
         }},
        {"--dispatch",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_dispatch, v, o.config.dispatch);
         }},
        {"--transport",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_transport, v, o.config.transport);
         }},
        {"--pool",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_pool_lifetime, v, o.config.pool);
         }},
        {"--lib-threads",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.lib_threads); }},
        {"--reap-delay-ms",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.reap_delay_ms); }},
        {"--repeat",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.repeat); }},
        {"--warmup",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.warmup); }},
        {"--sample-ms",
         [](RunOptions& o, const std::string& v) { return parse_int(v, o.config.sample_ms); }},
        {"--task-timeout",
         [](RunOptions& o, const std::string& v) {
             char* end = nullptr;
             const double d = std::strtod(v.c_str(), &end);
             if (v.empty() || *end || !std::isfinite(d) || d < 0) return false;
             o.config.task_timeout_s = d;
             return true;
         }},
        {"--on-failure",
         [](RunOptions& o, const std::string& v) {
             return parse_enum(parse_on_failure, v, o.config.on_failure);
         }},
        {"--inject", [](RunOptions& o,
                        const std::string& v) { return o.config.inject.push_back(v), !v.empty(); }},
        {"--max-frame",
         [](RunOptions& o, const std::string& v) { return parse_u64(v, o.config.max_frame); }},
        {"--python", [](RunOptions& o, const std::string& v) { return o.python = v, !v.empty(); }},
        {"--events", [](RunOptions& o, const std::string& v) { return o.events = v, !v.empty(); }},
        {"--chunk-detail",
         [](RunOptions& o, const std::string& v) {
             uint64_t n;
             if (!parse_u64(v, n) || !in_range(option_info("--chunk-detail"), n)) return false;
             o.chunk_detail = n;
             return true;
         }},
        {"--progress",
         [](RunOptions& o, const std::string& v) {
             if (v == "auto") return o.progress = ProgressMode::Auto, true;
             if (v == "always") return o.progress = ProgressMode::Always, true;
             if (v == "never") return o.progress = ProgressMode::Never, true;
             return false;
         }},
        {"--color",
         [](RunOptions& o, const std::string& v) {
             if (v == "auto") return o.color = ColorMode::Auto, true;
             if (v == "always") return o.color = ColorMode::Always, true;
             if (v == "never") return o.color = ColorMode::Never, true;
             return false;
         }},
    };
    return kOptions;
}

const std::map<std::string, bool RunOptions::*>& flag_options() {
    static const std::map<std::string, bool RunOptions::*> kFlags{
        {"--compare", &RunOptions::compare},
        {"--json", &RunOptions::json},
        {"--help", &RunOptions::help},
        {"-h", &RunOptions::help},
        {"--control-stdin", &RunOptions::control_stdin},
        {"--chunk-records", &RunOptions::chunk_records},
        {"--quiet", &RunOptions::quiet},
        {"-q", &RunOptions::quiet},
        {"--version", &RunOptions::version},
    };
    return kFlags;
}

// What a value must be, in the words of the parser's refusal.
std::string allowed_values(const OptionInfo& o) {
    return o.hint.empty() ? value_text(o) : o.hint;
}

}  // namespace

OptionWord split_option_word(const std::string& arg) {
    if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos)
        return {arg.substr(0, eq), arg.substr(eq + 1)};
    return {arg, std::nullopt};
}

bool parse_run_options(const std::vector<std::string>& args, RunOptions& out, std::string& error) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto [name, value] = split_option_word(args[i]);
        // The option table is the list of options (help, completion and man page use it too).
        if (!find_run_option(name))
            return error = "unknown option '" + args[i] + "' (see poolscope-cli run --help)", false;
        if (name == "--global-lock" || name == "--pin") {
            (name == "--pin" ? out.config.pin : out.config.global_lock) = true;
            continue;
        }
        if (name == "--compare") {  // a flag that may name the backends to compare
            out.compare = true;
            if (!value && i + 1 < args.size() && !args[i + 1].empty() && args[i + 1][0] != '-')
                value = args[++i];
            if (value && !parse_compare_backends(*value, out.compare_backends))
                return error =
                           "--compare takes no value or a list of parallel backends such "
                           "as native,python (native = processes); got '" +
                           *value + "'",
                       false;
            continue;
        }
        if (const auto f = flag_options().find(name); f != flag_options().end()) {
            if (value) return error = name + " takes no value; got '" + *value + "'", false;
            out.*(f->second) = true;
            continue;
        }
        const auto it = value_options().find(name);
        if (it == value_options().end())
            return error = "unknown option '" + args[i] + "' (see poolscope-cli run --help)", false;
        const std::string allowed = allowed_values(option_info(name));
        if (!value) {
            if (i + 1 >= args.size()) return error = name + " needs a value: " + allowed, false;
            value = args[++i];
        }
        if (!it->second(out, *value))
            return error = name + " must be " + allowed + "; got '" + *value + "'", false;
    }
    return true;
}

}  // namespace poolscope::cli
