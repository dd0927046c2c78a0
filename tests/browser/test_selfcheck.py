"""The self-check page in a real browser (Debian's Chromium, Playwright).

Answers by mouse and keyboard, the figures of the sample report, saving across reloads and tabs,
storage that fails, start over and undo, export then import on a fresh browser, refused files,
partial import, printing, the page opened from disk, and an axe check (WCAG 2.1 A and AA).
Expected figures and texts come from the YAML (criteria and macros/selfcheck.yml), not from copies.
Every test fails if the page makes any request beyond the local site (fixture offsite_requests, or the
guard of the module's shared tab ``sc_page``: see sc_multi_helpers.py for which tests use which).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from axe_check import SCHEMES, axe_in_both_schemes
from helpers import SAMPLE_REPORT_MET, SAMPLE_REPORT_PERCENTS, answers_meeting
from macros.content import load_content
from macros.scoring import score
from macros.selfcheck import fill_count, load_settings, payload_edition
from sc_multi_helpers import (  # noqa: F401
    LEGACY_KEY,
    STORE_KEY,
    answer,
    offsite_watch,
    open_evidence,
    sc_page,
    shared_tab,
    stored_open_assessment,
)
from sc_multi_helpers import TEXTS as STORE_TEXTS
from sc_views import show_every_view

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_content(ROOT)
SETTINGS = load_settings()
TEXTS = SETTINGS["texts"]
EXPORT_SCHEMA = json.loads(
    (ROOT / "macros" / "schemas" / SETTINGS["export"]["schema_file"]).read_text(encoding="utf-8")
)
EDITIONS = list(CONTENT["editions"].values())
A45 = CONTENT["editions"]["assessment-45"]
L50 = CONTENT["editions"]["launch-50"]


# --- expectations, computed from the data ---------------------------------------------------------


def plural(edition: dict, count: int) -> str:
    return edition["item_label"] if count == 1 else edition["item_label_plural"]


def tier_name(edition: dict, tier_id: str | None) -> str:
    return next((tier["name"] for tier in edition["tiers"] if tier["id"] == tier_id), edition["not_certified_label"])


def expected_summary(edition: dict, answers: dict) -> str:
    result = score(edition, answers)
    summary = TEXTS["summary"].format(
        met=result["met"],
        total=result["total"],
        items=plural(edition, result["total"]),
        percent=result["percent"],
        tier=tier_name(edition, result["tier"]),
    )
    if result["unanswered"]:
        unanswered = TEXTS["unanswered_some"].format(
            count=result["unanswered"], total=result["total"], items=plural(edition, result["total"])
        )
    else:
        unanswered = TEXTS["unanswered_none"].format(items=edition["item_label_plural"])
    return f"{summary} {unanswered}"


# --- driving the page ---------------------------------------------------------------------------

STATUS = "#wwc-sc-status"
ALERT = "#wwc-sc-alert"
NOTICE = "#wwc-sc-notice"
IMPORT = "#wwc-sc-import-file"


def open_self_check(page: Page, url: str) -> Page:
    page.goto(url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    return page


def radio(edition_id: str, criterion_id: str, state: str) -> str:
    return f'#wwc-sc-{edition_id}-{criterion_id.lower()} input[type=radio][value="{state}"]'


def radio_label(edition_id: str, criterion_id: str, state: str) -> str:
    """The label a user clicks: each radio sits inside its own label."""
    return f'#wwc-sc-{edition_id}-{criterion_id.lower()} label:has(> input[type=radio][value="{state}"])'


def answer_by_clicking(page: Page, edition: dict, answers: dict) -> None:
    """Click each answer through Playwright, as a user's mouse would (for tests about clicking)."""
    for criterion_id, state in answers.items():
        page.click(radio_label(edition["id"], criterion_id, state))


def answer_in_page(page: Page, edition: dict, answers: dict) -> None:
    """The same clicks on the labels, made inside the page in one round trip (sc_multi_helpers.answer)."""
    answer(page, answers, edition["id"])


def checked_answers(page: Page, edition_id: str) -> dict[str, str]:
    return page.evaluate(
        """(editionId) => Object.fromEntries(
            [...document.querySelectorAll(`#wwc-sc-form-${editionId} input[type=radio]:checked`)]
              .map((input) => [input.closest("[data-wwc-criterion]").dataset.wwcCriterion, input.value]))""",
        edition_id,
    )


