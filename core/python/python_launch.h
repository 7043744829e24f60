// Starting the Python driver (resources/python/poolscope_driver.py): where the interpreter and
// the script are, whether they can run at all (checked before any run starts), the run's
// description the driver reads, and the fork/exec that puts the driver in a process group of
// its own so that everything it starts (the pool's workers, the resource tracker) ends with it.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "core/engine/run_context.h"

namespace poolscope {

// Debian's interpreter, which python3-numpy and python3-opencv install into.
inline constexpr const char* kDefaultPython = "/usr/bin/python3";
inline constexpr const char* kPythonPackages = "python3 python3-numpy python3-opencv";

// The installed driver (PREFIX/share/poolscope/python beside PREFIX/bin), else the source tree's.
std::string default_python_driver();

// Runs `PYTHON DRIVER --probe [opencv]`: the versions found ("python 3.11.2 numpy 1.24.2", with
// opencv: "... opencv 4.6.0"), or a refusal that names the Debian packages to install.
struct PythonProbe {
    std::optional<std::string> versions;
    std::optional<std::string> refusal;
};
PythonProbe probe_python(const std::string& python, const std::string& driver, bool opencv = false);

// Whether the python backends can run `workload` here: the probe, and for blur an OpenCV in
// `python` of the engine's own version (only the same version blurs alike). What the engine
// refuses with exit 2, and what a lesson reports as its Python runs skipped.
PythonProbe check_python_backend(const std::string& python, const std::string& driver,
                                 const std::string& workload);

// The single argument the driver reads: the run as JSON (config, machine, plan, fault plan).
std::string driver_argument(const RunContext& ctx, const std::string& shm_in,
                            const std::string& shm_out);

struct LaunchedDriver {
    pid_t pid = -1;
    int pidfd = -1;
    int events_fd = -1;   // engine reads the event stream (non-blocking)
    int outputs_fd = -1;  // engine reads finished outputs (non-blocking)
};

// fork + exec of the driver, in a new process group, events on its fd 3, outputs on its fd 4.
std::optional<std::string> launch_driver(const RunContext& ctx, const std::string& argument,
                                         LaunchedDriver& out);

}  // namespace poolscope
