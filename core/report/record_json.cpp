#include "core/report/record_json.h"

#include <string>

#include "core/text/json_units.h"

namespace poolscope {
namespace {

int64_t stamp_field(const nlohmann::json& j, const char* key, int64_t origin_ns) {
    const auto it = j.find(key);
    if (it == j.end()) throw JsonFieldError(key, "missing");
    try {
        return stamp_from_json(*it, origin_ns);
    } catch (const std::invalid_argument& e) {
        throw JsonFieldError(key, e.what());
    }
}

}  // namespace

nlohmann::json chunk_to_json(const ChunkRecord& c, int64_t origin_ns) {
    return nlohmann::json{
        {"id", c.id},
        {"first", c.first},
        {"count", c.count},
        {"worker", c.worker},
        {"dispatch", stamp_to_json(c.dispatch_ns, origin_ns)},
        {"recv_start", stamp_to_json(c.recv_start_ns, origin_ns)},
        {"recv_end", stamp_to_json(c.recv_end_ns, origin_ns)},
        {"compute_start", stamp_to_json(c.compute_start_ns, origin_ns)},
        {"compute_end", stamp_to_json(c.compute_end_ns, origin_ns)},
        {"ser_end", stamp_to_json(c.ser_end_ns, origin_ns)},
        {"received", stamp_to_json(c.received_ns, origin_ns)},
        {"bytes_in", c.bytes_in},
        {"bytes_out", c.bytes_out},
        {"engine_ser_s", ns_to_seconds(c.engine_ser_ns)},
        {"engine_deser_s", ns_to_seconds(c.engine_deser_ns)},
        {"failed_items", c.failed_items},
        {"ok", c.ok},
    };
}

ChunkRecord chunk_from_json(const nlohmann::json& j, int64_t origin_ns) {
    ChunkRecord c;
    c.id = get_field<uint64_t>(j, "id");
    c.first = get_field<uint64_t>(j, "first");
    c.count = get_field<uint64_t>(j, "count");
    c.worker = get_field<int>(j, "worker");
    c.dispatch_ns = stamp_field(j, "dispatch", origin_ns);
    c.recv_start_ns = stamp_field(j, "recv_start", origin_ns);
    c.recv_end_ns = stamp_field(j, "recv_end", origin_ns);
    c.compute_start_ns = stamp_field(j, "compute_start", origin_ns);
    c.compute_end_ns = stamp_field(j, "compute_end", origin_ns);
    c.ser_end_ns = stamp_field(j, "ser_end", origin_ns);
    c.received_ns = stamp_field(j, "received", origin_ns);
    c.bytes_in = get_field<uint64_t>(j, "bytes_in");
    c.bytes_out = get_field<uint64_t>(j, "bytes_out");
    c.engine_ser_ns = duration_to_ns(get_field<double>(j, "engine_ser_s"));
    c.engine_deser_ns = duration_to_ns(get_field<double>(j, "engine_deser_s"));
    c.failed_items = get_field<uint64_t>(j, "failed_items");
    c.ok = get_field<bool>(j, "ok");
    return c;
}

nlohmann::json worker_record_to_json(const WorkerRecord& w, int64_t origin_ns) {
    nlohmann::json j{
        {"index", w.index},
        {"pid", w.pid},
        {"started", stamp_to_json(w.started_ns, origin_ns)},
        {"ready", stamp_to_json(w.ready_ns, origin_ns)},
        {"exited", stamp_to_json(w.exited_ns, origin_ns)},
        {"state", w.state},
        {"exit_code", w.exit_code},
        {"signal", w.signal},
        {"chunks", w.chunks},
        {"items", w.items},
    };
    if (!w.host.empty()) j["host"] = w.host;
    return j;
}

WorkerRecord worker_record_from_json(const nlohmann::json& j, int64_t origin_ns) {
    WorkerRecord w;
    w.index = get_field<int>(j, "index");
    w.pid = get_field<pid_t>(j, "pid");
    w.started_ns = stamp_field(j, "started", origin_ns);
    w.ready_ns = stamp_field(j, "ready", origin_ns);
    w.exited_ns = stamp_field(j, "exited", origin_ns);
    w.state = get_field<std::string>(j, "state");
    w.exit_code = get_field<int>(j, "exit_code");
    w.signal = get_field<int>(j, "signal");
    w.chunks = get_field<uint64_t>(j, "chunks");
    w.items = get_field<uint64_t>(j, "items");
    if (j.contains("host")) w.host = get_field<std::string>(j, "host");
    return w;
}

void to_json(nlohmann::json& j, const RunError& e) {
    j = nlohmann::json{
        {"code", e.code},     {"message", e.message}, {"worker", e.worker}, {"pid", e.pid},
        {"signal", e.signal}, {"chunk", e.chunk},     {"item", e.item},
    };
    if (!e.field.empty()) j["field"] = e.field;
}

void from_json(const nlohmann::json& j, RunError& e) {
    e.code = get_field<std::string>(j, "code");
    e.message = get_field<std::string>(j, "message");
    e.worker = get_field<int>(j, "worker");
    e.pid = get_field<pid_t>(j, "pid");
    e.signal = get_field<int>(j, "signal");
    e.chunk = get_field<int64_t>(j, "chunk");
    e.item = get_field<int64_t>(j, "item");
    if (j.contains("field")) e.field = get_field<std::string>(j, "field");
}

void to_json(nlohmann::json& j, const Breakdown& b) {
    j = nlohmann::json{
        {"startup", b.startup}, {"serialization", b.serialization}, {"transfer", b.transfer},
        {"compute", b.compute}, {"teardown", b.teardown},           {"idle", b.idle},
    };
}

void from_json(const nlohmann::json& j, Breakdown& b) {
    b.startup = get_field<double>(j, "startup");
    b.serialization = get_field<double>(j, "serialization");
    b.transfer = get_field<double>(j, "transfer");
    b.compute = get_field<double>(j, "compute");
    b.teardown = get_field<double>(j, "teardown");
    b.idle = get_field<double>(j, "idle");
}

}  // namespace poolscope
