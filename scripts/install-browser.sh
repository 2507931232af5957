#!/usr/bin/env sh
# Installs what the end-to-end tests drive and inject:
# - Debian's Chromium when it is missing (CI runs as root on Debian). Playwright's own browser
#   download is never used: it cannot work offline.
# - axe-core (MPL-2.0), the accessibility checker, from the npm registry into .cache/axe-core
#   (ignored by git), pinned; the accessibility test skips without it.
set -eu
AXE_VERSION=4.14.1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AXE_DIR="$ROOT/.cache/axe-core"

install_axe() {
    if [ -f "$AXE_DIR/axe.min.js" ] && grep -q "axe v$AXE_VERSION" "$AXE_DIR/axe.min.js"; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "install-browser: no npm; the accessibility test will skip" >&2
        return 0
    fi
    work=$(mktemp -d)
    if (cd "$work" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null 2>&1); then
        mkdir -p "$AXE_DIR"
        tar -xzf "$work"/axe-core-*.tgz -C "$work"
        cp "$work/package/axe.min.js" "$work/package/LICENSE" "$AXE_DIR/"
    else
        echo "install-browser: could not fetch axe-core; the accessibility test will skip" >&2
    fi
    rm -rf "$work"
}

install_chromium() {
    if command -v chromium >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "install-browser: no chromium on PATH and cannot apt-get it; the browser tests will skip" >&2
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
}

install_chromium
install_axe
