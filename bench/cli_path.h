// Where the poolscope-cli binary is, for the benchmarks that spawn it (the spawn start method
// executes `poolscope-cli worker`): --cli=PATH, else $POOLSCOPE_CLI, else ../app/poolscope-cli
// next to the folder of this benchmark's own executable, as a CMake build lays them out.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace poolscope::bench {

// Takes --cli=PATH out of argv (Google Benchmark refuses flags it does not know) and returns
// the path to use; empty when no executable is found there.
inline std::string take_cli_path(int& argc, char** argv) {
    std::string path;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--cli=", 6) == 0)
            path = argv[i] + 6;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    argv[argc] = nullptr;
    if (path.empty()) {
        if (const char* env = std::getenv("POOLSCOPE_CLI")) path = env;
    }
    if (path.empty()) {
        std::error_code ec;
        const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (!ec) path = (self.parent_path() / ".." / "app" / "poolscope-cli").lexically_normal();
    }
    return ::access(path.c_str(), X_OK) == 0 ? path : std::string{};
}

}  // namespace poolscope::bench
