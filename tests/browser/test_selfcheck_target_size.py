"""Every control of the self-check is a target of at least 24 x 24 px (WCAG 2.2, 2.5.8 target size,
which Lighthouse's target-size audit checks), on every view, in both editions, at 360 px and 1280 px,
filled in as sc_filled.py fills it (evidence panel open, share and compare opened, cohort loaded).

Measured: the box of every visible link, button, field, select, summary and focusable element of the
page (Material's header and navigation too). A radio or checkbox is measured by its own box, as
Lighthouse's audit measures it (its label is a larger target too, but the audit does not count it); a
field hidden for a styled label (the file input) by its label. Exempt, as in
WCAG: a link in running text (its block holds other text besides it). Not measured: what is not shown
(no box, hidden, zero-sized, inert to the pointer, or off screen like a closed drawer).
"""

from __future__ import annotations

import pytest
from sc_filled import EDITIONS, PAGES, filled, open_filled  # noqa: F401 - fixture

SMALL_TARGETS = """() => {
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary,'
    + ' [tabindex]:not([tabindex="-1"]), [role=button], [role=link]';
  const text = (node) => node.textContent.replace(/\\s+/g, " ").trim();
  const block = (node) => {
    let parent = node.parentElement;
    while (parent && getComputedStyle(parent).display.startsWith("inline")) parent = parent.parentElement;
    return parent;
  };
  const inRunningText = (node) => node.tagName === "A" && block(node) && text(block(node)).length > text(node).length;
  const labelOf = (node) =>
    node.closest("label") || (node.id && document.querySelector(`label[for="${CSS.escape(node.id)}"]`));
  const shown = (node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return node.getClientRects().length && style.visibility !== "hidden" && style.pointerEvents !== "none"
      && Number(style.opacity) > 0 && box.width > 0 && box.height > 0
      && box.right > 0 && box.left < document.documentElement.clientWidth;
  };
  const small = [];
  for (const node of document.querySelectorAll(SELECTOR)) {
    if (inRunningText(node)) continue;
    let target = node;
    if (node.tagName === "INPUT") {
      const box = node.getBoundingClientRect();
      const hiddenField = box.width <= 2 || box.height <= 2;
      if (hiddenField) target = labelOf(node) || node;
    }
    if (!shown(target)) continue;
    const box = target.getBoundingClientRect();
    if (box.width < 23.5 || box.height < 23.5) {
      const name = text(node) || node.getAttribute("aria-label") || node.id || node.className;
      small.push(`${node.tagName.toLowerCase()} "${String(name).slice(0, 40)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
    }
  }
  return small;
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_control_on_every_view_is_24px_or_more(filled, site_url, edition, width):
    context, exported = filled
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    try:
        found = {}
        for name in PAGES:
            open_filled(page, site_url, edition, name, exported[edition])
            small = page.evaluate(SMALL_TARGETS)
            if small:
                found[name] = small
        assert found == {}
    finally:
        page.close()
