#include "ui/request_rows.h"

#include <algorithm>

#include "ui/session_model.h"

namespace poolscope::ui {

std::vector<std::string> requestHosts(const Request& request) {
    std::vector<std::string> hosts{std::string()};
    for (const auto& run : request.runs) {
        if (hosts[0].empty()) hosts[0] = run.hosts[0];
        for (std::size_t i = 1; i < run.hosts.size(); ++i)
            if (std::find(hosts.begin() + 1, hosts.end(), run.hosts[i]) == hosts.end())
                hosts.push_back(run.hosts[i]);
    }
    return hosts;
}

QString hostTitle(const std::string& host, bool engine) {
    const QString name = host.empty() ? QCoreApplication::translate("HostTitle", "this machine")
                                      : QString::fromStdString(host);
    return engine ? QCoreApplication::translate("HostTitle", "%1 (engine)").arg(name) : name;
}

QStringList shortHostNames(const std::vector<std::string>& hosts) {
    std::vector<std::string> first;
    for (const auto& h : hosts) first.push_back(h.substr(0, h.find('.')));
    std::size_t common = first.empty() ? 0 : first[0].size();
    for (const auto& f : first) {
        std::size_t n = 0;
        while (n < common && n < f.size() && f[n] == first[0][n]) ++n;
        common = n;
    }
    // Where the shared part may end: just after a separator; keep one shared word.
    std::vector<std::size_t> cuts{0};
    for (std::size_t i = 0; i < common; ++i)
        if (first[0][i] == '-' || first[0][i] == '_') cuts.push_back(i + 1);
    const std::size_t cut = hosts.size() > 1 && cuts.size() > 1 ? cuts[cuts.size() - 2] : 0;
    QStringList out;
    for (const auto& f : first)
        out.append(QString::fromStdString(f.substr(std::min(cut, f.size()))));
    return out;
}

std::vector<const CoreRow*> cpuRows(const Request& request, std::size_t host) {
    const std::vector<std::string> hosts =
        host == 0 ? std::vector<std::string>{} : requestHosts(request);
    std::vector<const CoreRow*> rows;
    for (const auto& run : request.runs) {
        int index = 0;  // the engine's host is first in every run
        if (host > 0) {
            const auto at = std::find(run.hosts.begin() + 1, run.hosts.end(), hosts[host]);
            if (at == run.hosts.end()) continue;
            index = static_cast<int>(at - run.hosts.begin());
        }
        run.cpu.for_each([&](const CoreRow& r) {
            if (r.host == index) rows.push_back(&r);
        });
    }
    return rows;
}

std::vector<RunInterval> runIntervals(const Request& request, double now) {
    std::vector<RunInterval> out;
    for (const auto& run : request.runs)
        out.push_back({run.start_s, run.end_s >= 0 ? run.end_s : now, run.serial});
    return out;
}

double requestEnd(const Request& request) {
    double end = 0;
    for (const auto& run : request.runs) {
        end = std::max(end, run.end_s);
        if (!run.cpu.empty()) end = std::max(end, run.cpu.last().t);
        if (!run.memory.empty()) end = std::max(end, run.memory.last().t);
    }
    return end;
}

}  // namespace poolscope::ui
