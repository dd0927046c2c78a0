"""The guide's pages in a real browser: search finds criteria, no request leaves the machine, axe passes.

Each page is loaded once; axe (in both colour schemes) and the request guard read that visit.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from axe_check import axe_in_both_schemes
from offsite import OffsiteGuard

PAGES = [
    "",
    "about/",
    "tiers/",
    "criteria/",
    "criteria/data-governance/",
    "standard/commit/",
    "crosswalk/",
    "case-studies/",
    "case-studies/seattle/",
    "blueprint/",
    "downloads/",
    "where-to-go-next/",
    "criteria/evaluations/",
    "contributing/",
    "contributing/testing/",
]


@pytest.fixture
def search_page(page, site_url):
    """The home page with the search box open and its index loaded."""
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    # Material's search only answers once its worker has loaded the index.
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') && "
        "!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page


def search(page, query: str):
    """The result links for ``query``, typed into an emptied search box.

    Material searches on keyup (not on input): the box is emptied with a keyup (the results clear),
    the query filled in but its last character, which is typed. One search runs, for the whole
    query, so the results shown are never those of a query typed halfway.
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    box.fill("")
    box.press("Backspace")
    page.wait_for_function("!document.querySelector('.md-search-result__item')")
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    results.first.wait_for(state="visible")
    return results


@pytest.mark.parametrize("query", ["DG1", "comprehensive data inventory"])
def test_search_finds_a_criterion_by_id_and_by_statement_words(search_page, query):
    results = search(search_page, query)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 8))]
    targets = [(urlsplit(href).path, urlsplit(href).fragment) for href in hrefs]
    assert ("/criteria/data-governance/", "dg1") in targets, hrefs


def test_pages_have_no_wcag_21_aa_violation_and_request_nothing_from_other_hosts(
    browser, browser_context_args, site_url, subtests
):
    """One visit per page: axe on it in both colour schemes, and every request it made stays on this machine.

    The page is left only once the network has been idle for 500 ms, so a request sent late is counted
    too; axe runs first, while that time passes.
    """
    guard = OffsiteGuard()
    context = guard.watch(browser.new_context(**browser_context_args))
    failures = []
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(site_url + path)
            for scheme, violations in axe_in_both_schemes(page).items():
                failures += [(path, scheme, v["id"], v["targets"][:3]) for v in violations]
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    with subtests.test(msg="no WCAG 2.1 AA violation"):
        assert not failures, failures
    with subtests.test(msg="no request to another host"):
        assert not guard, f"requests to other hosts: {list(guard)}"


# --- search ranking: each criterion once, its own entry first ------------------------------------


def result_targets(results, limit: int = 10) -> list[tuple[str, str]]:
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), limit))]
    return [(urlsplit(href).path, urlsplit(href).fragment) for href in hrefs]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("DG1", ("/criteria/data-governance/", "dg1")),
        ("OD1", ("/criteria/open-data/", "od1")),
        ("RDC4", ("/criteria/results-driven-contracting/", "rdc4")),
        ("Comprehensive Data Inventory", ("/criteria/data-governance/", "dg1")),
    ],
)
def test_search_puts_a_criterions_own_entry_first(search_page, query, expected):
    targets = result_targets(search(search_page, query))
    # Material lists the best page first (its link has no fragment), then that page's sections.
    first_section = next((target for target in targets if target[1]), None)
    assert targets[0][0] == expected[0] and first_section == expected, targets


# Material renders results in batches as the list scrolls to its end (on the scroll event, which a
# browser fires before the next frame's callbacks): scroll to the last link until a frame adds none.
RENDER_EVERY_RESULT = """async () => {
  const twoFrames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const links = () => document.querySelectorAll('.md-search-result__item a');
  for (let round = 0, previous = -1; round < 20 && links().length !== previous; round++) {
    previous = links().length;
    links()[previous - 1].scrollIntoView({block: 'nearest'});
    await twoFrames();
  }
}"""


def result_pages(page, results) -> list[str]:
    """Paths of the pages in the result list, best first, after scrolling until Material renders them all."""
    page.evaluate(RENDER_EVERY_RESULT)
    pages = []
    for path, _ in result_targets(results, limit=results.count()):
        if path not in pages:
            pages.append(path)
    return pages


def test_open_data_policy_finds_the_criterion_and_seattle_before_the_self_check(search_page):
    """Each criterion is indexed once: the self-check's repeated checklists must not outrank the guide."""
    pages = result_pages(search_page, search(search_page, "open data policy"))
    assert pages[0] == "/criteria/open-data/", pages
    assert "/case-studies/seattle/" in pages, pages
    if "/self-check/" in pages:
        assert pages.index("/case-studies/seattle/") < pages.index("/self-check/"), pages
