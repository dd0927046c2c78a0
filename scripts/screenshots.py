"""The README's screenshots and the self-check's tour (docs/contributing/tour.md), taken from the real
built site in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs/contributing/img]

Builds the site strictly into a temporary folder, serves it on 127.0.0.1, and saves one PNG per entry
of SHOTS and of TOUR at a fixed window size in the light colour scheme, so the same content gives the
same pictures, saved as palette PNGs (256 colours, Pillow) to stay under MAX_BYTES each. The tour's
pictures are of one made-up assessment, filled in by clicks and typing as a person would (fill_in),
each view in turn on a laptop and two on a phone. Redo them after every change to the views.
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
PHONE = {"width": 360, "height": 740}
# The tour: file name -> (window, page, what to do on it before the picture), in the tour's order.
TOUR = {
    "tour-answer.png": (VIEWPORT, "self-check/#answer", "evidence"),
    "tour-results.png": (VIEWPORT, "self-check/#results", "none"),
    "tour-next-steps.png": (VIEWPORT, "self-check/#next-steps", "none"),
    "tour-assessments.png": (VIEWPORT, "self-check/#assessments", "list"),
    "tour-report.png": (VIEWPORT, "self-check/#report", "none"),
    "tour-documents.png": (VIEWPORT, "self-check/documents/", "none"),
    "tour-cohort.png": (VIEWPORT, "self-check/cohort/", "cohort"),
    "tour-phone-answer.png": (PHONE, "self-check/#answer", "first-question"),
    "tour-phone-results.png": (PHONE, "self-check/#results", "none"),
}
MAX_BYTES = 100_000
# The tour's made-up assessment: its answers by criterion (the rest left unanswered) and one document ticked.
TOUR_CITY = "Example City"
TOUR_ANSWERS = {
    **dict.fromkeys(["DG1", "DG2", "DG3", "DG4", "EVAL1", "EVAL2", "GM1", "GM2", "GM3", "GM4"], "yes"),
    **dict.fromkeys(["GM5", "GM6", "OD1", "OD2", "OD3", "PA1", "PA2", "PA3", "RP1", "SE1"], "yes"),
    **dict.fromkeys(["DG5", "EVAL3", "GM7", "OD4", "PA4"], "in-progress"),
    **dict.fromkeys(["EVAL4", "RP2", "RDC1"], "no"),
}
COHORT_FILES = ["alderbrook", "bramford", "caddisfield", "dunmere", "eastwick-falls"]


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
    # The answer view shows one area at a time: all at once to answer across areas, then the first.
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    labels = page.locator("fieldset[data-wwc-criterion] label:has(> input[value='yes'])")
    for index in range(ANSWERS):
        labels.nth(index).click()
    page.locator("#wwc-sc-areas [data-wwc-area]").first.click()
    page.evaluate("() => window.scrollTo(0, 0)")


def fill_in(page, url: str) -> None:
    """The tour's assessment, made as a person makes it: named, a city, answers, one document ticked."""
    page.goto(url + "self-check/#assessments")
    page.wait_for_selector("[data-wwc-ready='true']")
    page.fill("#wwc-sc-new-name", "2027 application")
    page.click("#wwc-sc-new")
    page.fill("#wwc-sc-city", TOUR_CITY)
    page.locator("#wwc-sc-city").dispatch_event("change")
    page.click('[data-wwc-view-link="answer"]')
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    for criterion, state in TOUR_ANSWERS.items():
        page.click(f'[data-wwc-criterion="{criterion}"] label:has(> input[value="{state}"])')
    panel = page.locator('[data-wwc-evidence="DG1"]')
    panel.locator("summary").click()
    panel.locator("label:has(> input[type=checkbox])").first.click()
    panel.locator('[data-wwc-field="owner"]').fill("Data office")
    panel.locator('[data-wwc-field="owner"]').blur()
    page.click('#wwc-sc-areas [data-wwc-area="data-governance"]')


def scroll_to(page, selector: str) -> None:
    """Down from the top to the element: Material shows its "Back to top" button after a scroll up."""
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(100)
    page.evaluate(
        "(selector) => window.scrollTo(0, document.querySelector(selector).getBoundingClientRect().top - 60)", selector
    )
    page.wait_for_timeout(300)


def prepare(page, action: str) -> None:
    """What a tour picture shows besides its view's address."""
    if action == "evidence":
        page.locator('[data-wwc-evidence="DG2"] summary').click()
        page.locator('[data-wwc-criterion="DG1"]').scroll_into_view_if_needed()
        page.evaluate("() => window.scrollTo(0, 0)")
    elif action == "list":
        page.click('button[aria-label="Duplicate 2027 application"]')
        scroll_to(page, "#wwc-sc-assessments")
    elif action == "cohort":
        fixtures = ROOT / "tests" / "fixtures" / "cohort"
        page.set_input_files('[data-wwc-cohort="files"]', [fixtures / f"{name}.json" for name in COHORT_FILES])
        page.wait_for_selector('[data-wwc-cohort="tables"]:not([hidden])')
        scroll_to(page, "#wwc-cohort-result-heading")
    elif action == "first-question":
        scroll_to(page, "#wwc-sc-areas")


def small_png(path: Path) -> None:
    """The picture as a palette PNG (256 colours, no dithering: text stays sharp), optimised."""
    from PIL import Image

    with Image.open(path) as picture:
        palette = picture.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(path, optimize=True)


def take_tour(browser, url: str, out: Path) -> list[Path]:
    written = []
    for viewport in (VIEWPORT, PHONE):
        context = browser.new_context(
            viewport=viewport, color_scheme="light", device_scale_factor=1, reduced_motion="reduce"
        )
        page = context.new_page()
        fill_in(page, url)
        for name, (size, path, action) in TOUR.items():
            if size != viewport:
                continue
            page.goto(url + path)
            page.wait_for_load_state("load")
            if path.startswith("self-check/cohort/"):
                page.wait_for_selector("[data-wwc-cohort-root][data-wwc-ready='true']")
            elif not path.startswith("self-check/documents/"):
                page.wait_for_selector("#wwc-selfcheck[data-wwc-ready='true']")
            prepare(page, action)
            if action == "none" and "#" in path:
                scroll_to(page, f"[data-wwc-view='{path.split('#')[1]}']")
            page.evaluate("() => document.fonts.ready")
            target = out / name
            page.screenshot(path=str(target), animations="disabled", caret="hide")
            small_png(target)
            if target.stat().st_size > MAX_BYTES:
                print(f"warning: {name} is {target.stat().st_size} bytes, more than {MAX_BYTES}")
            written.append(target)
        context.close()
    return written


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
                small_png(target)
                written.append(target)
                context.close()
            written += take_tour(browser, url, out)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "contributing" / "img")
    for path in take(parser.parse_args().out):
        print(f"written: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
