"""Several assessments in a real browser: create, name, duplicate, delete with undo, migrate the old
record, compare, share by link to a fresh browser and merge back, CSV, tab sync, accessibility.
Expected texts come from macros/selfcheck-assessments.yml; figures from macros/scoring.py.
Most tests use the module's shared tab (``sc_page``, reset before each test); the ones about a reload or
two tabs keep a fresh context (see sc_multi_helpers.py).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from playwright.sync_api import expect

from axe_check import ALL_BUT_COLOURS, SCHEMES, axe_in_both_schemes, axe_violations
from macros.content import load_content
from macros.scoring import score
from sc_multi_helpers import (
    EDITION,
    LEGACY_KEY,
    SETTINGS,
    STORE_KEY,
    TEXTS,
    answer,
    checked,
    make_link,
    new_assessment,
    open_evidence,
    open_part,
    open_self_check,
    radio_label,
    record,
    sc_page,  # noqa: F401 - fixtures
    set_storage,
    stored_answers,
    stored_open_assessment,
)
from sc_views import show_every_view

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

CONTENT = load_content(__import__("pathlib").Path(__file__).resolve().parents[2])
A45 = CONTENT["editions"][EDITION]
TIER_NAMES = {tier["id"]: tier["name"] for tier in A45["tiers"]}
CRITERIA = [criterion for group in A45["groups"] for criterion in group["criteria"]]


def first(n: int, state: str = "yes") -> dict:
    return {criterion["id"]: state for criterion in CRITERIA[:n]}


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


def test_two_named_assessments_of_different_years_are_kept_and_compared(page, url, offsite_requests):
    open_self_check(page, url)
    new_assessment(page, "2025 application")
    page.fill("#wwc-sc-city", "Springfield")
    page.fill("#wwc-sc-date", "2025-03-01")
    page.locator("#wwc-sc-date").dispatch_event("change")
    last_year = first(23)
    answer(page, last_year)
    new_assessment(page, "2026 draft")
    this_year = {**first(31), "DG1": "no"}
    answer(page, this_year)
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    assert checked(page) == this_year
    rows = page.locator("#wwc-sc-assessment-list tbody tr")
    expect(rows).to_have_count(2)
    saved = {a["name"]: a for a in record(page)["assessments"]}
    assert saved["2025 application"]["answers"] == last_year
    assert saved["2025 application"]["city"] == "Springfield"
    assert saved["2025 application"]["date"] == "2025-03-01"
    assert saved["2026 draft"]["answers"] == this_year

    open_part(page, "compare")
    page.click("#wwc-sc-compare-go")
    summary = page.locator("#wwc-sc-compare-summary")
    before, after = score(A45, last_year), score(A45, this_year)
    expect(summary).to_contain_text(TIER_NAMES[before["tier"]])
    expect(summary).to_contain_text(f"{before['met']} / 45")
    expect(summary).to_contain_text(f"{after['met']} / 45")
    expect(page.locator('#wwc-sc-compare-criteria tr[data-wwc-criterion="DG1"]')).to_have_attribute(
        "data-wwc-change", "worsened"
    )
    improved = page.locator('#wwc-sc-compare-criteria tr[data-wwc-change="improved"]')
    expect(improved).to_have_count(8)
    expect(page.locator("#wwc-sc-compare-tally")).to_have_text(
        TEXTS["compare_tally"].format(improved=8, worsened=1, changed=0, same=36)
    )
    # The comparison is what prints: the rest of the page is hidden in print.
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('wwc-sc-printing-compare')")
    expect(page.locator("#wwc-sc-compare-criteria")).to_be_visible()
    expect(page.locator(f"#wwc-sc-form-{EDITION}")).to_be_hidden()
    expect(page.locator("#wwc-sc-assessments")).to_be_hidden()


def test_open_duplicate_rename_delete_and_undo(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "First")
    answer(page, {"DG1": "yes", "DG2": "no"})
    page.click('button[aria-label="Duplicate First"]')
    copy_name = TEXTS["copy_name"].format(name="First")
    expect(page.locator("#wwc-sc-assessment-list")).to_contain_text(copy_name)
    # The copy is opened by Duplicate itself (issue 21, finding 5).
    expect(page.locator("#wwc-sc-name")).to_have_value(copy_name)
    assert checked(page) == {"DG1": "yes", "DG2": "no"}
    page.fill("#wwc-sc-name", "Second")
    page.locator("#wwc-sc-name").dispatch_event("change")
    expect(page.locator("#wwc-sc-assessment-list")).to_contain_text("Second")
    answer(page, {"DG3": "yes"})
    assert stored_answers(page, "First") == {"DG1": "yes", "DG2": "no"}, "the copy is a copy"
    page.click('button[aria-label="Delete Second"]')
    expect(page.locator("#wwc-sc-manager-message")).to_have_text(TEXTS["deleted"].format(name="Second"))
    assert [a["name"] for a in record(page)["assessments"]] == ["First"]
    assert record(page)["trash"][0]["assessment"]["answers"] == {"DG1": "yes", "DG2": "no", "DG3": "yes"}
    page.click("#wwc-sc-undo-delete")
    assert sorted(a["name"] for a in record(page)["assessments"]) == ["First", "Second"]
    assert stored_answers(page, "Second") == {"DG1": "yes", "DG2": "no", "DG3": "yes"}


def test_old_saved_answers_migrate_into_a_first_assessment_and_the_old_key_stays(sc_page, url):
    page = sc_page
    legacy = json.dumps(
        {
            "version": 1,
            "edition": EDITION,
            "answers": {EDITION: {"DG1": "yes", "OD2": "in-progress"}, "launch-50": {"Q1": "yes"}},
        }
    )
    set_storage(page, url, {LEGACY_KEY: legacy})
    assert checked(page) == {"DG1": "yes", "OD2": "in-progress"}
    expect(page.locator("#wwc-sc-name")).to_have_value(TEXTS["migrated_name"])
    answer(page, {"DG2": "no"})
    names = sorted((a["edition"], a["name"]) for a in record(page)["assessments"])
    assert names == [(EDITION, TEXTS["migrated_name"]), ("launch-50", TEXTS["migrated_name"])]
    assert page.evaluate("(k) => localStorage.getItem(k)", LEGACY_KEY) == legacy


def test_share_by_link_to_a_fresh_browser_save_as_new_then_merge_back(browser, sc_page, shared_tab, url):
    page, offsite_requests = sc_page, shared_tab.guard
    open_self_check(page, url)
    new_assessment(page, "Ours")
    answer(page, {"DG1": "yes", "DG2": "no", "DG3": "in-progress"})
    link = make_link(page)
    assert len(link) <= SETTINGS["share"]["email_chars"]
    expect(page.locator("#wwc-sc-share-info")).to_have_text(TEXTS["share_length"].format(length=len(link)))

    colleague = offsite_requests.watch(show_every_view(browser.new_context()))
    other = colleague.new_page()
    other.goto(link)
    expect(other.locator("#wwc-sc-incoming-holds")).to_contain_text("Ours")
    expect(other.locator("#wwc-sc-incoming-holds")).to_contain_text("3")
    assert checked(other) == {}, "nothing replaced without asking"
    other.click("#wwc-sc-incoming-save")
    expect(other.locator("#wwc-sc-incoming-message")).to_have_text(TEXTS["incoming_saved"].format(name="Ours"))
    # Saving opens the copy (issue 21, finding 1).
    expect(other.locator("#wwc-sc-name")).to_have_value("Ours")
    assert checked(other) == {"DG1": "yes", "DG2": "no", "DG3": "in-progress"}
    answer(other, {"DG2": "yes", "DG4": "yes"})
    back = make_link(other)
    colleague.close()

    page.goto(back)
    expect(page.locator("#wwc-sc-incoming-holds")).to_be_visible()
    page.click("#wwc-sc-incoming-merge")
    table = page.locator("#wwc-sc-merge-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator('tr[data-wwc-merge="DG2"]')).to_have_attribute("data-wwc-kind", "differ")
    expect(table.locator('tr[data-wwc-merge="DG4"]')).to_have_attribute("data-wwc-kind", "only-there")
    page.check("#wwc-sc-merge-DG2-there")
    page.click("#wwc-sc-merge-apply")
    merged = {"DG1": "yes", "DG2": "yes", "DG3": "in-progress", "DG4": "yes"}
    assert checked(page) == merged
    assert stored_answers(page, "Ours") == merged
    # Undo lasts until the next import, and undoing is itself undoable.
    page.click("#wwc-sc-undo-import")
    assert checked(page) == {"DG1": "yes", "DG2": "no", "DG3": "in-progress"}
    page.click("#wwc-sc-undo-import")
    assert checked(page) == merged


def test_plain_replace_from_a_link(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes"})
    link = make_link(page)
    answer(page, {"DG1": "no", "DG5": "yes"})
    page.goto(link)
    page.click("#wwc-sc-incoming-merge")
    page.click("#wwc-sc-merge-replace")
    assert checked(page) == {"DG1": "yes"}
    page.click("#wwc-sc-undo-import")
    assert checked(page) == {"DG1": "no", "DG5": "yes"}


def test_link_compare_with_the_open_assessment(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    answer(page, first(10))
    link = make_link(page)
    answer(page, {"DG1": "no"})
    page.goto(link)
    page.click("#wwc-sc-incoming-compare")
    expect(page.locator('#wwc-sc-compare-criteria tr[data-wwc-criterion="DG1"]')).to_have_attribute(
        "data-wwc-change", "improved"
    )
    assert checked(page)["DG1"] == "no", "comparing changes nothing"


def test_csv_opens_with_every_row_intact(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes", "EVAL2": "no"})
    # Evidence as issue 7's evidence part saves it; typed into the record here.
    page.evaluate(
        """([key]) => {
        const record = JSON.parse(localStorage.getItem(key));
        record.assessments[0].evidence = { DG1: { items: ["dg1-updated-past-12-months", "dg1-inventory-copy"], notes: '=HYPERLINK("http://x")', owner: "+Ana, \\"Data\\"", due: "2026-05-01", links: [] } };
        localStorage.setItem(key, JSON.stringify(record));
    }""",
        [STORE_KEY],
    )
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    with page.expect_download() as info:
        page.click("#wwc-sc-csv")
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + len(CRITERIA)
    assert rows[0] == list(SETTINGS["csv"]["headings"].values())
    assert [row[0] for row in rows[1:]] == [c["id"] for c in CRITERIA]
    assert all(len(row) == len(rows[0]) for row in rows)
    # Statements and item texts are read from the form (the embedded data does not repeat them).
    assert [row[2] for row in rows[1:]] == [" ".join(c["statement"].split()) for c in CRITERIA]
    dg1 = rows[1]
    assert dg1[3] == "Yes"
    items = {
        item["id"]: " ".join(item["text"].split())
        for item in CRITERIA[0]["requirements"] + CRITERIA[0]["documentation"]
    }
    assert dg1[4] == items["dg1-updated-past-12-months"]
    assert dg1[5] == items["dg1-inventory-copy"]
    assert dg1[6] == '\'=HYPERLINK("http://x")'
    assert dg1[7] == '\'+Ana, "Data"'
    assert dg1[8] == "2026-05-01"


def test_tabs_stay_in_step(context, url, offsite_requests):
    tab_a = open_self_check(context.new_page(), url)
    answer(tab_a, {"DG1": "yes"})
    tab_b = open_self_check(context.new_page(), url)
    answer(tab_b, {"DG2": "no"})
    expect(tab_a.locator(radio_label("DG2", "no") + " > input")).to_be_checked()
    answer(tab_a, {"DG3": "yes"})
    expect(tab_b.locator(radio_label("DG3", "yes") + " > input")).to_be_checked()
    assert stored_answers(tab_a) == {"DG1": "yes", "DG2": "no", "DG3": "yes"}


def test_undo_in_one_tab_restores_only_what_it_cleared_and_keeps_another_tabs_answer(context, url, offsite_requests):
    """Issue 24, item 8: tab A starts over, tab B answers, tab A undoes: B's answer stays."""
    tab_a = open_self_check(context.new_page(), url)
    answer(tab_a, {"DG1": "yes", "DG2": "yes"})
    tab_a.click("#wwc-sc-start-over")
    tab_a.click("#wwc-sc-confirm-yes")
    expect(tab_a.locator("#wwc-sc-undo")).to_be_visible()
    tab_b = open_self_check(context.new_page(), url)
    answer(tab_b, {"DG3": "no", "DG2": "no"})
    expect(tab_a.locator(radio_label("DG3", "no") + " > input")).to_be_checked()
    tab_a.click("#wwc-sc-undo")
    # DG1 comes back; DG2 and DG3, answered in tab B after the start over, keep B's answers.
    expect(tab_a.locator(radio_label("DG1", "yes") + " > input")).to_be_checked()
    assert stored_answers(tab_a) == {"DG1": "yes", "DG2": "no", "DG3": "no"}


