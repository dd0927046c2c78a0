#!/usr/bin/env bash
# One entry point for setting up, serving, building and testing the guide.
#   scripts/dev.sh serve      set up, then serve the site at http://127.0.0.1:8000/
#   scripts/dev.sh test       set up (with the browser and the npm tools), then run every check and test: ruff,
#                             the self-check's type check, bundle freshness and lint, node tests, pytest in parallel
#   scripts/dev.sh js         rebuild the self-check's bundle from selfcheck/src/ (esbuild; commit the result)
#   scripts/dev.sh build      set up, then build the site into site/ (OFFLINE=true for a copy that works from disk)
#   scripts/dev.sh zip        set up, then build the offline copy into dist/wwc-guide-offline.zip and the
#                             served site into site/ with the zip on its downloads page
#   scripts/dev.sh zensical   set up, then build the site into site/ with Zensical instead of MkDocs
#   scripts/dev.sh bench      set up (with Lighthouse from npm), then measure and write bench/results.json,
#                             the test suite's wall and CPU time included
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
  # Browser tests drive Debian's headless Chromium (chromium-headless-shell); the benchmarks the full
  # Chromium (scripts/dev.sh bench passes "chromium"); the handout test reads PDFs with pdftotext.
  local missing=()
  command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
  for browser in "$@"; do
    command -v "$browser" >/dev/null 2>&1 || missing+=("$browser")
  done
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
  fi
}

node_setup() {
  # package.json: the self-check's build and checks (esbuild, typescript, biome, happy-dom) and axe-core
  # for the browser tests ("dependencies"), Lighthouse ("devDependencies") for the benchmarks only; the
  # site's build needs none of them (the bundle is committed). "node_setup tests" installs the
  # dependencies alone, "node_setup bench" everything. Each reinstalls only when package-lock.json changed since an install that covers it.
  local stamp="node_modules/.installed-lock-$1"
  if ! cmp -s package-lock.json "$stamp"; then
    if [ "$1" = tests ]; then
      npm ci --omit=dev --no-audit --no-fund
    else
      npm ci --no-audit --no-fund
      cp package-lock.json node_modules/.installed-lock-tests
    fi
    cp package-lock.json "$stamp"
  fi
}

# pytest-xdist workers: one per core (two on the 2-core machines this runs on). PYTEST_WORKERS overrides.
WORKERS="${PYTEST_WORKERS:-auto}"

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
  zip)
    python_setup
    exec "$VENV/bin/python" scripts/offline_zip.py "${@:2}"
    ;;
  zensical)
    python_setup
    # --clean: Zensical caches rendered pages by their Markdown, so a changed YAML file or a missing
    # download would otherwise not be picked up.
    exec "$VENV/bin/zensical" build --clean --strict
    ;;
  js)
    node_setup tests
    exec node selfcheck/build.mjs
    ;;
  test)
    system_setup
    python_setup
    node_setup tests
    "$VENV/bin/python" -m macros.scaffold
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    # The self-check's sources (selfcheck/src/): types, the committed bundle is what they build, lint
    # and format, then the unit tests of the pure modules and of the parts in a DOM (happy-dom).
    node_modules/.bin/tsc -p selfcheck/tsconfig.json
    node selfcheck/build.mjs --check
    node_modules/.bin/biome check --error-on-warnings selfcheck tests/js
    node --test tests/js/
    # Bytecode is cached, so the workers and the build processes the tests start do not each compile
    # the same modules again where the environment sets PYTHONDONTWRITEBYTECODE.
    unset PYTHONDONTWRITEBYTECODE
    # worksteal: a worker that runs out of tests takes queued ones from the other, so the slow browser
    # tests do not end the run on one worker.
    exec "$VENV/bin/python" -m pytest -n "$WORKERS" --dist worksteal "${@:2}"
    ;;
  bench)
    system_setup chromium
    python_setup
    node_setup bench
    exec "$VENV/bin/python" scripts/bench.py "${@:2}"
    ;;
  *)
    echo "usage: scripts/dev.sh serve|test|js|build|zip|zensical|bench" >&2
    exit 2
    ;;
esac
