#include "core/platform/shared_memory.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace poolscope {

SharedMemory::~SharedMemory() {
    reset();
}

void SharedMemory::reset() {
    if (base_) munmap(base_, size_);
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    base_ = nullptr;
    size_ = 0;
}

std::optional<std::string> SharedMemory::create(uint64_t bytes, bool simulate_full) {
    reset();
    const auto fail = [&](int err) {
        reset();
        return std::string(strerror(err));
    };
    fd_ = memfd_create("poolscope-shm", MFD_CLOEXEC);
    if (fd_ < 0) return fail(errno);
    if (bytes == 0) return std::nullopt;
    if (simulate_full) return fail(ENOSPC);
    if (ftruncate(fd_, static_cast<off_t>(bytes)) != 0) return fail(errno);
    // Reserve every page now: a later write to a page tmpfs cannot back would be a SIGBUS.
    if (const int e = posix_fallocate(fd_, 0, static_cast<off_t>(bytes)); e != 0) return fail(e);
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) return fail(errno);
    base_ = static_cast<std::byte*>(p);
    size_ = bytes;
    return std::nullopt;
}

}  // namespace poolscope
