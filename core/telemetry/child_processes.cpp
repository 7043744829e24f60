#include "core/telemetry/child_processes.h"

#include <charconv>
#include <filesystem>

#include "core/platform/read_file.h"

namespace poolscope {

std::vector<pid_t> child_pids(pid_t pid, const std::string& proc_root) {
    std::vector<pid_t> out;
    std::error_code ec;
    const std::filesystem::path tasks = proc_root + "/" + std::to_string(pid) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(tasks, ec)) {
        const auto text = read_text_file((task.path() / "children").string());
        if (!text) continue;
        const char* at = text->data();
        const char* end = at + text->size();
        while (at < end) {
            pid_t child = 0;
            const auto [next, err] = std::from_chars(at, end, child);
            if (err == std::errc() && child > 0) out.push_back(child);
            at = next == at ? at + 1 : next;
        }
    }
    return out;
}

std::string python_helper_role(std::string_view cmdline) {
    if (cmdline.find("multiprocessing.forkserver") != std::string_view::npos) return "forkserver";
    if (cmdline.find("multiprocessing.resource_tracker") != std::string_view::npos)
        return "resource_tracker";
    return "";
}

}  // namespace poolscope
