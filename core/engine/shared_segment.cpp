#include "core/engine/shared_segment.h"

#include "core/report/format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace poolscope {

namespace {

std::string size_text(uint64_t b) {
    return fmt_bytes(b);
}

}  // namespace

SharedSegment::~SharedSegment() {
    if (base_) munmap(base_, total());
    if (fd_ >= 0) close(fd_);
}

std::optional<std::string> SharedSegment::map(int prot) {
    if (total() == 0) return std::nullopt;
    void* p = mmap(nullptr, total(), prot, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) return std::string("cannot map shared memory: ") + strerror(errno);
    base_ = static_cast<std::byte*>(p);
    return std::nullopt;
}

std::optional<std::string> SharedSegment::create(uint64_t input_bytes, uint64_t output_bytes,
                                                 bool simulate_full, uint64_t board_bytes) {
    input_bytes_ = input_bytes;
    output_bytes_ = output_bytes;
    board_bytes_ = board_bytes;
    const auto fail = [&](int err) {
        return "cannot create a shared memory segment of " + size_text(total()) + ": " +
               strerror(err) + "; try --transport pipe";
    };
    fd_ = memfd_create("poolscope-shm", MFD_CLOEXEC);
    if (fd_ < 0) return fail(errno);
    if (total() == 0) return std::nullopt;
    if (simulate_full) return fail(ENOSPC);
    if (ftruncate(fd_, static_cast<off_t>(total())) != 0) return fail(errno);
    // Reserve every page now: a later write to a page tmpfs cannot back would be a SIGBUS.
    if (const int e = posix_fallocate(fd_, 0, static_cast<off_t>(total())); e != 0) return fail(e);
    if (auto e = map(PROT_READ | PROT_WRITE)) return e;
    return std::nullopt;
}

std::optional<std::string> SharedSegment::attach(int fd, uint64_t input_bytes,
                                                 uint64_t output_bytes, uint64_t board_bytes) {
    fd_ = fd;
    input_bytes_ = input_bytes;
    output_bytes_ = output_bytes;
    board_bytes_ = board_bytes;
    return map(PROT_READ | PROT_WRITE);
}

}  // namespace poolscope