def saved_record(page: Page):
    """The store's whole record (every assessment kept in this browser)."""
    text = page.evaluate("(key) => window.localStorage.getItem(key)", STORE_KEY)
    return json.loads(text) if text else None


def import_replacing(page: Page, path) -> None:
    """Choose a file: the page offers it (nothing replaced yet); then merge -> plain replace."""
    page.set_input_files(IMPORT, path)
    expect(page.locator("#wwc-sc-import-offer")).to_contain_text(
        " ".join(STORE_TEXTS["incoming_nothing_replaced"].split())
    )
    page.click("#wwc-sc-import-offer-merge")
    page.click("#wwc-sc-merge-replace")


def saved_answers(page: Page, edition_id: str = "assessment-45") -> dict:
    """The answers of the assessment the edition's page has open, in the store's record."""
    return stored_open_assessment(page, edition_id)["answers"]


def expect_summary(page: Page, edition: dict, answers: dict) -> None:
    expect(page.locator(STATUS)).to_have_text(expected_summary(edition, answers))


def group_percents(page: Page) -> list[str]:
    return page.locator("#wwc-sc-result-body .wwc-sc-group-figure").evaluate_all(
        "(nodes) => nodes.map((node) => node.dataset.wwcPercent)"
    )


@pytest.fixture
def self_check_url(site_url):
    return f"{site_url}self-check/"


@pytest.fixture
def launch_url(site_url):
    return f"{site_url}self-check/{L50['id']}/"


@pytest.fixture
def sample_answers():
    return answers_meeting(A45, SAMPLE_REPORT_MET)


# --- the form and the figures -------------------------------------------------------------------


def test_each_editions_page_has_its_form_only(sc_page, site_url, subtests):
    for edition in EDITIONS:
        with subtests.test(msg=edition["id"]):
            check_the_editions_page_has_its_form_only(sc_page, site_url, edition)


def check_the_editions_page_has_its_form_only(page: Page, site_url: str, edition: dict) -> None:
    first = EDITIONS[0]["id"]
    open_self_check(page, f"{site_url}self-check/" + ("" if edition["id"] == first else f"{edition['id']}/"))
    fieldsets = page.locator(f"#wwc-sc-form-{edition['id']} fieldset.wwc-sc-criterion")
    ids = [criterion["id"] for group in edition["groups"] for criterion in group["criteria"]]
    assert fieldsets.evaluate_all("(nodes) => nodes.map((node) => node.dataset.wwcCriterion)") == ids
    radios = page.locator(f"#wwc-sc-form-{edition['id']} input[type=radio]")
    assert radios.count() == len(ids) * len(edition["answer_states"])
    assert page.locator("form.wwc-sc-form").count() == 1
    expect(page.locator(f"#wwc-sc-form-{edition['id']}")).to_be_visible()
    expect(page.locator("#wwc-sc-noscript")).to_be_hidden()
    expect_summary(page, edition, {})
    # The page embeds the whole edition the scoring needs, every requirement and document id and
    # must-meet count included.
    data = page.evaluate("document.getElementById('wwc-selfcheck').wwcSelfCheck.data.edition")
    assert data == payload_edition(edition)


def test_sample_report_answered_by_clicking_shows_28_of_45_silver(sc_page, self_check_url, sample_answers):
    page = sc_page
    open_self_check(page, self_check_url)
    answer_by_clicking(page, A45, sample_answers)
    expect_summary(page, A45, sample_answers)
    expect(page.locator(STATUS)).to_contain_text("28 of 45 criteria met (62.2%). Silver.")
    expect(page.locator("#wwc-sc-result-body .wwc-sc-tier")).to_have_text("Silver")
    assert group_percents(page) == SAMPLE_REPORT_PERCENTS
    # Each bar carries the all-applicant average from the YAML, as text and as a marker.
    averages = page.locator("#wwc-sc-result-body .wwc-sc-group-average").all_inner_texts()
    assert averages == [
        TEXTS["group_average"].format(average=group["benchmark"]["all_applicants_percent"]) for group in A45["groups"]
    ]
    assert page.locator("#wwc-sc-result-body .wwc-sc-bar-average").count() == len(A45["groups"])
    # The next tier is the one above the evidence-backed result: nothing is ticked, so none of the Yes
    # answers (each asks for documents) counts there and Silver needs 23.
    next_tier = TEXTS["next_tier"].format(more=23, items="criteria", tier="Silver")
    expect(page.locator("#wwc-sc-result-body .wwc-sc-next")).to_have_text(next_tier)
    # The progress beside each group heading matches too.
    heading = page.locator('#wwc-sc-form-assessment-45 [data-wwc-group-score="general-management"]')
    expect(heading).to_have_text(TEXTS["group_figure"].format(percent="78", met=7, total=9))


