#!/usr/bin/env bash
# Set up jmqa on a fresh machine: a virtualenv with the CPU build of torch first (any other
# order pulls a multi-GB CUDA build), then the project and its pinned dependencies.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for UI tests)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.jmqa-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> installing torch 2.13.0 (CPU wheel)"
  "$VENV/bin/pip" install --quiet torch==2.13.0
  echo "==> installing jmqa and its pinned dependencies"
  "$VENV/bin/pip" install --quiet -e '.[all]'
  touch "$stamp"
fi

if [ "${1:-}" = "--browser" ]; then
  # Chromium for the browser tests, and a CJK font whenever it is missing (even when chromium was
  # already installed), so Japanese renders in screenshots, not as boxes.
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi "noto.*cjk" || need+=(fonts-noto-cjk)
  if [ ${#need[@]} -gt 0 ]; then
    echo "==> installing Debian's ${need[*]} for the browser tests"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
