"""Team work in the self-check (issue 25, part A): the person's name, the history of changes (in a
criterion and in the History view, filtered), history through export, import and merge, a storage
that refuses the name, two tabs on one storage, axe and the 360 px layout of the new parts.

These tests open their own contexts (a fresh browser each, or two tabs sharing one storage) and
show one view at a time, as a person sees the page.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from test_selfcheck_plan import PAYLOADS, assert_nothing_ran

from axe_check import axe_in_both_schemes
from offsite import watched_context
from sc_multi_helpers import EDITION, SETTINGS, TEXTS, answer, open_evidence, record, stored_open_assessment

PERSON_KEY = SETTINGS["person_key"]


@pytest.fixture
def self_check_url(site_url):
    return f"{site_url}self-check/"


def start(page: Page, url: str, view: str = "answer") -> Page:
    page.goto(f"{url}#{view}")
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    return page


def set_name(page: Page, url: str, name: str) -> None:
    """Set the name as a person does: the line's link, the field, Save."""
    page.goto(f"{url}#answer")
    page.click("#wwc-sc-person-line a")
    expect(page.locator("#wwc-sc-person-name")).to_be_focused()
    page.fill("#wwc-sc-person-name", name)
    page.click("#wwc-sc-person-save")
    expect(page.locator("#wwc-sc-person-message")).to_have_text(
        TEXTS["person_saved"].format(name=" ".join(name.split()))
    )


def criterion_history(page: Page, criterion_id: str):
    """Opens the criterion's history, which sits at the end of its evidence panel."""
    panel = page.locator(f'details[data-wwc-evidence="{criterion_id}"]')
    if panel.get_attribute("open") is None:
        panel.locator(":scope > summary").click()
    details = page.locator(f'details[data-wwc-history="{criterion_id}"]')
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


def history_lines(page: Page) -> list[str]:
    return page.locator("#wwc-sc-history .wwc-sc-history-entry").all_inner_texts()


def test_name_then_changes_show_in_the_criterion_and_the_filtered_history(page, self_check_url, offsite_requests):
    start(page, self_check_url)
    expect(page.locator("#wwc-sc-person-line")).to_contain_text(TEXTS["person_line_unnamed"])
    set_name(page, self_check_url, "  Ana   Lopez ")
    assert page.evaluate("(key) => localStorage.getItem(key)", PERSON_KEY) == "Ana Lopez"
    start(page, self_check_url)
    expect(page.locator("#wwc-sc-person-line")).to_contain_text(TEXTS["person_line_named"].format(name="Ana Lopez"))
    answer(page, {"DG1": "yes"})
    panel = open_evidence(page, "DG1")
    panel.locator("input[type=checkbox]").first.check()
    panel.locator("textarea").fill("Signed copy on the shared drive.")
    panel.locator("textarea").blur()
    details = criterion_history(page, "DG1")
    expect(details.locator("summary")).to_be_focused()
    items = details.locator("li")
    expect(items).to_have_count(3)
    text = " ".join(items.all_inner_texts())
    assert "Ana Lopez" in text
    assert TEXTS["history_field_answer"].format(**{"from": TEXTS["history_value_none"], "to": "Yes"}) in text
    assert "ticked " in text and "“Signed copy on the shared drive.”" in text
    # Another person in this browser: their changes are stamped with their name.
    set_name(page, self_check_url, "Ben")
    start(page, self_check_url)
    answer(page, {"DG2": "no", "DG1": "in-progress"})
    page.goto(f"{self_check_url}#wwc-sc-history")
    expect(page.locator("#wwc-sc-history .wwc-sc-history-entry")).to_have_count(5)
    assert history_lines(page)[0].split(" · ")[1:3] in (["Ben", "DG1"], ["Ben", "DG2"])
    page.select_option("#wwc-sc-history-person", "Ana Lopez")
    expect(page.locator("#wwc-sc-history .wwc-sc-history-entry")).to_have_count(3)
    assert all(" · Ana Lopez · " in line for line in history_lines(page))
    page.select_option("#wwc-sc-history-person", "")
    page.fill("#wwc-sc-history-from", "2999-01-01")
    page.locator("#wwc-sc-history-from").dispatch_event("change")
    expect(page.locator("#wwc-sc-history .wwc-sc-history-entry")).to_have_count(0)
    expect(page.locator("#wwc-sc-history .wwc-sc-history-count")).to_have_text(TEXTS["history_none_match"])
    page.fill("#wwc-sc-history-from", "")
    page.fill("#wwc-sc-history-to", "2000-01-01")
    page.locator("#wwc-sc-history-to").dispatch_event("change")
    expect(page.locator("#wwc-sc-history .wwc-sc-history-entry")).to_have_count(0)
    # Stored in the assessment, who and when, as the record keeps it.
    entries = stored_open_assessment(page)["history"]["entries"]
    assert sorted({entry["who"] for entry in entries}) == ["Ana Lopez", "Ben"]


