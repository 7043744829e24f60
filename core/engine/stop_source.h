// StopSource: something the engine's loop polls that can ask a run to stop — SIGINT/SIGTERM
// (through a self-pipe, so the handler does nothing but write one byte) or the GUI's
// --control-stdin channel ("stop" line or end of file).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace poolscope {

class StopSource {
  public:
    virtual ~StopSource() = default;
    virtual int fd() const = 0;  // poll it for POLLIN
    // Consumes what is readable; true once a stop has been requested (stays true).
    virtual bool check() = 0;
    virtual std::string reason() const = 0;
};

// SIGINT and SIGTERM; one instance at a time per process (the CLI has one). Destroying it
// restores the default handlers.
class SignalStopSource final : public StopSource {
  public:
    SignalStopSource();
    ~SignalStopSource() override;
    int fd() const override;
    bool check() override;
    std::string reason() const override { return reason_; }

  private:
    bool stopped_ = false;
    std::string reason_;
};

// Commands on a descriptor (stdin): "stop" or end of file request a stop; others are ignored.
// A line longer than kMaxLineBytes is discarded (warned about once); each check() reads at
// most kMaxReadBytes, so a writer that never stops cannot hold the engine's loop. A read error
// counts as end of file.
class ControlStopSource final : public StopSource {
  public:
    static constexpr std::size_t kMaxLineBytes = 4096;
    static constexpr std::size_t kMaxReadBytes = 64 * 1024;
    using Warn = std::function<void(const std::string&)>;

    explicit ControlStopSource(int fd, Warn warn = {});
    // Why fd cannot be a control channel (only a pipe, a socket or a terminal can: poll on a
    // file, a directory or a device such as /dev/zero reports it readable forever), or nullopt.
    static std::optional<std::string> unsuitable(int fd);

    int fd() const override { return fd_; }
    bool check() override;
    std::string reason() const override { return reason_; }

  private:
    void take(const char* data, std::size_t size);
    void command(std::string cmd);

    int fd_;
    Warn warn_;
    bool stopped_ = false;
    bool discarding_ = false;  // inside a line already longer than kMaxLineBytes
    std::string line_;
    std::string reason_;
};

}  // namespace poolscope
