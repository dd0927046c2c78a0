"""Requests to departments in a real browser (issue 25): a coordinator and two departments, each in a
browser context of its own (three browsers that share nothing but the links and files they pass):
requests made, answered in the departments' own browsers, replies previewed with a conflict chosen,
everything merged, the list's states; the same round with passphrases; bad links, files and
passphrases refused beside their control with the stored data unchanged; axe and a 360 px phone.
Expected texts come from macros/selfcheck-assessments.yml.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib

import pytest
from playwright.sync_api import Page, expect

from adversarial.payloads import MARK, PAYLOADS, RUN
from axe_check import axe_in_both_schemes
from macros.content import load_content
from offsite import watched_context
from sc_multi_helpers import EDITION, ROOT, SETTINGS, STORE_KEY, TEXTS, go_blank

WORKSPACE_KEY = SETTINGS["requests"]["workspace_key"]
ASSESSMENT_ID = "a-coordinator"
CRITERIA_45 = [
    criterion["id"] for group in load_content(ROOT)["editions"][EDITION]["groups"] for criterion in group["criteria"]
]
PHONE = {"width": 360, "height": 800}
LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


def seeded_store() -> str:
    """The coordinator's browser: one assessment whose evidence names owners (Procurement owns GM1, GM2)."""
    assessment = {
        "id": ASSESSMENT_ID,
        "name": "2026 application",
        "edition": EDITION,
        "city": "Springfield",
        "date": "",
        "created": "2026-01-05T09:00:00.000Z",
        "updated": "2026-01-05T09:00:00.000Z",
        "answers": {"DG1": "no", "GM1": "in-progress"},
        "evidence": {
            "GM1": {"items": [], "notes": "", "owner": "Procurement", "due": "", "links": []},
            "GM2": {"items": [], "notes": "", "owner": "Procurement", "due": "", "links": []},
        },
    }
    record = {
        "format": "wwc-guide-self-check-store",
        "version": 2,
        "revision": 1,
        "updated": assessment["updated"],
        "current": {EDITION: ASSESSMENT_ID},
        "assessments": [assessment],
        "trash": [],
        "migrated": [],
    }
    return json.dumps(record)


def open_requests(page: Page, url: str) -> None:
    page.goto(f"{url}#wwc-sc-requests-block")
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator("#wwc-sc-requests")).to_be_visible()


def stored(page: Page) -> dict:
    """Every localStorage item of the page's origin, as text (to compare before and after)."""
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def coordinator_assessment(page: Page) -> dict:
    record = json.loads(page.evaluate(f"localStorage.getItem({STORE_KEY!r})"))
    return next(item for item in record["assessments"] if item["id"] == ASSESSMENT_ID)


def make_request(page: Page, criteria: list[str], note: str, passphrase: str = "", owner: str = "") -> str:
    """Make a request in the coordinator's page; returns its link."""
    page.evaluate(
        "() => document.querySelectorAll('#wwc-sc-requests-pick input').forEach((box) => { box.checked = false; })"
    )
    if owner:
        page.select_option("#wwc-sc-requests-owner", owner)
        page.click("#wwc-sc-requests-owner-select")
    for criterion in criteria:
        page.check(f"#wwc-sc-requests-c-{criterion}")
    page.fill("#wwc-sc-requests-note", note)
    page.fill("#wwc-sc-requests-name", "Ana Coordinator")
    page.fill("#wwc-sc-requests-passphrase", passphrase)
    page.click("#wwc-sc-requests-make")
    expect(page.locator("#wwc-sc-requests-output")).to_be_visible()
    expect(page.locator("#wwc-sc-requests-said")).to_be_focused()
    return page.input_value("#wwc-sc-requests-link")


def unlock(page: Page, passphrase: str) -> None:
    field = page.locator("#wwc-sc-requests-open-passphrase")
    expect(field).to_be_focused()
    field.fill(passphrase)
    page.click("#wwc-sc-requests-open-passphrase-open")