def test_history_export_import_and_merge_keep_every_change_once(browser, self_check_url, offsite_watch, tmp_path):
    with watched_context(browser, offsite_watch) as ana_context:
        ana = ana_context.new_page()
        set_name(ana, self_check_url, "Ana")
        start(ana, self_check_url)
        answer(ana, {"DG1": "yes", "DG2": "no"})
        ana.goto(f"{self_check_url}#assessments")
        with ana.expect_download() as info:
            ana.click("#wwc-sc-export")
        path = tmp_path / "ana.json"
        info.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["version"] == 3
    assert [entry["who"] for entry in exported["history"]["entries"]] == ["Ana", "Ana"]
    with watched_context(browser, offsite_watch) as ben_context:
        ben = ben_context.new_page()
        set_name(ben, self_check_url, "Ben")
        start(ben, self_check_url)
        answer(ben, {"DG3": "yes"})
        ben.goto(f"{self_check_url}#assessments")
        for _ in range(2):
            # The second import holds nothing new: merging it again adds no entry.
            ben.set_input_files("#wwc-sc-import-file", path)
            ben.click("#wwc-sc-import-offer-merge")
            ben.click("#wwc-sc-merge-apply")
            history = stored_open_assessment(ben)["history"]["entries"]
            assert len(history) == 5
        whose = sorted((entry["who"], entry["criterion"]) for entry in history)
        # Ana's two changes as she made them; the merge itself, by Ben, took DG1 and DG2 from her file.
        assert whose.count(("Ana", "DG1")) == 1 and whose.count(("Ana", "DG2")) == 1
        assert ("Ben", "DG3") in whose
        # Saved as a new assessment, the file keeps its history too.
        ben.set_input_files("#wwc-sc-import-file", path)
        ben.click("#wwc-sc-import-offer-save")
        expect(ben.locator("#wwc-sc-name")).not_to_have_value("")
        saved = stored_open_assessment(ben)
        assert [entry["who"] for entry in saved["history"]["entries"]] == ["Ana", "Ana"]
        # A file whose history was tampered with is refused beside the control; nothing changes.
        before = record(ben)
        exported["history"]["entries"][0]["who"] = "Ana\u202eBen"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(exported), encoding="utf-8")
        ben.set_input_files("#wwc-sc-import-file", bad)
        expect(ben.locator("#wwc-sc-alert")).to_contain_text("history: a history of changes")
        assert record(ben) == before


NAME_REFUSED = """
(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === %s) { throw new DOMException("refused", "QuotaExceededError"); }
    return setItem.call(this, key, value);
  };
})();
"""


