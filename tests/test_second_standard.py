"""A second standard (tests/fixtures/second-standard/) builds into a site with the guide's code.

Its names, ids, tiers and thresholds are its own; nothing of the guide's own standard may show.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ids_of, page, soup
from macros.content import load_content

SECOND_STANDARD = Path(__file__).resolve().parent / "fixtures" / "second-standard"


@pytest.fixture(scope="module")
def fixture_content():
    return load_content(SECOND_STANDARD)


def test_fixture_has_the_shape_the_issue_asks_for(fixture_content):
    edition = fixture_content["editions"]["library-service"]
    criteria = [criterion for group in edition["groups"] for criterion in group["criteria"]]
    assert len(edition["groups"]) == 3 and len(criteria) == 7
    assert [tier["name"] for tier in edition["tiers"]] == ["Seedling", "Sapling", "Oak"]
    assert [criterion["id"] for criterion in criteria if criterion.get("must_meet")] == ["WD1"]
    assert list(fixture_content["case_studies"]) == ["riverton"]


def test_every_area_page_has_its_practices_as_anchors(second_standard_site, fixture_content):
    edition = fixture_content["editions"]["library-service"]
    for group in edition["groups"]:
        anchors = ids_of(page(second_standard_site, f"areas/{group['id']}/"))
        assert {criterion["id"].lower() for criterion in group["criteria"]} <= anchors, group["id"]


def test_case_study_links_to_the_practices_it_illustrates(second_standard_site):
    links = [a["href"] for a in soup(page(second_standard_site, "case-studies/riverton/")).find_all("a", href=True)]
    assert any(href.endswith("areas/welcome/#wd2") for href in links), links
    assert any(href.endswith("areas/outreach/#or2") for href in links), links


def test_downloads_hold_the_fixture_standard(second_standard_site):
    data = json.loads((second_standard_site / "downloads" / "criteria.json").read_text(encoding="utf-8"))
    assert [edition["id"] for edition in data["editions"]] == ["library-service"]


def test_the_guide_s_own_standard_does_not_leak_into_the_site(second_standard_site, content):
    own_words = {tier["name"] for edition in content["editions"].values() for tier in edition["tiers"]}
    own_words |= {group["name"] for edition in content["editions"].values() for group in edition["groups"]}
    own_words |= {edition["title"] for edition in content["editions"].values()}
    for path in ("", "areas/", "areas/welcome/", "case-studies/riverton/", "self-check/"):
        text = soup(page(second_standard_site, path)).get_text(" ")
        found = sorted(word for word in own_words if word in text)
        assert not found, (path, found)


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)
