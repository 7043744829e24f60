#include "core/events/chunk_batch.h"

#include <array>
#include <charconv>
#include <iterator>
#include <utility>

#include "core/events/event_line.h"
#include "core/events/event_schema.h"
#include "core/events/json_scan.h"
#include "core/text/json_units.h"

namespace poolscope {
namespace {

namespace key = events::key;
using nlohmann::json;
using C = ChunkRecord;
constexpr int kMaxWorkerIndex = 1 << 16;

// The columns of a "chunks" event by kind; the writer and the reader walk the same tables.
constexpr std::pair<const char*, uint64_t C::*> kCountColumns[] = {
    {key::kId, &C::id},
    {key::kFirst, &C::first},
    {key::kCount, &C::count},
    {key::kBytesIn, &C::bytes_in},
    {key::kBytesOut, &C::bytes_out},
    {key::kFailedItems, &C::failed_items},
};
constexpr std::pair<const char*, int64_t C::*> kStampColumns[] = {
    {key::kDispatch, &C::dispatch_ns},      {key::kRecvStart, &C::recv_start_ns},
    {key::kRecvEnd, &C::recv_end_ns},       {key::kComputeStart, &C::compute_start_ns},
    {key::kComputeEnd, &C::compute_end_ns}, {key::kSerEnd, &C::ser_end_ns},
    {key::kReceived, &C::received_ns},
};
constexpr std::pair<const char*, int64_t C::*> kDurationColumns[] = {
    {key::kEngineSerS, &C::engine_ser_ns},
    {key::kEngineDeserS, &C::engine_deser_ns},
};

template <typename Number>
void append_number(std::string& out, Number v) {
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, v);
    out.append(text, result.ptr);
}

// ns as seconds in plain decimal ("-1.5", "0.000123456", "3"): integer formatting only, cheaper
// than the shortest form of the double ns / 1e9, and a reader's strtod turns it into exactly
// that double (the decimal is the exact value ns / 1e9 that double rounds from).
void append_seconds(std::string& out, int64_t ns) {
    uint64_t magnitude = static_cast<uint64_t>(ns);
    if (ns < 0) {
        out += '-';
        magnitude = 0 - magnitude;  // also right for INT64_MIN
    }
    append_number(out, magnitude / 1'000'000'000);
    auto fraction = static_cast<uint32_t>(magnitude % 1'000'000'000);
    if (fraction == 0) return;
    char digits[10] = {'.'};
    int last = 9;  // the last digit kept: trailing zeros are dropped
    while (fraction % 10 == 0) fraction /= 10, --last;
    for (int i = last; i >= 1; --i, fraction /= 10)
        digits[i] = static_cast<char>('0' + fraction % 10);
    out.append(digits, static_cast<std::size_t>(last) + 1);
}

void append_stamp(std::string& out, int64_t stamp_ns, int64_t origin_ns) {
    if (stamp_ns == 0) {
        out += "null";
        return;
    }
    append_seconds(out, stamp_ns - origin_ns);
}

// ,"key":[value(row0),value(row1),...]
template <typename Row, typename Value>
void append_column(std::string& out, const char* name, std::span<const Row> rows, Value value) {
    out += ",\"";
    out += name;
    out += "\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i != 0) out += ',';
        value(out, rows[i]);
    }
    out += ']';
}

std::string batch_head(const char* type, const std::string& run_id, int64_t t_ns, int64_t origin_ns,
                       std::size_t n) {
    std::string out = event_head(type, ns_to_seconds(t_ns - origin_ns), run_id);
    out += ",\"n\":";
    append_number(out, n);
    return out;
}

// A column of a parsed batch event, checked against the batch's "n".
const json& column(const json& event, const char* name, std::size_t n) {
    const auto it = event.find(name);
    if (it == event.end()) throw JsonFieldError(name, "missing");
    if (!it->is_array()) throw JsonFieldError(name, "must be an array");
    if (it->size() != n) {
        throw JsonFieldError(
            name, "has " + std::to_string(it->size()) + " values; n is " + std::to_string(n));
    }
    return *it;
}

// Worker indexes are small and never negative (a run has at most 1024 workers).
void check_worker(int worker, std::size_t i) {
    if (worker < 0 || worker >= kMaxWorkerIndex) {
        throw JsonFieldError(std::string(key::kWorker) + "[" + std::to_string(i) + "]",
                             "is out of range (" + std::to_string(worker) + ")");
    }
}

template <typename T>
T cell(const json& col, std::size_t i, const char* name) {
    try {
        return checked_get<T>(col[i], std::string(name) + "[" + std::to_string(i) + "]");
    } catch (const json::exception&) {
        throw JsonFieldError(std::string(name) + "[" + std::to_string(i) + "]",
                             std::string("has the wrong type (") + col[i].type_name() + ")");
    }
}

// The keys of a "chunks" line, in the order kChunkKeys lists them: the head, then the columns.
enum ChunkKey { kTypeKey, kTimeKey, kRunKey, kCountKey, kWorkerKey, kFirstColumn };
constexpr int kCountColumnCount = static_cast<int>(std::size(kCountColumns));
constexpr int kStampColumnCount = static_cast<int>(std::size(kStampColumns));
constexpr int kDurationColumnCount = static_cast<int>(std::size(kDurationColumns));
constexpr int kOkKey = kFirstColumn + kCountColumnCount + kStampColumnCount + kDurationColumnCount;
constexpr int kChunkKeyCount = kOkKey + 1;

constexpr std::array<std::string_view, kChunkKeyCount> chunk_keys() {
    std::array<std::string_view, kChunkKeyCount> keys{key::kType, key::kT, key::kRun, key::kN,
                                                      key::kWorker};
    int at = kFirstColumn;
    for (const auto& column : kCountColumns) keys[at++] = column.first;
    for (const auto& column : kStampColumns) keys[at++] = column.first;
    for (const auto& column : kDurationColumns) keys[at++] = column.first;
    keys[at] = key::kOk;
    return keys;
}
constexpr auto kChunkKeys = chunk_keys();

// One column's values into the records, refused unless it has exactly one per record.
template <typename Read>
bool scan_column(JsonScan& in, std::vector<ChunkRecord>& rows, Read read) {
    std::size_t i = 0;
    const bool ok = in.array([&] { return i < rows.size() && read(rows[i++]); });
    return ok && i == rows.size();
}

// A column of "chunks" (not n, type, t or run) into the records.
bool scan_chunk_column(JsonScan& in, int index, std::vector<ChunkRecord>& rows, int64_t origin_ns) {
    if (index == kWorkerKey) {
        return scan_column(in, rows, [&](C& c) {
            int64_t w = 0;
            if (!in.i64(w) || w < 0 || w >= kMaxWorkerIndex) return false;
            c.worker = static_cast<int>(w);
            return true;
        });
    }
    if (index == kOkKey) return scan_column(in, rows, [&](C& c) { return in.boolean(c.ok); });
    int column = index - kFirstColumn;
    if (column < kCountColumnCount) {
        const auto member = kCountColumns[column].second;
        return scan_column(in, rows, [&](C& c) { return in.u64(c.*member); });
    }
    column -= kCountColumnCount;
    // seconds_to_ns refuses a time out of range by throwing: the tree parser words it.
    try {
        if (column < kStampColumnCount) {
            const auto member = kStampColumns[column].second;
            return scan_column(in, rows, [&](C& c) {
                double s = 0;
                if (in.null()) {
                    c.*member = 0;
                    return true;
                }
                if (!in.number(s)) return false;
                c.*member = origin_ns + seconds_to_ns(s);
                return true;
            });
        }
        const auto member = kDurationColumns[column - kStampColumnCount].second;
        return scan_column(in, rows, [&](C& c) {
            double s = 0;
            if (!in.number(s)) return false;
            c.*member = duration_to_ns(s);
            return true;
        });
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

std::optional<ChunksLine> chunks_from_text(std::string_view line, int64_t origin_ns) {
    JsonScan in(line);
    ChunksLine out;
    uint64_t seen = 0;
    const bool read = in.object([&](std::string_view name) {
        const int index = key_index(name, kChunkKeys.data(), kChunkKeyCount, seen);
        std::string_view text;
        double t = 0;
        uint64_t n = 0;
        switch (index) {
            case -1:
                return false;  // a key seen twice, or one this reader does not know
            case kTypeKey:
                return in.string(text) && text == events::type::kChunks;
            case kTimeKey:
                return in.number(t);  // not read (a batch's records carry their own stamps)
            case kRunKey:
                if (!in.string(text)) return false;
                out.run_id = text;
                return true;
            case kCountKey:
                // Every column holds n values of at least one character each.
                if (!in.u64(n) || n > line.size()) return false;
                out.chunks.resize(n);
                return true;
            default:  // a column: n comes first
                return ((seen >> kCountKey) & 1) != 0 &&
                       scan_chunk_column(in, index, out.chunks, origin_ns);
        }
    });
    if (!read || !in.at_end() || seen != (uint64_t{1} << kChunkKeyCount) - 1) return std::nullopt;
    for (const ChunkRecord& c : out.chunks)
        if (c.failed_items > c.count) return std::nullopt;
    return out;
}

std::string chunks_event_line(const std::string& run_id, int64_t t_ns,
                              std::span<const ChunkRecord> chunks, int64_t origin_ns) {
    std::string out = batch_head(events::type::kChunks, run_id, t_ns, origin_ns, chunks.size());
    out.reserve(out.size() + chunks.size() * 200);
    append_column(out, key::kWorker, chunks,
                  [](std::string& o, const C& c) { append_number(o, c.worker); });
    for (const auto& [name, member] : kCountColumns) {
        append_column(out, name, chunks,
                      [m = member](std::string& o, const C& c) { append_number(o, c.*m); });
    }
    for (const auto& [name, member] : kStampColumns) {
        append_column(out, name, chunks, [m = member, origin_ns](std::string& o, const C& c) {
            append_stamp(o, c.*m, origin_ns);
        });
    }
    for (const auto& [name, member] : kDurationColumns) {
        append_column(out, name, chunks,
                      [m = member](std::string& o, const C& c) { append_seconds(o, c.*m); });
    }
    append_column(out, key::kOk, chunks,
                  [](std::string& o, const C& c) { o += c.ok ? "true" : "false"; });
    out += '}';
    return out;
}

std::string buckets_event_line(const std::string& run_id, int64_t t_ns,
                               std::span<const ChunkBucket> buckets, int64_t width_ns,
                               int64_t origin_ns) {
    using B = ChunkBucket;
    std::string out =
        batch_head(events::type::kChunkBuckets, run_id, t_ns, origin_ns, buckets.size());
    out += ",\"";
    out += key::kBucketS;
    out += "\":";
    append_number(out, ns_to_seconds(width_ns));
    auto number = [](auto member) {
        return [member](std::string& o, const B& b) { append_number(o, b.*member); };
    };
    append_column(out, key::kWorker, buckets, number(&B::worker));
    append_column(out, key::kStart, buckets, [origin_ns](std::string& o, const B& b) {
        append_seconds(o, b.start_ns - origin_ns);
    });
    append_column(out, key::kChunks, buckets, number(&B::chunks));
    append_column(out, key::kItems, buckets, number(&B::items));
    append_column(out, key::kFailedItems, buckets, number(&B::failed_items));
    append_column(out, key::kBusyS, buckets, number(&B::busy_s));
    out += '}';
    return out;
}

std::vector<ChunkRecord> chunks_from_event(const json& event, int64_t origin_ns) {
    const auto n = get_field<std::size_t>(event, key::kN);
    const json& worker = column(event, key::kWorker, n);  // checks n against a real array
    std::vector<ChunkRecord> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i].worker = cell<int>(worker, i, key::kWorker);
    for (const auto& [name, member] : kCountColumns) {
        const json& col = column(event, name, n);
        for (std::size_t i = 0; i < n; ++i) out[i].*member = cell<uint64_t>(col, i, name);
    }
    for (const auto& [name, member] : kStampColumns) {
        const json& col = column(event, name, n);
        for (std::size_t i = 0; i < n; ++i) {
            out[i].*member =
                col[i].is_null() ? 0 : origin_ns + seconds_to_ns(cell<double>(col, i, name));
        }
    }
    for (const auto& [name, member] : kDurationColumns) {
        const json& col = column(event, name, n);
        for (std::size_t i = 0; i < n; ++i) {
            out[i].*member = duration_to_ns(cell<double>(col, i, name));
        }
    }
    const json& ok = column(event, key::kOk, n);
    for (std::size_t i = 0; i < n; ++i) out[i].ok = cell<bool>(ok, i, key::kOk);
    for (std::size_t i = 0; i < n; ++i) {
        check_worker(out[i].worker, i);
        if (out[i].failed_items > out[i].count) {
            throw JsonFieldError(std::string(key::kFailedItems) + "[" + std::to_string(i) + "]",
                                 "is more than the chunk's count (" +
                                     std::to_string(out[i].failed_items) + " > " +
                                     std::to_string(out[i].count) + ")");
        }
    }
    return out;
}

std::vector<ChunkBucket> buckets_from_event(const json& event, int64_t origin_ns) {
    const auto n = get_field<std::size_t>(event, key::kN);
    const int64_t width_ns = seconds_to_ns(get_field<double>(event, key::kBucketS));
    if (width_ns <= 0) throw JsonFieldError(key::kBucketS, "must be positive");
    const json& worker = column(event, key::kWorker, n);
    const json& start = column(event, key::kStart, n);
    const json& chunks = column(event, key::kChunks, n);
    const json& items = column(event, key::kItems, n);
    const json& failed = column(event, key::kFailedItems, n);
    const json& busy = column(event, key::kBusyS, n);
    std::vector<ChunkBucket> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        ChunkBucket& b = out[i];
        b.worker = cell<int>(worker, i, key::kWorker);
        b.start_ns = origin_ns + seconds_to_ns(cell<double>(start, i, key::kStart));
        b.width_ns = width_ns;
        b.chunks = cell<uint64_t>(chunks, i, key::kChunks);
        b.items = cell<uint64_t>(items, i, key::kItems);
        b.failed_items = cell<uint64_t>(failed, i, key::kFailedItems);
        b.busy_s = cell<double>(busy, i, key::kBusyS);
        check_worker(b.worker, i);
        if (b.failed_items > b.items || !(b.busy_s >= 0)) {
            throw JsonFieldError("[" + std::to_string(i) + "]",
                                 "does not add up (failed_items past items, or busy_s negative)");
        }
    }
    return out;
}

}  // namespace poolscope