def test_answering_by_keyboard(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    first, second = (criterion["id"] for criterion in A45["groups"][0]["criteria"][:2])
    page.focus(radio("assessment-45", first, "yes"))
    page.keyboard.press("Space")
    expect(page.locator(radio("assessment-45", first, "yes"))).to_be_checked()
    expect_summary(page, A45, {first: "yes"})
    page.keyboard.press("ArrowRight")  # moves within the radio group, and selects
    expect(page.locator(radio("assessment-45", first, "in-progress"))).to_be_checked()
    expect_summary(page, A45, {first: "in-progress"})
    # Tab leaves the radio group: next come the details, which open with Enter.
    page.keyboard.press("Tab")
    summary = page.locator(f"#wwc-sc-assessment-45-{first.lower()} details[data-wwc-evidence] > summary")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#wwc-sc-assessment-45-{first.lower()} details[data-wwc-evidence]")).to_have_attribute(
        "open", ""
    )
    for _ in range(40):  # past the evidence fields and links to the next criterion
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == f"wwc-assessment-45-{second}":
            break
    page.keyboard.press("Space")
    expect_summary(page, A45, {first: "in-progress", second: "yes"})


def test_switching_edition_keeps_each_editions_answers(page, self_check_url, launch_url, offsite_requests):
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    expect(page.locator("#wwc-sc-editions [aria-current=page]")).to_have_text(A45["short_title"])
    page.click(f'[data-wwc-edition-link="{L50["id"]}"]')
    expect(page).to_have_url(launch_url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator(f"#wwc-sc-form-{L50['id']}")).to_be_visible()
    expect_summary(page, L50, {})
    answer_in_page(page, L50, {"Q1": "yes", "Q2": "no"})
    expect_summary(page, L50, {"Q1": "yes", "Q2": "no"})
    page.reload()
    expect(page.locator("#wwc-sc-editions [aria-current=page]")).to_have_text(L50["short_title"])
    expect_summary(page, L50, {"Q1": "yes", "Q2": "no"})
    page.click(f'[data-wwc-edition-link="{A45["id"]}"]')
    expect(page).to_have_url(self_check_url)
    expect_summary(page, A45, {"DG1": "yes"})


# --- saving --------------------------------------------------------------------------------------


def test_answers_survive_a_reload_and_a_new_tab(page, context, self_check_url, offsite_requests):
    answers = {"DG1": "yes", "EVAL2": "in-progress", "SE4": "no"}
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, answers)
    assert saved_answers(page) == answers
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    assert checked_answers(page, "assessment-45") == answers
    expect_summary(page, A45, answers)
    page.close()
    second = open_self_check(context.new_page(), self_check_url)
    assert checked_answers(second, "assessment-45") == answers
    # Saving works: the storage banner, the page's one voice about saving, has nothing to say.
    expect(second.locator("#wwc-sc-banner")).to_be_hidden()


