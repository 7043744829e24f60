#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: "default"), installing missing packages.
# Usage: scripts/build.sh [preset] [cmake --build args ...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
shift || true
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" "$@"
