#!/usr/bin/env bash
# The main job: builds if needed, then shows the default lesson (Lesson 1, tiny tasks: 1000
# square items, 4 workers, cold pool, serial vs parallel). The desktop GUI is not part of this
# release yet, so the comparison runs headless and prints its table. Extra arguments are passed
# to `poolscope-cli run` (e.g. --workload cpu --size 2000 --param item_us=100).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default --target poolscope-cli >/dev/null
if [ $# -eq 0 ]; then
    set -- --workload square --size 1000 --workers 4 --chunksize auto --compare
fi
exec build/app/poolscope-cli run "$@"