def test_one_place_for_name_city_and_date_and_one_storage_voice(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    for field in ("name", "city", "date"):
        expect(page.locator(f"#wwc-sc-{field}")).to_have_count(1)
    # The assessments manager lists them but has no field of its own for them (only the new one's name).
    expect(page.locator("#wwc-sc-assessments input")).to_have_count(1)
    expect(page.locator("#wwc-sc-assessments input")).to_have_id("wwc-sc-new-name")
    page.fill("#wwc-sc-city", "Springfield")
    page.fill("#wwc-sc-date", "2026-04-15")
    page.fill("#wwc-sc-name", "Spring draft")
    expect(page.locator("#wwc-sc-assessment-list .wwc-sc-open-row")).to_contain_text("Springfield")
    expect(page.locator("#wwc-sc-assessment-list .wwc-sc-open-row")).to_contain_text("2026-04-15")
    expect(page.locator("#wwc-sc-assessment-list .wwc-sc-open-row")).to_contain_text("Spring draft")
    # Only the banner speaks about storage: no other line of the page says whether answers are saved.
    expect(page.locator("#wwc-sc-storage")).to_have_count(0)


BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""

FULL_STORAGE = f"""
(() => {{
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {{
    if (key === {json.dumps(STORE_KEY)}) {{ throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }}
    return setItem.call(this, key, value);
  }};
}})();
"""


def test_without_storage_the_page_works_and_says_progress_is_not_kept(page, self_check_url, offsite_requests):
    page.add_init_script(BLOCKED_STORAGE)
    open_self_check(page, self_check_url)
    expect(page.locator("#wwc-sc-banner")).to_contain_text(" ".join(STORE_TEXTS["banner_unavailable"].split()))
    answer_in_page(page, A45, {"DG1": "yes"})
    expect_summary(page, A45, {"DG1": "yes"})


def test_full_storage_the_page_works_and_says_progress_is_not_kept(page, self_check_url, offsite_requests):
    page.add_init_script(FULL_STORAGE)
    open_self_check(page, self_check_url)
    banner = page.locator("#wwc-sc-banner")
    expect(banner).to_be_hidden()
    answer_in_page(page, A45, {"DG1": "yes"})
    expect_summary(page, A45, {"DG1": "yes"})
    failed = " ".join(STORE_TEXTS["banner_save_failed"].split())
    expect(banner).to_contain_text(failed)
    expect(page.locator("#wwc-sc-banner-export")).to_be_visible()
    # Said again on every failed change and cleared when saving works: tests/browser/test_selfcheck_faults.py.


def test_corrupt_saved_answers_are_set_aside(sc_page, self_check_url):
    page = sc_page  # on the site's origin, storage empty: the self-check starts with what is put there
    page.evaluate("(key) => window.localStorage.setItem(key, '{not json')", STORE_KEY)
    open_self_check(page, self_check_url)
    expect_summary(page, A45, {})
    # The unreadable text is kept aside under a key of its own, not deleted, and the page says where.
    copies = page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':unreadable:'))")
    assert [page.evaluate("(k) => localStorage.getItem(k)", key) for key in copies] == ["{not json"]
    expect(page.locator("#wwc-sc-banner")).to_contain_text(STORE_TEXTS["banner_unreadable_copy"].format(key=copies[0]))


def test_saved_answers_to_criteria_that_no_longer_exist_are_listed(sc_page, self_check_url):
    page = sc_page  # on the site's origin, storage empty: the self-check starts with what is put there
    record = {"version": 1, "edition": "assessment-45", "answers": {"assessment-45": {"DG1": "yes", "DG99": "yes"}}}
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [LEGACY_KEY, json.dumps(record)])
    open_self_check(page, self_check_url)
    # Kept aside, not dropped, and said once: by the storage banner.
    expect(page.locator("#wwc-sc-banner .wwc-sc-kept-aside li")).to_have_text(
        [STORE_TEXTS["aside_unknown_criterion"].format(name=STORE_TEXTS["migrated_name"], id="DG99", state="yes")]
    )
    expect(page.locator(f"{NOTICE} li")).to_have_count(0)
    expect_summary(page, A45, {"DG1": "yes"})


# --- start over and undo -------------------------------------------------------------------------


def test_start_over_asks_first_and_can_be_undone(sc_page, self_check_url, sample_answers):
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, sample_answers)
    dialog = page.locator("#wwc-sc-confirm")
    page.click("#wwc-sc-start-over")
    expect(dialog).to_be_visible()
    expect(page.locator("#wwc-sc-confirm-text")).to_contain_text(f"Clear all {len(sample_answers)} answers")
    page.keyboard.press("Escape")  # cancel
    expect(dialog).to_be_hidden()
    expect(page.locator("#wwc-sc-start-over")).to_be_focused()
    expect_summary(page, A45, sample_answers)

    page.click("#wwc-sc-start-over")
    page.click("#wwc-sc-confirm-yes")
    expect_summary(page, A45, {})
    assert checked_answers(page, "assessment-45") == {}
    assert saved_answers(page) == {}
    expect(page.locator("#wwc-sc-undo")).to_be_focused()
    expect(page.locator(NOTICE)).to_have_text(TEXTS["cleared"])

    page.keyboard.press("Enter")  # undo
    expect_summary(page, A45, sample_answers)
    assert checked_answers(page, "assessment-45") == sample_answers
    assert saved_answers(page) == sample_answers
    expect(page.locator("#wwc-sc-undo")).to_be_hidden()


# --- export and import ---------------------------------------------------------------------------