PAGE_TEXTS = __import__("macros.selfcheck", fromlist=["load_settings"]).load_settings()["texts"]


def test_notes_edited_in_two_tabs_are_never_overwritten_without_a_word(context, url, offsite_requests):
    """Issue 24, item 7: tab A is typing DG1's notes while tab B saves other notes; when A saves, A's
    text is kept (the last writer) and A's page names the field and shows B's text."""
    tab_a = open_self_check(context.new_page(), url)
    notes_a = open_evidence(tab_a, "DG1").locator("textarea")
    notes_a.fill("Inventory from the clerk.")
    notes_a.blur()
    tab_b = open_self_check(context.new_page(), url)
    notes_b = open_evidence(tab_b, "DG1").locator("textarea")
    expect(notes_b).to_have_value("Inventory from the clerk.")
    notes_a.focus()  # tab A goes back to typing; B saves meanwhile
    notes_b.fill("Inventory is on the open data portal.")
    notes_b.blur()
    tab_a.wait_for_function(f"() => JSON.parse(localStorage.getItem({json.dumps(STORE_KEY)})).revision >= 2")
    expect(notes_a).to_have_value("Inventory from the clerk.")
    notes_a.press_sequentially(" And the portal.")
    notes_a.blur()
    message = tab_a.locator('[data-wwc-evidence="DG1"] .wwc-sc-field-message')
    expect(message).to_contain_text(PAGE_TEXTS["notes_label"])
    expect(message).to_contain_text("Inventory is on the open data portal.")
    assert stored_open_assessment(tab_a)["evidence"]["DG1"]["notes"] == "Inventory from the clerk. And the portal."
    # Not being edited, a field takes the other tab's newer text and says nothing.
    expect(notes_b).to_have_value("Inventory from the clerk. And the portal.")
    expect(tab_b.locator('[data-wwc-evidence="DG1"] .wwc-sc-field-message')).to_be_empty()


