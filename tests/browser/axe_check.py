"""axe-core in the browser tests: WCAG 2.1 A and AA, violations only, and Material's colour schemes.

One helper for every browser test that runs axe, so the rules checked are the same everywhere.

A page is checked with every rule in one colour scheme and with the colour rules in the other: Material
switches schemes by an attribute and CSS only (so does the guide's CSS), the document and every other
rule's input stay the same, and axe is most of what a browser test costs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from playwright.sync_api import Page

# axe-core from npm, pinned in package.json (scripts/dev.sh test installs it).
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The rules of those tags whose result depends on colours (text contrast; links told apart by colour).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Which rules a run checks. Only the violations come back: collecting the passes too doubles axe's work.
EVERY_RULE = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
COLOURS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
# For a page whose colours are checked elsewhere: contrast is most of axe's time on a long page.
ALL_BUT_COLOURS = {**EVERY_RULE, "rules": {rule: {"enabled": False} for rule in COLOUR_RULES}}
AXE_RUN = """async ([context, options]) => {
  const results = await axe.run(context || document, options);
  return results.violations.map((violation) => ({
    id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target)}));
}"""
SCHEMES = ["default", "slate"]
# Elements off screen skip style work (content-visibility: auto) until something reads their style: read
# every element's colour now, so any fade starts here and not while axe measures contrast.
# Transitions are switched off first: axe must measure the scheme's colours, not a frame of a fade.
SET_SCHEME = """(scheme) => {
  if (!document.getElementById("axe-no-transitions")) {
    const style = document.head.appendChild(document.createElement("style"));
    style.id = "axe-no-transitions";
    style.textContent = "*, *::before, *::after { transition: none !important; }";
  }
  document.body.setAttribute("data-md-color-scheme", scheme);
  for (const element of document.querySelectorAll("*")) { getComputedStyle(element).color; }
}"""


@lru_cache(maxsize=1)
def axe_script() -> str:
    """The axe-core bundle, read once per test process."""
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: scripts/dev.sh test installs it (npm ci --omit=dev)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page: Page, context=None, rules: dict = EVERY_RULE) -> list[dict]:
    """WCAG 2.1 A and AA violations axe-core finds in the page (``context``: axe's include/exclude;
    ``rules``: EVERY_RULE, COLOURS or ALL_BUT_COLOURS), each as {id, help, targets}.
    axe is put into each document once, not once per run."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    return page.evaluate(AXE_RUN, [context, rules])


def axe_in_both_schemes(page: Page, context=None, schemes=SCHEMES) -> dict[str, list[dict]]:
    """Violations in each of ``schemes``: every rule in the first, the colour rules in the others."""
    found = {}
    for index, scheme in enumerate(schemes):
        set_colour_scheme(page, scheme)
        found[scheme] = axe_violations(page, context, COLOURS if index else EVERY_RULE)
    return found


def set_colour_scheme(page: Page, scheme: str) -> None:
    """Material's colour scheme; returns once the colours have stopped fading, so axe sees the final ones."""
    page.evaluate(SET_SCHEME, scheme)
    page.wait_for_function(
        "() => !document.getAnimations().some((a) => a instanceof CSSTransition && a.playState === 'running')"
    )