def export_answers(page: Page, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click("#wwc-sc-export")
    download = info.value
    path = folder / download.suggested_filename
    download.save_as(path)
    return path


def test_export_then_import_on_a_fresh_browser(sc_page, shared_tab, browser, self_check_url, sample_answers, tmp_path):
    page, offsite_requests = sc_page, shared_tab.guard
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, sample_answers)
    path = export_answers(page, tmp_path)
    # One base name for JSON, CSV and print (issue 21, finding 9): prefix, city, assessment name, date.
    assert re.fullmatch(rf"{SETTINGS['export']['file_prefix']}-[a-z0-9-]*\d{{4}}-\d{{2}}-\d{{2}}\.json", path.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator(EXPORT_SCHEMA).validate(data)
    assert data["edition"] == "assessment-45"
    assert data["answers"] == sample_answers
    assert (data["result"]["met"], data["result"]["tier"]) == (28, "silver")

    fresh = offsite_requests.watch(show_every_view(browser.new_context()))
    try:
        other = open_self_check(fresh.new_page(), self_check_url)
        expect_summary(other, A45, {})
        other.set_input_files(IMPORT, path)
        expect(other.locator(NOTICE)).to_have_text(fill_count(TEXTS["imported"], 45, count=45, file=path.name))
        expect_summary(other, A45, {})  # offered, not yet taken
        other.click("#wwc-sc-import-offer-merge")
        other.click("#wwc-sc-merge-replace")
        expect_summary(other, A45, sample_answers)
        assert checked_answers(other, "assessment-45") == sample_answers
        assert saved_answers(other) == sample_answers
    finally:
        fresh.close()


def test_a_file_of_the_other_edition_points_to_its_page_and_imports_there(
    sc_page, self_check_url, launch_url, tmp_path
):
    page = sc_page
    path = tmp_path / "launch.json"
    answers = {"Q1": "yes", "Q2": "in-progress"}
    path.write_text(
        json.dumps(
            {
                "format": SETTINGS["export"]["format"],
                "version": 1,
                "edition": "launch-50",
                "exported": "2024-01-01T00:00:00Z",
                "answers": answers,
            }
        )
    )
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    page.set_input_files(IMPORT, path)
    expect(page.locator(NOTICE)).to_contain_text(
        TEXTS["imported_other_edition"].format(file="launch.json", edition=L50["short_title"]).split(":")[0]
    )
    expect_summary(page, A45, {"DG1": "yes"})
    page.locator(f"{NOTICE} a").click()
    expect(page).to_have_url(launch_url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    import_replacing(page, path)
    expect_summary(page, L50, answers)


def valid_file(**changes) -> dict:
    data = {
        "format": SETTINGS["export"]["format"],
        "version": SETTINGS["export"]["version"],
        "edition": "assessment-45",
        "exported": "2024-01-01T00:00:00Z",
        "answers": {"DG1": "no"},
    }
    data.update(changes)
    return data


BROKEN_FILES = {
    "not-json.json": ("{this is not json", TEXTS["error_not_json"]),
    "foreign.json": (json.dumps({"name": "something else", "answers": []}), TEXTS["error_foreign"]),
    "newer.json": (
        json.dumps(valid_file(version=SETTINGS["export"]["version"] + 1)),
        TEXTS["error_newer_version"].format(
            version=SETTINGS["export"]["version"] + 1, supported=SETTINGS["export"]["version"]
        ),
    ),
    "broken.json": (json.dumps(valid_file(answers={"DG1": 1})), "answers.DG1: an answer id such as yes"),
    "edition.json": (
        json.dumps(valid_file(edition="assessment-99")),
        TEXTS["error_unknown_edition"].format(edition="assessment-99"),
    ),
}


def test_broken_files_are_refused_and_answers_stay(sc_page, self_check_url, tmp_path):
    page = sc_page
    answers = {"DG1": "yes", "DG2": "yes"}
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, answers)
    before = saved_record(page)
    max_bytes = SETTINGS["export"]["max_bytes"]
    files = dict(BROKEN_FILES)
    files["huge.json"] = (
        json.dumps(valid_file()) + " " * max_bytes,
        TEXTS["error_too_large"].format(size=max_bytes + len(json.dumps(valid_file())), max=max_bytes),
    )
    for name, (text, reason) in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files(IMPORT, path)
        alert = page.locator(ALERT)
        expect(alert).to_contain_text(f"{name} was not imported")
        expect(alert).to_contain_text(" ".join(reason.split()))
        expect_summary(page, A45, answers)
        assert checked_answers(page, "assessment-45") == answers
        assert saved_record(page) == before
    expect(page.locator(ALERT)).to_have_attribute("role", "alert")


def test_a_file_saved_against_older_criteria_imports_what_still_matches(sc_page, self_check_url, tmp_path):
    page = sc_page
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(valid_file(answers={"DG1": "yes", "DG6": "yes", "EVAL1": "maybe", "OD2": "in-progress"}))
    )
    open_self_check(page, self_check_url)
    import_replacing(page, path)
    expect_summary(page, A45, {"DG1": "yes", "OD2": "in-progress"})
    notice = page.locator(NOTICE)
    expect(notice).to_contain_text(fill_count(TEXTS["imported"], 2, count=2, file="old.json"))
    expect(notice.locator("li")).to_have_text(
        [
            TEXTS["unmatched_unknown_id"].format(id="DG6", state="yes", item="criterion"),
            TEXTS["unmatched_unknown_state"].format(id="EVAL1", state="maybe"),
        ]
    )


