"""Shared helpers of the self-check's browser tests (test_selfcheck*.py).

- ``shared_tab`` / ``sc_page``: one browser context and tab per test module, reset before each test
  (other tabs closed, routes and media emulation dropped, localStorage and sessionStorage emptied), so a
  test starts where a fresh browser would without paying for a new context. Its requests are watched
  like every other context's (tests/browser/offsite.py); the test fails if one left.
  Tests about storage seen by a fresh browser, a second tab or a reload, about init scripts, file:// or
  JavaScript switched off keep pytest-playwright's fresh ``page``/``context``.
- ``answer``: sets answers by clicking each one's label inside the page, in one round trip; tests whose
  subject is clicking or the keyboard click through Playwright instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from macros.selfcheck import ASSESSMENTS_FILE, load_settings
from offsite import OffsiteGuard, watched_context
from sc_views import show_every_view

ROOT = Path(__file__).resolve().parents[2]
# As the page embeds them: the texts flattened from their groups (macros/selfcheck.py load_settings).
SETTINGS = load_settings(ASSESSMENTS_FILE)
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


# A URL the test server does not have: its small error page is of the site's origin, so storage can be
# set or cleared there without loading a page of the guide.
BLANK_PATH = "/__blank__"


class SharedTab:
    """A module's browser context, its one tab and the guard watching the context's requests."""

    def __init__(self, context: BrowserContext, guard: OffsiteGuard):
        self.context, self.guard, self.page = context, guard, None

    def reset(self, site_url: str) -> Page:
        for other in self.context.pages:
            if other is not self.page:
                other.close()
        if self.page is None or self.page.is_closed():
            self.page = self.context.new_page()
        page = self.page
        page.unroute_all(behavior="ignoreErrors")
        page.emulate_media(media="null")
        # Leave the last test's page first: its pagehide handler saves pending typing to storage.
        go_blank(page, site_url)
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        return page


@pytest.fixture(scope="module")
def shared_tab(browser):
    guard = OffsiteGuard()
    with watched_context(browser, guard) as context:
        show_every_view(context)
        yield SharedTab(context, guard)


@pytest.fixture
def sc_page(shared_tab, site_url) -> Page:
    """The module's tab on a blank page of the site, with empty storage (see the module's docstring)."""
    shared_tab.guard.clear()
    yield shared_tab.reset(site_url)
    shared_tab.guard.check()


@pytest.fixture
def offsite_watch() -> list:
    """A guard for contexts a test opens itself (no pytest-playwright context made for nothing); the test
    fails if any of them sent a request to another host."""
    guard = OffsiteGuard()
    yield guard
    guard.check()


def go_blank(page: Page, url: str) -> None:
    """Open the site's origin without loading a page of the guide (``url``: any URL of the site)."""
    page.goto(urljoin(url, BLANK_PATH))


def open_self_check(page: Page, url: str) -> Page:
    page.goto(url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator("#wwc-sc-assessments")).to_be_visible()
    return page


def radio_label(criterion_id: str, state: str, edition: str = EDITION) -> str:
    """The label a user clicks: each radio sits inside its own label (no id/for pair)."""
    return f'#wwc-sc-{edition}-{criterion_id.lower()} label:has(> input[type=radio][value="{state}"])'


CLICK_ANSWERS = """([editionId, answers]) => {
  for (const [id, state] of Object.entries(answers)) {
    const input = document.querySelector(
      `#wwc-sc-${editionId}-${id.toLowerCase()} label > input[type=radio][value="${state}"]`);
    if (!input) { throw new Error(`no answer ${state} for ${id} in ${editionId}`); }
    input.closest("label").click();
  }
}"""


def answer(page: Page, answers: dict, edition: str = EDITION) -> None:
    """Click each answer's label in the page, in order: a user's click events, one round trip."""
    page.evaluate(CLICK_ANSWERS, [edition, answers])


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
    """Put raw items into this context's localStorage, then open the self-check: it starts with them."""
    go_blank(page, url)
    page.evaluate(
        "(items) => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
        items,
    )
    open_self_check(page, url)


def new_assessment(page: Page, name: str) -> None:
    page.fill("#wwc-sc-new-name", name)
    page.click("#wwc-sc-new")
    expect(page.locator("#wwc-sc-name")).to_have_value(name)


def open_part(page: Page, name: str) -> None:
    """Open a part loaded on first use (share, compare) by its button; it is then built in place."""
    page.click(f"#wwc-sc-{name}-open")
    expect(page.locator(f"#wwc-sc-{name}-open")).to_have_count(0)


def open_evidence(page: Page, criterion_id: str):
    """Open a criterion's evidence panel and wait for its fields; returns the panel. Every use of the
    evidence controls goes through here, so the tests hold whether the checklist is in the page's HTML
    or built when its panel is first opened."""
    panel = page.locator(f'[data-wwc-evidence="{criterion_id}"]')
    if panel.get_attribute("open") is None:
        panel.locator(":scope > summary").click()
    expect(panel.locator("textarea")).to_be_visible()
    return panel


def evidence_box(page: Page, criterion_id: str, item_id: str):
    """The checkbox of a requirement or document in a criterion's evidence panel (open it first)."""
    return page.locator(f'[data-wwc-evidence="{criterion_id}"] input[type=checkbox][value="{item_id}"]')


def tick(page: Page, criterion_id: str, item_id: str) -> None:
    """Tick (or untick) an item as a user does: its label, in the criterion's opened panel."""
    panel = open_evidence(page, criterion_id)
    panel.locator(f'label:has(> input[type=checkbox][value="{item_id}"])').click()


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
