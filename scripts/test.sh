#!/usr/bin/env bash
# The whole test suite: installs missing packages, builds with warnings as errors, runs every
# test (unit, end-to-end, slow), each under its own timeout, and prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/build.sh ci
# Unit and end-to-end tests two at a time; the slow ones (timing-sensitive, many processes)
# one at a time so they do not disturb each other on a small machine.
status=0
ctest --preset ci -L 'unit|e2e|gui' -j 2 || status=1
ctest --preset ci -L slow || status=1
echo "test suite took $(( $(date +%s) - start )) s"
exit $status
