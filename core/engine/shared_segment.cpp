#include "core/engine/shared_segment.h"

#include "core/text/format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace poolscope {

namespace {

// The engine is single-threaded; an Offer is a scope around one run.
const SharedMemory* g_offered = nullptr;

}  // namespace

SharedSegment::Offer::Offer(const SharedMemory* memory) : previous_(g_offered) {
    g_offered = memory;
}

SharedSegment::Offer::~Offer() {
    g_offered = previous_;
}

SharedSegment::~SharedSegment() {
    if (mapped_ && base_) munmap(base_, total());
    if (owns_fd_ && fd_ >= 0) close(fd_);
}

std::optional<std::string> SharedSegment::map(int prot) {
    if (total() == 0) return std::nullopt;
    void* p = mmap(nullptr, total(), prot, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) return std::string("cannot map shared memory: ") + strerror(errno);
    base_ = static_cast<std::byte*>(p);
    mapped_ = true;
    return std::nullopt;
}

std::optional<std::string> SharedSegment::create(uint64_t input_bytes, uint64_t output_bytes,
                                                 bool simulate_full, uint64_t board_bytes) {
    input_bytes_ = input_bytes;
    output_bytes_ = output_bytes;
    board_bytes_ = board_bytes;
    if (g_offered && g_offered->data() && g_offered->size() == total() && !simulate_full) {
        // Its own descriptor, so a spawned worker gets it on fd 5 like a fresh segment's.
        fd_ = fcntl(g_offered->fd(), F_DUPFD_CLOEXEC, 0);
        if (fd_ >= 0) {
            owns_fd_ = true;
            base_ = g_offered->data();
            in_place_ = true;
            return std::nullopt;
        }
    }
    if (auto e = own_.create(total(), simulate_full))
        return "cannot create a shared memory segment of " + fmt_bytes(total()) + ": " + *e +
               "; try --transport pipe";
    fd_ = own_.fd();
    base_ = own_.data();
    return std::nullopt;
}

std::optional<std::string> SharedSegment::attach(int fd, uint64_t input_bytes,
                                                 uint64_t output_bytes, uint64_t board_bytes) {
    fd_ = fd;
    owns_fd_ = true;
    input_bytes_ = input_bytes;
    output_bytes_ = output_bytes;
    board_bytes_ = board_bytes;
    return map(PROT_READ | PROT_WRITE);
}

}  // namespace poolscope
