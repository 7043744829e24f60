// What every fuzz target in this folder defines: libFuzzer's entry point, which must survive
// any input (no crash, no hang, no sanitizer report, no exception but the documented one), and
// accepts(), which says whether an input is well-formed for the target. The corpus replayer
// runs every committed input through the first and requires the second of the seeds named
// "valid-*", so a protocol or schema change cannot quietly turn the seed corpus into noise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size);

namespace poolscope::fuzz {

bool accepts(std::span<const uint8_t> input);

// A property that must hold for every input. A violation ends the process as a crash would:
// libFuzzer keeps the input as a reproducer and the replayer's test for that file fails.
inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz property violated: %s\n", what);
        std::abort();
    }
}

}  // namespace poolscope::fuzz