def answer_request(page: Page, link: str, name: str, answers: dict, notes: dict, passphrase: str = "") -> str:
    """A department opens `link` in its own browser, answers, reloads (kept), and makes its reply."""
    if page.url != link:
        page.goto(link)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    if passphrase:
        assert page.evaluate(f"localStorage.getItem({WORKSPACE_KEY!r})") is None
        unlock(page, passphrase)
    landing = page.locator("#wwc-sc-request-landing")
    expect(landing.locator("h3")).to_have_text(TEXTS["landing_heading"].format(**{"from": "Ana Coordinator"}))
    for criterion, state in answers.items():
        page.check(f"#wwc-sc-request-landing-answer-{criterion}-{state}")
    for criterion, text in notes.items():
        page.fill(f"#wwc-sc-request-landing-notes-{criterion}", text)
    if not passphrase:
        # Kept in this browser: a reload finds the answers again (a protected link asks again first).
        page.reload()
        expect(landing.locator("h3")).to_be_visible()
    for criterion, state in answers.items():
        expect(page.locator(f"#wwc-sc-request-landing-answer-{criterion}-{state}")).to_be_checked()
    # Only the requested criteria; no assessment was made in the department's browser.
    expect(landing.locator("[data-wwc-criterion]")).to_have_count(len(answers) + len(set(notes) - set(answers)))
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is None
    expect(page.locator("#wwc-sc-requests")).to_be_hidden()
    page.fill("#wwc-sc-request-landing-name", name)
    page.fill("#wwc-sc-request-landing-passphrase", passphrase)
    page.click("#wwc-sc-request-landing-make")
    expect(page.locator("#wwc-sc-request-landing-said")).to_be_focused()
    return page.input_value("#wwc-sc-request-landing-link")


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def axe_clean(page: Page, subtests, label: str, selector: str) -> None:
    for scheme, violations in axe_in_both_schemes(page, {"include": [[selector]]}).items():
        with subtests.test(msg=f"{scheme}: {label}"):
            assert violations == []


def set_coordinator_answer(page: Page, criterion: str, state: str) -> None:
    """The coordinator changes an answer in the answer form after the request went out."""
    page.evaluate(
        "([id, state]) => document.querySelector(`[data-wwc-criterion='${id}'] input[value='${state}']`).click()",
        [criterion, state],
    )


