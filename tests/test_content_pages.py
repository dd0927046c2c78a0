"""The built pages show what the sources add: audited responses, time windows, dependencies, the
applicants' benchmarks, "where to go next", and tiers examples that agree with the scoring code."""

from __future__ import annotations

import re

import pytest

from helpers import normalise, page, section, section_text, soup
from macros.content import iter_criteria, load_content
from macros.criterion_facts import AUDIT_TITLE
from macros.scoring import min_met_for, rounded_percent, rounded_tier, tier_for


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


@pytest.fixture(scope="module")
def edition(content):
    return content["editions"]["assessment-45"]


def criterion_section(site, group_id: str, cid: str) -> str:
    heading = soup(page(site, f"criteria/{group_id}/")).find(id=cid.lower())
    assert heading is not None, cid
    return section_text(section(heading))


# --- tiers: every worked example agrees with macros/scoring.py ----------------------------------

SHARE = re.compile(r"\b(\d+) of (\d+)(?: criteria met)?(?:,| is) (?:a share of )?(\d+(?:\.\d+)?)%")


def tier_name(edition: dict, tier: dict | None) -> str:
    return tier["name"] if tier else edition.get("not_certified_label", "Not certified")


def check_block(edition: dict, text: str) -> int:
    """In a block about one count met: the share, the tier the guide says and the rounded reading."""
    shares = SHARE.findall(text)
    if len({(met, total) for met, total, _ in shares}) != 1:
        return 0
    met, total = int(shares[0][0]), int(shares[0][1])
    names = "|".join(re.escape(tier["name"]) for tier in edition["tiers"])
    for _, _, shown in shares:
        decimals = len(shown.partition(".")[2])
        assert shown == rounded_percent(met, total, decimals), (met, total, shown)
    for said in re.findall(rf"says \**({names}|{re.escape(edition['not_certified_label'])})\b", text):
        assert said == tier_name(edition, tier_for(met, total, edition["tiers"])), (met, total, said)
    for whole in re.findall(r"reads (\d+)%", text):
        assert whole == rounded_percent(met, total, 0), (met, total, whole)
    for gives in re.findall(rf"reads \d+%, which (?:also )?gives ({names})\b", text):
        rounded = next(t for t in edition["tiers"] if t["id"] == rounded_tier(edition, met))
        assert gives == rounded["name"], (met, total, gives)
    return 1


def test_tiers_page_examples_follow_the_scoring_code(built_site, edition):
    article = soup(page(built_site, "tiers/")).find("article")
    checked = 0
    # Each listed share, and the worked example of the two sets of published ranges (a paragraph and its list).
    for item in article.find_all("li"):
        checked += check_block(edition, normalise(item.get_text(" ")))
    heading = next(h for h in article.find_all("h3") if "two sets of published ranges" in h.get_text())
    checked += check_block(edition, section_text(section(heading)))
    assert checked >= 3, "the tiers page lost its worked examples"


def test_tier_table_counts_follow_the_scoring_code(built_site, edition):
    table = soup(page(built_site, "tiers/")).find("article").find("table")
    rows = {
        normalise(tr.find("td").get_text()): normalise(tr.find_all("td")[2].get_text())
        for tr in table.find_all("tr")
        if tr.find("td")
    }
    total = sum(len(group["criteria"]) for group in edition["groups"])
    for index, tier in enumerate(edition["tiers"]):
        last = (
            min_met_for(total, edition["tiers"][index + 1]["min_percent"]) - 1
            if index + 1 < len(edition["tiers"])
            else total
        )
        assert rows[tier["name"]] == f"{min_met_for(total, tier['min_percent'])} to {last}", tier["id"]


# --- criterion pages ---------------------------------------------------------------------------


def test_audited_responses_are_shown_on_their_criteria(built_site, edition):
    shown = 0
    for group, criterion in iter_criteria(edition):
        text = criterion_section(built_site, group["id"], criterion["id"])
        if criterion.get("audited_responses"):
            shown += 1
            assert AUDIT_TITLE in text, criterion["id"]
            for response in criterion["audited_responses"]:
                assert normalise(response["reason"]) in text, criterion["id"]
        else:
            assert AUDIT_TITLE not in text, criterion["id"]
    assert shown == 5