def test_an_import_can_be_undone(sc_page, self_check_url, tmp_path):
    page = sc_page
    path = tmp_path / "other.json"
    path.write_text(json.dumps(valid_file(answers={"GM1": "yes"})))
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    import_replacing(page, path)
    expect_summary(page, A45, {"GM1": "yes"})
    assert saved_answers(page) == {"GM1": "yes"}
    page.click("#wwc-sc-undo-import")
    expect_summary(page, A45, {"DG1": "yes"})
    assert saved_answers(page) == {"DG1": "yes"}
    expect(page.locator("#wwc-sc-import-message")).to_have_text(STORE_TEXTS["import_undone"])


# --- print, no script, file:// -------------------------------------------------------------------


def test_print_shows_the_report_without_controls(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    # The page calls window.print when the button is pressed, so counting calls from here on is enough.
    page.evaluate("() => { window.print = () => { window.wwcPrinted = (window.wwcPrinted || 0) + 1; }; }")
    answer_in_page(page, A45, {"DG1": "yes"})
    # On screen the report is its own view (every view shows in this file: sc_views), so only print is checked.
    page.click("#wwc-sc-print")
    page.wait_for_function("window.wwcPrinted === 1")
    page.emulate_media(media="print")
    for hidden in ("#wwc-sc-tools", "#wwc-sc-editions", STATUS, "#wwc-sc-results", "#wwc-sc-form-assessment-45"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("#wwc-sc-report")).to_be_visible()
    # The report leads with the evidence-backed result (issue 21, finding 3).
    expect(page.locator("#wwc-sc-report .wwc-sc-report-tier")).to_have_text(
        TEXTS["report_evidence_lead"].format(tier=A45["not_certified_label"])
    )
    # Only what was answered is listed (issue 21, finding 3).
    assert page.locator("#wwc-sc-report .wwc-sc-report-criteria > li").count() == 1
    assert page.pdf()[:4] == b"%PDF"


def test_without_javascript_the_form_is_blank_and_usable(browser, self_check_url, offsite_watch):
    context = offsite_watch.watch(browser.new_context(java_script_enabled=False))
    try:
        page = context.new_page()
        page.goto(self_check_url)
        expect(page.locator("#wwc-sc-noscript")).to_be_visible()
        expect(page.locator("#wwc-sc-results")).to_be_hidden()
        assert page.locator("#wwc-selfcheck form input[type=radio]:checked").count() == 0
        page.click(radio_label("assessment-45", "DG1", "yes"))
        expect(page.locator(radio("assessment-45", "DG1", "yes"))).to_be_checked()
    finally:
        context.close()


def test_works_when_opened_from_disk(page, built_site, tmp_path, offsite_requests):
    url = (Path(built_site) / "self-check" / "index.html").as_uri()
    open_self_check(page, url)
    answers = {"DG1": "yes", "DG2": "yes", "EVAL1": "no"}
    answer_in_page(page, A45, answers)
    expect_summary(page, A45, answers)
    page.reload()
    expect_summary(page, A45, answers)
    path = export_answers(page, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == answers
    # Every part is in the one bundle, loaded from disk as a classic <script src> (relative URL).
    page.click("#wwc-sc-share-open")
    expect(page.locator("#wwc-sc-share-make")).to_be_visible()
    page.click("#wwc-sc-compare-open")
    expect(page.locator("#wwc-sc-compare-go")).to_be_visible()


# --- one bundle, and a start that fails out loud ---------------------------------------------------


def script_requests(page: Page) -> list[str]:
    """Every script file the page asked for so far, by path."""
    paths = page.evaluate("""() => performance.getEntriesByType("resource")
        .filter((entry) => entry.initiatorType === "script").map((entry) => new URL(entry.name).pathname)""")
    return [path for path in paths if "/assets/javascripts/wwc-" in path]


def test_the_page_loads_one_bundle_and_nothing_more_on_any_action(page, offsite_requests, self_check_url):
    open_self_check(page, self_check_url)
    page.click("#wwc-sc-share-open")
    expect(page.locator("#wwc-sc-share-ticks")).to_be_focused()
    page.click("#wwc-sc-compare-open")
    expect(page.locator("#wwc-sc-compare-from")).to_be_focused()
    with page.expect_download():
        page.click("#wwc-sc-export")
    page.locator("[data-wwc-evidence] > summary").first.click()
    expect(page.locator("[data-wwc-evidence] input[type=checkbox]").first).to_be_visible()
    # wwc-print.js is every page's (mkdocs.yml extra_javascript); the self-check's is one bundle.
    assert [path.split("/")[-1] for path in script_requests(page) if not path.endswith("/wwc-print.js")] == [
        "wwc-selfcheck.js"
    ]
    # No global of the old scripts: the bundle keeps its modules to itself.
    assert page.evaluate("Object.keys(window).filter((key) => /^WWC/.test(key))") == []


def test_a_share_link_in_the_address_is_read_at_start(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    page.click("#wwc-sc-share-open")
    page.click("#wwc-sc-share-make")
    page.wait_for_function("document.querySelector('#wwc-sc-share-link').value.length > 0")
    link = page.input_value("#wwc-sc-share-link")
    fresh = page.context.new_page()
    fresh.goto(link)
    expect(fresh.locator("#wwc-sc-incoming-holds")).to_be_visible()


START_FAILED = TEXTS["start_failed"].split(":")[0]


def serve_changed(page: Page, url: str, change) -> None:
    """Serve the self-check page with its HTML changed by ``change`` (the rest as built)."""

    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    page.route(url, handle)


@pytest.mark.parametrize(
    "fault",
    ["a part's element is missing", "the embedded data is unreadable", "a script error", "the script does not load"],
)
def test_a_self_check_that_cannot_start_says_so_where_the_form_is_and_saves_nothing(page, self_check_url, fault):
    page.goto(self_check_url)
    stored = json.dumps(
        {
            "format": "wwc-guide-self-check-store",
            "version": 2,
            "revision": 1,
            "assessments": [
                {"id": "a1", "edition": "assessment-45", "name": "Kept", "answers": {"DG1": "yes"}, "evidence": {}}
            ],
        }
    )
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [STORE_KEY, stored])
    if fault == "a part's element is missing":
        serve_changed(page, self_check_url, lambda html: html.replace('id="wwc-sc-results"', 'id="wwc-sc-gone"'))
    elif fault == "the embedded data is unreadable":
        serve_changed(
            page, self_check_url, lambda html: html.replace('id="wwc-selfcheck-data">{', 'id="wwc-selfcheck-data">{,')
        )
    elif fault == "a script error":
        page.add_init_script("window.matchMedia = () => { throw new Error('matchMedia broke'); };")
    else:
        page.route("**/wwc-selfcheck.js*", lambda route: route.abort())
    page.reload()
    notice = page.locator("[data-wwc-start-failure]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(START_FAILED)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "failed")
    # The figures only the script keeps true are gone; the form is there to read and print.
    expect(page.locator("#wwc-sc-status")).to_be_hidden()
    expect(page.locator("form.wwc-sc-form")).to_be_visible()
    # Every question, as without the script (before it starts, only the first area's first two show).
    expect(page.locator("#wwc-sc-assessment-45-dg5")).to_be_visible()
    expect(page.locator('[data-wwc-criterion="SE4"]')).to_be_visible()
    page.locator(radio_label("assessment-45", "DG2", "yes")).click()
    page.wait_for_timeout(100)
    assert page.evaluate("(key) => window.localStorage.getItem(key)", STORE_KEY) == stored


def test_before_the_script_starts_the_page_lays_out_the_first_area_first_two_questions_only(page, self_check_url):
    """What the first screen shows (at 1280x800 the third question starts below the fold), so that
    Material's start-up, which runs first, restyles less; a script that has loaded but not yet started
    is held here by serving it empty."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.route("**/wwc-selfcheck.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(self_check_url)
    expect(page.locator("#wwc-sc-assessment-45-dg2")).to_be_visible()
    expect(page.locator("#wwc-sc-assessment-45-dg3")).to_be_hidden()
    expect(page.locator('[data-wwc-criterion="SE4"]')).to_be_hidden()
    assert page.locator("#wwc-sc-assessment-45-dg2").bounding_box()["y"] < 800
    page.unroute("**/wwc-selfcheck.js*")
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator("#wwc-sc-assessment-45-dg5")).to_be_visible()


# Start-up slowed down: every timer of 0 ms waits 250 ms, so the page stays between its start-up
# tasks long enough for a click.
SLOW_START_UP = """
const setTimeoutOfThePage = window.setTimeout;
window.setTimeout = (fn, delay, ...args) => setTimeoutOfThePage(fn, delay || 250, ...args);
"""


def test_an_answer_given_while_the_page_starts_is_kept_and_shown(page, self_check_url):
    """Start-up runs in short tasks (SelfCheck.start): the form's listeners come first, so an answer
    given before the parts exist goes through the model, the first render shows it, and it is saved
    once start-up opens the store (multi.js)."""
    page.add_init_script(SLOW_START_UP)
    page.goto(self_check_url)
    # The controller exists and listens; its parts are made in the tasks that follow.
    page.wait_for_function("document.querySelector('#wwc-selfcheck').wwcSelfCheck")
    assert page.get_attribute("#wwc-selfcheck", "data-wwc-ready") == "starting"
    page.click(radio_label(A45["id"], "DG1", "yes"))
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true", timeout=20000)
    assert checked_answers(page, A45["id"]) == {"DG1": "yes"}
    # Written as the start-up opened the store, not held until the next change, and not reported
    # as a failed save.
    assert saved_answers(page) == {"DG1": "yes"}
    expect(page.locator("#wwc-sc-banner")).not_to_contain_text(STORE_TEXTS["banner_save_failed"].split(":")[0])
    expect_summary(page, A45, {"DG1": "yes"})


# --- accessibility -------------------------------------------------------------------------------


def test_axe_finds_no_wcag_21_a_or_aa_violation_on_the_self_check(sc_page, self_check_url, tmp_path, subtests):
    """The whole page, Material's header, navigation and footer included, in both colour schemes: with
    answers, evidence panels open (one with a refused and an added link), the documents list open and
    an import refused; then the start-over dialog, open. (One state for what test_selfcheck.py and
    test_selfcheck_plan.py each checked on a page of its own: axe over the page is the costly part.)"""
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes", "DG2": "in-progress", "GM1": "yes", "RDC4": "yes"})
    page.click("#wwc-sc-assessment-45-dg1 details[data-wwc-evidence] > summary")
    for criterion_id in ("DG1", "GM1", "RDC4"):
        open_evidence(page, criterion_id)
    panel = page.locator('[data-wwc-evidence="DG1"]')
    panel.locator('input[type="url"]').fill("javascript:x")
    panel.get_by_role("button", name=TEXTS["link_add"]).click()
    expect(panel.locator(".wwc-sc-link-message")).not_to_be_empty()
    panel.locator('input[type="url"]').fill("https://example.org/")
    panel.get_by_role("button", name=TEXTS["link_add"]).click()
    expect(panel.locator(".wwc-sc-link-list li")).to_have_count(1)
    page.click("#wwc-sc-documents-summary")
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    page.set_input_files(IMPORT, broken)
    expect(page.locator(ALERT)).not_to_be_empty()
    expect(page.locator("#wwc-sc-documents")).to_have_attribute("open", "")
    for scheme, violations in axe_in_both_schemes(page).items():
        with subtests.test(msg=f"{scheme}: answers, evidence panels, documents list, import refused"):
            assert violations == []
    page.click("#wwc-sc-start-over")
    expect(page.locator("#wwc-sc-confirm")).to_be_visible()
    # The rest of the page is inert behind the modal dialog and was checked just above.
    for scheme, violations in axe_in_both_schemes(page, "#wwc-sc-confirm", SCHEMES[::-1]).items():
        with subtests.test(msg=f"{scheme}: start-over dialog open"):
            assert violations == []
