#!/usr/bin/env sh
# Installs Debian's Chromium for the end-to-end tests when it is missing (CI runs as root on
# Debian). Playwright's own browser download is never used: it cannot work offline.
set -eu
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no chromium on PATH and cannot apt-get it; the browser tests will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
