// An EventStreamWriter on a file in a scratch folder, for tests that write a stream and read
// it back. The writer's origin is kLateOriginNs and its machine synthetic_machine().
#pragma once

#include <memory>
#include <string>

#include "core/events/event_stream_writer.h"
#include "support/scratch_dir.h"

namespace poolscope::test_support {

class StreamFile {
  public:
    explicit StreamFile(EventStreamOptions options = {});
    ~StreamFile();
    StreamFile(const StreamFile&) = delete;
    StreamFile& operator=(const StreamFile&) = delete;

    EventStreamWriter& writer() { return *writer_; }
    // Finishes the stream (a failed finish fails the test) and returns the file's text.
    std::string text();

  private:
    ScratchDir dir_;
    std::string path_;
    int fd_ = -1;
    std::unique_ptr<EventStreamWriter> writer_;
};

}  // namespace poolscope::test_support
