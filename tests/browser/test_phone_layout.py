"""On a phone, names of practice areas and phases wrap between words, never inside one ("Governan-ce").

Each word of the names (the parts between spaces and hyphens: a line may end after a hyphen) is
measured with a DOM Range: a word drawn on one line has its rects on one line; a word broken across
lines (by hyphenation or by breaking anywhere) has rects on two or more.
"""

from __future__ import annotations

import pytest

# Where the self-check and the guide show area and phase names in narrow columns.
NAME_SELECTORS = ".wwc-sc-group-heading, .wwc-sc-group-name, .wwc-sc-report th, h1, h2"

WORDS_SPLIT_ACROSS_LINES = """(selector) => {
    const broken = [];
    for (const element of document.querySelectorAll(selector)) {
        if (!element.getClientRects().length) continue;  // not rendered (hidden, or print-only)
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/[^\\s-]+/g)) {  // a break after a hyphen is fine
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top)));
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("path", ["self-check/", "self-check/launch-50/", "criteria/data-governance/"])
def test_names_never_break_inside_a_word(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-US")
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    broken = page.evaluate(WORDS_SPLIT_ACROSS_LINES, NAME_SELECTORS)
    context.close()
    assert not broken, f"{path} at {width}px: words broken across lines: {broken}"