def test_a_storage_that_refuses_the_name_does_not_break_the_page(browser, self_check_url, offsite_watch):
    with watched_context(browser, offsite_watch) as context:
        context.add_init_script(NAME_REFUSED % json.dumps(PERSON_KEY))
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        start(page, self_check_url)
        page.click("#wwc-sc-person-line a")
        page.fill("#wwc-sc-person-name", "Ana")
        page.click("#wwc-sc-person-save")
        expect(page.locator("#wwc-sc-person-message")).to_have_text(
            " ".join(TEXTS["person_saved_memory"].format(name="Ana").split())
        )
        page.goto(f"{self_check_url}#answer")
        answer(page, {"DG1": "yes"})
        expect(page.locator("#wwc-sc-person-line")).to_contain_text(TEXTS["person_line_named"].format(name="Ana"))
        assert [entry["who"] for entry in stored_open_assessment(page)["history"]["entries"]] == ["Ana"]
        # Next visit: no name kept, changes recorded under the no-name marker, the page works.
        page.reload()
        expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
        answer(page, {"DG2": "no"})
        whos = [entry["who"] for entry in stored_open_assessment(page)["history"]["entries"]]
        assert whos == ["Ana", TEXTS["no_name"]]
        assert errors == []


def test_names_and_imported_history_are_shown_as_text(browser, self_check_url, offsite_watch, tmp_path):
    with watched_context(browser, offsite_watch) as context:
        page = context.new_page()
        for payload in PAYLOADS:
            set_name(page, self_check_url, payload)
        start(page, self_check_url)
        answer(page, {"DG1": "yes"})
        entries = [
            {
                "id": "x",
                "who": payload,
                "at": f"2026-01-0{n + 1}T09:00:00.000Z",
                "criterion": "DG2",
                "field": "notes",
                "from": "",
                "to": payload,
            }
            for n, payload in enumerate(PAYLOADS)
        ]
        data = {
            "format": "wwc-guide-self-check",
            "version": 3,
            "exported": "2026-01-09T00:00:00.000Z",
            "edition": EDITION,
            "answers": {"DG2": "no"},
            "history": {
                "entries": entries,
                "compacted": [
                    {
                        "who": PAYLOADS[0],
                        "criterion": "DG2",
                        "count": 7,
                        "first": "2025-01-01T09:00:00.000Z",
                        "last": "2025-02-01T09:00:00.000Z",
                    }
                ],
                "through": "2025-02-01T09:00:00.000Z",
            },
        }
        path = tmp_path / "payloads.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        page.goto(f"{self_check_url}#assessments")
        page.set_input_files("#wwc-sc-import-file", path)
        page.click("#wwc-sc-import-offer-merge")
        page.click("#wwc-sc-merge-apply")
        page.goto(f"{self_check_url}#wwc-sc-history")
        expect(page.locator("#wwc-sc-history .wwc-sc-history-summary")).to_contain_text(
            TEXTS["history_summary"]["other"].format(count=7, who=PAYLOADS[0], criterion="DG2", first="2025", last="x")[
                :40
            ]
        )
        text = page.locator("#wwc-sc-history").inner_text()
        for payload in PAYLOADS:
            assert payload in text
        page.goto(f"{self_check_url}#answer")
        criterion_history(page, "DG2")
        expect(page.locator('details[data-wwc-history="DG2"] li')).not_to_have_count(0)
        assert_nothing_ran(page)


# --- several tabs -------------------------------------------------------------------------------


def two_tabs(context, url: str) -> tuple[Page, Page]:
    return start(context.new_page(), url), start(context.new_page(), url)


def assessments(page: Page) -> list[dict]:
    return (record(page) or {"assessments": []})["assessments"]


def settled(page: Page, check) -> list[dict]:
    """The stored assessments once ``check`` holds for them, or the last ones read after 5 s. A tab sees
    another tab's write a moment after it (each has its own copy of the storage), and one whose write
    was written over writes it again when it sees that: the record settles within milliseconds."""
    for _ in range(50):
        stored = assessments(page)
        if check(stored):
            return stored
        page.wait_for_timeout(100)
    return stored


def test_two_first_visits_in_two_tabs_make_one_assessment(context, self_check_url):
    one, two = two_tabs(context, self_check_url)
    answer(one, {"DG1": "yes"})
    # Tab two has answered nothing yet: its first answer goes to the assessment tab one created.
    answer(two, {"DG2": "no"})
    stored = settled(one, lambda stored: len(stored) == 1 and len(stored[0]["answers"]) == 2)
    assert len(stored) == 1
    assert stored[0]["answers"] == {"DG1": "yes", "DG2": "no"}
    expect(two.locator(f"#wwc-sc-{EDITION}-dg1 input[value=yes]")).to_be_checked()
    expect(one.locator(f"#wwc-sc-{EDITION}-dg2 input[value=no]")).to_be_checked()


