// SessionModel: every request of this session (one engine process each: Run serial, Run
// parallel or Compare) with the RunTraces its stream produced. The engine client hands it the
// parsed stream after each parse slice; it takes in only what is new and marks itself dirty, and
// the window's redraw timer reads it at 10 Hz. Views never see the parser, only these values.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "core/engine/run_series.h"
#include "ui/run_ref.h"
#include "ui/run_trace.h"

namespace poolscope::ui {

enum class RequestState { Running, Done, Failed, Refused, Stopped };

struct Request {
    int id = 0;
    QString title;          // "Compare", "Run serial", "Run parallel", or a lesson run's label
    QStringList arguments;  // poolscope-cli run arguments, as started
    RequestState state = RequestState::Running;
    QString message;  // the engine's refusal, the failure, or a stream error
    int repeat = 1;   // counted runs per configuration (warm-ups come first in the stream)
    std::deque<RunTrace> runs;  // a deque: views may hold a run while more are appended

    const RunTrace* latest(bool serial) const;
    // Serial vs parallel over the counted runs, once both have finished.
    std::optional<Comparison> comparison() const;
    bool running() const { return state == RequestState::Running; }
};

class SessionModel : public QObject {
    Q_OBJECT
  public:
    explicit SessionModel(QObject* parent = nullptr);

    // Starts a new request; older ones beyond the bound are dropped from the front.
    Request& beginRequest(const QString& title, const QStringList& arguments, int repeat);
    // Takes in what is new in the current request's stream.
    void update(const EventStream& stream);
    void finishRequest(RequestState state, const QString& message);
    // A finished request made of a whole recorded stream (File → Open). It goes before a
    // running request, so the engine's updates keep going to the request that started it.
    const Request& addRecordedRequest(const QString& title, const EventStream& stream,
                                      RequestState state, const QString& message);

    const Request* findRequest(int id) const;
    const RunTrace* findRun(const RunRef& ref) const;
    // Deletes one run; a request left without runs goes too. Refused (false) for a run of a
    // running request, whose stream still maps onto its runs by position.
    bool removeRun(const RunRef& ref);
    // The user's name for a run (the history's label column).
    bool setRunLabel(const RunRef& ref, const QString& label);

    const std::deque<Request>& requests() const { return requests_; }
    const Request* current() const { return requests_.empty() ? nullptr : &requests_.back(); }
    Request* currentMutable() { return requests_.empty() ? nullptr : &requests_.back(); }
    // The newest finished-or-running run of each kind over all requests (what the progress
    // chart overlays).
    const RunTrace* latestRun(bool serial) const;
    // The latest serial and parallel run when they did the same work (workload, size and
    // parameters): what the progress chart overlays and the result compares. Of two runs of
    // different work the newer stands alone (the other is null): their checksums differ by
    // construction, and a speedup between them means nothing.
    std::pair<const RunTrace*, const RunTrace*> latestPair() const;

    bool takeDirty();  // true once after each change
    static constexpr std::size_t kMaxRequests = 64;
    static constexpr std::size_t kChunkDetailRequests = 8;

  signals:
    void requestsChanged();  // a request began or ended

  private:
    void makeRoom();
    Request* findMutable(int id);

    std::deque<Request> requests_;
    int next_id_ = 1;
    bool dirty_ = false;
};

}  // namespace poolscope::ui
