// StopSource: something the engine's loop polls that can ask a run to stop — SIGINT/SIGTERM
// (through a self-pipe, so the handler does nothing but write one byte) or the GUI's
// --control-stdin channel ("stop" line or end of file).
#pragma once

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
class ControlStopSource final : public StopSource {
  public:
    explicit ControlStopSource(int fd);
    int fd() const override { return fd_; }
    bool check() override;
    std::string reason() const override { return reason_; }

  private:
    int fd_;
    bool stopped_ = false;
    std::string line_;
    std::string reason_;
};

}  // namespace poolscope
