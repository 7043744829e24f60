#!/usr/bin/env bash
# Installs the Debian 12 packages PoolScope needs that are missing (nothing when all are there).
# Usage: scripts/install-deps.sh [extra-package ...]
set -euo pipefail

# Build and engine; the Qt 6 GUI (Qt Charts' CMake config needs libqt6opengl6-dev; the xcb and
# offscreen platforms and the SVG icon plugin are separate packages); a virtual display and a
# font for the GUI's tests and screenshots.
packages=(cmake make g++ pkg-config libopencv-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-qpa-plugins libqt6svg6
    xvfb xauth fonts-dejavu-core "$@")
# Translation template (lupdate and its CMake config), the .deb (cpack's dependency scan needs
# dpkg-shlibdeps and file) and the desktop-file check of the packaging test.
packages+=(qt6-tools-dev qt6-l10n-tools dpkg-dev file desktop-file-utils)
# --backend mpi (OpenMPI's mpirun and its development files) and `ip netns` for its two-host
# test.
packages+=(openmpi-bin libopenmpi-dev iproute2)
# The python backends (`run --backend python`): Debian's interpreter with numpy and OpenCV.
packages+=(python3 python3-numpy python3-opencv)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
