// The workloads PoolScope knows, by name.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/workloads/workload.h"

namespace poolscope {

std::unique_ptr<Workload> make_workload(std::string_view name);
std::vector<WorkloadInfo> list_workloads();
// Params given by the user with every missing one set to its default.
ParamMap with_defaults(const WorkloadInfo& info, const ParamMap& given);

}  // namespace poolscope
