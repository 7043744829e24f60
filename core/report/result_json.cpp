#include "core/report/result_json.h"

#include <algorithm>

#include "core/text/json_units.h"

namespace poolscope {
namespace {

using nlohmann::json;

json worker_records_to_json(const RunResult& r) {
    json rows = json::array();
    for (const auto& w : r.worker_records) rows.push_back(worker_record_to_json(w, r.start_ns));
    return rows;
}

json chunk_records_to_json(const RunResult& r) {
    json rows = json::array();
    for (const auto& c : r.chunk_records) rows.push_back(chunk_to_json(c, r.start_ns));
    return rows;
}

// Records are stamped relative to the run's start, so start_ns must be read first.
void read_records(const json& j, RunResult& r) {
    r.worker_records = get_nested(j, "worker_records", [&](const json& rows) {
        std::vector<WorkerRecord> out;
        for (const auto& w : rows) out.push_back(worker_record_from_json(w, r.start_ns));
        return out;
    });
    if (!j.contains("chunk_records")) return;
    r.chunk_records = get_nested(j, "chunk_records", [&](const json& rows) {
        std::vector<ChunkRecord> out;
        out.reserve(rows.size());
        for (const auto& c : rows) out.push_back(chunk_from_json(c, r.start_ns));
        return out;
    });
    if (j.contains("delivery_order")) {
        const auto& order = j["delivery_order"];
        if (!order.is_array()) throw JsonFieldError("delivery_order", "is not an array");
        for (std::size_t i = 0; i < order.size(); ++i)
            r.delivery_order.push_back(
                checked_get<uint64_t>(order[i], "delivery_order[" + std::to_string(i) + "]"));
    }
}

// The four figures a series summarises, as one object per statistic.
json stat_object(const RunSeries& s, double Stat::*which) {
    return json{{"wall_s", s.wall_s.*which},
                {"startup_s", s.startup_s.*which},
                {"teardown_s", s.teardown_s.*which},
                {"compute_s", s.compute_s.*which}};
}

void read_stat_object(const json& j, RunSeries& s, double Stat::*which) {
    s.wall_s.*which = get_field<double>(j, "wall_s");
    s.startup_s.*which = get_field<double>(j, "startup_s");
    s.teardown_s.*which = get_field<double>(j, "teardown_s");
    s.compute_s.*which = get_field<double>(j, "compute_s");
}

}  // namespace

json result_to_json(const RunResult& r, const ResultJsonOptions& options) {
    json j{
        {"config", r.config},
        {"machine", r.machine},
        {"run_id", r.run_id},
        {"label", r.label},
        {"workers", r.workers},
        {"wall_s", r.wall_s},
        {"startup_s", r.startup_s},
        {"teardown_s", r.teardown_s},
        {"compute_s", r.compute_s},
        {"engine_serialize_s", r.engine_serialize_s},
        {"engine_deserialize_s", r.engine_deserialize_s},
        {"page_fault_s", r.page_fault_s},
        {"first_result_s", r.first_result_s},
        {"breakdown", r.breakdown},
        {"checksum", checksum_to_hex(r.checksum)},
        {"checksum_items", r.checksum_items},
        {"items", r.items},
        {"items_failed", r.items_failed},
        {"chunks", r.chunks},
        {"chunks_done", r.chunks_done},
        {"bytes_to_workers", r.bytes_to_workers},
        {"bytes_from_workers", r.bytes_from_workers},
        {"partial", r.partial},
        {"errors", r.errors},
        {"worker_records", worker_records_to_json(r)},
        {"memory", r.memory},
        {"cpu", r.cpu},
        {"start_ns", r.start_ns},
        {"end_ns", r.end_ns},
    };
    if (!r.host_totals.empty()) j["host_totals"] = r.host_totals;
    if (options.chunk_records) {
        j["chunk_records"] = chunk_records_to_json(r);
        j["delivery_order"] = r.delivery_order;
    }
    return j;
}

RunResult result_from_json(const json& j) {
    RunResult r;
    r.config = get_field<RunConfig>(j, "config");
    r.machine = get_field<MachineInfo>(j, "machine");
    r.run_id = get_field<std::string>(j, "run_id");
    r.label = get_field<std::string>(j, "label");
    r.workers = get_field<int>(j, "workers");
    r.wall_s = get_field<double>(j, "wall_s");
    r.startup_s = get_field<double>(j, "startup_s");
    r.teardown_s = get_field<double>(j, "teardown_s");
    r.compute_s = get_field<double>(j, "compute_s");
    r.engine_serialize_s = get_field<double>(j, "engine_serialize_s");
    r.engine_deserialize_s = get_field<double>(j, "engine_deserialize_s");
    // Newer fields: absent in older streams.
    r.page_fault_s = get_field_or<double>(j, "page_fault_s", 0.0);
    r.first_result_s = get_field_or<double>(j, "first_result_s", 0.0);
    r.breakdown = get_field<Breakdown>(j, "breakdown");
    try {
        r.checksum = checksum_from_hex(get_field<std::string>(j, "checksum"));
    } catch (const std::invalid_argument& e) {
        throw JsonFieldError("checksum", e.what());
    }
    r.checksum_items = get_field<uint64_t>(j, "checksum_items");
    r.items = get_field<uint64_t>(j, "items");
    r.items_failed = get_field<uint64_t>(j, "items_failed");
    r.chunks = get_field<uint64_t>(j, "chunks");
    r.chunks_done = get_field<uint64_t>(j, "chunks_done");
    r.bytes_to_workers = get_field<uint64_t>(j, "bytes_to_workers");
    r.bytes_from_workers = get_field<uint64_t>(j, "bytes_from_workers");
    r.partial = get_field<bool>(j, "partial");
    r.errors = get_field<std::vector<RunError>>(j, "errors");
    r.memory = get_field<MemoryFigures>(j, "memory");
    r.cpu = get_field<CpuFigures>(j, "cpu");
    if (j.contains("host_totals"))  // --backend mpi only
        r.host_totals = get_field<std::vector<HostFigures>>(j, "host_totals");
    r.start_ns = get_field<int64_t>(j, "start_ns");
    r.end_ns = get_field<int64_t>(j, "end_ns");
    read_records(j, r);
    return r;
}

void to_json(json& j, const Stat& s) {
    j = json{{"median", s.median}, {"min", s.min}, {"max", s.max}};
}

void from_json(const json& j, Stat& s) {
    s.median = get_field<double>(j, "median");
    s.min = get_field<double>(j, "min");
    s.max = get_field<double>(j, "max");
}

json series_to_json(const RunSeries& s, const ResultJsonOptions& options) {
    json j = result_to_json(s.representative(), options);
    if (s.runs.size() <= 1) return j;
    json runs = json::array();
    for (const auto& r : s.runs) runs.push_back(result_to_json(r, options));
    j["runs"] = std::move(runs);
    j["median"] = stat_object(s, &Stat::median);
    j["min"] = stat_object(s, &Stat::min);
    j["max"] = stat_object(s, &Stat::max);
    return j;
}

RunSeries series_from_json(const json& j) {
    RunSeries s;
    if (!j.contains("runs")) {
        // One run: its figures are the median, the minimum and the maximum.
        s.runs = {result_from_json(j)};
        const RunResult& r = s.runs.front();
        s.wall_s = {r.wall_s, r.wall_s, r.wall_s};
        s.startup_s = {r.startup_s, r.startup_s, r.startup_s};
        s.teardown_s = {r.teardown_s, r.teardown_s, r.teardown_s};
        s.compute_s = {r.compute_s, r.compute_s, r.compute_s};
        return s;
    }
    s.runs = get_nested(j, "runs", [](const json& rows) {
        std::vector<RunResult> out;
        for (const auto& r : rows) out.push_back(result_from_json(r));
        return out;
    });
    // The top level is the median run's RESULT: it names which of the runs that is.
    const auto id = get_field<std::string>(j, "run_id");
    const auto it = std::find_if(s.runs.begin(), s.runs.end(),
                                 [&](const RunResult& r) { return r.run_id == id; });
    if (it == s.runs.end()) throw JsonFieldError("run_id", "names none of the series' runs");
    s.median_run = static_cast<std::size_t>(it - s.runs.begin());
    read_stat_object(get_field<json>(j, "median"), s, &Stat::median);
    read_stat_object(get_field<json>(j, "min"), s, &Stat::min);
    read_stat_object(get_field<json>(j, "max"), s, &Stat::max);
    return s;
}

json comparison_to_json(const Comparison& c, const ResultJsonOptions& options) {
    return json{
        {"config", c.parallel.representative().config},
        {"machine", c.parallel.representative().machine},
        {"serial", series_to_json(c.serial, options)},
        {"parallel", series_to_json(c.parallel, options)},
        {"speedup", c.speedup},
        {"efficiency", c.efficiency},
        {"T", c.T},
        {"C", c.C},
        {"checksums_match", c.checksums_match},
        {"verdict", c.verdict},
    };
}

Comparison comparison_from_json(const json& j) {
    Comparison c;
    c.serial = get_nested(j, "serial", series_from_json);
    c.parallel = get_nested(j, "parallel", series_from_json);
    c.speedup = get_field<double>(j, "speedup");
    c.efficiency = get_field<double>(j, "efficiency");
    c.T = get_field<double>(j, "T");
    c.C = get_field<double>(j, "C");
    c.checksums_match = get_field<bool>(j, "checksums_match");
    c.verdict = get_field<std::string>(j, "verdict");
    return c;
}

}  // namespace poolscope
