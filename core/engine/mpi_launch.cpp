#include "core/engine/mpi_launch.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/engine/child_process.h"
#include "core/platform/read_file.h"
#include "core/platform/safe_fork.h"

extern char** environ;

namespace poolscope {

namespace {

std::optional<std::string> find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t at = 0;
    while (at <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', at), dirs.size());
        const std::string dir = dirs.substr(at, end - at);
        const std::string full = (dir.empty() ? "." : dir) + "/" + name;
        if (access(full.c_str(), X_OK) == 0) return full;
        at = end + 1;
    }
    return std::nullopt;
}

std::string rank_program(const std::string& engine_exe) {
    const auto slash = engine_exe.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : engine_exe.substr(0, slash);
    return dir + "/" + kMpiRankProgram;
}

std::string this_host_name() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return {};
    return buf;
}

bool is_local_address(const std::string& name) {
    in_addr want{};
    if (inet_pton(AF_INET, name.c_str(), &want) != 1) return false;
    if ((ntohl(want.s_addr) >> 24) == 127) return true;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return false;
    bool found = false;
    for (ifaddrs* i = list; i && !found; i = i->ifa_next)
        if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET)
            found = reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr.s_addr == want.s_addr;
    freeifaddrs(list);
    return found;
}

// The session of a process, from /proc/PID/stat (fields after the command's closing paren).
pid_t session_of(pid_t pid) {
    const auto stat = read_text_file("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return -1;
    const auto paren = stat->rfind(')');
    if (paren == std::string::npos) return -1;
    char state = 0;
    int ppid = 0, pgrp = 0, session = 0;
    if (std::sscanf(stat->c_str() + paren + 1, " %c %d %d %d", &state, &ppid, &pgrp, &session) != 4)
        return -1;
    return session;
}

std::optional<std::string> listen_socket(const std::string& path, int backlog, int& fd) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) return "the socket path " + path + " is too long";
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return std::string("cannot create a socket: ") + strerror(errno);
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(fd, backlog) != 0) {
        const int e = errno;
        close_fd(fd);
        return "cannot listen on " + path + ": " + strerror(e);
    }
    return std::nullopt;
}

std::vector<std::string> child_environment() {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    // OpenMPI refuses to run as root unless told twice; only the child is told.
    if (geteuid() == 0)
        env.insert(env.end(), {"OMPI_ALLOW_RUN_AS_ROOT=1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1"});
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& v) {
    std::vector<char*> p;
    for (auto& s : v) p.push_back(s.data());
    p.push_back(nullptr);
    return p;
}

}  // namespace

bool is_local_host(const std::string& name) {
    if (name == "localhost" || is_local_address(name)) return true;
    const std::string me = this_host_name();
    if (me.empty()) return false;
    const auto short_name = [](const std::string& s) { return s.substr(0, s.find('.')); };
    return name == me || name == short_name(me);
}

std::optional<std::string> check_mpi_setup(const RunConfig& cfg, const std::string& engine_exe) {
    if (!find_on_path("mpirun"))
        return "--backend mpi needs OpenMPI, but mpirun is not on PATH; install the Debian "
               "packages " +
               std::string(kMpiPackages);
    if (access(rank_program(engine_exe).c_str(), X_OK) != 0)
        return "--backend mpi needs " + std::string(kMpiRankProgram) + " beside " + engine_exe +
               "; this build has no MPI backend (install " + kMpiPackages +
               " and configure with POOLSCOPE_WITH_MPI=ON)";
    std::vector<MpiHost> hosts;
    if (auto e = parse_mpi_hosts(cfg.hosts, hosts)) return e;
    if (!is_local_host(hosts.front().name))
        return "--hosts: the first host, '" + hosts.front().name +
               "', must be this machine (rank 0, the dispatcher, runs there and talks to the "
               "engine through a local socket)";
    return std::nullopt;
}

std::vector<MpiHost> mpi_hosts_with_slots(const RunConfig& cfg) {
    std::vector<MpiHost> hosts;
    parse_mpi_hosts(cfg.hosts, hosts);
    const int ranks = cfg.workers + 1;
    const int even = (ranks + static_cast<int>(hosts.size()) - 1) / static_cast<int>(hosts.size());
    for (auto& h : hosts)
        if (h.slots == 0) h.slots = even;
    return hosts;
}

std::vector<std::string> mpirun_args(const RunContext& ctx, const std::string& mpirun,
                                     const std::string& socket_path) {
    const RunConfig& cfg = ctx.config;
    std::string host_list;
    for (const auto& h : mpi_hosts_with_slots(cfg))
        host_list += (host_list.empty() ? "" : ",") + h.name + ":" + std::to_string(h.slots);
    // --oversubscribe: more ranks than cores is the lesson, not an error; --bind-to none: the
    // engine's other backends do not pin either unless --pin says so; a job that ends (a rank
    // died, or Stop) kills its ranks at once instead of granting each a second after SIGTERM,
    // so mpirun reports the dead rank and exits well within the engine's 2 s.
    std::vector<std::string> a{mpirun,
                               "--oversubscribe",
                               "--bind-to",
                               "none",
                               "--mca",
                               "odls_base_sigkill_timeout",
                               "0",
                               "-np",
                               std::to_string(cfg.workers + 1),
                               "--host",
                               host_list,
                               rank_program(ctx.worker_exe),
                               "--connect",
                               socket_path,
                               "--workload",
                               cfg.workload};
    for (const auto& [k, v] : ctx.workload->resolved_params())
        a.insert(a.end(), {"--param", k + "=" + v});
    a.insert(a.end(),
             {"--size", std::to_string(cfg.size), "--max-frame", std::to_string(cfg.max_frame),
              "--lib-threads", std::to_string(cfg.lib_threads), "--sample-ms",
              std::to_string(cfg.sample_ms)});
    for (const auto& f : cfg.inject) a.insert(a.end(), {"--inject", f});
    return a;
}

