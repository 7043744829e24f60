// ControlStopSource on a pipe: a line past the bound is discarded with one warning and does not
// swallow the command after it; a single check() reads a bounded amount.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/engine/stop_source.h"

using poolscope::ControlStopSource;

namespace {

struct Pipe {
    Pipe() { EXPECT_EQ(pipe2(fds, O_CLOEXEC), 0); }
    ~Pipe() {
        close(fds[0]);
        if (fds[1] >= 0) close(fds[1]);
    }
    void write_all(const std::string& text) {
        for (std::size_t done = 0; done < text.size();) {
            const ssize_t n = write(fds[1], text.data() + done, text.size() - done);
            ASSERT_GT(n, 0);
            done += static_cast<std::size_t>(n);
        }
    }
    int fds[2] = {-1, -1};
};

}  // namespace

TEST(ControlStopSource, ALongLineIsDiscardedOnceAndTheNextCommandCounts) {
    Pipe p;
    std::vector<std::string> warnings;
    ControlStopSource control(p.fds[0], [&](const std::string& w) { warnings.push_back(w); });
    p.write_all(std::string(ControlStopSource::kMaxLineBytes + 10, 'x') + "stop\nstop\n");
    EXPECT_TRUE(control.check());
    EXPECT_EQ(control.reason(), "stopped by request");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("longer than 4096 bytes"), std::string::npos);
}

TEST(ControlStopSource, ALineJustUnderTheBoundIsACommand) {
    Pipe p;
    std::vector<std::string> warnings;
    ControlStopSource control(p.fds[0], [&](const std::string& w) { warnings.push_back(w); });
    p.write_all("status\n" + std::string(ControlStopSource::kMaxLineBytes - 10, ' ') + "\n");
    EXPECT_FALSE(control.check());
    EXPECT_TRUE(warnings.empty());
    p.write_all("stop\n");
    EXPECT_TRUE(control.check());
}

TEST(ControlStopSource, OneCheckReadsABoundedAmount) {
    Pipe p;
    ControlStopSource control(p.fds[0]);
    p.write_all(std::string(60000, 'y'));  // fits a pipe's default 64 KiB
    p.write_all("\n");
    EXPECT_FALSE(control.check());
    EXPECT_FALSE(control.check());
    close(p.fds[1]), p.fds[1] = -1;
    EXPECT_TRUE(control.check());
    EXPECT_EQ(control.reason(), "control channel closed");
}

TEST(ControlStopSource, OnlyPipesSocketsAndTerminalsCanBeChannels) {
    Pipe p;
    EXPECT_FALSE(ControlStopSource::unsuitable(p.fds[0]));
    const int zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    const int dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_TRUE(ControlStopSource::unsuitable(zero));
    EXPECT_NE(ControlStopSource::unsuitable(zero)->find("character device"), std::string::npos);
    ASSERT_TRUE(ControlStopSource::unsuitable(dir));
    EXPECT_NE(ControlStopSource::unsuitable(dir)->find("directory"), std::string::npos);
    close(zero);
    close(dir);
}
