// StreamFeed: turns bytes of an event stream (the engine's stdout, or a recorded file) into
// the parsed EventStream, in slices of bounded time on the GUI thread so a burst of output
// never freezes the window: it parses whole lines for at most kSliceMs, then yields to the
// event loop and continues. advanced() says new events were taken in; a malformed line is
// reported once (with its number) and skipped, and what came before it stays.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include "core/events/event_stream_parser.h"

namespace poolscope::ui {

class StreamFeed : public QObject {
    Q_OBJECT
  public:
    static constexpr int kSliceMs = 8;
    // A line longer than this is refused (the engine writes far shorter ones).
    static constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;

    explicit StreamFeed(QObject* parent = nullptr);

    void reset();
    void feed(const QByteArray& bytes);
    // The source ended: parses everything left now (an unterminated last line included).
    void finish();
    // Parses everything buffered now, without yielding (for tests and replays).
    void drain();

    const EventStream& stream() const { return parser_.stream(); }
    // Drops the samples parsed so far (a reader that copied them into bounded series).
    void releaseSamples() { parser_.release_samples(); }
    bool hasHello() const { return parser_.has_hello(); }
    int lines() const { return parser_.lines(); }
    const QString& firstError() const { return first_error_; }
    int errorCount() const { return errors_; }
    bool idle() const { return pending_.size() == offset_; }
    qsizetype bufferedBytes() const { return pending_.size(); }
    // Every whole line is parsed: what is left (if anything) waits for the rest of its line.
    bool caughtUp() const { return pending_.indexOf('\n', offset_) < 0; }

  signals:
    void advanced();
    void lineError(const QString& message);

  private:
    void parseSlice();
    bool parseOneLine(bool final);
    void scheduleSlice();

    EventStreamParser parser_;
    QByteArray pending_;
    qsizetype offset_ = 0;
    bool scheduled_ = false;
    bool finished_ = false;
    QString first_error_;
    int errors_ = 0;
};

}  // namespace poolscope::ui
