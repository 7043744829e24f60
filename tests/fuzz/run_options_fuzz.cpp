// Fuzz target for what a user types: `poolscope-cli run` options and --inject fault specs. The
// input is split at newlines into argv words (so seeds stay readable), parsed by
// parse_run_options, and an accepted configuration is validated as the CLI does before any
// process starts. Refusals must be one non-empty line; a fault list that parse_fault_plan
// refuses must also be refused by validation.
#include <string>
#include <string_view>
#include <vector>

#include "app/cli/run_options.h"
#include "core/config/fault_plan.h"
#include "core/config/validation.h"
#include "core/workloads/workload_registry.h"
#include "fuzz/fuzz_target.h"

namespace poolscope::fuzz {
namespace {

std::vector<std::string> words_of(std::span<const uint8_t> input) {
    std::vector<std::string> words;
    std::string_view rest(reinterpret_cast<const char*>(input.data()), input.size());
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        words.emplace_back(rest.substr(0, nl));
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    }
    return words;
}

void require_one_line(const std::string& message, const char* what) {
    require(!message.empty() && message.find('\n') == std::string::npos, what);
}

// A fixed machine, so that an input means the same on every machine that replays it.
MachineInfo test_machine() {
    MachineInfo m;
    m.online_cores = m.usable_cores = 4;
    m.affinity_cpus = {0, 1, 2, 3};
    m.mem_total_bytes = m.mem_available_bytes = uint64_t{8} << 30;
    return m;
}

// Returns true when the options parse and the configuration is valid.
bool check(std::span<const uint8_t> input) {
    const auto words = words_of(input);

    // Every word as a fault spec on its own.
    FaultPlan direct;
    if (auto e = parse_fault_plan(words, direct)) require_one_line(*e, "fault refusal not a line");

    cli::RunOptions opt;
    std::string error;
    if (!cli::parse_run_options(words, opt, error)) {
        require_one_line(error, "option refusal is not one line");
        return false;
    }
    const RunConfig& cfg = opt.config;
    FaultPlan plan;
    const auto fault_error = parse_fault_plan(cfg.inject, plan);
    const MachineInfo machine = test_machine();
    const auto invalid = validate_config(cfg, machine);
    if (invalid) require_one_line(*invalid, "validation refusal is not one line");
    require(!fault_error || invalid, "validation took a fault list parse_fault_plan refused");
    if (invalid) return false;
    // The workload with its default parameters: configure() may calibrate in a child process,
    // which has no place in a fuzz loop.
    const auto wl = make_workload(cfg.workload);
    require(wl != nullptr, "validation took an unknown workload");
    if (auto e = validate_with_workload(cfg, *wl, machine))
        return require_one_line(*e, "workload refusal is not one line"), false;
    (void)estimate_run_memory(cfg, *wl);
    (void)describe(cfg);
    return true;
}

}  // namespace

bool accepts(std::span<const uint8_t> input) {
    return check(input);
}

}  // namespace poolscope::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    (void)poolscope::fuzz::check({data, size});
    return 0;
}
