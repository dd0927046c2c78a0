"""The offline zip (scripts/dev.sh zip), unzipped and opened from disk: navigation, search, self-check.

Each test's context fails the test if a page requests anything from another host (tests/browser/conftest.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view


def test_zip_holds_one_folder_with_the_home_page(offline_site):
    assert (offline_site / "index.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "downloads" / "criteria.json").is_file()


def test_navigation_from_disk_reaches_pages_not_folder_listings(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    links = page.locator("nav.md-nav--primary a.md-nav__link[href$='.html']")
    hrefs = links.evaluate_all("(nodes) => nodes.map((node) => node.href)")
    assert len(hrefs) > 20 and all(href.startswith("file://") for href in hrefs), hrefs[:5]
    for href in hrefs[1:4] + hrefs[-2:]:
        page.goto(href)
        expect(page.locator("article h1")).to_be_visible()
    page.goto((offline_site / "index.html").as_uri())
    page.locator("article a[href$='.html']").first.click()
    expect(page.locator("article h1")).to_be_visible()
    assert page.url.endswith(".html")
    expect(page.locator(".wwc-from-disk")).to_have_count(0)


def test_search_works_from_disk(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') && "
        "!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    first_link = page.locator("nav.md-nav--primary a.md-nav__link[href$='.html']").nth(1)
    title = " ".join(first_link.inner_text().split()[:2])
    # Material searches on keyup: fill in all but the last character and type that one, so one search
    # runs, for the whole title.
    box.fill(title[:-1])
    box.press_sequentially(title[-1])
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible")
    href = results.first.get_attribute("href")
    results.first.click()
    expect(page.locator("article h1")).to_be_visible()
    assert page.url.startswith("file://") and ".html" in page.url, (href, page.url)


def test_self_check_works_from_disk(page, offline_site):
    page.goto((offline_site / "self-check" / "index.html").as_uri())
    expect(page.locator("[data-wwc-ready='true']")).to_have_count(1)
    status = page.locator("#wwc-sc-status")  # the result summary
    before = status.inner_text()
    first_answer = page.locator("fieldset.wwc-sc-criterion input[type=radio]").first
    page.locator(
        "fieldset.wwc-sc-criterion label:has(> input[type=radio])"
    ).first.click()  # each radio sits in its label
    expect(status).not_to_have_text(before)
    page.reload()
    expect(first_answer).to_be_checked()


def test_served_build_opened_from_disk_points_to_the_zip(page, built_site):
    page.goto((built_site / "criteria" / "index.html").as_uri())
    notice = page.locator(".wwc-from-disk")
    expect(notice).to_be_visible()
    notice.locator("a").click()
    expect(page.locator("#the-whole-guide-offline")).to_be_visible()


def test_served_build_over_http_shows_no_disk_notice(page, site_url):
    page.goto(site_url + "criteria/")
    expect(page.locator(".wwc-from-disk")).to_be_hidden()
