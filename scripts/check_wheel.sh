#!/usr/bin/env bash
# Use jmqa as a new user would: build the wheel, install it into a clean virtualenv (torch's CPU
# wheel first, as scripts/setup.sh does), and from a folder outside the checkout run the command
# and the library. Nothing here may read the checkout's src/ or index/: the wheel must be whole.
# Usage: scripts/check_wheel.sh        (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jmqa-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "check_wheel: FAILED: $*" >&2; exit 1; }

echo "==> building the wheel (from a copy of the sources, so the checkout stays clean)"
mkdir "$WORK/src-copy"
cp -r pyproject.toml README.md src "$WORK/src-copy/"
"$PYTHON" -m venv "$WORK/venv"
PIP="$WORK/venv/bin/pip"
"$PIP" wheel --quiet --no-deps -w "$WORK/dist" "$WORK/src-copy"
WHEEL=$(ls "$WORK"/dist/jmqa-*.whl)

echo "==> installing torch 2.13.0 (CPU wheel), then $(basename "$WHEEL") with its pinned dependencies"
"$PIP" install --quiet torch==2.13.0
"$PIP" install --quiet "$WHEEL"

# A fresh home: the index goes where an installed package puts it, ~/.cache/jmqa/index.
export HOME="$WORK/home"
mkdir -p "$HOME" "$WORK/elsewhere"
cd "$WORK/elsewhere"
unset JMQA_INDEX_DIR PYTHONPATH
BIN="$WORK/venv/bin"

echo "==> the bare library pulls neither gradio nor matplotlib"
"$BIN/python" - <<'PY' || fail "the bare install has a UI or eval dependency"
import importlib.util, sys
extra = [m for m in ("gradio", "matplotlib") if importlib.util.find_spec(m)]
sys.exit(f"installed without an extra: {extra}" if extra else 0)
PY

echo "==> jmqa index --where"
where=$("$BIN/jmqa" index --where)
[ "$where" = "$HOME/.cache/jmqa/index" ] || fail "jmqa index --where printed '$where'"

echo "==> jmqa ask (builds the index on first use)"
out=$("$BIN/jmqa" ask "How many visitors were there in 2025?" 2>"$WORK/ask.err") \
  || { cat "$WORK/ask.err" >&2; fail "jmqa ask exited $?"; }
echo "$out" | head -3
grep -q "¶21" <<<"$out" || fail "jmqa ask did not quote ¶21"
[ -f "$HOME/.cache/jmqa/index/manifest.json" ] || fail "no index in ~/.cache/jmqa/index"

echo "==> jmqa ask in Malay (the glossaries shipped)"
out=$("$BIN/jmqa" ask "Apakah yang dikatakan tentang minyak sawit?") || fail "jmqa ask (Malay) exited $?"
grep -q "¶" <<<"$out" || fail "a Malay question the glossary bridges was refused: $out"

echo "==> jmqa paragraphs 6"
out=$("$BIN/jmqa" paragraphs 6) || fail "jmqa paragraphs exited $?"
grep -q "^¶6 " <<<"$out" || fail "jmqa paragraphs 6 did not print ¶6"

echo "==> python -c 'import jmqa; ...'"
out=$("$BIN/python" -c "
import jmqa
assert jmqa.__file__.startswith('$WORK/venv/'), jmqa.__file__
qa = jmqa.load()
print(qa.ask('How many visitors were there in 2025?').quotes[0].paragraph)
") || fail "the library failed"
[ "$out" = "21" ] || fail "the library quoted ¶$out, not ¶21"

echo "check_wheel: OK (the wheel installs and answers from outside the checkout)"
