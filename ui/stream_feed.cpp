#include "ui/stream_feed.h"

#include <QElapsedTimer>
#include <QTimer>
#include <string_view>

namespace poolscope::ui {

StreamFeed::StreamFeed(QObject* parent) : QObject(parent) {}

void StreamFeed::reset() {
    parser_ = EventStreamParser();
    pending_.clear();
    offset_ = 0;
    finished_ = false;
    first_error_.clear();
    errors_ = 0;
}

void StreamFeed::feed(const QByteArray& bytes) {
    // Drop what was parsed: the buffer holds at most the unparsed tail (usually part of one
    // line), whatever the stream's length.
    if (offset_ > 0) {
        pending_.remove(0, offset_);
        offset_ = 0;
    }
    pending_.append(bytes);
    scheduleSlice();
}

void StreamFeed::finish() {
    finished_ = true;
    drain();
}

void StreamFeed::drain() {
    bool any = false;
    while (parseOneLine(finished_)) any = true;
    if (any) emit advanced();
}

void StreamFeed::scheduleSlice() {
    if (scheduled_) return;
    scheduled_ = true;
    QTimer::singleShot(0, this, [this] {
        scheduled_ = false;
        parseSlice();
    });
}

void StreamFeed::parseSlice() {
    QElapsedTimer clock;
    clock.start();
    bool any = false;
    while (clock.elapsed() < kSliceMs) {
        if (!parseOneLine(finished_)) break;
        any = true;
    }
    if (any) emit advanced();
    // More whole lines waiting: continue after the event loop had its turn.
    if (pending_.indexOf('\n', offset_) >= 0) scheduleSlice();
}

// Parses the next whole line (or, when final, the unterminated rest). False when none.
bool StreamFeed::parseOneLine(bool final) {
    if (offset_ >= pending_.size()) return false;
    qsizetype end = pending_.indexOf('\n', offset_);
    const bool unterminated = end < 0;
    if (unterminated) {
        if (pending_.size() - offset_ > kMaxLineBytes) {  // refuse instead of buffering on
            end = pending_.size();
        } else if (!final) {
            return false;
        } else {
            end = pending_.size();
        }
    }
    const std::string_view line(pending_.constData() + offset_,
                                static_cast<std::size_t>(end - offset_));
    offset_ = unterminated ? end : end + 1;
    try {
        if (line.size() > static_cast<std::size_t>(kMaxLineBytes)) {
            throw EventStreamError(parser_.lines() + 1,
                                   "line " + std::to_string(parser_.lines() + 1) +
                                       ": longer than the reader's limit of 64 MiB");
        }
        parser_.parse_line(line, unterminated);
    } catch (const EventStreamError& e) {
        if (errors_++ == 0) {
            first_error_ = QString::fromStdString(e.what());
            emit lineError(first_error_);
        }
    }
    return true;
}

}  // namespace poolscope::ui
