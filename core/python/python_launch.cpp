#include "core/python/python_launch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/config/config_json.h"
#include "core/config/run_config.h"
#include "core/engine/child_process.h"
#include "core/platform/build_info.h"
#include "core/platform/clock.h"

namespace poolscope {

namespace {

std::string install_hint() {
    return std::string("install Debian's interpreter and numpy: apt-get install ") +
           kPythonPackages;
}

// Runs argv with stdout and stderr into one pipe; its output and exit status (-1: killed or
// past the timeout).
int run_captured(const std::vector<std::string>& args, int timeout_ms, std::string& out) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork_child();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) return close(fds[0]), -1;
    const int64_t deadline = monotonic_ns() + int64_t{timeout_ms} * 1'000'000;
    bool timed_out = false;
    for (;;) {
        const int64_t left = (deadline - monotonic_ns()) / 1'000'000;
        pollfd p{fds[0], POLLIN, 0};
        const int r = left > 0 ? poll(&p, 1, static_cast<int>(left)) : 0;
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            timed_out = true;
            break;
        }
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (out.size() < 65536) out.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

}  // namespace

std::string default_python_driver() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share/poolscope/python/poolscope_driver.py";
        if (fs::is_regular_file(installed, ec)) return installed.string();
    }
    return std::string(POOLSCOPE_PYTHON_DIR) + "/poolscope_driver.py";
}

PythonProbe probe_python(const std::string& python, const std::string& driver, bool opencv) {
    PythonProbe p;
    if (access(python.c_str(), X_OK) != 0) {
        p.refusal = "--python: cannot run '" + python + "': " + strerror(errno) +
                    "; the Python backend needs it: " + install_hint();
        return p;
    }
    if (access(driver.c_str(), R_OK) != 0) {
        p.refusal = "the Python backend's driver is missing: '" + driver + "': " + strerror(errno) +
                    " (reinstall PoolScope)";
        return p;
    }
    std::string out;
    std::vector<std::string> args{python, driver, "--probe"};
    if (opencv) args.push_back("opencv");  // cv2 takes a while to import: only for blur
    const int code = run_captured(args, 20'000, out);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    if (code == 0 && out.rfind("python ", 0) == 0) {
        p.versions = out;
    } else if (code == 3) {
        p.refusal = "numpy is missing for '" + python + "'; " + install_hint();
    } else {
        const std::string tail = out.size() > 300 ? "…" + out.substr(out.size() - 300) : out;
        p.refusal = "'" + python + " " + driver + " --probe' failed" +
                    (code < 0 ? std::string(" (killed or no answer within 20 s)")
                              : " (exit " + std::to_string(code) + ")") +
                    (tail.empty() ? "" : ": " + tail) + "; " + install_hint();
    }
    return p;
}

PythonProbe check_python_backend(const std::string& python, const std::string& driver,
                                 const std::string& workload) {
    PythonProbe p = probe_python(python, driver, workload == "blur");
    if (p.refusal || workload != "blur") return p;
    const auto at = p.versions->rfind(" opencv ");
    const std::string found = at == std::string::npos ? "" : p.versions->substr(at);
    if (found != " opencv " + opencv_version()) {
        p.refusal = "--backend python --workload blur needs the OpenCV of the engine (" +
                    opencv_version() + ") in '" + python + "'; it has: " + *p.versions +
                    " (apt-get install " + kPythonPackages + ")";
        p.versions.reset();
    }
    return p;
}

std::string driver_argument(const RunContext& ctx, const std::string& shm_in,
                            const std::string& shm_out) {
    const RunConfig& c = ctx.config;
    const FaultPlan& f = ctx.faults;
    nlohmann::json j{
        {"run_id", ctx.run_id},
        {"config", c},
        {"machine", ctx.machine},
        {"label", describe(c)},
        {"version", POOLSCOPE_VERSION},
        {"cores", ctx.machine.usable_cores},
        {"kernel", ctx.machine.kernel},
        {"workload", c.workload},
        {"params", ctx.workload->resolved_params()},
        {"size", c.size},
        {"workers", c.workers},
        {"chunksize", effective_chunksize(c)},
        {"dispatch", to_string(c.dispatch)},
        {"start", to_string(c.start)},
        {"transport", to_string(c.transport)},
        {"pool", to_string(c.pool)},
        {"threads", c.backend == Backend::PythonThreads},
        {"lib_threads", c.lib_threads},
        {"task_timeout_s", c.task_timeout_s},
        {"crash_chunk", f.crash_chunk ? nlohmann::json(*f.crash_chunk) : nlohmann::json()},
        {"hang_chunk", f.hang_chunk ? nlohmann::json(*f.hang_chunk) : nlohmann::json()},
        {"shm_in", shm_in},
        {"shm_out", shm_out},
    };
    return j.dump();
}

std::optional<std::string> launch_driver(const RunContext& ctx, const std::string& argument,
                                         LaunchedDriver& out) {
    // Two pipes as a worker's: the child keeps the write ends on fds 3 and 4.
    int ev[2], res[2];
    if (pipe2(ev, O_CLOEXEC) != 0) return std::string("cannot create a pipe: ") + strerror(errno);
    if (pipe2(res, O_CLOEXEC) != 0) {
        const int e = errno;
        close(ev[0]), close(ev[1]);
        return std::string("cannot create a pipe: ") + strerror(e);
    }
    fcntl(res[1], F_SETPIPE_SZ, 1 << 20);
    const std::vector<std::string> args{ctx.python_exe, ctx.python_driver, argument};
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t parent = getpid();
    const pid_t pid = fork_child();
    if (pid == 0) {
        setpgid(0, 0);  // the driver and all it starts: one group to end at once
        ChildPipes keep;
        keep.task_read = ev[1];
        keep.result_write = res[1];
        setup_forked_child(keep, parent);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(ev[1]);
    close(res[1]);
    if (pid < 0) {
        const int e = errno;
        close(ev[0]), close(res[0]);
        return std::string("cannot start the Python driver: ") + strerror(e);
    }
    setpgid(pid, pid);  // also from this side, so the group exists before we signal it
    out.pid = pid;
    out.pidfd = open_pidfd(pid);
    out.events_fd = ev[0];
    out.outputs_fd = res[0];
    fcntl(ev[0], F_SETFL, O_NONBLOCK);
    fcntl(res[0], F_SETFL, O_NONBLOCK);
    if (out.pidfd < 0) {
        kill(-pid, SIGKILL);
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        close_fd(out.events_fd), close_fd(out.outputs_fd);
        return std::string("cannot open a pidfd for the Python driver: ") + strerror(errno);
    }
    return std::nullopt;
}

}  // namespace poolscope