def play_round(browser, url, guard, subtests, passphrase: str = "", check_screens: bool = False):
    with (
        watched_context(browser, guard, viewport=LAPTOP) as coordinator_context,
        watched_context(browser, guard, viewport=PHONE) as data_team_context,
        watched_context(browser, guard, viewport=PHONE) as procurement_context,
    ):
        coordinator = coordinator_context.new_page()
        go_blank(coordinator, url)
        coordinator.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, seeded_store()])
        open_requests(coordinator, url)
        link_a = make_request(coordinator, ["DG1", "DG2"], "Please check the data inventory.", passphrase)
        link_b = make_request(coordinator, [], "Contracting evidence, please.", passphrase, owner="Procurement")
        assert (f"#request={'wwcp1.' if passphrase else 'rq1.'}") in link_a
        rows = coordinator.locator(".wwc-sc-request-table tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.first).to_have_attribute("data-wwc-state", "sent")
        expect(rows.first.locator("td").nth(2)).to_have_text("GM1, GM2")
        if check_screens:
            axe_clean(coordinator, subtests, "requests made and listed", "#wwc-sc-requests-block")

        data_team = data_team_context.new_page()
        if passphrase:
            # A wrong passphrase: a sentence beside the field, nothing opened, nothing stored.
            data_team.goto(link_a)
            expect(data_team.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
            before = stored(data_team)
            unlock(data_team, "not the passphrase")
            said = data_team.locator("#wwc-sc-requests-open-passphrase-message")
            expect(said).to_contain_text(TEXTS["message_wrong_passphrase"])
            expect(data_team.locator("#wwc-sc-request-landing")).to_be_hidden()
            assert stored(data_team) == before
            if check_screens:
                axe_clean(data_team, subtests, "passphrase asked, wrong one refused", "#wwc-sc-requests-block")
        reply_a = answer_request(
            data_team,
            link_a,
            "Dee Data",
            {"DG1": "yes", "DG2": "in-progress"},
            {"DG1": "Inventory published."},
            passphrase,
        )
        if check_screens:
            axe_clean(data_team, subtests, "a department's request", "#wwc-sc-requests-block")
            no_sideways_scroll(data_team)

        procurement = procurement_context.new_page()
        reply_b = answer_request(
            procurement, link_b, "Gus Procurement", {"GM1": "yes"}, {"GM2": "Contract list attached."}, passphrase
        )
        no_sideways_scroll(procurement)

        # Meanwhile the coordinator changed GM1 too: a conflict with the procurement's answer.
        set_coordinator_answer(coordinator, "GM1", "no")
        coordinator.goto(reply_a)
        if passphrase:
            before = stored(coordinator)
            unlock(coordinator, "wrong")
            expect(coordinator.locator("#wwc-sc-requests-open-passphrase-message")).to_contain_text(
                TEXTS["message_wrong_passphrase"]
            )
            assert stored(coordinator) == before
            unlock(coordinator, passphrase)
        preview = coordinator.locator("#wwc-sc-reply-preview")
        expect(preview.locator("h3")).to_be_focused()
        expect(preview.locator("[data-wwc-kind=conflict]")).to_have_count(0)
        coordinator.click("#wwc-sc-reply-preview-apply")
        expect(preview).to_contain_text(TEXTS["reply_applied"]["other"].format(count=3, **{"from": "Dee Data"}))

        coordinator.goto(reply_b)
        if passphrase:
            unlock(coordinator, passphrase)
        expect(preview.locator("[data-wwc-kind=conflict]")).to_have_count(1)
        conflict = preview.locator("[data-wwc-item-key='GM1|answer']")
        expect(conflict).to_contain_text("Gus Procurement")
        expect(rows.filter(has_text="GM1, GM2")).to_have_attribute("data-wwc-state", "answered")
        if check_screens:
            axe_clean(coordinator, subtests, "a reply's preview with a conflict", "#wwc-sc-requests-block")
            coordinator.set_viewport_size(PHONE)
            no_sideways_scroll(coordinator)
            coordinator.set_viewport_size(LAPTOP)
        # Apply with the conflict unchosen: refused beside Apply, focus on the choice.
        coordinator.click("#wwc-sc-reply-preview-apply")
        expect(coordinator.locator("#wwc-sc-reply-preview-said")).to_have_text(
            TEXTS["reply_unresolved"].format(count=1)
        )
        expect(conflict.locator("input").first).to_be_focused()
        conflict.locator("input[value=there]").check()
        coordinator.click("#wwc-sc-reply-preview-apply")
        expect(preview).to_contain_text(TEXTS["reply_applied"]["other"].format(count=2, **{"from": "Gus Procurement"}))

        assessment = coordinator_assessment(coordinator)
        assert assessment["answers"]["DG1"] == "yes"
        assert assessment["answers"]["DG2"] == "in-progress"
        assert assessment["answers"]["GM1"] == "yes"
        assert assessment["evidence"]["DG1"]["notes"] == "Inventory published."
        assert assessment["evidence"]["GM2"]["notes"] == "Contract list attached."
        assert assessment["evidence"]["GM2"]["owner"] == "Procurement"
        assert [state["state"] for state in assessment["requests"]] == ["merged", "merged"]
        entries = assessment["history"]["entries"]
        merged = {
            (entry["criterion"], entry["field"]): (entry["who"], entry["by"]) for entry in entries if "by" in entry
        }
        assert merged[("DG1", "answer")] == ("Dee Data", "Ana Coordinator")
        assert merged[("GM1", "answer")] == ("Gus Procurement", "Ana Coordinator")
        # Each merged change is recorded once, in the department's name, not again in the coordinator's.
        to_yes = [
            entry["who"]
            for entry in entries
            if (entry["criterion"], entry["field"], entry["to"]) == ("GM1", "answer", "yes")
        ]
        assert to_yes == ["Gus Procurement"]
        expect(rows.filter(has_text="DG1, DG2")).to_have_attribute("data-wwc-state", "merged")
        expect(rows.filter(has_text="GM1, GM2")).to_have_attribute("data-wwc-state", "merged")

        # A reply to a request already merged: refused beside the opener, nothing changed.
        before = stored(coordinator)
        coordinator.goto(reply_a)
        if passphrase:
            unlock(coordinator, passphrase)
        expect(coordinator.locator("#wwc-sc-requests-open-message")).to_contain_text(
            TEXTS["message_already_merged"].split("(")[0].strip()
        )
        assert stored(coordinator) == before


def test_a_round_with_two_departments_and_a_conflict(browser, url, offsite_requests, subtests):
    play_round(browser, url, offsite_requests, subtests, check_screens=True)


def test_the_same_round_with_passphrases_and_wrong_ones_refused(browser, url, offsite_requests, subtests):
    play_round(browser, url, offsite_requests, subtests, passphrase="correct horse battery")


# ---- bad input: refused beside the control that opened it, the stored data unchanged ----------------


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def token(prefix: str, message: dict, version: int = 1) -> str:
    """A link token as lib/request-links.js makes it: crc32 of the JSON, deflated length, deflate-raw."""
    raw = json.dumps(message).encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    encoded = base64.urlsafe_b64encode(packed).decode().rstrip("=")
    return f"{prefix}{version}.{base36(zlib.crc32(raw))}.{base36(len(packed))}.{encoded}"


def reply_message(**changes) -> dict:
    message = {
        "format": "wwc-guide-reply",
        "version": 1,
        "request": "r-sent",
        "assessment": ASSESSMENT_ID,
        "edition": EDITION,
        "from": "Dee Data",
        "created": "2026-02-01T10:00:00.000Z",
        "criteria": ["DG1"],
        "answers": {"DG1": "yes"},
        "evidence": {},
        "history": {"entries": [], "compacted": [], "through": ""},
    }
    message.update(changes)
    return message


def store_with_requests() -> str:
    record = json.loads(seeded_store())
    record["assessments"][0]["requests"] = [
        {
            "id": "r-sent",
            "created": "2026-01-10T09:00:00.000Z",
            "from": "Ana Coordinator",
            "note": "",
            "criteria": ["DG1"],
            "base": {"answers": {"DG1": "no"}, "evidence": {}},
            "state": "sent",
        },
        {
            "id": "r-merged",
            "created": "2026-01-09T09:00:00.000Z",
            "from": "Ana Coordinator",
            "note": "",
            "criteria": ["DG1"],
            "base": None,
            "state": "merged",
            "merged": "2026-01-20T09:00:00.000Z",
            "mergedBy": "Ana Coordinator",
        },
    ]
    return json.dumps(record)


def test_bad_replies_and_links_are_refused_beside_the_control_and_change_nothing(page, url):
    go_blank(page, url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, store_with_requests()])
    open_requests(page, url)
    good = token("rp", reply_message())
    cases = {
        "other assessment": (token("rp", reply_message(assessment="a-other")), "message_other_assessment"),
        "unknown request": (token("rp", reply_message(request="r-unknown")), "message_unknown_request"),
        "already merged": (token("rp", reply_message(request="r-merged")), "message_already_merged"),
        "truncated": (good[:-12], "message_truncated"),
        "tampered": (good[:-12] + ("A" if good[-12] != "A" else "B") + good[-11:], "message_tampered"),
        "newer version": (token("rp", reply_message(), version=2), "message_newer_version"),
        "not ours": ("https://example.org/#share=hello", "message_foreign"),
    }
    before = stored(page)
    message = page.locator("#wwc-sc-requests-open-message")
    for name, (text, key) in cases.items():
        page.fill("#wwc-sc-requests-open-paste", f"{url}#reply={text}" if name != "not ours" else text)
        page.click("#wwc-sc-requests-open-button")
        expected = TEXTS[key].split("{")[0].split("(")[0].strip()
        expect(message, name).to_contain_text(expected)
        expect(page.locator("#wwc-sc-requests-open-paste"), name).to_be_focused()
        expect(page.locator("#wwc-sc-reply-preview"), name).to_be_hidden()
        assert stored(page) == before, name
    # A file from a newer version of the guide, chosen as a file: said beside the file control.
    newer = json.dumps(reply_message(version=2)).encode()
    page.set_input_files(
        "#wwc-sc-requests-open-file", {"name": "reply.json", "mimeType": "application/json", "buffer": newer}
    )
    expect(message).to_contain_text(TEXTS["message_newer_version"].split(";")[0])
    expect(page.locator("#wwc-sc-requests-open-file")).to_be_focused()
    assert stored(page) == before
    # The good reply opens a preview; Cancel leaves answers and evidence as they were.
    page.fill("#wwc-sc-requests-open-paste", f"{url}#reply={good}")
    page.click("#wwc-sc-requests-open-button")
    expect(page.locator("#wwc-sc-reply-preview [data-wwc-item-key='DG1|answer']")).to_be_visible()
    page.click("#wwc-sc-reply-preview-cancel")
    expect(page.locator("#wwc-sc-reply-preview-said")).to_have_text(TEXTS["reply_cancelled"])
    expect(page.locator("#wwc-sc-reply-preview-said")).to_be_focused()
    after = coordinator_assessment(page)
    assert after["answers"] == {"DG1": "no", "GM1": "in-progress"}
    assert "history" not in after


def full_store() -> str:
    """Every criterion answered, with long notes: a request for all of them is too long for an email."""
    record = json.loads(seeded_store())
    assessment = record["assessments"][0]
    for criterion in CRITERIA_45:
        assessment["answers"][criterion] = "in-progress"
        assessment["evidence"][criterion] = {
            "items": [],
            # A document reference per criterion, as unlike each other as real ones (deflate finds no repeats).
            "notes": f"Signed copy: ref {hashlib.sha256(criterion.encode()).hexdigest()}",
            "owner": "Data office",
            "due": "",
            "links": [],
        }
    return json.dumps(record)


def test_a_request_too_long_for_an_email_travels_as_a_file_and_so_does_its_reply(
    browser, url, offsite_requests, tmp_path
):
    with (
        watched_context(browser, offsite_requests, viewport=LAPTOP, accept_downloads=True) as coordinator_context,
        watched_context(browser, offsite_requests, viewport=PHONE, accept_downloads=True) as department_context,
    ):
        coordinator = coordinator_context.new_page()
        go_blank(coordinator, url)
        coordinator.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, full_store()])
        open_requests(coordinator, url)
        coordinator.select_option("#wwc-sc-requests-owner", "Data office")
        coordinator.click("#wwc-sc-requests-owner-select")
        expect(coordinator.locator("#wwc-sc-requests-pick input:checked")).to_have_count(len(CRITERIA_45))
        coordinator.fill("#wwc-sc-requests-name", "Ana Coordinator")
        with coordinator.expect_download() as made:
            coordinator.click("#wwc-sc-requests-make")
        request_file = tmp_path / made.value.suggested_filename
        made.value.save_as(request_file)
        said = coordinator.locator("#wwc-sc-requests-said")
        expect(said).to_contain_text(made.value.suggested_filename)
        expect(coordinator.locator("#wwc-sc-requests-output")).to_be_hidden()

        department = department_context.new_page()
        open_requests(department, url)
        department.set_input_files("#wwc-sc-requests-open-file", str(request_file))
        landing = department.locator("#wwc-sc-request-landing")
        expect(landing.locator("[data-wwc-criterion]")).to_have_count(len(CRITERIA_45))
        department.check("#wwc-sc-request-landing-answer-SE4-yes")
        department.fill("#wwc-sc-request-landing-name", "Dee Data")
        with department.expect_download() as replied:
            department.click("#wwc-sc-request-landing-make")
        reply_file = tmp_path / replied.value.suggested_filename
        replied.value.save_as(reply_file)

        coordinator.set_input_files("#wwc-sc-requests-open-file", str(reply_file))
        expect(coordinator.locator("#wwc-sc-reply-preview [data-wwc-item-key='SE4|answer']")).to_be_visible()
        coordinator.click("#wwc-sc-reply-preview-apply")
        assert coordinator_assessment(coordinator)["answers"]["SE4"] == "yes"


