"""axe on every view of the self-check, filled in (issue 21): answer, results, next steps, assessments,
report, the documents page and the cohort view, in both editions (the 45-criteria assessment and the
50-question launch edition), light and dark (Material's default and slate schemes). The state is
sc_filled.py's: answers of every state, a name and city, evidence ticked with an owner, share and
compare opened, the cohort loaded with the edition's own export.
"""

from __future__ import annotations

import pytest
from sc_filled import EDITIONS, PAGES, filled, open_filled  # noqa: F401 - fixture

from axe_check import axe_in_both_schemes


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_axe_finds_nothing_on_each_filled_in_view_light_and_dark(filled, site_url, edition, name):
    context, exported = filled
    page = context.new_page()
    try:
        open_filled(page, site_url, edition, name, exported[edition])
        scope = "[data-wwc-cohort-root]" if name == "cohort" else None
        found = axe_in_both_schemes(page, scope)
        assert found == {"default": [], "slate": []}, found
    finally:
        page.close()
