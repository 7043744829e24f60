// Workloads configured small enough for unit tests to prepare and run them in milliseconds,
// whatever their defaults (transfer ships 8 MB per item by default).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/workloads/workload.h"

namespace poolscope::test_support {

// Parameters that keep `workload`'s items tiny; empty for a workload that is already fast.
ParamMap small_params(const std::string& workload);

// make_workload + configure(with_defaults(given)) for `size` items. Fails the current test
// (and returns nullptr) when the name is unknown or configure refuses.
std::unique_ptr<Workload> configured(const std::string& workload, const ParamMap& given,
                                     uint64_t size);

}  // namespace poolscope::test_support
