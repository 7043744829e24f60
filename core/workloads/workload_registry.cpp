#include "core/workloads/workload_registry.h"

#include "core/workloads/cpu_workload.h"
#include "core/workloads/skewed_workload.h"
#include "core/workloads/sleep_workload.h"
#include "core/workloads/square_workload.h"
#include "core/workloads/transfer_workload.h"
#ifdef POOLSCOPE_HAVE_OPENCV
#include "core/workloads/opencv/blur_workload.h"
#endif

namespace poolscope {
namespace {

using Factory = std::unique_ptr<Workload> (*)();

struct Entry {
    std::string_view name;
    Factory make;
};

// Add new workloads here; `poolscope-cli list` prints them in this order.
const Entry kEntries[] = {
    {"square", [] { return std::unique_ptr<Workload>(new SquareWorkload); }},
    {"cpu", [] { return std::unique_ptr<Workload>(new CpuWorkload); }},
#ifdef POOLSCOPE_HAVE_OPENCV
    {"blur", [] { return std::unique_ptr<Workload>(new BlurWorkload); }},
#endif
    {"transfer", [] { return std::unique_ptr<Workload>(new TransferWorkload); }},
    {"sleep", [] { return std::unique_ptr<Workload>(new SleepWorkload); }},
    {"skewed", [] { return std::unique_ptr<Workload>(new SkewedWorkload); }},
};

}  // namespace

std::unique_ptr<Workload> make_workload(std::string_view name) {
    for (const auto& e : kEntries)
        if (e.name == name) return e.make();
    return nullptr;
}

std::vector<WorkloadInfo> list_workloads() {
    std::vector<WorkloadInfo> out;
    for (const auto& e : kEntries) out.push_back(e.make()->info());
    return out;
}

ParamMap with_defaults(const WorkloadInfo& info, const ParamMap& given) {
    ParamMap out = given;
    for (const auto& p : info.params)
        if (!out.count(p.key) && !p.default_value.empty()) out[p.key] = p.default_value;
    return out;
}

}  // namespace poolscope
