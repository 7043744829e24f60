#!/usr/bin/env bash
# The main job: builds if needed, then opens the desktop GUI on the default lesson (Lesson 1,
# tiny tasks: 1000 square items, 4 workers, a cold pool; press Compare). Without a display
# (neither DISPLAY nor WAYLAND_DISPLAY set) it runs the same comparison headless and prints the
# table. Arguments are passed to `poolscope-cli run` and run headless, e.g.
#   scripts/run.sh --workload cpu --size 2000 --param item_us=100 --compare
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default --target poolscope-cli poolscope >/dev/null
if [ $# -eq 0 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec build/app/poolscope
fi
if [ $# -eq 0 ]; then
    set -- --workload square --size 1000 --workers 4 --chunksize auto --compare
    echo "No display: running Lesson 1 headless. The GUI needs a desktop session" \
        "(DISPLAY or WAYLAND_DISPLAY); build/app/poolscope --help lists its options." >&2
fi
exec build/app/poolscope-cli run "$@"
