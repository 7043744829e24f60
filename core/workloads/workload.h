// Workload: what one item of work is. The engine configures and prepares it (before any fork,
// without starting threads) and serializes each item's input; workers and the serial child run
// items. Every item has fixed input and output sizes, so a chunk's payload is count × size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope {

using ParamMap = std::map<std::string, std::string>;
class SharedMemory;

struct ParamSpec {
    std::string key;
    std::string default_value;
    std::string range;  // human text, e.g. "1 … 10^9"
    std::string help;
    bool real = false;  // parsed with param_double (fractions allowed), else a whole number
};

struct WorkloadInfo {
    std::string name;
    std::string summary;
    std::vector<ParamSpec> params;
};

class Workload {
  public:
    virtual ~Workload() = default;

    virtual const WorkloadInfo& info() const = 0;

    // Checks and stores parameters (defaults filled in by the caller) for a run of `size` items.
    // Returns a message naming field, value and allowed range, or nullopt when valid.
    virtual std::optional<std::string> configure(const ParamMap& params, uint64_t size) = 0;

    // Parameters as resolved for this run (calibrated values included), so that a spawned
    // worker rebuilds exactly the same workload and a result can be reproduced.
    virtual ParamMap resolved_params() const = 0;

    // The parameters a calibration resolved (cpu's item_us into iterations), which the engine
    // carries in every run's config; empty when nothing was calibrated.
    virtual ParamMap calibrated_params() const { return {}; }

    // Engine side, before any fork: builds the input data that fork workers inherit
    // copy-on-write. Must not start threads.
    virtual void prepare() {}

    // Before prepare(), for a --transport shm run: build the prepared input directly in shared
    // memory laid out as the run's segment (front_bytes for the pool's task board, every item's
    // input, then room for every item's output), as a program allocates its array in shared
    // memory, so the pool uses it in place and copies nothing. Workloads that compute their
    // input on the fly ignore it.
    virtual void build_input_in_shared_memory(bool on, uint64_t front_bytes = 0) {
        (void)on, (void)front_bytes;
    }
    // That memory after prepare(), or nullptr (not asked for, or it could not be created: the
    // input then lives on the heap and the run copies it into a segment of its own).
    virtual const SharedMemory* shared_input() const { return nullptr; }

    // Bytes of one item's input and output.
    virtual uint64_t input_bytes() const = 0;
    virtual uint64_t output_bytes() const = 0;

    // Copies item `index`'s input into dst (input_bytes() long). When dst is where the input
    // already lives (the shared input above), nothing is copied.
    virtual void read_input(uint64_t index, std::span<std::byte> dst) const = 0;

    // The prepared inputs of items [first, first + count) when they lie contiguous in memory
    // and stay as they are for the whole run, so a task frame can be written into its pipe
    // straight from them instead of from a copy; empty when inputs are made on demand.
    virtual std::span<const std::byte> inputs_in_memory(uint64_t first, uint64_t count) const {
        (void)first, (void)count;
        return {};
    }

    // Worker side: once per worker process (library thread count, caches).
    virtual void enter_worker(int lib_threads) { (void)lib_threads; }

    // Runs one item: reads all of `in`, writes all of `out`. Returns an error message for an
    // item that fails, nullopt on success.
    virtual std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                                std::span<std::byte> out) = 0;

    // Estimated bytes the engine needs for prepared inputs (for the memory check).
    virtual uint64_t prepared_bytes() const { return 0; }
};

// Hash of one finished item: its index and output bytes, mixed to 64 bits. The run checksum
// is the sum of these mod 2^64, so it does not depend on the order results arrive in.
uint64_t item_hash(uint64_t index, std::span<const std::byte> output);

// Helpers for workloads' configure(): parse an unsigned/floating parameter within a range.
std::optional<std::string> param_u64(const ParamMap& params, const std::string& key, uint64_t lo,
                                     uint64_t hi, uint64_t& out);
std::optional<std::string> param_double(const ParamMap& params, const std::string& key, double lo,
                                        double hi, double& out);
// Unknown keys are refused with the list of known ones.
std::optional<std::string> check_known_params(const WorkloadInfo& info, const ParamMap& params);

}  // namespace poolscope
