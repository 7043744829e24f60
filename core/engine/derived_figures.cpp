#include "core/engine/derived_figures.h"

#include <algorithm>

#include "core/platform/clock.h"

namespace poolscope {

double shm_page_fault_s(const RunResult& r) {
    int64_t ns = 0;
    for (const ChunkRecord& c : r.chunk_records)
        if (c.ok && c.compute_start_ns > c.recv_end_ns) ns += c.compute_start_ns - c.recv_end_ns;
    return ns_to_s(ns);
}

double first_result_s(const RunResult& r) {
    int64_t first = 0, last = 0, head = 0;
    for (const ChunkRecord& c : r.chunk_records) {
        if (!c.ok || c.received_ns <= 0) continue;
        first = first ? std::min(first, c.received_ns) : c.received_ns;
        last = std::max(last, c.received_ns);
        if (c.id == 0) head = c.received_ns;
    }
    int64_t at = 0;
    switch (r.config.dispatch) {
        case Dispatch::Map:
        case Dispatch::Static:
            at = last;
            break;
        case Dispatch::Imap:
            at = head;
            break;
        case Dispatch::ImapUnordered:
        case Dispatch::ApplyAsync:
            at = first;
            break;
    }
    return at > r.start_ns ? ns_to_s(at - r.start_ns) : 0;
}

void add_derived_figures(RunResult& r) {
    if (r.config.transport == Transport::Shm) r.page_fault_s = shm_page_fault_s(r);
    r.first_result_s = first_result_s(r);
}

}  // namespace poolscope
