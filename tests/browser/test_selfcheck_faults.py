"""The fault suite: each storage and import failure of issue 8 injected into a real browser. Every test
asserts that no answer is lost and that the user is told (texts from macros/selfcheck-assessments.yml).
Faults injected by init scripts and the two-tab case run in fresh contexts; the others in the module's
shared tab (``sc_page``, reset before each test: see sc_multi_helpers.py). Cases of one fault share a page.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from macros.selfcheck import fill_count
from sc_multi_helpers import (
    EDITION,
    FAULTS_SCRIPT,
    STORE_KEY,
    TEXTS,
    answer,
    checked,
    go_blank,
    make_link,
    open_self_check,
    raw,
    record,
    sc_page,  # noqa: F401 - fixtures
    set_storage,
    stored_answers,
)

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

BANNER = "#wwc-sc-banner"


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


@pytest.fixture
def faulty(context):
    """Pages of this context run with window.__faults (read / write / quota) switchable."""
    context.add_init_script(FAULTS_SCRIPT)
    return context


def saved_first(page, url, answers: dict) -> str:
    """A record with `answers` saved normally; returns its text."""
    open_self_check(page, url)
    answer(page, answers)
    return raw(page)


def test_read_fails_write_works_nothing_is_overwritten_and_the_user_is_told(faulty, url, offsite_requests):
    page = faulty.new_page()
    before = saved_first(page, url, {"DG1": "yes", "DG2": "yes"})
    faulty.add_init_script("window.__faults.read = true")  # fails from before the self-check starts
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator(BANNER)).to_contain_text(TEXTS["banner_read_failed"])
    answer(page, {"DG3": "no"})
    expect(page.locator(BANNER)).to_contain_text(TEXTS["banner_read_failed"])
    page.evaluate("window.__faults.read = false")
    assert raw(page) == before, "nothing was written over the data that could not be read"
    # Once reading works, the held change is saved on top of what was there: nothing lost.
    answer(page, {"DG4": "yes"})
    # The answers given while nothing could be read became an assessment of their own, beside the old one.
    assert [a["answers"] for a in record(page)["assessments"]] == [
        {"DG1": "yes", "DG2": "yes"},
        {"DG3": "no", "DG4": "yes"},
    ]
    expect(page.locator(BANNER)).to_contain_text(TEXTS["banner_saved_again"])


def test_a_stale_tab_never_overwrites_newer_answers(context, url, offsite_requests):
    tab_a = open_self_check(context.new_page(), url)
    answer(tab_a, {"DG1": "yes"})
    tab_b = context.new_page()
    # Tab B never hears of tab A's changes (as a frozen or background tab may not).
    tab_b.add_init_script("""(() => { const add = window.addEventListener;
        window.addEventListener = function (type, ...rest) { if (type !== 'storage') add.call(this, type, ...rest); }; })()""")
    open_self_check(tab_b, url)
    answer(tab_a, {"DG2": "yes", "DG3": "yes"})
    # Chromium hands one tab's writes to another's storage a moment later; a person is never faster.
    tab_b.wait_for_function("(key) => (localStorage.getItem(key) || '').includes('DG3')", arg=STORE_KEY)
    assert checked(tab_b) == {"DG1": "yes"}, "tab B is stale: it did not re-render"
    answer(tab_b, {"DG4": "no"})
    tab_a.wait_for_function("(key) => (localStorage.getItem(key) || '').includes('DG4')", arg=STORE_KEY)
    assert stored_answers(tab_a) == {"DG1": "yes", "DG2": "yes", "DG3": "yes", "DG4": "no"}
    assert checked(tab_b) == {"DG1": "yes", "DG2": "yes", "DG3": "yes", "DG4": "no"}, "its own write shows the latest"


def test_unknown_edition_and_criteria_are_kept_reported_and_exportable(sc_page, url):
    page = sc_page
    stored = {
        "format": "wwc-guide-self-check-store",
        "version": 2,
        "revision": 4,
        "current": {},
        "trash": [],
        "migrated": [],
        "assessments": [
            {
                "id": "a-old",
                "name": "Retired",
                "edition": "retired-edition",
                "answers": {"X1": "yes", "X2": "no"},
                "evidence": {},
            },
            {
                "id": "a-now",
                "name": "Now",
                "edition": EDITION,
                "answers": {"DG1": "yes", "ZZ9": "yes"},
                "evidence": {},
                "updated": "2026-01-01T00:00:00Z",
            },
        ],
    }
    set_storage(page, url, {STORE_KEY: json.dumps(stored)})
    banner = page.locator(BANNER)
    expect(banner).to_contain_text(fill_count(TEXTS["banner_kept_aside"], 2, count=2))
    expect(banner).to_contain_text("retired-edition")
    expect(banner).to_contain_text("ZZ9")
    assert checked(page) == {"DG1": "yes"}
    answer(page, {"DG2": "no"})
    saved = {a["id"]: a for a in record(page)["assessments"]}
    assert saved["a-old"]["answers"] == {"X1": "yes", "X2": "no"}
    assert saved["a-now"]["answers"] == {"DG1": "yes", "ZZ9": "yes", "DG2": "no"}
    with page.expect_download() as info:
        page.click("#wwc-sc-banner-export-aside")
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert {a["id"] for a in exported["assessments"]} == {"a-old", "a-now"}


def test_a_record_from_a_newer_version_is_kept_untouched(sc_page, url):
    page = sc_page
    newer = json.dumps({"format": "wwc-guide-self-check-store", "version": 99, "assessments": {"future": True}})
    set_storage(page, url, {STORE_KEY: newer})
    expect(page.locator(BANNER)).to_contain_text(TEXTS["banner_newer"].format(version=99))
    answer(page, {"DG1": "yes"})
    assert raw(page) == newer
    assert checked(page) == {"DG1": "yes"}, "the change is shown (from memory)"
    with page.expect_download() as info:
        page.click("#wwc-sc-banner-export")
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert exported["assessments"][0]["answers"] == {"DG1": "yes"}


def test_saving_fails_told_on_every_change_answers_shown_and_exported_then_clears(
    faulty, url, subtests, offsite_requests
):
    for fault in ("write", "quota"):
        with subtests.test(msg=fault):
            for page in faulty.pages:  # the last case's tab: no second tab in this test
                page.close()
            page = faulty.new_page()
            go_blank(page, url)
            page.evaluate("() => localStorage.clear()")
            check_saving_fails_told_on_every_change_answers_shown_and_exported_then_clears(page, url, fault)


def check_saving_fails_told_on_every_change_answers_shown_and_exported_then_clears(page, url: str, fault: str) -> None:
    saved_first(page, url, {"DG1": "yes"})
    page.evaluate("window.__faults.write = true" if fault == "write" else "window.__faults.quota = 10")
    banner = page.locator(BANNER)
    answer(page, {"DG2": "no"})
    expect(banner).to_contain_text(TEXTS["banner_save_failed"])
    page.evaluate("document.querySelector('#wwc-sc-banner').replaceChildren()")
    answer(page, {"DG3": "yes"})
    expect(banner).to_contain_text(TEXTS["banner_save_failed"]), "said again on the next change"
    assert checked(page) == {"DG1": "yes", "DG2": "no", "DG3": "yes"}
    assert stored_answers(page) == {"DG1": "yes"}, "what was saved is intact"
    with page.expect_download() as info:
        page.click("#wwc-sc-banner-export")
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert exported["assessments"][0]["answers"] == {"DG1": "yes", "DG2": "no", "DG3": "yes"}
    page.evaluate("window.__faults.write = false; window.__faults.quota = 0")
    answer(page, {"DG4": "in-progress"})
    expect(banner).not_to_contain_text(TEXTS["banner_save_failed"])
    expect(banner).to_contain_text(TEXTS["banner_saved_again"])
    assert stored_answers(page) == {"DG1": "yes", "DG2": "no", "DG3": "yes", "DG4": "in-progress"}


def test_corrupt_data_is_copied_aside_not_lost(sc_page, url):
    page = sc_page
    set_storage(page, url, {STORE_KEY: "{not json at all"})
    copies = page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':unreadable:'))")
    assert len(copies) == 1
    assert page.evaluate("(k) => localStorage.getItem(k)", copies[0]) == "{not json at all"
    expect(page.locator(BANNER)).to_contain_text(TEXTS["banner_unreadable_copy"].format(key=copies[0]))
    answer(page, {"DG1": "yes"})
    assert stored_answers(page) == {"DG1": "yes"}
    assert page.evaluate("(k) => localStorage.getItem(k)", copies[0]) == "{not json at all"


REFUSED_IMPORTS = {
    "huge": "x" * 2_000_000,
    "truncated": '{"format": "wwc-guide-self-check", "version": 1, "edition": "assessment-45", "exported": "2026", "answ',
}


def test_huge_or_truncated_import_is_refused_and_answers_stay(sc_page, url, tmp_path, subtests):
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes", "DG2": "no"})
    for why, content in REFUSED_IMPORTS.items():
        with subtests.test(msg=why):
            path = tmp_path / f"{why}.json"
            path.write_text(content, encoding="utf-8")
            page.set_input_files("#wwc-sc-import-file", str(path))
            expect(page.locator("#wwc-sc-alert")).to_contain_text(f"{why}.json")
            assert checked(page) == {"DG1": "yes", "DG2": "no"}
            assert stored_answers(page) == {"DG1": "yes", "DG2": "no"}


def damaged(link: str, damage: str) -> str:
    if damage == "tampered":
        at = len(link) - 10
        return link[:at] + ("A" if link[at] != "A" else "B") + link[at + 1 :]
    if damage == "truncated":
        return link[:-12]
    return link.split("#")[0] + "#share=hello"


def test_a_damaged_link_is_refused_with_a_message_and_nothing_changes(sc_page, url, subtests):
    page = sc_page
    open_self_check(page, url)
    answer(page, {"DG1": "yes", "DG2": "no", "DG3": "yes"})
    link = make_link(page)
    answer(page, {"DG4": "yes"})
    for index, damage in enumerate(("tampered", "truncated", "foreign")):
        with subtests.test(msg=damage):
            if index:  # after the last case's link: the self-check afresh, then the link
                open_self_check(page, url)
            page.goto(damaged(link, damage))
            refused = page.locator(".wwc-sc-incoming-refused")
            expect(refused).to_be_visible()
            expected = TEXTS["link_not_a_link"] if damage == "foreign" else TEXTS["link_damaged"]
            expect(refused).to_contain_text(expected)
            assert checked(page) == {"DG1": "yes", "DG2": "no", "DG3": "yes", "DG4": "yes"}
            assert stored_answers(page) == {"DG1": "yes", "DG2": "no", "DG3": "yes", "DG4": "yes"}
