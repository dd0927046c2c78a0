"""The cohort view's speed in Chromium: opening 50 cities' files, and a click to the next frame.

    .venv/bin/python scripts/cohort_bench.py --site /tmp/site [--cities 50] [--rounds 5] [--clicks 25]

Prints JSON; scripts/bench.py can call ``measure(site)`` and write it beside its own figures.

- open: from the file input's change event to the first frame after the 50th city's row is drawn
  (files read, checked, scored, tables and most-missed list built), a fresh page each round;
- click: a click on a heat map column's sort button, to the next animation frame (as bench.py
  measures a click on an answer) and to the end of that frame (style, layout and paint included),
  beside the same measures with no click (the wait for the browser's frame clock alone).

The 50 files are made-up cities written by tests/fixtures/cohort/make_cohort.py's export_file, with
answers spread so that every tier and every heat map band occurs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import served  # noqa: E402
from macros.content import load_content  # noqa: E402

BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"]
FILES = '[data-wwc-cohort="files"]'

WATCH_OPEN = """(cities) => {
  const input = document.querySelector('[data-wwc-cohort="files"]');
  const body = document.querySelector('[data-wwc-cohort="tiers"] tbody');
  window.__opened = undefined;
  input.addEventListener("change", () => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (body.rows.length === cities) {
        observer.disconnect();
        requestAnimationFrame(() => { window.__opened = performance.now() - start; });
      }
    });
    observer.observe(body, { childList: true });
  }, { capture: true, once: true });
}"""

CLICK_TO_FRAME = """(column) => new Promise((resolve) => {
  const button = column && document.querySelector(`button[data-wwc-sort="${column}"]`);
  const start = performance.now();
  if (button) button.click();
  requestAnimationFrame(() => {
    const frame = performance.now() - start;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve([frame, performance.now() - start]);
    channel.port2.postMessage(null);
  });
})"""


def fixture_module():
    spec = importlib.util.spec_from_file_location(
        "make_cohort", ROOT / "tests" / "fixtures" / "cohort" / "make_cohort.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_cities(folder: Path, count: int) -> list[Path]:
    """``count`` made-up cities' export files of the fixture cohort's edition."""
    make = fixture_module()
    edition = load_content(ROOT)["editions"][make.EDITION]
    size = sum(len(group["criteria"]) for group in edition["groups"])
    paths = []
    for number in range(count):
        backed = (number * 7) % (size + 1)
        bare = min((number * 3) % 9, size - backed)
        data = make.export_file(edition, f"Benchtown {number + 1} (made up)", backed, bare, None)
        path = folder / f"benchtown-{number + 1}.json"
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def browser_path() -> str:
    return next(path for path in BROWSERS if Path(path).exists())


def measure(site: Path, cities: int = 50, rounds: int = 5, clicks: int = 25) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work, served(site) as url, sync_playwright() as playwright:
        files = write_cities(Path(work), cities)
        browser = playwright.chromium.launch(executable_path=browser_path(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        opens = []
        for _ in range(rounds):
            page.goto(url + "self-check/cohort/")
            page.wait_for_selector("[data-wwc-cohort-root][data-wwc-ready='true']", state="attached")
            page.evaluate(WATCH_OPEN, cities)
            page.set_input_files(FILES, files)
            page.wait_for_function("window.__opened !== undefined")
            opens.append(page.evaluate("window.__opened"))
        columns = page.eval_on_selector_all("button[data-wwc-sort]", "buttons => buttons.map(b => b.dataset.wwcSort)")
        times = [page.evaluate(CLICK_TO_FRAME, columns[index % len(columns)]) for index in range(clicks)]
        idle = [page.evaluate(CLICK_TO_FRAME, "") for _ in range(clicks)]
        browser.close()
    return {
        "browser": browser_path(),
        "cities": cities,
        "open_ms": {"rounds": rounds, "median": round(statistics.median(opens), 1), "max": round(max(opens), 1)},
        "click_to_frame_ms": {
            "clicks": clicks,
            "median": round(statistics.median(t[0] for t in times), 1),
            "max": round(max(t[0] for t in times), 1),
        },
        "click_to_frame_end_ms": {
            "median": round(statistics.median(t[1] for t in times), 1),
            "max": round(max(t[1] for t in times), 1),
        },
        # The same two measures with no click: what waiting for the browser's frames costs by itself.
        "no_click_baseline_ms": {
            "to_frame_median": round(statistics.median(t[0] for t in idle), 1),
            "to_frame_end_median": round(statistics.median(t[1] for t in idle), 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site folder (mkdocs build -d ...)")
    parser.add_argument("--cities", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=25)
    args = parser.parse_args()
    print(json.dumps(measure(args.site, args.cities, args.rounds, args.clicks), indent=2))


if __name__ == "__main__":
    main()
