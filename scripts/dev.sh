#!/usr/bin/env bash
# One entry point for setting up, serving, building and testing the guide.
#   scripts/dev.sh serve   set up, then serve the site at http://127.0.0.1:8000/
#   scripts/dev.sh test    set up (with the browser), then run every test
#   scripts/dev.sh build   set up, then build the site into site/ (OFFLINE=true for a copy that works from disk)
#   scripts/dev.sh bench   set up, then print build time and site size figures
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
VENV=.venv

python_setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  # Reinstall only when requirements.txt changed since the last install.
  if ! cmp -s requirements.txt "$VENV/.installed-requirements"; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
    cp requirements.txt "$VENV/.installed-requirements"
  fi
}

system_setup() {
  # Browser tests drive Debian's Chromium; the handout test reads PDFs with pdftotext.
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
  fi
}

case "${1:-}" in
  serve)
    python_setup
    "$VENV/bin/python" -m macros.scaffold  # writes page shells and nav lines for new YAML (README)
    exec "$VENV/bin/mkdocs" serve --strict -a 127.0.0.1:8000
    ;;
  build)
    python_setup
    "$VENV/bin/python" -m macros.scaffold
    exec "$VENV/bin/mkdocs" build --strict
    ;;
  test)
    system_setup
    python_setup
    "$VENV/bin/python" -m macros.scaffold
    node --test tests/js/
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  bench)
    python_setup
    exec "$VENV/bin/python" scripts/bench.py
    ;;
  *)
    echo "usage: scripts/dev.sh serve|test|build|bench" >&2
    exit 2
    ;;
esac