std::optional<std::string> start_mpi_job(const RunContext& ctx, MpiJob& job) {
    const auto mpirun = find_on_path("mpirun");
    if (!mpirun) return "mpirun is not on PATH (install " + std::string(kMpiPackages) + ")";
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/poolscope-mpi-XXXXXX";
    if (!mkdtemp(dir.data()))
        return "cannot create a directory for the job's socket: " + std::string(strerror(errno));
    job.dir = dir;
    const std::string sock = dir + "/engine.sock";
    if (auto e = listen_socket(sock, ctx.config.workers + 2, job.listen_fd)) {
        close_mpi_job(job);
        return e;
    }
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) {
        close_mpi_job(job);
        return std::string("cannot create a pipe: ") + strerror(errno);
    }
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    auto args = mpirun_args(ctx, *mpirun, sock);
    auto env = child_environment();
    auto argv = pointers(args), envp = pointers(env);
    const pid_t parent = getpid();
    job.pid = fork_child();
    if (job.pid == 0) {
        setsid();  // one session holds mpirun and its local ranks: ended together
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(1);
        const int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(out[1], 1);  // never into the event stream on the engine's stdout
        dup2(out[1], 2);
        close_range(3, ~0U, 0);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    const int fork_errno = errno;
    close(out[1]);
    job.output_fd = out[0];
    if (job.pid < 0) {
        close_mpi_job(job);
        return std::string("cannot fork mpirun: ") + strerror(fork_errno);
    }
    job.pidfd = open_pidfd(job.pid);
    if (job.pidfd < 0) {
        kill(job.pid, SIGKILL);
        int status;
        while (waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {
        }
        close_mpi_job(job);
        return std::string("cannot open a pidfd for mpirun: ") + strerror(errno);
    }
    return std::nullopt;
}

void signal_mpi_job(MpiJob& job, int sig) {
    if (job.pid <= 0) return;
    if (job.pidfd >= 0) kill(job.pid, sig);  // not reaped yet: the pid is still ours
    DIR* d = opendir("/proc");
    if (!d) return;
    const pid_t self = getpid();
    while (const dirent* e = readdir(d)) {
        char* end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (*end != '\0' || pid <= 0 || pid == self || pid == job.pid) continue;
        if (session_of(static_cast<pid_t>(pid)) != job.pid) continue;
        if (job.job_id == 0) job.job_id = mpi_job_id_of(static_cast<pid_t>(pid));
        kill(static_cast<pid_t>(pid), sig);
    }
    closedir(d);
}

void widen_socket_buffers(int fd) {
    const int size = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
}

uint32_t mpi_job_id_of(pid_t rank_pid) {
    const auto env = read_text_file("/proc/" + std::to_string(rank_pid) + "/environ");
    if (!env) return 0;
    const std::string key = "OMPI_MCA_ess_base_jobid=";
    for (std::size_t at = 0; at < env->size();) {
        const std::size_t end = std::min(env->find('\0', at), env->size());
        if (env->compare(at, key.size(), key) == 0)
            return static_cast<uint32_t>(std::strtoul(env->c_str() + at + key.size(), nullptr, 10));
        at = end + 1;
    }
    return 0;
}

void remove_mpi_segments(uint32_t job_id) {
    if (job_id == 0) return;
    char hex[16];
    std::snprintf(hex, sizeof hex, ".%x.", job_id);  // vader_segment.HOST.N.JOBID.LOCALRANK
    DIR* d = opendir("/dev/shm");
    if (!d) return;
    while (const dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.rfind("vader_segment.", 0) == 0 && name.find(hex) != std::string::npos)
            unlink(("/dev/shm/" + name).c_str());
    }
    closedir(d);
}

bool drain_mpi_output(MpiJob& job) {
    char buf[4096];
    while (job.output_fd >= 0) {
        const ssize_t n = read(job.output_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return true;  // EAGAIN
        if (n == 0) {
            close_fd(job.output_fd);
            return false;
        }
        job.output.append(buf, static_cast<std::size_t>(n));
        if (job.output.size() > kMpiOutputKeep)
            job.output.erase(0, job.output.size() - kMpiOutputKeep);
    }
    return false;
}

void close_mpi_job(MpiJob& job) {
    close_fd(job.pidfd);
    close_fd(job.listen_fd);
    close_fd(job.output_fd);
    if (!job.dir.empty()) {
        unlink((job.dir + "/engine.sock").c_str());
        rmdir(job.dir.c_str());
        job.dir.clear();
    }
}

}  // namespace poolscope
