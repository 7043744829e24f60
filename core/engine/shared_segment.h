// SharedSegment: the one shared-memory segment of a pool run. A run with a shared task queue
// keeps its TaskBoard at the front; with --transport shm, inputs and outputs of every item follow
// (inputs first, then outputs) and tasks carry only index ranges. It is a SharedMemory (a memfd,
// its pages reserved up front), created for the run, or the workload's own shared input when
// the workload built it there, laid out the same way (see Offer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/platform/shared_memory.h"

namespace poolscope {

class SharedSegment {
  public:
    SharedSegment() = default;
    ~SharedSegment();
    SharedSegment(const SharedSegment&) = delete;
    SharedSegment& operator=(const SharedSegment&) = delete;

    // While an Offer lives (the engine holds one around a run), create() with sizes that match
    // the offered memory uses it in place: a workload that built its input in shared memory laid
    // out as a segment (room for the board, every input, then room for every output) is not
    // copied again, as a
    // program that allocates its array in shared memory hands the pool that very array. Its
    // inputs are then already where the run's copy loop would put them.
    class Offer {
      public:
        explicit Offer(const SharedMemory* memory);
        ~Offer();
        Offer(const Offer&) = delete;
        Offer& operator=(const Offer&) = delete;

      private:
        const SharedMemory* previous_;
    };

    // Creates and maps board_bytes + input_bytes + output_bytes, or takes the offered memory;
    // simulate_full makes the reservation fail as if the memory were exhausted (--inject
    // shm-full). Message on failure.
    std::optional<std::string> create(uint64_t input_bytes, uint64_t output_bytes,
                                      bool simulate_full = false, uint64_t board_bytes = 0);
    // Maps an inherited segment (a spawned worker's fd 5).
    std::optional<std::string> attach(int fd, uint64_t input_bytes, uint64_t output_bytes,
                                      uint64_t board_bytes = 0);

    int fd() const { return fd_; }
    bool valid() const { return base_ != nullptr || total() == 0; }
    // True when the segment is the workload's offered memory (nothing was copied into it).
    bool in_place() const { return in_place_; }
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

    SharedMemory own_;      // a segment created for this run
    int fd_ = -1;           // own_'s descriptor, an inherited one, or a duplicate of the offer's
    bool owns_fd_ = false;  // attach()ed or duplicated: closed here
    bool mapped_ = false;   // attach(): unmapped here
    bool in_place_ = false;
    std::byte* base_ = nullptr;
    uint64_t board_bytes_ = 0;
    uint64_t input_bytes_ = 0;
    uint64_t output_bytes_ = 0;
};

// The descriptor number a spawned worker finds the segment on.
inline constexpr int kWorkerShmFd = 5;

}  // namespace poolscope
