"""The guide's pages in a real browser: search finds criteria, no request leaves the machine, axe passes."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = ["", "about/", "tiers/", "criteria/", "criteria/data-governance/", "standard/commit/", "crosswalk/",
         "case-studies/", "case-studies/seattle/", "blueprint/", "downloads/"]


def search(page, site_url: str, query: str):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # Material's search reads keyup and only answers once its worker has loaded the index.
    page.wait_for_function("document.querySelector('.md-search-result__meta') && "
                           "!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    box.press_sequentially(query, delay=40)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible")
    return results


@pytest.mark.parametrize("query", ["DG1", "comprehensive data inventory"])
def test_search_finds_a_criterion_by_id_and_by_statement_words(page, site_url, offsite_requests, query):
    results = search(page, site_url, query)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 8))]
    targets = [(urlsplit(href).path, urlsplit(href).fragment) for href in hrefs]
    assert ("/criteria/data-governance/", "dg1") in targets, hrefs


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_wcag_21_aa_violation(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = []
    for path in PAGES:
        page.goto(site_url + path)
        violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
        failures += [(path, v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()
    assert not failures, failures


def test_pages_request_nothing_from_other_hosts(page, site_url, offsite_requests):
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert not offsite_requests


# --- search ranking: each criterion once, its own entry first (issue 10) -------------------------

def result_targets(results, limit: int = 10) -> list[tuple[str, str]]:
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), limit))]
    return [(urlsplit(href).path, urlsplit(href).fragment) for href in hrefs]


@pytest.mark.parametrize("query, expected", [
    ("DG1", ("/criteria/data-governance/", "dg1")),
    ("OD1", ("/criteria/open-data/", "od1")),
    ("RDC4", ("/criteria/results-driven-contracting/", "rdc4")),
    ("Comprehensive Data Inventory", ("/criteria/data-governance/", "dg1")),
])
def test_search_puts_a_criterions_own_entry_first(page, site_url, query, expected):
    targets = result_targets(search(page, site_url, query))
    # Material lists the best page first (its link has no fragment), then that page's sections.
    first_section = next((target for target in targets if target[1]), None)
    assert targets[0][0] == expected[0] and first_section == expected, targets


def result_pages(page, results) -> list[str]:
    """Paths of the pages in the result list, best first, after scrolling until Material renders them all."""
    previous = -1
    for _ in range(10):
        count = results.count()
        if count == previous:
            break
        previous = count
        results.last.scroll_into_view_if_needed()
        page.wait_for_timeout(200)
    pages = []
    for path, _ in result_targets(results, limit=results.count()):
        if path not in pages:
            pages.append(path)
    return pages


def test_open_data_policy_finds_the_criterion_and_seattle_before_the_self_check(page, site_url):
    """Each criterion is indexed once: the self-check's repeated checklists must not outrank the guide."""
    pages = result_pages(page, search(page, site_url, "open data policy"))
    assert pages[0] == "/criteria/open-data/", pages
    assert "/case-studies/seattle/" in pages, pages
    if "/self-check/" in pages:
        assert pages.index("/case-studies/seattle/") < pages.index("/self-check/"), pages
