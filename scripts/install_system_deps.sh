#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test when it is missing (never a downloaded browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "chromium is missing and this user cannot apt-get install it; the browser test will be skipped" >&2
    exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
