"""On a phone, names of practice areas and phases wrap between words, never inside one ("Governan-ce").

Each word of the names (the parts between spaces and hyphens: a line may end after a hyphen) is
measured with a DOM Range: a word drawn on one line has its rects on one line; a word broken across
lines (by hyphenation or by breaking anywhere) has rects on two or more.

Each page is loaded once, at the narrowest width, and measured at every width by resizing the
viewport (the layout is CSS: the guide's scripts read no width), each width reported as a subtest.
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


WIDTHS = [320, 360, 390]
HEIGHT = 800


@pytest.fixture
def browser_context_args(browser_context_args):
    """pytest-playwright's context options, at the narrowest phone width."""
    return {**browser_context_args, "viewport": {"width": WIDTHS[0], "height": HEIGHT}, "locale": "en-US"}


@pytest.mark.parametrize("path", ["self-check/", "self-check/launch-50/", "criteria/data-governance/"])
def test_names_never_break_inside_a_word(page, site_url, path, subtests):
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    page.goto(site_url + path)  # returns once the page has loaded
    for width in WIDTHS:
        with subtests.test(msg=f"{width}px"):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            assert page.evaluate("() => window.innerWidth") == width, "the page was not laid out at this width"
            broken = page.evaluate(WORDS_SPLIT_ACROSS_LINES, NAME_SELECTORS)
            assert not broken, f"{path} at {width}px: words broken across lines: {broken}"
