"""The cohort view for trainers (/self-check/cohort/) in a real browser, with the made-up cohort of
tests/fixtures/cohort/ (README there): tiers, heat map cells and most-missed criteria; bad files listed
with their reasons while the rest load; axe in both colour schemes; no sideways scroll on a phone;
print; and the page opened from disk in the offline copy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from axe_check import axe_in_both_schemes
from offsite import watched_context

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cohort"
CITIES = ["alderbrook", "bramford", "caddisfield", "dunmere", "eastwick-falls"]
BAD = ["bad-other-edition", "bad-same-city", "bad-newer-version", "bad-not-json"]
TEXTS = json.loads(
    (FIXTURES / "page.html").read_text(encoding="utf-8").split("data-wwc-cohort-data>")[1].split("</script>")[0]
)["texts"]
MOST_MISSED = ["SE4", "RP2", "RP3", "RP4", "RDC1", "RDC2", "RDC3", "RDC4", "RDC5", "RDC6"]
FILES = '[data-wwc-cohort="files"]'
STORED = "() => [localStorage, sessionStorage].map((store) => Object.entries(store).sort())"


def fixture_files(names: list[str]) -> list[Path]:
    return [FIXTURES / f"{name}.json" for name in names]


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory) -> Path:
    """A 20 MB file (JSON, and otherwise harmless): refused by its size."""
    path = tmp_path_factory.mktemp("cohort") / "twenty-megabytes.json"
    path.write_text('{"pad": "' + "x" * (20 * 1024 * 1024) + '"}', encoding="utf-8")
    return path


def open_cohort(page, url: str):
    page.goto(url)
    expect(page.locator("[data-wwc-cohort-root]")).to_have_attribute("data-wwc-ready", "true")
    return page


def rows(page, table: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f'[data-wwc-cohort="{table}"] tbody tr',
        "rows => rows.map(row => Array.from(row.cells, cell => cell.textContent))",
    )


def test_the_fixture_cohort_shows_tiers_heat_map_and_most_missed_and_lists_bad_files(
    page, site_url, huge_file, offsite_requests
):
    open_cohort(page, f"{site_url}self-check/cohort/")
    expect(page.locator('[data-wwc-cohort="tables"]')).to_be_hidden()
    page.set_input_files(FILES, fixture_files(CITIES + BAD) + [huge_file])
    expect(page.locator('[data-wwc-cohort="status"]')).to_have_text("5 loaded, 5 not loaded.")
    tiers = rows(page, "tiers")
    assert [row[:3] for row in tiers] == [
        ["Alderbrook (made up)", "Platinum (44 of 45, 97.8%)", "Platinum (44 of 45, 97.8%)"],
        ["Bramford (made up)", "Gold (31 of 45, 68.9%)", "Gold (31 of 45, 68.9%)"],
        ["Caddisfield (made up)", "Gold (35 of 45, 77.8%)", "Silver (24 of 45, 53.3%)"],
        ["Dunmere (made up)", "Not yet certified (10 of 45, 22.2%)", "Not yet certified (10 of 45, 22.2%)"],
        ["Eastwick Falls (made up)", "Silver (23 of 45, 51.1%)", "Not yet certified (0 of 45, 0.0%)"],
    ]
    heat = rows(page, "heatmap")
    assert heat[2] == [
        "Caddisfield (made up)",
        "5 of 5 (100%)",
        "5 of 5 (100%)",
        "9 of 9 (100%)",
        "4 of 4 (100%)",
        "1 of 7 (14%)",
        "0 of 4 (0%)",
        "0 of 7 (0%)",
        "0 of 4 (0%)",
    ]
    assert heat[0][-1] == "3 of 4 (75%)"  # Alderbrook: SE4 only in progress
    heads = page.eval_on_selector_all('[data-wwc-cohort="heatmap"] thead th', "ths => ths.map(th => th.textContent)")
    assert heads[0] == TEXTS["col_city"] and len(heads) == 9
    missed = page.locator('[data-wwc-cohort="missed"] > li')
    assert missed.evaluate_all("items => items.map(item => item.dataset.wwcCriterion)") == MOST_MISSED
    expect(missed.first.locator("a").first).to_contain_text("missed by 5 of 5 cities")
    refused = page.locator('[data-wwc-cohort="refused-list"] li')
    assert [line.split(":")[0] for line in refused.all_inner_texts()] == [
        "bad-other-edition.json",
        "bad-same-city.json",
        "bad-newer-version.json",
        "bad-not-json.json",
        "twenty-megabytes.json",
    ]
    boston = missed.nth(4).locator(".wwc-cohort-studies a", has_text="Boston")
    boston.click()
    expect(page).to_have_url(f"{site_url}case-studies/boston/")


def test_a_click_on_an_area_sorts_the_heat_map_and_clear_empties_it(page, site_url, offsite_requests):
    open_cohort(page, f"{site_url}self-check/cohort/")
    stored_before = page.evaluate(STORED)
    page.set_input_files(FILES, fixture_files(CITIES))
    expect(page.locator('[data-wwc-cohort="status"]')).to_have_text("5 loaded, 0 not loaded.")
    page.locator('button[data-wwc-sort="data-governance"]').click()
    page.locator('button[data-wwc-sort="data-governance"]').click()
    expect(page.locator('[data-wwc-cohort="heatmap"] th[aria-sort="descending"]')).to_have_count(1)
    assert [row[0] for row in rows(page, "heatmap")][-1] == "Eastwick Falls (made up)"
    page.locator('[data-wwc-cohort="clear"]').click()
    expect(page.locator('[data-wwc-cohort="summary"]')).to_have_text(TEXTS["summary_empty"])
    assert page.evaluate(STORED) == stored_before, "the cohort view stores nothing (Material keeps its own keys)"


def test_axe_finds_nothing_on_the_empty_and_the_loaded_view(page, site_url, offsite_requests):
    open_cohort(page, f"{site_url}self-check/cohort/")
    assert axe_in_both_schemes(page) == {"default": [], "slate": []}
    page.set_input_files(FILES, fixture_files(CITIES + ["bad-not-json"]))
    expect(page.locator('[data-wwc-cohort="status"]')).to_have_text("5 loaded, 1 not loaded.")
    assert axe_in_both_schemes(page) == {"default": [], "slate": []}


def test_no_sideways_scroll_at_360_px_and_the_handout_prints_without_controls(browser, browser_context_args, site_url):
    options = {**browser_context_args, "viewport": {"width": 360, "height": 800}}
    with watched_context(browser, **options) as context:
        page = open_cohort(context.new_page(), f"{site_url}self-check/cohort/")
        page.set_input_files(FILES, fixture_files(CITIES))
        expect(page.locator('[data-wwc-cohort="status"]')).to_have_text("5 loaded, 0 not loaded.")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.emulate_media(media="print")
        expect(page.locator(FILES)).to_be_hidden()
        expect(page.locator('[data-wwc-cohort="heatmap"]')).to_be_visible()
        address = page.locator(".wwc-cohort-print-url").first
        expect(address).to_be_visible()
        expect(address).to_contain_text(f"{site_url}case-studies/")


def test_the_cohort_view_works_from_disk_in_the_offline_copy(browser, browser_context_args, offline_site):
    with watched_context(browser, **browser_context_args) as context:
        page = context.new_page()
        open_cohort(page, (offline_site / "self-check" / "cohort.html").as_uri())
        page.set_input_files(FILES, fixture_files(CITIES))
        expect(page.locator('[data-wwc-cohort="status"]')).to_have_text("5 loaded, 0 not loaded.")
        assert rows(page, "tiers")[1][:2] == ["Bramford (made up)", "Gold (31 of 45, 68.9%)"]
        boston = page.locator('[data-wwc-cohort="missed"] .wwc-cohort-studies a', has_text="Boston").first
        boston.click()
        expect(page).to_have_url((offline_site / "case-studies" / "boston.html").as_uri())
