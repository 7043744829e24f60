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

// Why the python backends cannot compute workload `name` with these parameters bit-identically
// (they refuse it rather than report a false checksum mismatch); empty when resources/python
// has its twin.
std::string no_python_twin(std::string_view name, const ParamMap& params = {});

}  // namespace poolscope