# ---- payloads in every new field: shown as text, nothing runs ------------------------------------------


def nothing_ran(page: Page) -> None:
    assert page.evaluate("window.__wwcxss") is None
    assert page.locator(f"#wwc-selfcheck .{MARK}, #wwc-selfcheck [data-{MARK}]").count() == 0


def test_payloads_in_names_notes_and_request_notes_travel_as_text(browser, url, offsite_requests):
    note = " ".join(PAYLOADS)[:2000]
    name = f'<img src=x onerror="{RUN}" alt={MARK}>'
    dialogs = []
    with (
        watched_context(browser, offsite_requests, viewport=LAPTOP) as coordinator_context,
        watched_context(browser, offsite_requests, viewport=LAPTOP) as department_context,
    ):
        coordinator = coordinator_context.new_page()
        coordinator.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
        go_blank(coordinator, url)
        record = json.loads(seeded_store())
        record["assessments"][0]["evidence"]["GM1"]["owner"] = PAYLOADS[1][:200]
        coordinator.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, json.dumps(record)])
        open_requests(coordinator, url)
        coordinator.check("#wwc-sc-requests-c-GM1")
        coordinator.fill("#wwc-sc-requests-note", note)
        coordinator.fill("#wwc-sc-requests-name", name)
        coordinator.click("#wwc-sc-requests-make")
        expect(coordinator.locator("#wwc-sc-requests-said")).to_be_focused()
        said = coordinator.locator("#wwc-sc-requests-said").inner_text()
        if coordinator.locator("#wwc-sc-requests-output").is_visible():
            link = coordinator.input_value("#wwc-sc-requests-link")
        else:
            pytest.fail(f"a one-criterion request should fit an email: {said}")
        expect(coordinator.locator(".wwc-sc-request-table tbody td").nth(3)).to_have_text(" ".join(note.split()))

        department = department_context.new_page()
        department.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
        department.goto(link)
        landing = department.locator("#wwc-sc-request-landing")
        expect(landing.locator("h3")).to_have_text(TEXTS["landing_heading"].format(**{"from": name}))
        expect(landing.locator(".wwc-sc-landing-note")).to_contain_text(" ".join(note.split())[:200])
        department.fill("#wwc-sc-request-landing-notes-GM1", note)
        department.fill("#wwc-sc-request-landing-name", name)
        department.click("#wwc-sc-request-landing-make")
        expect(department.locator("#wwc-sc-request-landing-said")).to_be_focused()
        reply = department.input_value("#wwc-sc-request-landing-link")
        nothing_ran(department)

        coordinator.goto(reply)
        preview = coordinator.locator("#wwc-sc-reply-preview")
        expect(preview.locator("h3")).to_have_text(TEXTS["reply_heading"].format(**{"from": name}))
        expect(preview.locator("[data-wwc-item-key='GM1|notes'] td").nth(2)).to_contain_text(note[:100])
        coordinator.click("#wwc-sc-reply-preview-apply")
        assert coordinator_assessment(coordinator)["evidence"]["GM1"]["notes"] == note
        nothing_ran(coordinator)
    assert dialogs == []


