"""Browser tests for the case studies: the index filter, printing a case study, section anchors.

Fixtures `site_url` (base URL of the built site, ending in "/") and `page` come from
tests/browser/conftest.py and pytest-playwright. Expected values are computed from the YAML, never
hard-coded, so the tests follow the content.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILTER_FORM = 'form.wwc-filters[data-wwc-filter="case-studies"]'
STATUS = f"{FILTER_FORM} .wwc-filter-status"

# Stable anchors (trainers and slides link to them). "people" and "quotes" are left out when a case
# study has none.
SECTIONS = ["summary", "criteria", "people", "what-they-did", "results", "quotes", "lessons",
            "discussion", "sources"]


# ---------------------------------------------------------------------------------------------------
# Content, read from the YAML


def load_yaml(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_studies() -> dict[str, dict]:
    studies = {}
    for path in sorted((ROOT / "casestudies").glob("*.yml")):
        study = load_yaml(path)
        studies[study["id"]] = study
    return studies


def load_groups(edition: str) -> dict[str, dict]:
    """Group id -> group (its name and the ids of its criteria) for one edition."""
    groups = {}
    for path in sorted((ROOT / "criteria" / edition).glob("*.yml")):
        if path.name == "edition.yml":
            continue
        group = load_yaml(path)
        groups[group["id"]] = group
    return groups


STUDIES = load_studies()
GROUPS = {edition: load_groups(edition) for edition in ("assessment-45", "launch-50")}


def group_of(edition: str, criterion_id: str) -> str:
    for group_id, group in GROUPS[edition].items():
        if any(criterion["id"] == criterion_id for criterion in group["criteria"]):
            return group_id
    raise AssertionError(f"{criterion_id} is in no group of {edition}")


def expected_cities(**facets: str) -> set[str]:
    """Ids of the case studies that illustrate at least one criterion of each chosen group."""
    result = set()
    for study_id, study in STUDIES.items():
        matches = True
        for facet, value in facets.items():
            if facet == "city":
                matches &= study_id == value
            else:
                ids = study["illustrates"].get(facet, [])
                matches &= value in {group_of(facet, cid) for cid in ids}
        if matches:
            result.add(study_id)
    return result


def status_text(shown: int) -> str:
    return f"Showing {shown} of {len(STUDIES)} case studies"


# ---------------------------------------------------------------------------------------------------
# Page helpers


def open_index(page, site_url: str, query: str = ""):
    page.goto(f"{site_url}case-studies/{query}")
    page.wait_for_selector(f"{STATUS}:has-text('Showing')")


def visible_cities(page) -> set[str]:
    items = page.locator("ul.wwc-study-list li.wwc-study")
    return {
        items.nth(i).get_attribute("data-city")
        for i in range(items.count())
        if items.nth(i).is_visible()
    }


def select_for(page, facet: str):
    return page.locator(f'{FILTER_FORM} select[data-facet="{facet}"]')


def group_by_name(edition: str, name: str) -> str:
    return next(group_id for group_id, group in GROUPS[edition].items() if group["name"] == name)


# ---------------------------------------------------------------------------------------------------
# a) The index filter


def test_unfiltered_list_shows_every_case_study(page, site_url, offsite_requests):
    open_index(page, site_url)
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))


def test_filter_by_practice_area(page, site_url):
    open_index(page, site_url)
    area = group_by_name("assessment-45", "Results-Driven Contracting")
    expected = expected_cities(**{"assessment-45": area})
    assert expected and expected != set(STUDIES), "the test needs an area that narrows the list"

    select_for(page, "assessment-45").select_option(label="Results-Driven Contracting")
    assert visible_cities(page) == expected
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))
    assert f"assessment-45={area}" in page.url

    select_for(page, "assessment-45").select_option(label="All")
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))
    assert "assessment-45=" not in page.url


FACET_OPTIONS = [(facet, value) for facet in ("assessment-45", "launch-50") for value in sorted(GROUPS[facet])]


@pytest.mark.parametrize(("facet", "value"), FACET_OPTIONS)
def test_every_area_and_phase_option(page, site_url, facet, value):
    open_index(page, site_url)
    select_for(page, facet).select_option(value=value)
    expected = expected_cities(**{facet: value})
    assert visible_cities(page) == expected
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))

    select_for(page, facet).select_option(value="")
    assert visible_cities(page) == set(STUDIES)


@pytest.mark.parametrize("city", sorted(STUDIES))
def test_filter_by_city(page, site_url, city):
    open_index(page, site_url)
    select_for(page, "city").select_option(value=city)
    assert visible_cities(page) == {city}
    assert page.locator(STATUS).inner_text().strip() == status_text(1)


def test_filters_combine(page, site_url):
    """All chosen facets must match; a combination that matches nothing shows nothing and says so."""
    open_index(page, site_url)
    area = group_by_name("assessment-45", "General Management")
    phase = sorted(GROUPS["launch-50"])[0]
    select_for(page, "assessment-45").select_option(value=area)
    select_for(page, "launch-50").select_option(value=phase)
    expected = expected_cities(**{"assessment-45": area, "launch-50": phase})
    assert visible_cities(page) == expected
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))

    # A city outside the current selection: nothing shows.
    outside = sorted(set(STUDIES) - expected)[0]
    select_for(page, "city").select_option(value=outside)
    assert visible_cities(page) == set()
    assert page.locator(STATUS).inner_text().strip() == status_text(0)


def test_filter_from_url_query(page, site_url):
    """A trainer can share a filtered link; unknown values are ignored."""
    area = group_by_name("assessment-45", "Results-Driven Contracting")
    open_index(page, site_url, f"?assessment-45={area}")
    assert select_for(page, "assessment-45").input_value() == area
    assert visible_cities(page) == expected_cities(**{"assessment-45": area})

    open_index(page, site_url, "?city=no-such-city&launch-50=no-such-phase")
    assert select_for(page, "city").input_value() == ""
    assert visible_cities(page) == set(STUDIES)


def test_filter_with_keyboard(page, site_url):
    open_index(page, site_url)
    select = select_for(page, "assessment-45")
    select.focus()
    page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    assert chosen, "ArrowDown on the focused select should choose the first practice area"
    assert visible_cities(page) == expected_cities(**{"assessment-45": chosen})
    assert page.locator(STATUS).inner_text().strip() == status_text(
        len(expected_cities(**{"assessment-45": chosen})))

    # Tab to the next filter (Standard phase) and choose with the keyboard there too.
    page.keyboard.press("Tab")
    phase_select = select_for(page, "launch-50")
    assert phase_select.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    phase = phase_select.input_value()
    assert phase
    expected = expected_cities(**{"assessment-45": chosen, "launch-50": phase})
    assert visible_cities(page) == expected

    # Back to "All" with Home on both selects.
    page.keyboard.press("Home")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Home")
    assert select.input_value() == "" and phase_select.input_value() == ""
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))


# ---------------------------------------------------------------------------------------------------
# b) Printing a case study


def normalise(text: str) -> str:
    """Compare text across HTML, YAML and pdftotext: ligatures, quotes, soft hyphens, whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "")
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                          "\u2010": "-", "\u2011": "-", "\u00a0": " "}))
    text = re.sub(r"-\s*\n\s*", "-", text)  # a line broken after a hyphen keeps the hyphen
    return " ".join(text.split())


