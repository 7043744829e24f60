// SharedMemory: an anonymous shared mapping backed by a memfd (nothing in /dev/shm to leak when
// a process dies), its pages reserved up front with fallocate so a full tmpfs is a clear error
// at creation instead of a SIGBUS later. Fork children inherit the mapping; a spawned child maps
// the descriptor. The engine's shared segment and a workload's shared input both live in one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace poolscope {

class SharedMemory {
  public:
    SharedMemory() = default;
    ~SharedMemory();
    SharedMemory(const SharedMemory&) = delete;
    SharedMemory& operator=(const SharedMemory&) = delete;

    // Creates and maps `bytes` (zero bytes: a descriptor and no mapping). simulate_full makes
    // the reservation fail as if the memory were exhausted. The system's reason on failure.
    std::optional<std::string> create(uint64_t bytes, bool simulate_full = false);
    void reset();

    int fd() const { return fd_; }
    std::byte* data() const { return base_; }
    uint64_t size() const { return size_; }
    std::span<std::byte> bytes() const { return {base_, size_}; }

  private:
    int fd_ = -1;
    std::byte* base_ = nullptr;
    uint64_t size_ = 0;
};

}  // namespace poolscope
