"""The self-check's evidence panels and report in a real browser: the panels are in the page closed
and empty; a panel is built from the embedded checklists on its first opening (focus kept, labelled,
axe clean); a returning user's page shows the same results, flags and report after a reload; the
report is ready for the browser's own Print (beforeprint cannot wait) whenever there is something to
report, and an empty first visit prints the page as it is; without JavaScript the statements and
answers are there and the empty panels are not. Expected texts come from the YAML and
macros/selfcheck.yml.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from test_selfcheck import A45, TEXTS, open_self_check, radio_label, saved_record

from axe_check import axe_violations
from macros.selfcheck import edition_texts

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

DG1 = A45["groups"][0]["criteria"][0]
DG2 = A45["groups"][0]["criteria"][1]
# What a report names: the self-check page's texts with the edition's answer labels filled in.
FILLED = edition_texts(A45, TEXTS)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def self_check_url(site_url):
    return f"{site_url}self-check/"


def panel_of(page: Page, criterion_id: str):
    return page.locator(f'[data-wwc-evidence="{criterion_id}"]')


def open_panel(page: Page, criterion_id: str):
    panel = panel_of(page, criterion_id)
    panel.locator(":scope > summary").click()
    expect(panel.locator("textarea")).to_be_visible()
    return panel


def report_at_beforeprint(page: Page) -> str | None:
    """What the report says when the browser fires beforeprint: read in the same task, because a
    print started from the browser's menu cannot wait for anything to load."""
    return page.evaluate("""() => {
      window.dispatchEvent(new Event("beforeprint"));
      const report = document.querySelector("#wwc-sc-report .wwc-sc-report-content");
      return report.textContent ? report.textContent : null;
    }""")


def seed_returning_user(page: Page, url: str) -> None:
    """A city that answered DG1 Yes and DG2 Yes, ticked DG1's first document and wrote a note,
    then closed the page."""
    open_self_check(page, url)
    page.click(radio_label("assessment-45", "DG1", "yes"))
    page.click(radio_label("assessment-45", "DG2", "yes"))
    panel = open_panel(page, "DG1")
    panel.locator(f'input[type=checkbox][value="{DG1["documentation"][0]["id"]}"]').check()
    panel.locator("textarea").fill("Inventory from the clerk.")
    panel.locator("textarea").blur()
    page.fill("#wwc-sc-city", "Springfield")
    expect(page.locator(".wwc-sc-evidence-state").first).to_contain_text(TEXTS["evidence_notes"])


# --- a first visit ------------------------------------------------------------------------------