def test_dependencies_are_shown_on_both_criteria(built_site, edition):
    groups = {criterion["id"]: group["id"] for group, criterion in iter_criteria(edition)}
    pairs = [
        (criterion["id"], dependency["criterion"])
        for _, criterion in iter_criteria(edition)
        for dependency in criterion.get("depends_on", [])
    ]
    assert len(pairs) == 5
    for later, earlier in pairs:
        later_page = soup(page(built_site, f"criteria/{groups[later]}/"))
        later_section = section(later_page.find(id=later.lower()))
        assert f"Builds on {earlier}" in section_text(later_section), later
        links = [a["href"] for element in later_section for a in element.find_all("a", href=True)]
        assert any(href.endswith(f"#{earlier.lower()}") for href in links), later
        earlier_text = criterion_section(built_site, groups[earlier], earlier)
        assert f"{later} builds on this criterion" in earlier_text, earlier


def test_time_windows_are_shown_beside_their_items_and_statements(built_site, edition):
    item = soup(page(built_site, "criteria/data-governance/")).find(id="dg1-updated-past-12-months")
    assert "time window: the 12 months before the application" in normalise(item.get_text(" "))
    catalog = soup(page(built_site, "criteria/results-driven-contracting/")).find(id="rdc7-contracts-catalog")
    assert "the next 6 to 12 months after the application" in normalise(catalog.get_text(" "))
    gm1 = soup(page(built_site, "criteria/general-management/")).find(id="gm1-commitment-communicated-twice")
    assert "the 36 months (3 years) before the application, or the current administration" in normalise(
        gm1.get_text(" ")
    )
    assert "Time window: the 24 months (2 years) before the application (“In the past 24 months”)" in criterion_section(
        built_site, "repurposing", "RP4"
    )


def test_group_pages_show_the_one_band_average(built_site, edition):
    for group in edition["groups"]:
        text = normalise(soup(page(built_site, f"criteria/{group['id']}/")).find("article").get_text(" "))
        assert f"have achieved on average {group['benchmark']['one_band_percent']}%" in text, group["id"]
        assert "does not say which band" in text


# --- tiers page benchmarks, where to go next, about ----------------------------------------------


def test_tiers_page_shows_regions_and_bands(built_site, edition):
    article = soup(page(built_site, "tiers/")).find("article")
    table = article.select_one(".wwc-regions table")
    rows = [[normalise(td.get_text()) for td in tr.find_all("td")] for tr in table.find_all("tr") if tr.find("td")]
    assert rows == [
        [f"{r['name']} (Region {r['number']})", str(r["applicants"]), f"{r['average_percent']}%"]
        for r in edition["benchmarks"]["regions"]
    ]
    text = normalise(article.get_text(" "))
    for band in edition["benchmarks"]["population_bands"]:
        assert band["label"] in text
    for note in edition["benchmarks"]["not_given"]:
        assert normalise(note) in text


def resource_block(start) -> list:
    """A resource's name and the elements after it, up to the next resource or heading."""
    elements = [start]
    for sibling in start.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) or "wwc-resource-name" in sibling.get("class", []):
            break
        elements.append(sibling)
    return elements


def test_where_to_go_next_lists_every_resource_and_statement_with_its_source(built_site, content):
    target = soup(page(built_site, "where-to-go-next/"))
    ids = {element["id"] for element in target.find_all(id=True)}
    for resource in content["resources"]["resources"]:
        assert resource["id"] in ids, resource["id"]
        block = normalise(" ".join(e.get_text(" ") for e in resource_block(target.find(id=resource["id"]))))
        assert f"Source: {content['sources'][resource['source']]['title']}" in block, resource["id"]
        if resource.get("address"):
            assert "as of the source" in block and resource["address"] in block, resource["id"]
    for statement in content["resources"]["program_today"]:
        item = normalise(target.find(id=statement["id"]).get_text(" "))
        for source in statement["sources"]:
            assert content["sources"][source]["title"] in item, statement["id"]
    assert "as of each source" in normalise(target.find("article").get_text(" "))


@pytest.mark.parametrize("url", ["", "criteria/", "blueprint/", "about/"])
def test_pages_link_to_where_to_go_next(built_site, url):
    links = [a["href"] for a in soup(page(built_site, url)).find("article").find_all("a", href=True)]
    assert any("where-to-go-next/" in href for href in links), url


@pytest.mark.parametrize("url", ["", "criteria/"])
def test_no_page_dates_the_launch_to_2018(built_site, url):
    text = normalise(soup(page(built_site, url)).find("article").get_text(" "))
    assert "launched with in 2018" not in text and "launched in 2018" not in text


def test_about_describes_the_review_and_debrief_calls(built_site):
    text = normalise(soup(page(built_site, "about/")).find("article").get_text(" "))
    assert "review call" in text and "debrief call" in text
    assert "a two-year-old initiative" in text and "launched in April 2017" in text
    for wording in ("more than 30,000", "30,000 or more", "at least 30,000"):
        assert wording in text, wording
