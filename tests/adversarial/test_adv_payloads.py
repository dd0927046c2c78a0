"""Script and markup payloads in every string field of every schema: built, then loaded in Chromium.

One build: each field the schemas define (found by walking the schemas, so a new field is covered
without changing this file) holds, at its first occurrence, every payload its schema accepts, one
per line, with the field's tag (``wwcf<n>x``) after them; its other occurrences each hold one
payload, rotated, so payloads also stand alone and at the start of a value. Absent optional fields
are added. Fields whose schema pattern refuses every payload (ids, references) are constrained and
cannot carry one. The tags show which fields reached the built site.

The build is made once per test run, whatever the pytest-xdist worker count (``shared_build``): the
workers that did not build read which payloads went where from the record the builder left.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest
import yaml
from browser.offsite import OffsiteGuard
from bs4 import BeautifulSoup

from adversarial.fields import (
    accepts,
    all_string_fields,
    content_files,
    fill_strings,
    schema_name_for,
)
from adversarial.payloads import FOREIGN_HOST, FORMULA_STARTS, MARK, PAYLOADS
from helpers import copy_project, run_mkdocs_build, served, shared_build
from macros.yamlfile import load_yaml

pytestmark = pytest.mark.slow

URL_ATTRIBUTES = ("href", "src", "action", "data", "formaction", "content", "background", "poster")


class Rotation:
    """Picks, for each occurrence of a field, the payloads its schema accepts; records what went where."""

    def __init__(self):
        self.fields = sorted(all_string_fields())
        self.counts: Counter = Counter()
        self.used: dict[str, set[int]] = defaultdict(set)
        self.tagged: set[str] = set()  # fields that hold all their payloads together, with their tag

    @functools.cache  # noqa: B019 - one Rotation per test run; its cache lives as long as it does
    def fitting(self, field: str, pattern: str | None, enum: tuple | None = None) -> list[int]:
        node = {"pattern": pattern} if pattern else {}
        if enum:
            node["enum"] = list(enum)
        return [i for i, payload in enumerate(PAYLOADS) if accepts(node, payload)]

    def tag(self, field: str) -> str:
        return f"wwcf{self.fields.index(field)}x"

    def __call__(self, field: str, field_schema: dict, old):
        fitting = self.fitting(field, field_schema.get("pattern"), tuple(field_schema.get("enum", ())) or None)
        if not fitting:
            return None
        offset = self.fields.index(field) * 7 if field in self.fields else 0
        start = (offset + self.counts[field]) % len(fitting)
        order = fitting[start:] + fitting[:start]
        self.counts[field] += 1
        if self.counts[field] == 1 and field in self.fields:
            together = "\n".join([*(PAYLOADS[i] for i in order), self.tag(field)])
            if accepts(field_schema, together):
                self.used[field].update(fitting)
                self.tagged.add(field)
                return together
        self.used[field].add(order[0])
        return PAYLOADS[order[0]]

    def record(self) -> str:
        """Which payloads went into which field, as JSON (``from_record`` reads it back)."""
        return json.dumps(
            {"used": {field: sorted(choices) for field, choices in self.used.items()}, "tagged": sorted(self.tagged)}
        )

    @classmethod
    def from_record(cls, record: str) -> Rotation:
        rotation, data = cls(), json.loads(record)
        for field, choices in data["used"].items():
            rotation.used[field] = set(choices)
        rotation.tagged = set(data["tagged"])
        return rotation

    def pairs(self) -> int:
        return sum(len(choices) for choices in self.used.values())


def inject(tree, rotation: Rotation) -> None:
    for relative in content_files(tree):
        data = load_yaml(tree / relative, relative).data
        name = schema_name_for(relative)
        people_before = [person["name"] for person in data.get("people", [])] if name == "casestudy" else []
        speakers_before = [quote["speaker"] for quote in data.get("quotes", [])] if name == "casestudy" else []
        fill_strings(data, name, rotation)
        if name == "casestudy":
            # A quote's speaker must stay the name of one of the people: follow the renamed person.
            renamed = dict(zip(people_before, (person["name"] for person in data["people"])))
            for quote, speaker in zip(data["quotes"], speakers_before):
                quote["speaker"] = renamed[speaker]
        (tree / relative).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
        )


ROTATION_RECORD = "rotation.json"


def payload_build(root):
    def build(folder):
        tree = copy_project(root, folder / "tree")
        rotation = Rotation()
        inject(tree, rotation)
        (folder / ROTATION_RECORD).write_text(rotation.record(), encoding="utf-8")
        result = run_mkdocs_build(tree / "mkdocs.yml", tree / "site")
        return result.returncode == 0, f"the build with payloads failed:\n{result.stdout}\n{result.stderr}"

    return build


@pytest.fixture(scope="module")
def payload_site(root, request, tmp_path_factory):
    """The site built from a copy of the content with payloads in every field, and where they went."""
    folder = shared_build(request, tmp_path_factory, "payload-site", payload_build(root))
    return folder / "tree" / "site", Rotation.from_record((folder / ROTATION_RECORD).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def payload_url(payload_site):
    with served(payload_site[0]) as url:
        yield url


def test_every_unconstrained_string_field_carries_every_payload_it_accepts(payload_site, record_property):
    _, rotation = payload_site
    fields = all_string_fields()
    open_fields = {
        field: rotation.fitting(field, node.get("pattern"), tuple(node.get("enum", ())) or None)
        for field, node in fields.items()
        if rotation.fitting(field, node.get("pattern"), tuple(node.get("enum", ())) or None)
    }
    missing = {
        field: sorted(set(fitting) - rotation.used[field])
        for field, fitting in open_fields.items()
        if set(fitting) - rotation.used[field]
    }
    assert not missing, f"payloads the schema accepts that never went into the field: {missing}"
    every = set().union(*rotation.used.values())
    assert every == set(range(len(PAYLOADS))), f"payloads never injected: {set(range(len(PAYLOADS))) - every}"
    summary = (
        f"payload suite: {len(open_fields)} string fields x {len(PAYLOADS)} payloads, "
        f"{rotation.pairs()} field-payload pairs the schemas accept, all injected and built "
        f"({len(fields) - len(open_fields)} id/reference fields accept none)"
    )
    record_property("summary", summary)
    print(summary)


def site_files_text(site) -> str:
    return "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in SITE_TEXT_SUFFIXES
    )


SITE_TEXT_SUFFIXES = (".html", ".json", ".js", ".csv", ".xml", ".txt")
# Fields whose own value reaches no page of the site; each says why.
FIELDS_NOT_ON_A_PAGE = {
    "casestudy:quotes[].speaker": "inject() sets it back to the (payload) name of the person it was",
    # The item's own text already quotes the source's words; its page shows the window computed from the
    # structured fields, and the wording goes to the downloads.
    "group:criteria[].documentation[].window.wording": "in criteria.json and criteria.csv only",
    "group:criteria[].requirements[].window.wording": "in criteria.json and criteria.csv only",
}


def test_every_field_that_carries_payloads_reaches_a_page(payload_site):
    """Each field's tag is in a built page, so the checks of the pages below saw that field's payloads."""
    site, rotation = payload_site
    html = "".join(path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))
    assert len(rotation.tagged) > 30
    missing = sorted(field for field in rotation.tagged if rotation.tag(field) not in html)
    assert missing == sorted(FIELDS_NOT_ON_A_PAGE), f"fields that reach no page: {missing}"


def test_every_string_field_is_constrained_by_a_pattern():
    """A new string field must say what it accepts: free text, a name (no < >), an id, a URL."""
    loose = [field for field, node in all_string_fields().items() if "pattern" not in node and "enum" not in node]
    assert not loose, f"string fields without a pattern: {loose}"


def offenders_in(soup) -> list[str]:
    """Elements or attributes a payload created, in a parsed page."""
    found = []
    for element in soup.find_all(True):
        attributes = element.attrs
        for name, value in attributes.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") and MARK in value or "wwcxss" in name:
                found.append(f"<{element.name} {name}={value[:60]!r}>")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith(("javascript:", "data:text")):
                found.append(f"<{element.name} {name}={value[:60]!r}>")
        if (
            element.name in ("script", "style")
            and MARK in element.get_text()
            and attributes.get("type") != "application/json"
        ):
            found.append(f"<{element.name}>{element.get_text()[:60]!r}")
        if element.name in (
            "img",
            "svg",
            "iframe",
            "object",
            "embed",
            "base",
            "meta",
            "details",
            "input",
            "form",
            "video",
        ) and MARK in " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in attributes.values()):
            found.append(f"<{element.name} {attributes}>"[:120])
    return found


def test_no_payload_makes_a_tag_in_the_built_html(payload_site):
    site, _ = payload_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    problems = {}
    for page_file in pages:
        found = offenders_in(BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser"))
        if found:
            problems[page_file.relative_to(site).as_posix()] = found[:5]
    assert not problems, problems
    shown = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert MARK in shown, "the payloads are not in the pages at all: nothing was tested"
    assert "{{ 7*7 }}" in BeautifulSoup(shown, "html.parser").get_text(), "Jinja in YAML must show literally"


# Attributes whose value is a URL the browser follows or loads; srcset holds several.
LINK_ATTRIBUTES = (
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "xlink:href",
    "ping",
    "manifest",
)
SAFE_SCHEMES = ("", "http", "https", "mailto")


def urls_in(element) -> list[tuple[str, str]]:
    """(attribute, URL) for every URL an element's attributes point to."""
    found = []
    for name, value in element.attrs.items():
        value = " ".join(value) if isinstance(value, list) else str(value)
        if name == "srcset":
            found += [(name, candidate.split()[0]) for candidate in value.split(",") if candidate.split()]
        elif name in LINK_ATTRIBUTES:
            found.append((name, value.strip()))
        elif name == "content" and str(element.get("http-equiv", "")).lower() == "refresh":
            found += [(name, url.strip()) for url in re.findall(r"url\s*=\s*(.*)", value, re.IGNORECASE)]
    return found


