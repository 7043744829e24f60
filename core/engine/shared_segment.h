// SharedSegment: the one shared-memory segment of a pool run. With --transport shm, inputs and
// outputs of every item live in it (inputs first, then outputs); tasks carry only index ranges.
// A run with a shared task queue keeps its TaskBoard at the front (board bytes, then inputs). It is
// a memfd (anonymous: nothing in /dev/shm can leak when a process dies) whose pages are reserved up
// front with fallocate, so a full tmpfs is a clear error at creation instead of a SIGBUS in the
// middle of a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace poolscope {

class SharedSegment {
  public:
    SharedSegment() = default;
    ~SharedSegment();
    SharedSegment(const SharedSegment&) = delete;
    SharedSegment& operator=(const SharedSegment&) = delete;

    // Creates and maps input_bytes + output_bytes. simulate_full makes the reservation fail as
    // if the memory were exhausted (--inject shm-full). Message on failure.
    std::optional<std::string> create(uint64_t input_bytes, uint64_t output_bytes,
                                      bool simulate_full = false, uint64_t board_bytes = 0);
    // Maps an inherited segment (a spawned worker's fd 5).
    std::optional<std::string> attach(int fd, uint64_t input_bytes, uint64_t output_bytes,
                                      uint64_t board_bytes = 0);

    int fd() const { return fd_; }
    bool valid() const { return base_ != nullptr || total() == 0; }
    uint64_t input_bytes() const { return input_bytes_; }
    uint64_t output_bytes() const { return output_bytes_; }
    uint64_t board_bytes() const { return board_bytes_; }
    uint64_t total() const { return board_bytes_ + input_bytes_ + output_bytes_; }
    std::byte* board() const { return board_bytes_ ? base_ : nullptr; }
    std::span<std::byte> inputs() const { return {base_ + board_bytes_, input_bytes_}; }
    std::span<std::byte> outputs() const {
        return {base_ + board_bytes_ + input_bytes_, output_bytes_};
    }

  private:
    std::optional<std::string> map(int prot);

    int fd_ = -1;
    std::byte* base_ = nullptr;
    uint64_t input_bytes_ = 0;
    uint64_t output_bytes_ = 0;
    uint64_t board_bytes_ = 0;
};

// The descriptor number a spawned worker finds the segment on.
inline constexpr int kWorkerShmFd = 5;

}  // namespace poolscope
