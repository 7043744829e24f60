#include "app/mpi/dispatcher.h"

#include <mpi.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <list>

#include "app/mpi/rank_messages.h"
#include "core/engine/host_sample.h"
#include "core/engine/mpi_launch.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/protocol/mpi_messages.h"

namespace poolscope::mpi {

namespace {

struct PendingSend {
    MPI_Request request = MPI_REQUEST_NULL;
    Bytes payload;  // must live until the send completes
};

struct Channel {
    int fd = -1;
    FrameDecoder decoder{0};
    bool eof = false;
    bool stop_sent = false;
    std::list<PendingSend> sends;
};

Bytes receive_from(int source, int tag) {
    MPI_Status st;
    MPI_Probe(source, tag, MPI_COMM_WORLD, &st);
    int count = 0;
    MPI_Get_count(&st, MPI_BYTE, &count);
    Bytes b(static_cast<std::size_t>(count));
    MPI_Recv(b.data(), count, MPI_BYTE, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return b;
}

RankInfo read_hello(int rank) {
    const Bytes b = receive_from(rank, kTagHello);
    PayloadReader r(b);
    RankInfo info;
    info.rank = rank;
    info.pid = r.i64();
    info.clock_offset_ns = r.i64();  // the ready stamp, until the offset is known
    const auto host = r.bytes(r.remaining());
    info.host.assign(reinterpret_cast<const char*>(host.data()), host.size());
    return info;
}

// The offset of rank's clock from ours: remote − midpoint of the round trip with the smallest
// time; the uncertainty is half that round trip.
void estimate_clock(RankInfo& info) {
    int64_t best_rtt = std::numeric_limits<int64_t>::max(), best_offset = 0;
    for (int i = 0; i < kClockRounds; ++i) {
        const int64_t t0 = monotonic_ns();
        MPI_Send(nullptr, 0, MPI_BYTE, static_cast<int>(info.rank), kTagPing, MPI_COMM_WORLD);
        const Bytes pong = receive_from(static_cast<int>(info.rank), kTagPong);
        const int64_t t1 = monotonic_ns();
        PayloadReader r(pong);
        const int64_t remote = r.i64();
        if (t1 - t0 < best_rtt) best_rtt = t1 - t0, best_offset = remote - (t0 + t1) / 2;
    }
    info.clock_offset_ns = best_offset;
    info.clock_uncertainty_ns = best_rtt / 2;
}

int connect_to(const std::string& path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) return -1;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    widen_socket_buffers(fd);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

[[noreturn]] void lost_engine(const char* what) {
    std::fprintf(stderr, "poolscope-mpi-rank 0: %s: %s\n", what, strerror(errno));
    MPI_Abort(MPI_COMM_WORLD, 3);
    _exit(3);
}

void write_frame(int fd, const Bytes& b) {
    if (!write_all(fd, b.data(), b.size())) lost_engine("cannot write to the engine");
}

// Moves a result frame's stamps (recv_start … ser_end) onto this host's clock and reseals it.
void correct_stamps(Bytes& frame, int64_t offset) {
    if (offset == 0 || frame.size() < kFrameHeaderSize + kResultFixedBytes) return;
    uint16_t type = 0;
    std::memcpy(&type, frame.data() + 6, 2);
    if (type != static_cast<uint16_t>(FrameType::Result)) return;
    for (std::size_t field = 3; field <= 7; ++field) {
        int64_t v = 0;
        std::byte* at = frame.data() + kFrameHeaderSize + 8 * field;
        std::memcpy(&v, at, 8);
        v -= offset;
        std::memcpy(at, &v, 8);
    }
    end_frame(frame, 0);
}

class Relay {
  public:
    Relay(std::vector<Channel>& ch, const std::vector<RankInfo>& ranks, int control)
        : ch_(ch), ranks_(ranks), control_(control) {}

    // Until every channel reached end of file and its rank was told to stop. Spins for 50 µs
    // after the last activity, then waits on the channels for an eighth of the idle time so far
    // (20 µs … 1 ms; MPI has no descriptor to poll, so a result waits at most that long), not
    // to hold a core while ranks work.
    void run() {
        int64_t last_busy = monotonic_ns();
        while (!all_stopped()) {
            const int64_t idle = monotonic_ns() - last_busy;
            bool busy = relay_results();
            busy |= relay_samples();
            busy |= complete_sends();
            busy |=
                read_channels(idle < 50'000 ? 0 : std::clamp<int64_t>(idle / 8, 20'000, 1'000'000));
            if (busy) last_busy = monotonic_ns();
        }
    }

  private:
    bool all_stopped() const {
        for (const auto& c : ch_)
            if (!c.stop_sent) return false;
        return true;
    }

    // Another host's samples go to the engine on the control connection, on its clock.
    bool relay_samples() {
        bool any = false;
        for (int flag = 1; flag;) {
            MPI_Status st;
            MPI_Iprobe(MPI_ANY_SOURCE, kTagSample, MPI_COMM_WORLD, &flag, &st);
            if (!flag) break;
            Bytes frame = receive_from(st.MPI_SOURCE, kTagSample);
            shift_host_sample(frame,
                              ranks_[static_cast<std::size_t>(st.MPI_SOURCE)].clock_offset_ns);
            write_frame(control_, frame);
            any = true;
        }
        return any;
    }

    bool relay_results() {
        bool any = false;
        for (;;) {
            int flag = 0;
            MPI_Status st;
            MPI_Iprobe(MPI_ANY_SOURCE, kTagResult, MPI_COMM_WORLD, &flag, &st);
            if (!flag) return any;
            Bytes frame = receive_from(st.MPI_SOURCE, kTagResult);
            correct_stamps(frame, ranks_[static_cast<std::size_t>(st.MPI_SOURCE)].clock_offset_ns);
            write_frame(ch_[static_cast<std::size_t>(st.MPI_SOURCE - 1)].fd, frame);
            any = true;
        }
    }

    bool complete_sends() {
        bool any = false;
        for (std::size_t k = 0; k < ch_.size(); ++k) {
            Channel& c = ch_[k];
            while (!c.sends.empty()) {
                int done = 0;
                MPI_Test(&c.sends.front().request, &done, MPI_STATUS_IGNORE);
                if (!done) break;
                c.sends.pop_front();
                any = true;
            }
            if (c.eof && c.sends.empty() && !c.stop_sent) {
                MPI_Send(nullptr, 0, MPI_BYTE, static_cast<int>(k + 1), kTagStop, MPI_COMM_WORLD);
                c.stop_sent = true;
                any = true;
            }
        }
        return any;
    }

    bool read_channels(int64_t timeout_ns) {
        std::vector<pollfd> fds;
        std::vector<std::size_t> which;
        for (std::size_t k = 0; k < ch_.size(); ++k)
            if (!ch_[k].eof) fds.push_back({ch_[k].fd, POLLIN, 0}), which.push_back(k);
        if (fds.empty()) return false;
        const timespec wait{0, timeout_ns};
        if (ppoll(fds.data(), fds.size(), &wait, nullptr) <= 0) return false;
        for (std::size_t i = 0; i < fds.size(); ++i)
            if (fds[i].revents) read_channel(which[i]);
        return true;
    }

    void read_channel(std::size_t k) {
        Channel& c = ch_[k];
        auto space = c.decoder.write_space();
        const ssize_t n = recv(c.fd, space.data(), space.size(), MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
        if (n <= 0) {
            c.eof = true;  // the engine closed this worker's channel: its pool is joined
            return;
        }
        c.decoder.commit(static_cast<std::size_t>(n));
        Frame f;
        for (;;) {
            const auto s = c.decoder.next(f);
            if (s == FrameDecoder::Status::NeedMore) return;
            if (s == FrameDecoder::Status::Error || f.type != FrameType::Task) {
                std::fprintf(stderr, "poolscope-mpi-rank 0: bad frame from the engine: %s\n",
                             c.decoder.error().c_str());
                MPI_Abort(MPI_COMM_WORLD, 4);
            }
            PendingSend& p = c.sends.emplace_back();
            p.payload.assign(f.payload.begin(), f.payload.end());
            MPI_Isend(p.payload.data(), static_cast<int>(p.payload.size()), MPI_BYTE,
                      static_cast<int>(k + 1), kTagTask, MPI_COMM_WORLD, &p.request);
        }
    }

    std::vector<Channel>& ch_;
    const std::vector<RankInfo>& ranks_;
    int control_;
};

}  // namespace

int dispatcher_main(const RankOptions& opt, int workers) {
    std::vector<RankInfo> ranks{{0, getpid(), host_name(), 0, 0}};
    std::vector<int64_t> ready(static_cast<std::size_t>(workers) + 1, 0);
    for (int k = 1; k <= workers; ++k) {
        ranks.push_back(read_hello(k));
        ready[static_cast<std::size_t>(k)] = ranks.back().clock_offset_ns;
    }
    // A rank on this host reads the same kernel clock: its offset is 0 by definition (an
    // estimate would only add the round trip's noise to its stamps).
    for (int k = 1; k <= workers; ++k) {
        RankInfo& r = ranks[static_cast<std::size_t>(k)];
        if (r.host == ranks[0].host)
            r.clock_offset_ns = 0;
        else
            estimate_clock(r);
    }
    const int control = connect_to(opt.connect);
    if (control < 0) lost_engine("cannot connect to the engine");
    Bytes out;
    append_ranks(out, ranks);
    write_frame(control, out);
    for (int k = 1; k <= workers; ++k)  // so each host's first rank knows it samples the host
        MPI_Send(out.data() + kFrameHeaderSize, static_cast<int>(out.size() - kFrameHeaderSize),
                 MPI_BYTE, k, kTagRanks, MPI_COMM_WORLD);
    std::vector<Channel> channels(static_cast<std::size_t>(workers));
    for (int k = 1; k <= workers; ++k) {
        Channel& c = channels[static_cast<std::size_t>(k - 1)];
        c.fd = connect_to(opt.connect);
        if (c.fd < 0) lost_engine("cannot connect to the engine");
        c.decoder = FrameDecoder(opt.max_frame);
        const auto& r = ranks[static_cast<std::size_t>(k)];
        out.clear();
        append_ready(out, {r.pid, ready[static_cast<std::size_t>(k)] - r.clock_offset_ns, k - 1});
        write_frame(c.fd, out);
    }
    Relay(channels, ranks, control).run();
    for (auto& c : channels) close(c.fd);
    close(control);
    return 0;
}

}  // namespace poolscope::mpi
