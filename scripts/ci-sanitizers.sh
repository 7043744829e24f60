#!/usr/bin/env bash
# The sanitizer and fuzzing stage of CI, after scripts/test.sh:
#  1. ASan+UBSan (preset asan): the tests labelled unit (fuzz corpus replays included) and
#     faults (the engine's fault tests, whose workers crash, hang and get killed on purpose);
#  2. TSan (preset tsan): the tests labelled tsan (the threads backend's);
#  3. libFuzzer (preset fuzz): each fuzz target for POOLSCOPE_FUZZ_SECONDS (default 60) on a
#     copy of its seed corpus and regressions.
# Every step runs even when an earlier one failed; the exit status is non-zero if any failed.
# A fuzzer's crash input is kept under build-fuzz/crashes/<target>/ (see tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
fuzz_seconds="${POOLSCOPE_FUZZ_SECONDS:-60}"
# 1: a new fuzzer finding fails the stage; 0: it is reported loudly and its reproducer kept (the
# committed corpus and regressions are replayed under ASan+UBSan above either way, and fail).
fuzz_fatal="${POOLSCOPE_FUZZ_FATAL:-1}"
jobs="$(nproc)"
failed=()

step() { printf '\n== %s (%d s so far)\n' "$*" "$(($(date +%s) - start))"; }
fail() {
    echo "FAILED: $*" >&2
    failed+=("$*")
}

# Number of CTest tests in a build folder that match the given ctest arguments.
count_tests() {
    local dir=$1
    shift
    ctest --test-dir "$dir" -N "$@" | sed -n 's/^Total Tests: //p'
}

scripts/install-deps.sh clang libclang-rt-14-dev
fuzz_targets=(frame_decoder event_reader run_options)

# UBSan only prints by default; halt_on_error makes a finding fail the test that hit it.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

step "ASan+UBSan: unit tests and engine fault tests"
cmake --preset asan >/dev/null
# The tests are picked by label (tests/CMakeLists.txt); tests_<label> builds their programs.
# --no-tests=error: a label that selects nothing fails the stage instead of passing it.
if cmake --build --preset asan -j "$jobs" --target tests_unit tests_faults; then
    # Leaks are checked in the test processes. Forked workers leave with _exit, which skips
    # LeakSanitizer's exit-time check, so a worker never reports the workload it did not free.
    ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan -L unit -j 2 --output-on-failure \
        --no-tests=error || fail "ASan unit tests"
    # handle_segv=0: a worker made to crash must die by SIGSEGV, as the tests check, instead of
    # being turned into an ASan report and exit code 1.
    ASAN_OPTIONS=handle_segv=0:detect_leaks=1 ctest --test-dir build-asan -L faults -j 2 \
        --output-on-failure --no-tests=error || fail "ASan engine fault tests"
else
    fail "ASan build"
fi

step "TSan: threads backend"
cmake --preset tsan >/dev/null
if cmake --build --preset tsan -j "$jobs" --target tests_tsan; then
    echo "TSan: $(count_tests build-tsan -L tsan) tests labelled tsan"
    # halt_on_error: a race in a forked child (the threads host) ends it with TSan's exit
    # code, which the engine reports and the test fails on. setarch -R: TSan's fixed memory
    # layout fails on kernels with a high mmap entropy.
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 setarch "$(uname -m)" -R \
        ctest --test-dir build-tsan -L tsan -j 2 --output-on-failure --no-tests=error ||
        fail "TSan tests"
else
    fail "TSan build"
fi

step "libFuzzer: ${fuzz_seconds} s per target"
cmake --preset fuzz >/dev/null
if cmake --build --preset fuzz -j "$jobs" --target "${fuzz_targets[@]/%/_fuzz}"; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    for t in "${fuzz_targets[@]}"; do
        # The fuzzer adds to its corpus folder: give it a copy, never the committed seeds.
        mkdir -p "$work/$t" "build-fuzz/crashes/$t"
        find "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" -maxdepth 1 -type f \
            ! -name '.*' -exec cp {} "$work/$t/" \; 2>/dev/null || true
        dict=()
        [ -f "tests/fuzz/$t.dict" ] && dict=("-dict=tests/fuzz/$t.dict")
        # The readers promise a memory ceiling whatever the file (docs/events.md): hold the
        # event reader to it. Its inputs stay short; the long-line seeds are replayed whole by
        # the unit tests.
        limits=(-rss_limit_mb=2048)
        [ "$t" = event_reader ] && limits=(-rss_limit_mb=512 -max_len=65536)
        if "build-fuzz/tests/fuzz/${t}_fuzz" "$work/$t" "${dict[@]}" \
            -max_total_time="$fuzz_seconds" -timeout=10 "${limits[@]}" \
            -artifact_prefix="build-fuzz/crashes/$t/" -print_final_stats=1 \
            >"$work/$t.log" 2>&1; then
            echo "$t: $(grep -m1 '^Done' "$work/$t.log" || echo 'done')"
        else
            tail -n 60 "$work/$t.log"
            if [ "$fuzz_fatal" = 1 ]; then
                fail "fuzzer $t (reproducer in build-fuzz/crashes/$t/)"
            else
                echo "NEW FUZZER FINDING: $t (reproducer in build-fuzz/crashes/$t/); add it to" \
                    "tests/fuzz/regressions/$t/ with the fix" >&2
            fi
        fi
    done
else
    fail "fuzz build"
fi

echo
echo "sanitizers and fuzzing took $(($(date +%s) - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