def test_the_panels_are_in_the_page_closed_and_empty(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    # The panels are in the page, closed and empty; each says what it holds.
    panel = panel_of(page, "DG1")
    assert panel.locator("input").count() == 0
    must = f" {DG1['must_meet']['count']}" if DG1.get("must_meet") else ""
    expect(panel).to_have_attribute("data-wwc-items", f"{len(DG1['requirements'])} {len(DG1['documentation'])}{must}")


def test_a_panel_is_built_on_first_opening_from_the_embedded_checklists(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    summary = panel_of(page, "DG1").locator(":scope > summary")
    summary.focus()
    page.keyboard.press("Enter")
    panel = panel_of(page, "DG1")
    expect(panel.locator("textarea")).to_be_visible()
    # Focus stays on the summary the user pressed; the panel is open, with every item of the YAML.
    assert page.evaluate("document.activeElement.parentElement.dataset.wwcEvidence") == "DG1"
    expect(panel).to_have_attribute("open", "")
    items = DG1["requirements"] + DG1["documentation"]
    boxes = panel.locator("input[type=checkbox]")
    assert boxes.evaluate_all("(nodes) => nodes.map((n) => n.value)") == [item["id"] for item in items]
    assert boxes.evaluate_all("(nodes) => nodes.map((n) => n.labels[0].textContent)") == [
        one_line(i["text"]) for i in items
    ]
    heading = (
        TEXTS["must_meet"].format(count=DG1["must_meet"]["count"], total=len(DG1["requirements"]))
        if DG1.get("must_meet")
        else TEXTS["checklist"]
    )
    expect(panel.locator(".wwc-sc-more-heading").first).to_have_text(heading)
    expect(panel.get_by_label(TEXTS["notes_label"])).to_be_visible()
    open_panel(page, "DG2")
    # A tick in a panel built on opening is saved like any other.
    panel.locator(f'input[type=checkbox][value="{DG1["documentation"][0]["id"]}"]').check()
    expect(panel.locator(".wwc-sc-evidence-state")).to_contain_text(
        TEXTS["evidence_ticked"].format(ticked=1, total=len(items))
    )
    assert DG1["documentation"][0]["id"] in json.dumps(saved_record(page))
    assert axe_violations(page, context="#wwc-sc-assessment-45-dg1") == []


def test_after_the_first_change_the_browsers_print_finds_the_report(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    page.click(radio_label("assessment-45", "DG1", "yes"))
    page.fill("#wwc-sc-city", "Shelbyville")
    text = report_at_beforeprint(page)
    assert text is not None and "Shelbyville" in text
    # The flag names the missing documents by their text.
    flag = page.locator('#wwc-sc-flags [data-wwc-flag="DG1"]')
    expect(flag).to_contain_text(one_line(DG1["documentation"][0]["text"]))
    assert one_line(DG1["documentation"][0]["text"]) in text


def test_an_empty_first_visit_prints_the_page_as_it_is(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    assert report_at_beforeprint(page) is None


# --- a returning user -----------------------------------------------------------------------------


def test_a_returning_user_sees_the_same_results_flags_and_report_after_a_reload(page, self_check_url, offsite_requests):
    seed_returning_user(page, self_check_url)
    before = {
        # Text content, not rendered text: criteria far off screen are not rendered (content-visibility).
        "evidence": page.locator(".wwc-sc-evidence").text_content(),
        "flags": page.locator("#wwc-sc-flags").text_content(),
        "states": page.locator(".wwc-sc-evidence-state").all_text_contents(),
        "documents": page.locator("#wwc-sc-documents-summary").text_content(),
    }
    record = saved_record(page)
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    after = {
        # Text content, not rendered text: criteria far off screen are not rendered (content-visibility).
        "evidence": page.locator(".wwc-sc-evidence").text_content(),
        "flags": page.locator("#wwc-sc-flags").text_content(),
        "states": page.locator(".wwc-sc-evidence-state").all_text_contents(),
        "documents": page.locator("#wwc-sc-documents-summary").text_content(),
    }
    assert after == before
    # DG2 is a Yes with nothing ticked: flagged, naming its missing documents.
    flag = page.locator('#wwc-sc-flags [data-wwc-flag="DG2"]')
    for document in DG2["documentation"]:
        expect(flag).to_contain_text(one_line(document["text"]))
    # The documents list names every ticked document.
    page.locator("#wwc-sc-documents-summary").click()
    expect(
        page.locator(f'#wwc-sc-documents-list [data-wwc-document="{DG1["documentation"][0]["id"]}"]')
    ).to_contain_text(TEXTS["documents_ticked"])
    # The browser's own Print finds the report ready, with the ticks and the note. (Last: Material
    # opens every <details> on beforeprint, and this test fires no afterprint to close them.)
    text = report_at_beforeprint(page)
    assert text is not None
    assert "Springfield" in text and "Inventory from the clerk." in text
    # Ticked items are a list under "Ticked:" (issue 21, finding 3).
    assert FILLED["report_ticked"] in text and one_line(DG1["documentation"][0]["text"]) in text
    assert saved_record(page) == record


# --- without JavaScript ----------------------------------------------------------------------------


def test_without_javascript_statements_and_answers_are_there_and_the_empty_panels_are_not(browser, self_check_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(self_check_url)
        fieldset = page.locator("#wwc-sc-assessment-45-dg1")
        expect(fieldset.locator(".wwc-sc-statement")).to_have_text(one_line(DG1["statement"]))
        expect(fieldset.locator("input[type=radio]")).to_have_count(len(A45["answer_states"]))
        expect(fieldset.get_by_label(A45["answer_states"][0]["label"])).to_be_visible()
        expect(panel_of(page, "DG1")).to_be_hidden()
    finally:
        context.close()
