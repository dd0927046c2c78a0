"""The self-check's views shown all at once, for the tests of its parts.

The self-check shows one view (and in the answer view one area) at a time; the tests of the parts
(results, plan, evidence, assessments, share...) were written when the page showed everything at
once, and what they test does not depend on which view is shown. They run with this style, which
shows every view and every area as the page does without the script (one after the other); the
views themselves are tested in test_selfcheck_views.py, without it.
"""

from __future__ import annotations

# On screen only: printing is the report alone, whatever is shown.
EVERY_VIEW_STYLE = (
    "@media screen { .wwc-selfcheck .wwc-sc-body [data-wwc-view][hidden],"
    " .wwc-selfcheck .wwc-sc-body [data-wwc-group][hidden] { display: block !important; } }"
)
EVERY_VIEW_SCRIPT = (
    "document.addEventListener('DOMContentLoaded', () => {"
    " const style = document.createElement('style');"
    f" style.textContent = {EVERY_VIEW_STYLE!r};"
    " document.head.appendChild(style); });"
)


def show_every_view(context):
    """Every page the context opens shows every self-check view and area at once."""
    context.add_init_script(EVERY_VIEW_SCRIPT)
    return context