def test_two_tabs_editing_the_same_assessment_lose_nothing(context, self_check_url):
    one, two = two_tabs(context, self_check_url)
    answer(one, {"DG1": "yes"})
    ids = ["DG2", "DG3", "DG4", "DG5", "EVAL1", "EVAL2", "EVAL3", "EVAL4"]
    for n, criterion in enumerate(ids):
        answer(one if n % 2 else two, {criterion: "in-progress"})
    stored = settled(one, lambda stored: len(stored) == 1 and len(stored[0]["answers"]) == 9)
    assert len(stored) == 1
    assert stored[0]["answers"] == {"DG1": "yes", **{criterion: "in-progress" for criterion in ids}}
    assert len(stored[0]["history"]["entries"]) == 9
    for page in (one, two):
        for criterion in ids:
            expect(page.locator(f"#wwc-sc-{EDITION}-{criterion.lower()} input[value=in-progress]")).to_be_checked()


def test_two_tabs_on_different_assessments_and_a_change_keeps_focus_and_the_open_panel(context, self_check_url):
    one, two = two_tabs(context, self_check_url)
    answer(one, {"DG1": "yes"})
    two.goto(f"{self_check_url}#assessments")
    two.fill("#wwc-sc-new-name", "Second")
    two.click("#wwc-sc-new")
    expect(two.locator("#wwc-sc-name")).to_have_value("Second")
    # Tab one lists the assessment tab two created.
    one.goto(f"{self_check_url}#assessments")
    expect(one.locator("#wwc-sc-assessments")).to_contain_text("Second")
    one.goto(f"{self_check_url}#answer")
    two.goto(f"{self_check_url}#answer")
    answer(two, {"DG2": "no"})
    answer(one, {"DG3": "yes"})
    stored = settled(one, lambda stored: sum(len(item["answers"]) for item in stored) == 3)
    by_name = {item["name"]: item["answers"] for item in stored}
    assert by_name["Second"] == {"DG2": "no"}
    assert {"DG1": "yes", "DG3": "yes"}.items() <= next(v for k, v in by_name.items() if k != "Second").items()
    # Tab two has a panel open and is typing; tab one's change of the same assessment arrives.
    one.goto(f"{self_check_url}#assessments")
    one.locator("#wwc-sc-assessments button", has_text=TEXTS["open_button"]).first.click()
    expect(one.locator("#wwc-sc-name")).to_have_value("Second")
    one.goto(f"{self_check_url}#answer")
    panel = open_evidence(two, "DG4")
    panel.locator("textarea").focus()
    answer(one, {"DG5": "yes"})
    expect(two.locator(f"#wwc-sc-{EDITION}-dg5 input[value=yes]")).to_be_checked()
    expect(panel).to_have_attribute("open", "")
    expect(panel.locator("textarea")).to_be_focused()


# --- accessibility and layout -------------------------------------------------------------------


def test_new_parts_pass_axe_in_both_schemes_and_fit_360_px(browser, self_check_url, offsite_watch):
    with watched_context(browser, offsite_watch, viewport={"width": 360, "height": 800}) as context:
        page = context.new_page()
        set_name(page, self_check_url, "Ana")
        start(page, self_check_url)
        answer(page, {"DG1": "yes", "DG2": "no"})
        criterion_history(page, "DG1")
        checks = [
            ("#answer", ["#wwc-sc-person-line", '[data-wwc-history="DG1"]']),
            ("#wwc-sc-history", ["#wwc-sc-history"]),
            ("#assessments", ["#wwc-sc-person"]),
        ]
        for view, selectors in checks:
            if view != "#answer":
                page.goto(f"{self_check_url}{view}")
            expect(page.locator(selectors[0])).to_be_visible()
            for selector in selectors:
                found = axe_in_both_schemes(page, {"include": [[selector]]})
                assert found == {scheme: [] for scheme in found}, (view, selector, found)
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], (view, width)
