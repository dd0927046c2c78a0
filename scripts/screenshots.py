"""The README's screenshots, taken from the real built site in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs/contributing/img]

Builds the site strictly into a temporary folder, serves it on 127.0.0.1, and saves one PNG per entry
of SHOTS at a fixed window size in the light colour scheme, so the same content gives the same pictures.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium-headless-shell"
VIEWPORT = {"width": 1280, "height": 800}
# file name -> (page, what to do on it before the picture)
SHOTS = {
    "criterion-page.png": ("criteria/data-governance/", "none"),
    "self-check.png": ("self-check/", "answer"),
}
ANSWERS = 24  # criteria answered "yes" on the self-check picture: enough for the first tier


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "macros.scaffold"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True
    )


def answer_some(page) -> None:
    """Answer the first criteria "yes", so the results panel shows a share and a tier."""
    page.wait_for_selector("[data-wwc-ready='true']")
    labels = page.locator("fieldset[data-wwc-criterion] label:has(> input[value='yes'])")
    for index in range(ANSWERS):
        labels.nth(index).click()
    page.evaluate("() => window.scrollTo(0, 0)")


def take(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="wwc-shots-") as folder, sync_playwright() as playwright:
        site = Path(folder) / "site"
        build(site)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        with served(site) as url:
            for name, (path, action) in SHOTS.items():
                context = browser.new_context(
                    viewport=VIEWPORT, color_scheme="light", device_scale_factor=1, reduced_motion="reduce"
                )
                page = context.new_page()
                page.goto(url + path)
                if action == "answer":
                    answer_some(page)
                page.evaluate("() => document.fonts.ready")
                target = out / name
                page.screenshot(path=str(target), animations="disabled", caret="hide")
                written.append(target)
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "contributing" / "img")
    for path in take(parser.parse_args().out):
        print(f"written: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
