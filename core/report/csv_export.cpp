#include "core/report/csv_export.h"

#include <charconv>
#include <functional>
#include <utility>

#include "core/text/json_units.h"

namespace poolscope {
namespace {

using Cell = std::function<std::string(const RunResult&)>;

std::string number(double v) {
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, v);
    return std::string(text, result.ptr);
}

template <typename Int>
std::string integer(Int v) {
    return std::to_string(v);
}

std::string flag(bool v) {
    return v ? "true" : "false";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ";") + item;
    return out;
}

std::string params_text(const std::map<std::string, std::string>& params) {
    std::vector<std::string> items;
    for (const auto& [k, v] : params) items.push_back(k + "=" + v);
    return joined(items);
}

using Columns = std::vector<std::pair<const char*, Cell>>;

Columns config_columns() {
    return {
        {"run_id", [](const RunResult& r) { return r.run_id; }},
        {"label", [](const RunResult& r) { return r.label; }},
        {"workload", [](const RunResult& r) { return r.config.workload; }},
        {"params", [](const RunResult& r) { return params_text(r.config.params); }},
        {"size", [](const RunResult& r) { return integer(r.config.size); }},
        {"workers", [](const RunResult& r) { return integer(r.config.workers); }},
        {"chunksize",
         [](const RunResult& r) {
             return r.config.chunksize ? integer(*r.config.chunksize) : std::string("auto");
         }},
        {"effective_chunksize",
         [](const RunResult& r) { return integer(effective_chunksize(r.config)); }},
        {"backend", [](const RunResult& r) { return std::string(to_string(r.config.backend)); }},
        {"global_lock", [](const RunResult& r) { return flag(r.config.global_lock); }},
        {"start", [](const RunResult& r) { return std::string(to_string(r.config.start)); }},
        {"dispatch", [](const RunResult& r) { return std::string(to_string(r.config.dispatch)); }},
        {"transport",
         [](const RunResult& r) { return std::string(to_string(r.config.transport)); }},
        {"pool", [](const RunResult& r) { return std::string(to_string(r.config.pool)); }},
        {"lib_threads", [](const RunResult& r) { return integer(r.config.lib_threads); }},
        {"repeat", [](const RunResult& r) { return integer(r.config.repeat); }},
        {"warmup", [](const RunResult& r) { return integer(r.config.warmup); }},
        {"pin", [](const RunResult& r) { return flag(r.config.pin); }},
        {"sample_ms", [](const RunResult& r) { return integer(r.config.sample_ms); }},
        {"task_timeout_s", [](const RunResult& r) { return number(r.config.task_timeout_s); }},
        {"on_failure",
         [](const RunResult& r) { return std::string(to_string(r.config.on_failure)); }},
        {"inject", [](const RunResult& r) { return joined(r.config.inject); }},
        {"max_frame", [](const RunResult& r) { return integer(r.config.max_frame); }},
        {"reap_delay_ms", [](const RunResult& r) { return integer(r.config.reap_delay_ms); }},
        {"hosts", [](const RunResult& r) { return r.config.hosts; }},
    };
}

Columns result_columns() {
    return {
        {"wall_s", [](const RunResult& r) { return number(r.wall_s); }},
        {"startup_s", [](const RunResult& r) { return number(r.startup_s); }},
        {"teardown_s", [](const RunResult& r) { return number(r.teardown_s); }},
        {"compute_s", [](const RunResult& r) { return number(r.compute_s); }},
        {"engine_serialize_s", [](const RunResult& r) { return number(r.engine_serialize_s); }},
        {"engine_deserialize_s", [](const RunResult& r) { return number(r.engine_deserialize_s); }},
        {"breakdown_startup", [](const RunResult& r) { return number(r.breakdown.startup); }},
        {"breakdown_serialization",
         [](const RunResult& r) { return number(r.breakdown.serialization); }},
        {"breakdown_transfer", [](const RunResult& r) { return number(r.breakdown.transfer); }},
        {"breakdown_compute", [](const RunResult& r) { return number(r.breakdown.compute); }},
        {"breakdown_teardown", [](const RunResult& r) { return number(r.breakdown.teardown); }},
        {"breakdown_idle", [](const RunResult& r) { return number(r.breakdown.idle); }},
        {"checksum", [](const RunResult& r) { return checksum_to_hex(r.checksum); }},
        {"checksum_items", [](const RunResult& r) { return integer(r.checksum_items); }},
        {"items", [](const RunResult& r) { return integer(r.items); }},
        {"items_failed", [](const RunResult& r) { return integer(r.items_failed); }},
        {"chunks", [](const RunResult& r) { return integer(r.chunks); }},
        {"chunks_done", [](const RunResult& r) { return integer(r.chunks_done); }},
        {"bytes_to_workers", [](const RunResult& r) { return integer(r.bytes_to_workers); }},
        {"bytes_from_workers", [](const RunResult& r) { return integer(r.bytes_from_workers); }},
        {"partial", [](const RunResult& r) { return flag(r.partial); }},
        {"errors", [](const RunResult& r) { return integer(r.errors.size()); }},
        {"peak_rss_sum_bytes",
         [](const RunResult& r) { return integer(r.memory.peak_rss_sum_bytes); }},
        {"peak_pss_sum_bytes",
         [](const RunResult& r) { return integer(r.memory.peak_pss_sum_bytes); }},
        {"peak_uss_sum_bytes",
         [](const RunResult& r) { return integer(r.memory.peak_uss_sum_bytes); }},
        {"engine_peak_rss_bytes",
         [](const RunResult& r) { return integer(r.memory.engine_peak_rss_bytes); }},
        {"peak_zombie_workers",
         [](const RunResult& r) { return integer(r.memory.peak_zombie_workers); }},
        {"mean_machine_util", [](const RunResult& r) { return number(r.cpu.mean_machine_util); }},
        {"process_cpu_s", [](const RunResult& r) { return number(r.cpu.process_cpu_s); }},
        {"outside_cpu_share", [](const RunResult& r) { return number(r.cpu.outside_cpu_share); }},
        {"cpu_model", [](const RunResult& r) { return r.machine.cpu_model; }},
        {"usable_cores", [](const RunResult& r) { return integer(r.machine.usable_cores); }},
        {"kernel", [](const RunResult& r) { return r.machine.kernel; }},
    };
}

// Config columns first, then results; header and rows both come from this one table.
const Columns& columns() {
    static const Columns table = [] {
        Columns all = config_columns();
        for (auto& column : result_columns()) all.push_back(std::move(column));
        return all;
    }();
    return table;
}

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
    return out;
}

std::string csv_header() {
    std::string line;
    for (const auto& [name, cell] : columns()) {
        if (!line.empty()) line += ',';
        line += name;
    }
    return line;
}

std::string csv_row(const RunResult& r) {
    std::string line;
    bool first = true;
    for (const auto& [name, cell] : columns()) {
        if (!first) line += ',';
        first = false;
        line += csv_field(cell(r));
    }
    return line;
}

std::string runs_to_csv(const std::vector<RunResult>& runs) {
    std::string out = csv_header() + "\r\n";
    for (const auto& r : runs) out += csv_row(r) + "\r\n";
    return out;
}

}  // namespace poolscope
