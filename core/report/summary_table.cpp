#include "core/report/summary_table.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/text/format.h"

namespace poolscope {

namespace {

using Row = std::vector<std::string>;

// Left-aligned first column, right-aligned figures; two spaces between columns.
std::string render(const std::vector<Row>& rows) {
    std::vector<std::size_t> width;
    auto len = [](const std::string& s) {  // count UTF-8 code points, not bytes
        return static_cast<std::size_t>(
            std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
    };
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], len(r[i]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const std::string pad(width[i] - len(r[i]), ' ');
            line += i == 0 ? r[i] + pad : "  " + pad + r[i];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string hex(uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string stat_cell(const RunSeries& s, const Stat& st, double single) {
    if (s.runs.size() <= 1) return fmt_duration(single);
    return fmt_duration(st.median) + " [" + fmt_duration(st.min) + " … " + fmt_duration(st.max) +
           "]";
}

Row header_row() {
    return {"run",   "config", "wall",     "start-up", "teardown", "compute",
            "items", "chunks", "peak PSS", "CPU",      "checksum"};
}

Row series_row(const std::string& name, const RunSeries& s) {
    const RunResult& r = s.representative();
    const bool serial = r.config.backend == Backend::Serial;
    const std::string items = std::to_string(r.checksum_items) + "/" + std::to_string(r.items);
    return {name, r.label, stat_cell(s, s.wall_s, r.wall_s), stat_cell(s, s.startup_s, r.startup_s),
            stat_cell(s, s.teardown_s, r.teardown_s), stat_cell(s, s.compute_s, r.compute_s), items,
            serial ? "-" : std::to_string(r.chunks_done) + "/" + std::to_string(r.chunks),
            r.memory.samples ? fmt_bytes(r.memory.peak_pss_sum_bytes) : "-",
            // A mean utilisation needs two samples (a delta); shorter runs show none.
            r.cpu.samples >= 2 ? fmt_fixed(r.cpu.mean_machine_util * 100, 0) + " %" : "-",
            hex(r.checksum)};
}

Row breakdown_row(const std::string& name, const RunResult& r) {
    const Breakdown& b = r.breakdown;
    return {name,
            fmt_duration(b.startup),
            fmt_duration(b.serialization),
            fmt_duration(b.transfer),
            fmt_duration(b.compute),
            fmt_duration(b.teardown),
            fmt_duration(b.idle),
            fmt_duration(b.total()) + " = " + std::to_string(r.workers) + " × " +
                fmt_duration(r.wall_s)};
}

// What the table does not show: zombies seen, errors, a partial result.
std::string notes_of(const RunResult& r) {
    std::string out;
    if (r.memory.peak_zombie_workers > 0)  // --reap-delay-ms: what the process list showed
        out += "  zombies: up to " + std::to_string(r.memory.peak_zombie_workers) +
               " exited workers at once in the process list (state Z), all reaped before the "
               "run ended\n";
    for (const auto& e : r.errors) out += "  error [" + e.code + "]: " + e.message + "\n";
    if (r.partial)
        out += "  partial result: the checksum covers " + std::to_string(r.checksum_items) +
               " of " + std::to_string(r.items) + " items\n";
    return out;
}

// --backend mpi: the table's peak PSS and CPU are the engine's host's; this gives every host's.
std::string host_table(const std::string& name, const RunResult& r) {
    if (r.host_totals.empty()) return "";
    std::vector<Row> rows{{name + " per host", "peak PSS", "peak RSS", "CPU time", "CPU"}};
    for (const HostFigures& h : r.host_totals) {
        const bool sampled = h.samples > 0;
        rows.push_back({h.host + (h.engine ? " (engine)" : ""),
                        sampled ? fmt_bytes(h.peak_pss_sum_bytes) : "-",
                        sampled ? fmt_bytes(h.peak_rss_sum_bytes) : "-",
                        sampled ? fmt_duration(h.process_cpu_s) : "-",
                        h.samples >= 2 ? fmt_fixed(h.mean_machine_util * 100, 0) + " %" : "-"});
    }
    return "\n" + render(rows);
}

std::string breakdown_table(const std::vector<std::pair<std::string, const RunResult*>>& runs) {
    std::vector<Row> rows{{"breakdown (worker-seconds)", "start-up", "serialization", "transfer",
                           "compute", "teardown", "idle", "total"}};
    for (const auto& [name, r] : runs) rows.push_back(breakdown_row(name, *r));
    return render(rows);
}

}  // namespace

std::string format_series(const RunSeries& s) {
    if (s.runs.empty()) return "no run finished\n";
    const RunResult& r = s.representative();
    const std::string name = r.config.backend == Backend::Serial ? "serial" : "parallel";
    std::string out = render({header_row(), series_row(name, s)});
    out += "\n" + breakdown_table({{name, &r}});
    out += host_table(name, r);
    if (s.runs.size() > 1)
        out += "\n" + std::to_string(s.runs.size()) + " runs: median [min … max]\n";
    return out + notes_of(r);
}

std::string format_comparison(const Comparison& c) {
    std::vector<Row> rows{header_row()};
    std::vector<std::pair<std::string, const RunResult*>> bd;
    if (!c.serial.runs.empty()) {
        rows.push_back(series_row("serial", c.serial));
        bd.push_back({"serial", &c.serial.representative()});
    }
    if (!c.parallel.runs.empty()) {
        rows.push_back(series_row("parallel", c.parallel));
        bd.push_back({"parallel", &c.parallel.representative()});
    }
    std::string out = render(rows) + "\n" + breakdown_table(bd);
    if (!c.parallel.runs.empty()) out += host_table("parallel", c.parallel.representative());
    out += "\n";
    if (!c.parallel.runs.empty()) {
        out += "speedup " + fmt_ratio(c.speedup) + "   efficiency " +
               fmt_fixed(c.efficiency * 100, 1) + " %   T " + fmt_duration(c.T) + "   C " +
               fmt_duration(c.C) + "   checksums " + (c.checksums_match ? "match" : "DIFFER") +
               "\n";
    }
    const auto runs = std::max(c.serial.runs.size(), c.parallel.runs.size());
    if (runs > 1) out += std::to_string(runs) + " runs each: median [min … max]\n";
    if (!c.serial.runs.empty()) out += notes_of(c.serial.representative());
    if (!c.parallel.runs.empty()) out += notes_of(c.parallel.representative());
    return out + "verdict: " + c.verdict + "\n";
}

}  // namespace poolscope
