#include "app/cli/checked_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace poolscope::cli {

namespace {

bool g_closed[3] = {false, false, false};

int stream_fd(FILE* stream) {
    if (stream == stdin) return STDIN_FILENO;
    if (stream == stdout) return STDOUT_FILENO;
    if (stream == stderr) return STDERR_FILENO;
    return -1;
}

}  // namespace

void guard_standard_descriptors() {
    for (int fd = 0; fd < 3; ++fd) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
        g_closed[fd] = true;
        // open() returns the lowest free descriptor: this one, as the lower ones are open.
        const int null_fd = open("/dev/null", O_RDWR);
        if (null_fd >= 0 && null_fd != fd) {
            dup2(null_fd, fd);
            close(null_fd);
        }
    }
}

bool closed_at_start(int fd) {
    return fd >= 0 && fd < 3 && g_closed[fd];
}

std::optional<std::string> write_stream(FILE* stream, const std::string& text) {
    if (closed_at_start(stream_fd(stream))) return std::string(std::strerror(EBADF));
    errno = 0;
    const std::size_t n = std::fwrite(text.data(), 1, text.size(), stream);
    if (n == text.size() && std::fflush(stream) == 0 && !std::ferror(stream)) return std::nullopt;
    const int error = errno != 0 ? errno : EIO;
    std::clearerr(stream);
    return std::string(std::strerror(error));
}

std::optional<std::string> write_file(const std::string& path, const std::string& text) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return std::string(std::strerror(errno));
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            close(fd);
            return std::string(std::strerror(error));
        }
        done += static_cast<std::size_t>(n);
    }
    if (close(fd) != 0 && errno != EINTR) return std::string(std::strerror(errno));
    return std::nullopt;
}

void report_write_error(const char* command, const std::string& what, const std::string& error) {
    std::fprintf(stderr, "poolscope-cli %s: error: cannot write %s: %s\n", command, what.c_str(),
                 error.c_str());
}

}  // namespace poolscope::cli
