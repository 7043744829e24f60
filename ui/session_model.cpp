#include "ui/session_model.h"

#include <algorithm>

namespace poolscope::ui {

const RunTrace* Request::latest(bool serial) const {
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (it->serial == serial) return &*it;
    return nullptr;
}

namespace {

// The last `repeat` finished runs of one kind: the counted ones (warm-ups run first).
std::vector<RunResult> counted(const std::vector<RunTrace>& runs, bool serial, int repeat) {
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

Request& SessionModel::beginRequest(const QString& title, const QStringList& arguments,
                                    int repeat) {
    if (requests_.size() >= kMaxRequests) requests_.pop_front();
    // Chunk detail is the bulk of a run's memory: only the newest requests keep it.
    if (requests_.size() >= kChunkDetailRequests)
        for (auto& run : requests_[requests_.size() - kChunkDetailRequests].runs)
            dropChunkDetail(run);
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

const RunTrace* SessionModel::latestRun(bool serial) const {
    for (auto it = requests_.rbegin(); it != requests_.rend(); ++it)
        if (const RunTrace* r = it->latest(serial)) return r;
    return nullptr;
}

bool SessionModel::takeDirty() {
    return std::exchange(dirty_, false);
}

}  // namespace poolscope::ui
