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
  # The environment takes about 2.7 GB; pip running out of disk half-way leaves a broken venv and
  # an OSError deep in its output, so say it plainly before starting.
  free_kb=$(df -Pk "$VENV" | awk 'NR == 2 {print $4}')
  if [ "$free_kb" -lt $((3500 * 1024)) ]; then
    echo "setup: only $((free_kb / 1024)) MB free on the disk holding $VENV; installing needs" \
      "about 3500 MB. Free some space (or set VENV=/path/on/a/larger/disk) and run again." >&2
    exit 1
  fi
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
