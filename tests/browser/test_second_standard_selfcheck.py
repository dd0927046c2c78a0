"""The self-check of a second standard (tests/fixtures/second-standard/) scores with that standard's tiers.

Seven practices; tiers Seedling 40%, Sapling 60%, Oak 90%; only "Done" counts as met. The expected
tiers below are worked out by hand from those thresholds, not by the guide's scoring code.

The cases run one after another on one loaded self-check: each answers all seven practices, so what
the page shows depends on that case's answers only.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import served

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

ORDER = ["WD1", "WD2", "WD3", "LN1", "LN2", "OR1", "OR2"]
TIER_NAMES = ["Not yet rooted", "Seedling", "Sapling", "Oak"]


@pytest.fixture(scope="module")
def second_standard_url(second_standard_site):
    with served(second_standard_site) as url:
        yield url


def answer(page, criterion_id: str, state: str) -> None:
    page.click(f'fieldset[data-wwc-criterion="{criterion_id}"] label:has(> input[value="{state}"])')


CASES = [
    (2, "Not yet rooted", "28.6"),  # 2/7 = 28.6% < 40
    (3, "Seedling", "42.9"),  # 3/7 = 42.9% >= 40
    (5, "Sapling", "71.4"),  # 5/7 = 71.4% >= 60, < 90
    (7, "Oak", "100.0"),  # 7/7
]


def test_self_check_scores_with_the_fixture_tiers(page, second_standard_url, subtests):
    page.goto(second_standard_url + "self-check/")
    expect(page.locator("[data-wwc-ready='true']")).to_have_count(1)
    for done, tier, percent in CASES:
        with subtests.test(msg=f"{done} done: {tier} {percent}%"):
            assert (
                page.locator("fieldset[data-wwc-criterion]").evaluate_all(
                    "(nodes) => nodes.map((node) => node.dataset.wwcCriterion)"
                )
                == ORDER
            )
            for index, criterion_id in enumerate(ORDER):
                answer(page, criterion_id, "done" if index < done else "started")
            status = page.locator("#wwc-sc-status")
            expect(status).to_contain_text(f"{done} of 7")
            expect(status).to_contain_text(f"{percent}%")
            expect(status).to_contain_text(tier)
            for other in TIER_NAMES:
                if other != tier:
                    expect(status).not_to_contain_text(other)
