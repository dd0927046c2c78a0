"""The quick path (issue 21): a person who only wants a score answers every criterion in one pass with
the keyboard alone, with no more keystrokes than before the redesign, and sees the tier change as they
answer.

The pass is a fixed rule, the same on any build of the page: from the top of a freshly loaded page,
press Tab; on a skip link (Material's "Skip to content", the self-check's "Skip to the first unanswered
question") or the answer view's "Next: <area>" link press Enter; on a radio button of an unanswered
criterion press Space (Yes, the first answer; any other answer is one arrow key instead, so the count
is the same); on anything else press Tab again; stop when every criterion is answered.

Counted with this file's `count_keystrokes` (run it as a script on any build: `python
tests/browser/test_selfcheck_quick_path.py http://127.0.0.1:8000/`), on 7 December 2026:

- before the redesign (commit 3f4f55c, the parent of the first issue 21 commit feef017: the page as
  one long form, its tools above the first question): 45-criteria assessment 246 keystrokes,
  50-question launch edition 228;
- with the views (one area at a time; the skip link and each area's "Next" link put focus on the
  first unanswered criterion's answer): 45-criteria assessment 240, launch edition 218.
  Without those two (the views' nav, the list of areas and the filter before the first question,
  and focus on the next area's heading) it was 265 and 235.

Between two answers the Tab stops are the criterion's evidence or notes summary, its guide link and
its case study links, as before the redesign.
"""

from __future__ import annotations

import sys

import pytest
from playwright.sync_api import Page, expect

# The keystrokes counted before the redesign (see the docstring), per edition's page.
BEFORE_REDESIGN = {"self-check/": 246, "self-check/launch-50/": 228}
CRITERIA = {"self-check/": 45, "self-check/launch-50/": 50}
# Far above either count: a pass that never ends (focus trapped, a criterion unreachable) stops here.
MAX_KEYS = 2000

FOCUS = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return {kind: "none"};
  const criterion = node.closest("[data-wwc-criterion]");
  if (node.matches("input[type=radio]") && criterion) {
    const answered = criterion.querySelector("input[type=radio]:checked") !== null;
    return {kind: answered ? "answered" : "radio"};
  }
  if (node.closest(".wwc-sc-next-area")) return {kind: "next-area"};
  if (node.matches(".md-skip, .wwc-sc-skip")) return {kind: "skip"};
  return {kind: "other"};
}"""
UNANSWERED = """() => [...document.querySelectorAll("form [data-wwc-criterion]")]
  .filter((c) => !c.querySelector("input[type=radio]:checked")).length"""
STATUS = "() => (document.querySelector('#wwc-sc-status') || document.querySelector('[role=status]') || {}).textContent"


def count_keystrokes(page: Page, url: str, on_answer=None) -> int:
    """Keys pressed to answer every criterion of the page at `url` by the rule of the docstring;
    `on_answer(page)` is called after each answer."""
    page.goto(url)
    page.wait_for_selector("#wwc-selfcheck[data-wwc-ready=true]")
    keys = 0
    while page.evaluate(UNANSWERED) and keys < MAX_KEYS:
        kind = page.evaluate(FOCUS)["kind"]
        if kind == "radio":
            page.keyboard.press("Space")
            if on_answer:
                on_answer(page)
        elif kind in ("next-area", "skip"):
            page.keyboard.press("Enter")
        else:
            page.keyboard.press("Tab")
        keys += 1
    return keys


@pytest.mark.parametrize("path", list(BEFORE_REDESIGN))
def test_the_keyboard_pass_answers_everything_in_no_more_keys_than_before(page: Page, site_url, path):
    seen = []

    def tier_shown(page: Page) -> None:
        seen.append(page.evaluate(STATUS))

    keys = count_keystrokes(page, site_url + path, tier_shown)
    assert page.evaluate(UNANSWERED) == 0
    assert len(seen) == CRITERIA[path]
    assert keys <= BEFORE_REDESIGN[path], f"{keys} keystrokes, {BEFORE_REDESIGN[path]} before the redesign"
    # The tier shown follows the answers: every one answered Yes reaches the highest tier, and the
    # status changed along the way (it names each answer's new total).
    expect(page.locator("#wwc-sc-status")).to_contain_text("Platinum")
    assert len(set(seen)) >= CRITERIA[path] // 2, seen[:5]
    assert "Platinum" not in seen[0]


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium-headless-shell")
        for edition_path in BEFORE_REDESIGN:
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            print(edition_path, count_keystrokes(tab, sys.argv[1] + edition_path))
            tab.close()
        browser.close()
