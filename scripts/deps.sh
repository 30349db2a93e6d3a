#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and a fresh Debian machine lacks, then the npm
# packages. Quick when everything is there: npm runs it before both commands.
#   chromium     the browser that drives VS Code Server in the tests and screenshots
#   libkrb5-dev  headers code-server's native `kerberos` module builds against
#   ripgrep      VS Code's search; code-server's installer would otherwise download it
#   python3      compiles the scaffolds' Python in the unit tests
#   python3-*    what the scaffolds' checks import, for `npm run prove:checks` and the checks unit
#                tests (Debian's builds: pytest 7.2, pandas 1.5, torch 1.13 on Debian 12);
#                opencv-data holds the Haar cascades object-detection uses
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  libkrb5-dev
  python3-pytest python3-numpy python3-pandas python3-sklearn python3-matplotlib python3-seaborn
  python3-scipy python3-statsmodels python3-fastapi python3-httpx python3-sqlalchemy python3-networkx
  python3-opencv opencv-data python3-torch python3-torchvision python3-nbformat python3-nbclient
  python3-ipykernel python3-pydantic python3-pil python3-joblib python3-uvicorn
)

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if command -v dpkg-query >/dev/null 2>&1; then
  # One query for all of them; packages dpkg has never heard of are simply not listed.
  declare -A installed=()
  while read -r name status; do
    [ "$status" = installed ] && installed[$name]=1
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${debian_packages[@]}" 2>/dev/null || true)
  for package in "${debian_packages[@]}"; do
    [ -n "${installed[$package]:-}" ] || missing+=("$package")
  done
fi

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
