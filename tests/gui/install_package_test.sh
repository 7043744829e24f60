#!/usr/bin/env bash
# Install and package, checked from the outside: `cmake --install` into a scratch DESTDIR puts
# the binaries, desktop entry, icon, lessons and docs where a desktop and `poolscope-cli lesson`
# look for them; the .deb built from that tree with the project's CPack settings has its
# metadata and Depends, extracts to the same files, and its binaries run (the CLI reads the
# installed lessons, not the source tree's).
# Usage: install_package_test.sh BUILD_DIR CMAKE CPACK   (exit 77: a needed tool is missing)
set -euo pipefail
build=$1 cmake=$2 cpack=$3

for tool in dpkg-deb dpkg-shlibdeps file; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (dpkg-dev, file)"; exit 77; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($SECONDS s)"; }

# The files a package of PoolScope must hold, under the prefix /usr.
expected=(
    usr/bin/poolscope-cli
    usr/bin/poolscope
    usr/share/applications/poolscope.desktop
    usr/share/icons/hicolor/scalable/apps/poolscope.svg
    usr/share/poolscope/lessons/lessons.json
    usr/share/doc/poolscope/README.md
    usr/share/doc/poolscope/cli.md
)
check_tree() {  # ROOT WHAT
    for f in "${expected[@]}"; do [ -f "$1/$f" ] || fail "$2: $f is missing"; done
    for f in usr/bin/poolscope-cli usr/bin/poolscope; do
        [ -x "$1/$f" ] || fail "$2: $f is not executable"
    done
    local outside
    outside=$(cd "$1" && find . -mindepth 1 -maxdepth 1 ! -name usr ! -name DEBIAN)
    [ -z "$outside" ] || fail "$2: installs outside /usr: $outside"
    if command -v desktop-file-validate >/dev/null; then
        # Hints (several main categories, as asked for) are not errors.
        desktop-file-validate --no-hints "$1/usr/share/applications/poolscope.desktop" ||
            fail "$2: the desktop entry does not validate"
    else
        echo "note: desktop-file-validate not installed (desktop-file-utils): entry not validated"
    fi
    grep -qx 'Exec=poolscope' "$1/usr/share/applications/poolscope.desktop" ||
        fail "$2: desktop entry does not run poolscope"
    grep -qx 'Icon=poolscope' "$1/usr/share/applications/poolscope.desktop" ||
        fail "$2: desktop entry does not name the poolscope icon"
}

step "cmake --install into a scratch DESTDIR"
stage=$scratch/stage
DESTDIR=$stage "$cmake" --install "$build" --prefix /usr --strip >"$scratch/install.log" 2>&1 ||
    { cat "$scratch/install.log"; fail "cmake --install failed (are poolscope and poolscope-cli built?)"; }
check_tree "$stage" "install"

step "cpack -G DEB"
# The project's own CPack settings, packing the tree installed above: cpack's own install
# would first build every target of the build folder ("preinstall"), the whole test suite.
cat >"$scratch/cpack.cmake" <<CONFIG
include("$build/CPackConfig.cmake")
set(CPACK_INSTALL_CMAKE_PROJECTS "")
set(CPACK_INSTALLED_DIRECTORIES "$stage;.")
set(CPACK_PACKAGE_DIRECTORY "$scratch/package")
CONFIG
(cd "$scratch" && "$cpack" -G DEB --config "$scratch/cpack.cmake") >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log"; fail "cpack failed"; }
debs=("$scratch"/package/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single .deb: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Recommends

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = poolscope ] || fail "package name is '$(field Package)'"
[ "$(field Section)" = devel ] || fail "section is '$(field Section)'"
# (Fields are read into variables: `cmd | grep -q` under pipefail fails when grep stops early.)
maintainer=$(field Maintainer)
[[ $maintainer == *"<"*"@"*">" ]] || fail "maintainer has no address: '$maintainer'"
description=$(field Description)
[[ $description == *"pool of processes"* && $description != *";"* ]] ||
    fail "no description, or a CMake list: '$description'"
depends=$(field Depends)
for lib in libc6 libstdc++6 libqt6core6 libqt6widgets6 libqt6charts6 libopencv-core qt6-qpa-plugins; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

step "dpkg -x into a scratch root"
root=$scratch/root
dpkg -x "$deb" "$root"
check_tree "$root" "package"
[ "$(dpkg-deb --contents "$deb" | grep -c '^-')" -eq "$(cd "$stage" && find . -type f | wc -l)" ] ||
    fail "the package and the installed tree hold different files"

step "the extracted binaries run"
version=$("$root/usr/bin/poolscope-cli" --version 2>&1) || fail "extracted poolscope-cli --version: $version"
[[ $version == "poolscope-cli "[0-9]* ]] || fail "extracted poolscope-cli --version says '$version'"
version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/poolscope" --version 2>/dev/null) ||
    fail "extracted poolscope --version failed"
[[ $version == "PoolScope "[0-9]* ]] || fail "extracted poolscope --version says '$version'"
"$root/usr/bin/poolscope-cli" lessons >"$scratch/lessons.txt" || fail "extracted poolscope-cli lessons failed"
[ -s "$scratch/lessons.txt" ] || fail "extracted poolscope-cli lists no lessons"
# It reads the installed lessons: spoil them, and it must name that file.
echo '{' >"$root/usr/share/poolscope/lessons/lessons.json"
if "$root/usr/bin/poolscope-cli" lessons >/dev/null 2>"$scratch/err.txt"; then
    fail "poolscope-cli did not read the installed lessons"
fi
grep -q "$root/usr/share/poolscope/lessons/lessons.json" "$scratch/err.txt" ||
    fail "poolscope-cli read another lessons file: $(cat "$scratch/err.txt")"

echo "PASS ($SECONDS s)"
