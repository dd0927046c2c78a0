"""Which edition, which tier: the tiers page's reading of shares between ranges, and the edition notices."""

from __future__ import annotations

import pytest

from helpers import normalise, page, soup
from macros.content import load_content
from macros.render import between_ranges
from macros.scoring import rounded_tier, tier_for


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


@pytest.mark.parametrize(
    "met, expected",
    [
        (22, None),
        (23, "silver"),
        (30, "gold"),
        (31, "gold"),
        (38, "gold"),
        (39, "platinum"),
        (45, "platinum"),
        (0, None),
    ],
)
def test_rounded_tier_of_the_45(content, met, expected):
    assert rounded_tier(content["editions"]["assessment-45"], met) == expected


def test_rounded_tier_differs_from_the_exact_tier_only_at_30_of_45(content):
    edition = content["editions"]["assessment-45"]
    differ = [
        met for met in range(46) if rounded_tier(edition, met) != (tier_for(met, 45, edition["tiers"]) or {}).get("id")
    ]
    assert differ == [30]


def test_shares_between_ranges_are_computed(content):
    cases = [
        (case["met"], case["exact"]["id"], case["rounded"]["id"])
        for case in between_ranges(content["editions"]["assessment-45"])
    ]
    assert cases == [(30, "silver", "gold"), (38, "gold", "gold")]
    assert between_ranges(content["editions"]["launch-50"]) == []


def test_tiers_page_says_how_the_guide_decides(built_site):
    text = normalise(soup(page(built_site, "tiers/")).find("article").get_text(" "))
    assert "without rounding" in text and "borderline" in text
    assert (
        "30 of 45 is 66.7%: below Gold's 67%, so this guide says Silver . Rounded, it reads 67%, which gives Gold."
        in text
    )
    assert (
        "38 of 45 is 84.4%: below Platinum's 85%, so this guide says Gold . Rounded, it reads 84%, which also gives Gold."
        in text
    )


def test_launch_tiers_are_called_an_extrapolation_beside_their_table(built_site, content):
    article = soup(page(built_site, "tiers/")).find("article")
    title = normalise(content["editions"]["launch-50"]["title"])
    heading = next(h for h in article.find_all("h2") if title in normalise(h.get_text()))
    before_table = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "table" or sibling.find("table"):
            break
        before_table.append(normalise(sibling.get_text(" ")))
    assert "extrapolation" in " ".join(before_table)


@pytest.mark.parametrize("url", ["", "criteria/"])
def test_home_and_criteria_index_say_which_edition(built_site, url):
    notice = soup(page(built_site, url)).select_one("article .admonition.warning:not(.wwc-from-disk)")
    assert notice is not None, f"{url or 'home'}: no edition notice"
    text = normalise(notice.get_text(" "))
    assert "Which edition this guide covers" in text
    assert "45-criteria assessment" in text and "43 criteria" in text and "applying today" in text


def test_about_does_not_date_the_population_threshold_to_2022(built_site):
    text = normalise(soup(page(built_site, "about/")).find("article").get_text(" "))
    assert "Any city with a population of more than 30,000 is eligible to apply for Certification" in text
    assert "From 2022" not in text
