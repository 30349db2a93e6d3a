#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and a fresh Debian machine lacks, then the npm
# packages. Quick when everything is there: npm runs it before both commands.
#   chromium     the browser that drives VS Code Server in the tests and screenshots
#   libkrb5-dev  headers code-server's native `kerberos` module builds against
#   ripgrep      VS Code's search; code-server's installer would otherwise download it
#   python3      compiles the scaffolds' Python in the unit tests
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then missing+=(libkrb5-dev); fi

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Note: install ${missing[*]} with your package manager for the VS Code Server host." >&2
  fi
fi

# npm packages, when missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