def foreign_or_script_urls(soup, site_host: str, declared_links: set[str]) -> list[str]:
    """URLs with a scheme other than http(s)/mailto, and URLs of another host than the site's, except
    links (<a href>) to the addresses criteria/sources.yml declares."""
    found = []
    for element in soup.find_all(True):
        for name, url in urls_in(element):
            parts = urlsplit(url)
            scheme = parts.scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
            if scheme not in SAFE_SCHEMES:
                found.append(f"<{element.name} {name}={url[:70]!r}> (scheme {scheme})")
            elif parts.netloc and parts.netloc != site_host and not (element.name == "a" and url in declared_links):
                found.append(f"<{element.name} {name}={url[:70]!r}> (another host)")
    return found


def declared_source_urls(site) -> set[str]:
    tree = site.parent
    return {
        source["url"]
        for source in load_yaml(tree / "criteria/sources.yml", "sources.yml").data["sources"]
        if source.get("url")
    }


def test_no_page_points_to_a_script_url_or_another_host(payload_site):
    site, _ = payload_site
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    site_host = urlsplit(home.find("link", rel="canonical")["href"]).netloc
    assert site_host and FOREIGN_HOST not in site_host
    declared = declared_source_urls(site)
    assert not [url for url in declared if FOREIGN_HOST in urlsplit(url).netloc]
    problems = {}
    for page_file in sorted(site.rglob("*.html")):
        text = page_file.read_text(encoding="utf-8")
        found = foreign_or_script_urls(BeautifulSoup(text, "html.parser"), site_host, declared)
        if found:
            problems[page_file.relative_to(site).as_posix()] = found[:5]
    assert not problems, problems
    assert FOREIGN_HOST in site_files_text(site), "the foreign-host payloads are not in the site: nothing was tested"


