#include "support/small_workloads.h"

#include <gtest/gtest.h>

#include "core/workloads/workload_registry.h"

namespace poolscope::test_support {

ParamMap small_params(const std::string& workload) {
    if (workload == "cpu") return {{"iterations", "1000"}};
    if (workload == "transfer") return {{"rows", "64"}, {"cols", "8"}};
    if (workload == "sleep") return {{"ms", "1"}};
    if (workload == "skewed") return {{"base_iterations", "100"}};
    if (workload == "blur") return {{"width", "64"}, {"height", "48"}};
    return {};
}

std::unique_ptr<Workload> configured(const std::string& workload, const ParamMap& given,
                                     uint64_t size) {
    auto w = make_workload(workload);
    if (!w) {
        ADD_FAILURE() << "no workload named " << workload;
        return nullptr;
    }
    if (auto e = w->configure(with_defaults(w->info(), given), size)) {
        ADD_FAILURE() << workload << " refused its parameters: " << *e;
        return nullptr;
    }
    return w;
}

}  // namespace poolscope::test_support
