#!/bin/sh
# Install what the browser tests need, idempotently (run by `make browser`):
#   1. Debian's Chromium at /usr/bin/chromium (Playwright drives it; its own browser
#      download is not used, so nothing but the package registries is needed);
#   2. the npm packages of package.json/package-lock.json into node_modules: MathJax, which
#      the book build copies into the site, and axe-core for the accessibility tests.
# Safe to run again: each step is skipped when its result is already in place.
# With --npm-only (run by `make npm`, which `make book` needs: the site serves MathJax from
# node_modules, see _ext/local_mathjax.py) only step 2 runs.
set -eu
npm_only=""
if [ "${1:-}" = "--npm-only" ]; then npm_only=1; fi
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
apt_updated=""
apt_install() {
    if [ -z "$apt_updated" ]; then
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if [ -z "$npm_only" ]; then
    if [ ! -x /usr/bin/chromium ]; then
        echo "install-browser-deps: installing Debian's chromium"
        apt_install chromium fonts-dejavu-core
    fi
    /usr/bin/chromium --version 2>/dev/null || true
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "install-browser-deps: installing nodejs and npm"
    apt_install nodejs npm
fi

# npm ci when node_modules is missing or was installed from another package-lock.json.
stamp=node_modules/.installed-lock.sha256
want=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
have=$(cat "$stamp" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    echo "install-browser-deps: npm ci"
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
    echo "$want" > "$stamp"
fi
echo "install-browser-deps: ok ($(ls node_modules | tr '\n' ' '))"