def test_the_city_edited_in_two_tabs_is_never_overwritten_without_a_word(context, url, offsite_requests):
    tab_a = open_self_check(context.new_page(), url)
    answer(tab_a, {"DG1": "yes"})
    tab_a.fill("#wwc-sc-city", "Springfield")
    tab_b = open_self_check(context.new_page(), url)
    expect(tab_b.locator("#wwc-sc-city")).to_have_value("Springfield")
    tab_a.focus("#wwc-sc-city")
    tab_b.fill("#wwc-sc-city", "Shelbyville")
    tab_a.wait_for_function(f"() => JSON.parse(localStorage.getItem({json.dumps(STORE_KEY)})).revision >= 3")
    tab_a.locator("#wwc-sc-city").press("End")
    tab_a.locator("#wwc-sc-city").press_sequentially(" North")
    expect(tab_a.locator("#wwc-sc-notice")).to_contain_text("Shelbyville")
    expect(tab_a.locator("#wwc-sc-notice")).to_contain_text(PAGE_TEXTS["city_label"])
    assert stored_open_assessment(tab_a)["city"] == "Springfield North"


def test_accessibility_of_the_assessment_parts(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes"})
    new_assessment(page, "Second")
    open_part(page, "compare")
    page.click("#wwc-sc-compare-go")
    make_link(page)
    parts = {"include": [["#wwc-sc-assessments"], ["#wwc-sc-share"], ["#wwc-sc-compare"], ["#wwc-sc-banner"]]}
    assert axe_violations(page, parts) == []


def test_axe_with_the_incoming_link_and_merge_panels_open(sc_page, url, subtests):
    """WCAG 2.1 A and AA with a shared link's panel open, then with the merge panel open too, in both
    colour schemes."""
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes", "DG2": "no"})
    link = make_link(page, ticks=True)
    answer(page, {"DG1": "no", "DG5": "yes"})
    page.goto(link)
    expect(page.locator("#wwc-sc-incoming-holds")).to_be_visible()
    # The page around the new panel is the self-check whose colours test_selfcheck.py checks: here the
    # page with every rule but the colour rules, and the colour rules over what the link opened.
    with subtests.test(msg="incoming link panel: the page, every rule but colours"):
        assert axe_violations(page, rules=ALL_BUT_COLOURS) == []
    opened = {"include": [["#wwc-sc-incoming"], ["#wwc-sc-banner"]]}
    for scheme, violations in axe_in_both_schemes(page, opened).items():
        with subtests.test(msg=f"{scheme}: incoming link panel"):
            assert violations == []
    page.click("#wwc-sc-incoming-merge")
    expect(page.locator("#wwc-sc-merge-table tbody tr")).not_to_have_count(0)
    expect(page.locator("#wwc-sc-incoming")).to_be_visible()
    # Opening the merge panel changes only the two panels; the page around them was checked just above.
    panels = {"include": [["#wwc-sc-incoming"], ["#wwc-sc-merge"]]}
    for scheme, violations in axe_in_both_schemes(page, panels, SCHEMES[::-1]).items():
        with subtests.test(msg=f"{scheme}: incoming link and merge panels"):
            assert violations == []
