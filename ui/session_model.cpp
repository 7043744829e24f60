#include "ui/session_model.h"

#include <algorithm>

#include "core/analysis/comparison.h"

namespace poolscope::ui {

const RunTrace* Request::latest(bool serial) const {
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (it->serial == serial) return &*it;
    return nullptr;
}

namespace {

// The last `repeat` finished runs of one kind: the counted ones (warm-ups run first).
std::vector<RunResult> counted(const std::deque<RunTrace>& runs, bool serial, int repeat) {
    std::vector<RunResult> out;
    for (const auto& r : runs)
        if (r.serial == serial && r.result) out.push_back(*r.result);
    const auto keep = static_cast<std::size_t>(std::max(1, repeat));
    if (out.size() > keep) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(keep));
    return out;
}

}  // namespace

std::optional<Comparison> Request::comparison() const {
    auto serial = counted(runs, true, repeat);
    auto parallel = counted(runs, false, repeat);
    if (serial.empty() || parallel.empty()) return std::nullopt;
    return make_comparison(make_series(std::move(serial)), make_series(std::move(parallel)));
}

SessionModel::SessionModel(QObject* parent) : QObject(parent) {}

// Bounds the session before a request is added: the oldest request goes past kMaxRequests,
// and chunk detail (the bulk of a run's memory) stays only with the newest requests.
void SessionModel::makeRoom() {
    if (requests_.size() >= kMaxRequests) requests_.pop_front();
    if (requests_.size() >= kChunkDetailRequests)
        for (auto& run : requests_[requests_.size() - kChunkDetailRequests].runs)
            dropChunkDetail(run);
}

Request& SessionModel::beginRequest(const QString& title, const QStringList& arguments,
                                    int repeat) {
    makeRoom();
    Request r;
    r.id = next_id_++;
    r.title = title;
    r.arguments = arguments;
    r.repeat = repeat;
    requests_.push_back(std::move(r));
    dirty_ = true;
    emit requestsChanged();
    return requests_.back();
}

void SessionModel::update(const EventStream& stream) {
    if (requests_.empty()) return;
    Request& req = requests_.back();
    for (std::size_t i = 0; i < stream.runs.size(); ++i) {
        if (req.runs.size() <= i) req.runs.emplace_back();
        if (absorb(req.runs[i], stream.runs[i], stream.hello.origin_ns)) dirty_ = true;
    }
}

void SessionModel::finishRequest(RequestState state, const QString& message) {
    if (requests_.empty()) return;
    requests_.back().state = state;
    requests_.back().message = message;
    dirty_ = true;
    emit requestsChanged();
}

const Request& SessionModel::addRecordedRequest(const QString& title, const EventStream& stream,
                                                RequestState state, const QString& message) {
    makeRoom();
    Request r;
    r.id = next_id_++;
    r.title = title;
    r.state = state;
    r.message = message;
    r.repeat = stream.runs.empty() ? 1 : std::max(1, stream.runs.front().config.repeat);
    r.runs.resize(stream.runs.size());
    for (std::size_t i = 0; i < stream.runs.size(); ++i)
        absorb(r.runs[i], stream.runs[i], stream.hello.origin_ns);
    auto at = requests_.end();
    if (!requests_.empty() && requests_.back().running()) --at;
    at = requests_.insert(at, std::move(r));
    dirty_ = true;
    emit requestsChanged();
    return *at;
}

Request* SessionModel::findMutable(int id) {
    for (auto& r : requests_)
        if (r.id == id) return &r;
    return nullptr;
}

const Request* SessionModel::findRequest(int id) const {
    return const_cast<SessionModel*>(this)->findMutable(id);
}

const RunTrace* SessionModel::findRun(const RunRef& ref) const {
    const Request* req = findRequest(ref.request);
    if (!req) return nullptr;
    for (const auto& run : req->runs)
        if (run.run_id == ref.run) return &run;
    return nullptr;
}

bool SessionModel::removeRun(const RunRef& ref) {
    Request* req = findMutable(ref.request);
    if (!req || req->running()) return false;
    const auto it = std::find_if(req->runs.begin(), req->runs.end(),
                                 [&](const RunTrace& t) { return t.run_id == ref.run; });
    if (it == req->runs.end()) return false;
    req->runs.erase(it);
    if (req->runs.empty())
        requests_.erase(std::find_if(requests_.begin(), requests_.end(),
                                     [&](const Request& r) { return r.id == ref.request; }));
    dirty_ = true;
    emit requestsChanged();
    return true;
}

bool SessionModel::setRunLabel(const RunRef& ref, const QString& label) {
    auto* run = const_cast<RunTrace*>(findRun(ref));
    if (!run) return false;
    run->label = label.toStdString();
    dirty_ = true;
    emit requestsChanged();
    return true;
}

const RunTrace* SessionModel::latestRun(bool serial) const {
    for (auto it = requests_.rbegin(); it != requests_.rend(); ++it)
        if (const RunTrace* r = it->latest(serial)) return r;
    return nullptr;
}

std::pair<const RunTrace*, const RunTrace*> SessionModel::latestPair() const {
    const RunTrace* s = nullptr;
    const RunTrace* p = nullptr;
    bool serial_newer = false;  // the serial run came from a newer request than the parallel
    for (auto it = requests_.rbegin(); it != requests_.rend() && !(s && p); ++it) {
        if (!p) p = it->latest(false);
        if (!s && (s = it->latest(true))) serial_newer = !p;
    }
    if (!s || !p) return {s, p};
    const RunConfig& a = s->config;
    const RunConfig& b = p->config;
    if (a.workload == b.workload && a.size == b.size && a.params == b.params) return {s, p};
    using Pair = std::pair<const RunTrace*, const RunTrace*>;
    return serial_newer ? Pair{s, nullptr} : Pair{nullptr, p};
}

bool SessionModel::takeDirty() {
    return std::exchange(dirty_, false);
}

}  // namespace poolscope::ui
