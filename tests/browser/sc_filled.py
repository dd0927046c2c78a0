"""The self-check filled in as a person would, for the tests that check every view (axe, target size):
per edition, a named assessment with answers of every state, evidence ticked with an owner (where the
edition has any) and its exported file, made once by hand (clicks and typing) in one browser context
that a test module shares; and each view opened in that state (share and compare parts opened, an
evidence panel open, the cohort loaded with the edition's own export).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from macros.content import load_content
from macros.selfcheck import load_settings
from offsite import OffsiteGuard, watched_context

VIEWS = [view["id"] for view in load_settings()["views"]]
EDITIONS = {"assessment-45": "self-check/", "launch-50": "self-check/launch-50/"}
# Each edition's answers: one of every state, in two areas.
ANSWERS = {
    "assessment-45": {"DG1": "yes", "DG2": "in-progress", "DG3": "no", "EVAL1": "yes", "GM1": "yes"},
    "launch-50": {"Q1": "yes", "Q2": "in-progress", "Q3": "no", "Q15": "yes"},
}
PAGES = [*VIEWS, "documents", "cohort"]
CONTENT = load_content(Path(__file__).resolve().parents[2])


def ready(page: Page, url: str) -> Page:
    page.goto(url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    return page


def fill_in(page: Page, site_url: str, edition: str, tmp_path):
    """A named assessment with answers, evidence ticked with an owner (where the edition has any), and
    its exported file (for the cohort view)."""
    ready(page, site_url + EDITIONS[edition] + "#assessments")
    page.fill("#wwc-sc-new-name", "Axe check")
    page.click("#wwc-sc-new")
    expect(page.locator("#wwc-sc-name")).to_have_value("Axe check")
    page.fill("#wwc-sc-city", "Alderbrook")
    page.locator("#wwc-sc-city").dispatch_event("change")
    page.click('[data-wwc-view-link="answer"]')
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    for criterion, state in ANSWERS[edition].items():
        page.click(f'#wwc-sc-{edition}-{criterion.lower()} label:has(> input[value="{state}"])')
    criterion = CONTENT["editions"][edition]["groups"][0]["criteria"][0]
    items = [*criterion.get("requirements", []), *criterion.get("documentation", [])]
    if items:
        panel = page.locator(f'[data-wwc-evidence="{criterion["id"]}"]')
        panel.locator(":scope > summary").click()
        panel.locator(f'label:has(> input[type=checkbox][value="{items[0]["id"]}"])').click()
        panel.locator('[data-wwc-field="owner"]').fill("Data office")
        panel.locator('[data-wwc-field="owner"]').blur()
    page.click('[data-wwc-view-link="assessments"]')
    with page.expect_download() as download:
        page.click("#wwc-sc-export")
    path = tmp_path / f"{edition}.json"
    download.value.save_as(path)
    return path


@pytest.fixture(scope="module")
def filled(browser, site_url, tmp_path_factory):
    """Per edition: a context holding that edition's filled-in assessment, and its exported file."""
    guard = OffsiteGuard()
    made = {}
    with watched_context(browser, guard, accept_downloads=True) as context:
        for edition in EDITIONS:
            page = context.new_page()
            made[edition] = fill_in(page, site_url, edition, tmp_path_factory.mktemp(edition))
            page.close()
        yield context, made
    guard.check()


def open_filled(page: Page, site_url: str, edition: str, name: str, exported) -> None:
    if name == "documents":
        page.goto(site_url + "self-check/documents/")
        expect(page.locator("#wwc-documents")).to_be_visible()
        if edition == "assessment-45":
            expect(page.locator("#wwc-documents")).to_contain_text("Data office")
        return
    if name == "cohort":
        page.goto(site_url + "self-check/cohort/")
        expect(page.locator("[data-wwc-cohort-root]")).to_have_attribute("data-wwc-ready", "true")
        page.set_input_files('[data-wwc-cohort="files"]', [exported])
        expect(page.locator('[data-wwc-cohort="tables"]')).to_be_visible()
        return
    ready(page, site_url + EDITIONS[edition] + f"#{name}")
    page.wait_for_function("(name) => !document.querySelector(`[data-wwc-view='${name}']`).hidden", arg=name)
    if name == "assessments":
        # The parts loaded on first use, opened: a link made, a comparison shown.
        page.click("#wwc-sc-share-open")
        page.click("#wwc-sc-share-make")
        page.wait_for_function("document.querySelector('#wwc-sc-share-link').value.length > 0")
        page.click("#wwc-sc-compare-open")
        expect(page.locator("#wwc-sc-compare-open")).to_have_count(0)
    if name == "report":
        expect(page.locator(".wwc-sc-report-city")).to_have_text("Alderbrook")
    if name == "answer" and page.locator("[data-wwc-evidence]").count():
        page.locator("[data-wwc-evidence] > summary").first.click()
