"""Shared helpers of the several-assessments browser tests (test_selfcheck_assessments.py, test_selfcheck_faults.py)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = yaml.safe_load((ROOT / "macros" / "selfcheck-assessments.yml").read_text(encoding="utf-8"))
TEXTS = SETTINGS["texts"]
STORE_KEY = SETTINGS["storage_key"]
LEGACY_KEY = SETTINGS["legacy_key"]
EDITION = "assessment-45"

# Faults injected into localStorage only (not sessionStorage), switched by window.__faults.
FAULTS_SCRIPT = """
(() => {
  window.__faults = { read: false, write: false, quota: 0 };
  const proto = Storage.prototype;
  const getItem = proto.getItem, setItem = proto.setItem;
  const isLocal = (storage) => { try { return storage === window.localStorage; } catch (e) { return false; } };
  proto.getItem = function (key) {
    if (isLocal(this) && window.__faults.read) { throw new DOMException("read refused", "SecurityError"); }
    return getItem.call(this, key);
  };
  proto.setItem = function (key, value) {
    if (isLocal(this) && window.__faults.write) { throw new DOMException("write refused", "SecurityError"); }
    if (isLocal(this) && window.__faults.quota && String(value).length > window.__faults.quota) {
      throw new DOMException("quota", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();
"""


def open_self_check(page: Page, url: str) -> Page:
    page.goto(url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator("#wwc-sc-assessments")).to_be_visible()
    return page


def radio_label(criterion_id: str, state: str, edition: str = EDITION) -> str:
    """The label a user clicks: each radio sits inside its own label (no id/for pair)."""
    return f'#wwc-sc-{edition}-{criterion_id.lower()} label:has(> input[type=radio][value="{state}"])'


def answer(page: Page, answers: dict) -> None:
    for criterion_id, state in answers.items():
        page.click(radio_label(criterion_id, state))


def checked(page: Page, edition: str = EDITION) -> dict:
    return page.evaluate(
        """(editionId) => Object.fromEntries(
            [...document.querySelectorAll(`#wwc-sc-form-${editionId} input[type=radio]:checked`)]
              .map((input) => [input.closest("[data-wwc-criterion]").dataset.wwcCriterion, input.value]))""",
        edition,
    )


def raw(page: Page, key: str = STORE_KEY):
    return page.evaluate("(key) => window.localStorage.getItem(key)", key)


def record(page: Page):
    text = raw(page)
    return json.loads(text) if text else None


def stored_open_assessment(page: Page, edition: str = EDITION) -> dict | None:
    """The assessment the edition's page has open, as stored (the record's `current` names it)."""
    stored = record(page)
    if not stored:
        return None
    open_id = stored["current"].get(edition)
    return next((item for item in stored["assessments"] if item["id"] == open_id), None)


def stored_answers(page: Page, name: str | None = None) -> dict:
    for assessment in (record(page) or {"assessments": []})["assessments"]:
        if name is None or assessment["name"] == name:
            return assessment["answers"]
    return {}


def set_storage(page: Page, url: str, items: dict) -> None:
    """Put raw items into this context's localStorage, then reload the self-check."""
    page.goto(url)
    page.evaluate("(items) => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  items)
    open_self_check(page, url)


def new_assessment(page: Page, name: str) -> None:
    page.fill("#wwc-sc-new-name", name)
    page.click("#wwc-sc-new")
    expect(page.locator("#wwc-sc-name")).to_have_value(name)


def open_part(page: Page, name: str) -> None:
    """Open a part loaded on first use (share, compare) by its button; it is then built in place."""
    page.click(f"#wwc-sc-{name}-open")
    expect(page.locator(f"#wwc-sc-{name}-open")).to_have_count(0)


def make_link(page: Page, ticks: bool = False, notes: bool = False) -> str:
    if page.locator("#wwc-sc-share-open").count():
        open_part(page, "share")
    if ticks:
        page.check("#wwc-sc-share-ticks")
    if notes:
        page.check("#wwc-sc-share-notes")
    page.click("#wwc-sc-share-make")
    page.wait_for_function("document.querySelector('#wwc-sc-share-link').value.length > 0")
    return page.input_value("#wwc-sc-share-link")
