#include "support/stream_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/synthetic_run.h"

namespace poolscope::test_support {

StreamFile::StreamFile(EventStreamOptions options)
    : path_(dir_.file("run.jsonl")),
      fd_(open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) {
    EXPECT_GE(fd_, 0) << "cannot create " << path_;
    writer_ = std::make_unique<EventStreamWriter>(fd_, kLateOriginNs, synthetic_machine(), options);
}

StreamFile::~StreamFile() {
    writer_.reset();
    if (fd_ >= 0) close(fd_);
}

std::string StreamFile::text() {
    EXPECT_TRUE(writer_->finish());
    std::ifstream in(path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace poolscope::test_support