def test_the_url_check_sees_what_the_issue_reported():
    """The check above finds the tiers page's old output: a javascript: link and an image from another host."""
    old = BeautifulSoup(
        '<p>With 45 criteria <a href="javascript:alert%28%27x%27%29">details</a> '
        '<img alt="t" src="https://evil.example/pixel.png"/> <img srcset="a.png 1x, //evil.example/b.png 2x">'
        '<a href="https://example.org/doc.pdf">declared</a><a href="JaVaScRiPt:x">x</a></p>',
        "html.parser",
    )
    found = foreign_or_script_urls(old, "127.0.0.1:8000", {"https://example.org/doc.pdf"})
    assert len(found) == 4, found


def test_csv_cells_never_start_a_formula(payload_site):
    site, _ = payload_site
    with open(site / "downloads" / "criteria.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=") for cell in cells), "no formula payload reached the CSV: nothing was tested"
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


PAGE_CHECK = """() => {
  const mark = 'wwcxss', found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value, low = v.trim().toLowerCase();
      if ((a.name.startsWith('on') && v.includes(mark)) || a.name.includes(mark)) found.push(el.tagName + ' ' + a.name);
      if (['href','src','action','data','formaction','content'].includes(a.name) && low.startsWith('javascript:')) found.push(el.tagName + ' ' + a.name + '=' + v.slice(0, 40));
    }
    if ((el.tagName === 'SCRIPT' && el.type !== 'application/json' || el.tagName === 'STYLE') && el.textContent.includes(mark)) found.push(el.tagName);
  }
  // <title> is raw text: what matters is that nothing broke out of it (one title, nothing after it).
  const titles = document.querySelectorAll('title').length;
  return {found, ran: window.__wwcxss !== undefined, titles};
}"""


def test_nothing_runs_in_chromium(page, payload_site, payload_url):
    site, _ = payload_site
    offsite = OffsiteGuard()
    offsite.watch(page.context)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    failures = {}
    for page_file in sorted(site.rglob("index.html")):
        path = page_file.parent.relative_to(site).as_posix()
        url = payload_url + ("" if path == "." else path + "/")
        page.goto(url)
        if path == "self-check":
            # The self-check draws results with JavaScript from the embedded data: make it draw them.
            # A click from script: a label thousands of characters long may lie over the radio.
            page.locator("input[type=radio][data-wwc-met]").first.evaluate("radio => radio.click()")
        page.mouse.move(5, 5)
        page.mouse.move(400, 300)
        state = page.evaluate(PAGE_CHECK)
        if state["found"] or state["ran"] or state["titles"] != 1:
            failures[path] = state
    assert not dialogs, dialogs
    offsite.check()
    assert not failures, failures


@pytest.mark.search
def test_search_results_run_nothing(page, payload_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(payload_url)
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') && "
        "!/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    box.press_sequentially("wwcxss", delay=30)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    state = page.evaluate(PAGE_CHECK)
    assert not state["found"] and not state["ran"], state
    assert not dialogs, dialogs