def pdf_text(page, tmp_path: Path) -> str:
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    txt = tmp_path / "page.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(txt)], check=True, timeout=60)
    return txt.read_text(encoding="utf-8")


@pytest.mark.parametrize("study_id", sorted(STUDIES))
def test_case_study_prints_as_handout(page, site_url, tmp_path, study_id):
    study = STUDIES[study_id]
    page.goto(f"{site_url}case-studies/{study_id}/")
    title = page.locator("article h1").first.evaluate(
        "h1 => { const c = h1.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent; }")
    assert normalise(title).startswith(study["city"])
    article_text = normalise(page.locator("article").first.inner_text())
    printed = normalise(pdf_text(page, tmp_path))

    assert normalise(title) in printed
    for result in study["results"]:
        start = normalise(result)[:30]
        assert start in printed, f"result {start!r} missing from the printed page"

    # No site chrome: nav entries, the search box, the site name in the header.
    site_name = load_yaml_config()["site_name"]
    chrome = ["Crosswalk", "Downloads", "Blueprint to Certification", "Self-check", "Search", site_name]
    for word in chrome:
        if re.search(rf"\b{re.escape(word)}\b", article_text):
            continue  # the content itself uses the word: it proves nothing about the chrome
        assert not re.search(rf"\b{re.escape(word)}\b", printed), f"{word!r} printed: site chrome shows"
    # The index filter and permalink symbols never print.
    assert "¶" not in printed


def load_yaml_config() -> dict:
    """site_name from mkdocs.yml (read as text: the file uses !ENV tags plain YAML cannot load)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_name:\s*(.+)$", text, re.MULTILINE)
    assert match
    return {"site_name": match.group(1).strip().strip("\"'")}


def test_index_prints_without_filter_form(page, site_url, tmp_path):
    open_index(page, site_url)
    printed = normalise(pdf_text(page, tmp_path))
    assert status_text(len(STUDIES)) not in printed  # the filter form's status line
    for study in STUDIES.values():
        assert normalise(study["title"])[:30] in printed


# ---------------------------------------------------------------------------------------------------
# c) Section anchors


def expected_sections(study: dict) -> list[str]:
    sections = list(SECTIONS)
    if not study.get("people"):
        sections.remove("people")
    if not study.get("quotes"):
        sections.remove("quotes")
    return sections


def test_case_study_with_every_section_has_every_anchor(page, site_url):
    complete = [sid for sid, study in sorted(STUDIES.items()) if expected_sections(study) == SECTIONS]
    assert complete, "no case study has both people and quotes"
    study_id = complete[0]
    page.goto(f"{site_url}case-studies/{study_id}/")
    for section in SECTIONS:
        assert page.locator(f"article [id='{section}']").count() == 1, f"#{section} missing on {study_id}"


@pytest.mark.parametrize("study_id", sorted(STUDIES))
def test_section_anchors(page, site_url, study_id):
    page.goto(f"{site_url}case-studies/{study_id}/")
    ids = page.locator("article h2[id]").evaluate_all("els => els.map(el => el.id)")
    assert ids == expected_sections(STUDIES[study_id])