def test_a_share_link_with_a_passphrase_reveals_nothing_without_it(browser, url, offsite_requests, subtests):
    with (
        watched_context(browser, offsite_requests, viewport=LAPTOP) as sender_context,
        watched_context(browser, offsite_requests, viewport=PHONE) as receiver_context,
    ):
        sender = sender_context.new_page()
        go_blank(sender, url)
        sender.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, seeded_store()])
        sender.goto(f"{url}#assessments")
        expect(sender.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
        sender.click("#wwc-sc-share-open")
        expect(sender.locator("#wwc-sc-share")).to_contain_text(TEXTS["passphrase_warning"].split(".")[0])
        sender.fill("#wwc-sc-share-passphrase", "river stone")
        sender.click("#wwc-sc-share-make")
        expect(sender.locator("#wwc-sc-share-info")).to_contain_text(TEXTS["passphrase_protected"].strip())
        link = sender.input_value("#wwc-sc-share-link")
        assert "#share=wwcp1." in link
        assert "Springfield" not in link

        receiver = receiver_context.new_page()
        receiver.goto(link)
        expect(receiver.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
        field = receiver.locator("#wwc-sc-incoming-passphrase")
        expect(field).to_be_focused()
        before = stored(receiver)
        field.fill("wrong")
        receiver.click("#wwc-sc-incoming-passphrase-open")
        expect(receiver.locator("#wwc-sc-incoming-passphrase-message")).to_contain_text(
            TEXTS["message_wrong_passphrase"]
        )
        expect(receiver.locator("#wwc-sc-incoming-holds")).to_have_count(0)
        assert stored(receiver) == before
        axe_clean(receiver, subtests, "a share link's passphrase asked", "#wwc-sc-incoming")
        field.fill("river stone")
        receiver.click("#wwc-sc-incoming-passphrase-open")
        expect(receiver.locator("#wwc-sc-incoming-holds")).to_contain_text("2026 application")
        no_sideways_scroll(receiver)
