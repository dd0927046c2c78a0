"""The self-check pages: one real HTML form per edition rendered from the criteria YAML, plus its data.

Pages (macros/selfcheck.yml ``pages``): ``self-check/index.md`` is the first edition of
criteria/editions.yml, ``self-check/<edition id>.md`` every other one, so a page carries only its
own edition's form; ``self-check/documents.md`` lists every required document (also as CSV).

``render_page(content, page_src, ...)`` returns one raw HTML block for the page. The form works
without JavaScript (it can be filled in, read by a screen reader and printed); the self-check's
script (selfcheck/src/, bundled by esbuild into the file selfcheck.yml names and loaded by this
page only) then adds scoring, saving, evidence, the plan and the report, reading everything it
needs from the JSON embedded in the block (fetch() does not work from file://).

The first paint is already the final layout: a one-line inline script marks the block as
scripted before anything below it is painted, and the result panel is rendered here with the
figures of an empty self-check, so the page does not move when the scripts start.

The HTML comes from Jinja templates (macros/templates/selfcheck/) with autoescape on, so every value
is escaped unless it is passed in as Markup (only what is already safe for its place: the embedded
JSON, the minified styles, the bundle's tag). The block must pass through Python-Markdown untouched:
it starts with a block-level tag at column 0 and contains no blank line (a blank line would end the
raw HTML block); the templates' ``line`` filter collapses each YAML string's whitespace, so no value
can add a line break. Material's search index skips an element marked data-search-exclude, but it
matches end tags by tag name only, so the mark goes on each part (form, section, table), none of which
holds another element of its own kind; the intro stays searchable.
"""

from __future__ import annotations

import copy
import csv
import io
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import assets, links
from .criterion_facts import window_label
from .exports import DOWNLOADS_DIR
from .scoring import score
from .text import csv_cell, json_for_script, one_line
from .yamlfile import load_yaml

SETTINGS_FILE = Path(__file__).with_name("selfcheck.yml")
# The assets listed in selfcheck.yml are read from here and inlined into the page.
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
# Several assessments, share, merge, compare, CSV, storage banner (embedded as payload["assessments"]).
ASSESSMENTS_FILE = Path(__file__).with_name("selfcheck-assessments.yml")
# Marks the block as scripted before the browser paints what follows, so the layout that shows
# first is the one the scripts keep (no shift when they start); an address naming a view
# (/self-check/#results) marks that view, so it is the one painted first (the CSS below). An address
# that names no question or area (none, a view, a link's #name=...) marks the answer view's first area
# as the one shown: the page then lays out one area, not every question, before the script starts.
SCRIPTED_MARK = (
    '<script>(function(root,views){root.classList.add("wwc-sc-js");'
    "var view=location.hash.slice(1);"
    'if(views.indexOf(view)>0)root.setAttribute("data-wwc-view-first",view);'
    'if(!view||views.indexOf(view)>=0||view.indexOf("=")>0)root.setAttribute("data-wwc-area-first","")'
    "})(document.currentScript.parentNode,%s)</script>"
)
# A bundle that does not load (offline, blocked) leaves the page as it is without the script, every
# question shown, and says so in the start-failure sentence (selfcheck/src/view/failure.js does the
# same for a script that loads but cannot start): the mark above hides all but the first questions.
SCRIPT_LOAD_FAILURE = (
    "var r=this.parentNode;r.classList.remove('wwc-sc-js');r.setAttribute('data-wwc-ready','failed');"
    "var n=r.querySelector('[data-wwc-start-failure]');if(n)n.hidden=false"
)
# Before the script has routed, the view the address names shows alone (the default view's rule is
# in wwc-selfcheck.css).
FIRST_VIEW_RULE = (
    '.wwc-sc-js[data-wwc-view-first="%(view)s"]:not([data-wwc-view-shown]) '
    '.wwc-sc-view:not([data-wwc-view="%(view)s"]){display:none}'
)


def view_ids(views: list[dict]) -> list[str]:
    """The view ids of macros/selfcheck.yml, checked: they are written into a CSS selector and an address."""
    ids = [view["id"] for view in views]
    for view_id in ids:
        if not re.fullmatch(r"[a-z][a-z-]*", view_id):
            raise SelfCheckPageError(
                f"macros/selfcheck.yml: views: id {view_id!r} must be lowercase letters and hyphens"
            )
    return ids


def scripted_mark(views: list[dict]) -> str:
    return SCRIPTED_MARK % json_for_script(view_ids(views))


def first_view_rules(views: list[dict]) -> str:
    return "".join(FIRST_VIEW_RULE % {"view": view_id} for view_id in view_ids(views)[1:])


def with_first_view_rules(styles: list[str], views: list[dict]) -> list[str]:
    """The page's one <style> element, led by the rules that show the view an address names first."""
    rules = first_view_rules(views)
    if not styles:
        return [f"<style>{rules}</style>"]
    return [styles[0].replace("<style>", f"<style>{rules}", 1), *styles[1:]]


class SelfCheckPageError(ValueError):
    """A self-check page that cannot be built: a page in the self-check folder that is no edition's
    page and not the documents page, or an asset that cannot be inlined."""


def load_settings(path: Path = SETTINGS_FILE) -> dict:
    """The settings file as data (a fresh copy: callers may change it)."""
    path = Path(path)
    return copy.deepcopy(_parsed_settings(str(path), path.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _parsed_settings(path: str, mtime_ns: int) -> dict:
    # Read once per version of the file: every self-check page and download asks for it, and
    # parsing it each time cost a fifth of the build. The content loader gives file:line errors.
    name = f"macros/{Path(path).name}"
    data = load_yaml(Path(path), name).data
    if isinstance(data.get("texts"), dict):
        data["texts"] = flat_texts(data["texts"], name)
    return data


def flat_texts(groups: dict, name: str) -> dict[str, str]:
    """The texts as one mapping: the YAML groups them by the part of the page that shows them
    (``texts: {results: {...}, tools: {...}}``), the page and the script look them up by key."""
    texts: dict[str, str] = {}
    for group, entries in groups.items():
        if not isinstance(entries, dict):
            raise SelfCheckPageError(f"{name}: texts.{group} must be a group of texts (key: text)")
        for key, value in entries.items():
            if key in texts:
                raise SelfCheckPageError(f"{name}: texts.{group}.{key}: the key {key!r} is in two groups")
            if isinstance(value, dict):
                check_count_text(value, f"{name}: texts.{group}.{key}")
            texts[key] = value
    return texts


# The plural categories (CLDR) a text with a count may have; English uses one and other.
COUNT_FORMS = ("zero", "one", "two", "few", "many", "other")


def check_count_text(value: dict, where: str) -> None:
    """A text with a count is a mapping of plural forms to strings, with "other" for any count."""
    unknown = sorted(set(value) - set(COUNT_FORMS))
    if unknown:
        raise SelfCheckPageError(f"{where}: {unknown[0]!r} is not a plural form (one of {', '.join(COUNT_FORMS)})")
    if "other" not in value:
        raise SelfCheckPageError(f"{where}: a text with a count needs an 'other' form")
    for form, text in value.items():
        if not isinstance(text, str):
            raise SelfCheckPageError(f"{where}.{form}: must be a text")


ELEMENTS: dict[str, str] = load_settings()["elements"]
# The guide's "where to go next" page (macros/resources.py): each resource's id is its anchor there.
WHERE_NEXT_PAGE = "where-to-go-next.md"
ROOT_ID = ELEMENTS["root"]
DATA_ID = ELEMENTS["data"]


def fill(template: str, **values) -> str:
    """The page's placeholder syntax ({name}), as the JavaScript fills it; unknown names stay."""
    result = str(template)
    for key, value in values.items():
        result = result.replace("{" + key + "}", str(value))
    return result


def fill_count(text: str | dict, number: int, /, **values) -> str:
    """A text that shows a count: one string, or the YAML's pair {one, other} chosen by ``number``
    with English's rule (one for 1), as lib/format.js formatCount does with Intl.PluralRules."""
    if isinstance(text, dict):
        text = text["one"] if number == 1 and "one" in text else text["other"]
    return fill(text, **values)


# --- which page is which -----------------------------------------------------------------------


def editions_in_order(content: dict) -> list[dict]:
    return list(content["editions"].values())


def edition_page_src(content: dict, edition_id: str, settings: dict) -> str:
    folder = settings["pages"]["folder"]
    first = editions_in_order(content)[0]["id"]
    return f"{folder}/index.md" if edition_id == first else f"{folder}/{edition_id}.md"


def expected_pages(content: dict, settings: dict) -> dict[str, tuple[str, str | None]]:
    """Page source (relative to docs/) -> ("edition", id) or ("documents", None)."""
    pages = {
        edition_page_src(content, edition["id"], settings): ("edition", edition["id"])
        for edition in editions_in_order(content)
    }
    pages[settings["pages"]["documents"]] = ("documents", None)
    return pages


def missing_pages(content: dict, docs_dir: Path, settings: dict | None = None) -> list[str]:
    settings = settings or load_settings()
    return [src for src in expected_pages(content, settings) if not (docs_dir / src).is_file()]


def render_page(
    content: dict, page_src: str, guide_base: str, directory_urls: bool = True, settings: dict | None = None
) -> str:
    """The body of the self-check page ``page_src`` (relative to docs/)."""
    settings = settings or load_settings()
    kind, edition_id = expected_pages(content, settings).get(page_src, (None, None))
    if kind == "edition":
        return render_self_check(content, edition_id, settings, guide_base, directory_urls)
    if kind == "documents":
        return render_documents_page(content, settings, guide_base, directory_urls)
    known = ", ".join(f"docs/{src}" for src in expected_pages(content, settings))
    raise SelfCheckPageError(f"docs/{page_src}: not a self-check page (expected one of: {known})")


def page_href(src: str, guide_base: str, directory_urls: bool) -> str:
    return f"{guide_base}{links.site_path(src, directory_urls)}"


def render_assets(
    settings: dict, scripts: bool = True, docs_dir: Path | None = None, guide_base: str = "../"
) -> tuple[list[str], list[str]]:
    """(one inline <style> for the top of the block, the <script src defer> of the self-check's
    bundle for its end). The styles are minified at build time (macros/assets.py); the bundle is
    built by esbuild from selfcheck/src/ and committed, so the build needs no node."""
    assets_list = settings["assets"]
    docs_dir = docs_dir or DOCS_DIR
    try:
        style = assets.inline_styles(docs_dir, assets_list["styles"])
        script = (
            assets.script_tag(docs_dir, assets_list["script"], guide_base, on_error=SCRIPT_LOAD_FAILURE)
            if scripts
            else ""
        )
    except assets.AssetError as error:
        raise SelfCheckPageError(f"macros/selfcheck.yml assets: {error}") from None
    return [style] if style else [], [script] if script else []


# --- the embedded data ---------------------------------------------------------------------


def item_ids(criterion: dict, key: str) -> list[str]:
    return [item["id"] for item in criterion.get(key, [])]


WINDOW_FIELDS = ("anchor", "months", "from_months", "or_current_administration")


def item_windows(criterion: dict) -> dict:
    """Each tickable item's time window (its own, else its criterion's), keyed by item id: what
    lib/windows.js checks a dated piece of evidence against, with the window in plain words."""
    windows = {}
    for key in ("requirements", "documentation"):
        for item in criterion.get(key, []):
            window = item.get("window") or criterion.get("window")
            if window:
                entry = {field: window[field] for field in WINDOW_FIELDS if field in window}
                entry["label"] = window_label(window)
                windows[item["id"]] = entry
    return windows


def payload_criterion(criterion: dict) -> dict:
    entry = {"id": criterion["id"]}
    for key in ("requirements", "documentation"):
        if criterion.get(key):
            entry[key] = item_ids(criterion, key)
    windows = item_windows(criterion)
    if windows:
        entry["windows"] = windows
    if criterion.get("must_meet"):
        entry["must_meet"] = criterion["must_meet"]["count"]
    if criterion.get("depends_on"):
        entry["depends_on"] = [{"criterion": dependency["criterion"]} for dependency in criterion["depends_on"]]
    if criterion.get("audited_responses"):
        entry["audited"] = [
            {
                "from": audited["from"],
                "items": list(audited["items"]),
                "reason": one_line(audited["reason"]),
                "source": audited["source"],
            }
            for audited in criterion["audited_responses"]
        ]
    return entry


def payload_edition(edition: dict) -> dict:
    """What the page's JavaScript needs of an edition: the shape macros/scoring.py scores, plus
    the ids of each criterion's requirements and documents (what a user can tick)."""
    return {
        "id": edition["id"],
        "title": edition["title"],
        "short_title": edition["short_title"],
        "group_label": edition["group_label"],
        "item_label": edition["item_label"],
        "item_label_plural": edition.get("item_label_plural", edition["item_label"] + "s"),
        "answer_states": [
            {"id": state["id"], "label": state["label"], "met": state["met"]} for state in edition["answer_states"]
        ],
        "tiers": [
            {
                "id": tier["id"],
                "name": tier["name"],
                "min_percent": tier["min_percent"],
                "description": " ".join(tier.get("description", "").split()),
            }
            for tier in edition["tiers"]
        ],
        "not_certified_label": edition.get("not_certified_label", ""),
        "display": dict(edition["display"]),
        "groups": [
            {
                "id": group["id"],
                "name": group["name"],
                "benchmark": group.get("benchmark"),
                "criteria": [payload_criterion(criterion) for criterion in group["criteria"]],
            }
            for group in edition["groups"]
        ],
    }


def where_next(content: dict, edition: dict) -> dict:
    """The resources of the "where to go next" page that serve each criterion of the edition, as
    {criterion id: [{id (the page's anchor), name}]} (criteria/resources.yml). The page's address is
    in the HTML (the plan's root), as every link's is: it depends on how the site is built."""
    ids = {criterion["id"] for group in edition["groups"] for criterion in group["criteria"]}
    criteria: dict[str, list[dict]] = {}
    for resource in content.get("resources", {}).get("resources", []):
        for criterion_id in resource.get("criteria", []):
            if criterion_id in ids:
                criteria.setdefault(criterion_id, []).append({"id": resource["id"], "name": resource["name"]})
    return criteria


def benchmarks_payload(content: dict, edition: dict) -> dict | None:
    """The applicant benchmarks the edition's source gives (regions with their applicants and average
    score, the population bands it names without figures) and what it does not give, or None."""
    benchmarks = edition.get("benchmarks")
    if not benchmarks:
        return None
    return {
        "source": content["sources"][benchmarks["source"]]["title"],
        "regions": [dict(region) for region in benchmarks.get("regions", [])],
        "population_bands": [band["label"] for band in benchmarks.get("population_bands", [])],
        "not_given": [one_line(text) for text in benchmarks.get("not_given", [])],
    }


def payload(content: dict, settings: dict, edition_id: str | None = None) -> dict:
    """The data embedded in the page: the edition (its criteria with the ids of what can be
    ticked), every requirement's and document's text, and every text the script shows."""
    edition_id = edition_id or editions_in_order(content)[0]["id"]
    edition = content["editions"][edition_id]
    return {
        "benchmarks": benchmarks_payload(content, edition),
        "where_next": where_next(content, edition),
        # The titles of the sources the audited responses cite (the next steps name them).
        "sources": {
            audited["source"]: content["sources"][audited["source"]]["title"]
            for group in edition["groups"]
            for criterion in group["criteria"]
            for audited in criterion.get("audited_responses", [])
        },
        "has_evidence": has_evidence(edition),
        "export": settings["export"],
        "limits": settings["limits"],
        "plan": settings["plan"],
        "texts": edition_texts(edition, settings["texts"]),
        "assessments": load_settings(ASSESSMENTS_FILE),
        "edition": payload_edition(edition),
        "checklists": checklist_data(edition),
        "editions": {entry["id"]: entry["short_title"] for entry in editions_in_order(content)},
    }


# --- the checklist texts --------------------------------------------------------------------


def checklist_data(edition: dict) -> dict:
    """Each criterion's requirements and documents as [id, text] (or [id, text, [option, ...]]),
    keyed by criterion id: what the evidence panels build their checkboxes from, and what the
    report, the flags, the documents list and the CSV name items with."""

    def item(entry: dict) -> list:
        row = [entry["id"], one_line(entry["text"])]
        if entry.get("options"):
            row.append([one_line(option) for option in entry["options"]])
        return row

    return {
        criterion["id"]: [
            [item(entry) for entry in criterion.get(key, [])] for key in ("requirements", "documentation")
        ]
        for group in edition["groups"]
        for criterion in group["criteria"]
    }


# --- the page, through the templates in macros/templates/selfcheck/ ----------------------------

TEMPLATES = Path(__file__).with_name("templates")


def one_line_filter(value) -> str:
    """The ``line`` filter: a YAML string on one line (autoescape then escapes it), so no value can
    add a line break, let alone the blank line that would end the raw HTML block."""
    return " ".join(str(value).split())


@lru_cache(maxsize=1)
def template_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["line"] = one_line_filter
    return environment


def guide_href(edition: dict, group: dict, criterion: dict, guide_base: str, directory_urls: bool) -> str:
    """The criterion on its guide page, at the stable URL /<url_path>/<group>/#<id>."""
    return f"{page_href(links.group_src(edition, group), guide_base, directory_urls)}#{links.anchor(criterion['id'])}"


def evidence_counts(criterion: dict) -> list[int]:
    """What the closed, empty evidence panel says it holds: requirements, documents, any must-meet count."""
    counts = [len(criterion.get("requirements", [])), len(criterion.get("documentation", []))]
    if criterion.get("must_meet"):
        counts.append(int(criterion["must_meet"]["count"]))
    return counts


def form_context(
    index: links.SiteIndex, edition: dict, texts: dict, empty: dict, guide_base: str, directory_urls: bool
) -> dict:
    """The form's groups and criteria with what the template shows of each (the guide entry and the
    case studies that illustrate it are links the next steps clone)."""
    groups = []
    for group, scored in zip(edition["groups"], empty["groups"]):
        criteria = [
            {
                "id": criterion["id"],
                "title": criterion.get("title"),
                "statement": criterion["statement"],
                "counts": evidence_counts(criterion),
                "guide_href": guide_href(edition, group, criterion, guide_base, directory_urls),
                "guide_label": fill(texts["guide_link"], id=criterion["id"]),
                "studies": [
                    {"city": study["city"], "href": page_href(links.case_study_src(study), guide_base, directory_urls)}
                    for study in index.case_studies_for(criterion["id"])
                ],
            }
            for criterion in group["criteria"]
        ]
        figure = fill(texts["group_figure"], percent=scored["percent"], met=scored["met"], total=scored["total"])
        groups.append({"id": group["id"], "name": group["name"], "figure": figure, "criteria": criteria})
    for group, following in zip(groups, groups[1:] + [None]):
        group["next"] = next_area_link(edition, texts, following)
    return {"groups": groups}


def next_area_link(edition: dict, texts: dict, following: dict | None) -> dict:
    """The link at the end of an area: to the next area's heading, or to the results after the last."""
    if following is None:
        return {"href": "#results", "label": texts["last_area"]}
    return {
        "href": f"#wwc-sc-{edition['id']}-group-{following['id']}",
        "label": fill(texts["next_area"], group=following["name"]),
    }


def asks_administration(edition: dict) -> bool:
    """Whether a window of the edition also counts evidence from the current administration (then
    the planning part asks for the administration's start date)."""
    return any(
        window.get("or_current_administration")
        for group in edition["groups"]
        for criterion in group["criteria"]
        for window in item_windows(criterion).values()
    )


def has_evidence(edition: dict) -> bool:
    """Whether the edition has anything to tick (the launch edition has no requirements or documents)."""
    return any(
        criterion.get(key)
        for group in edition["groups"]
        for criterion in group["criteria"]
        for key in ("requirements", "documentation")
    )


def areas_context(edition: dict, texts: dict) -> dict:
    """The answer view's list of areas, each with its progress as an empty self-check has it."""
    entries = []
    for group in edition["groups"]:
        total = len(group["criteria"])
        entries.append(
            {
                "id": group["id"],
                "name": group["name"],
                "progress": fill(texts["area_progress"], answered=0, total=total),
                "progress_label": fill(texts["area_progress_label"], answered=0, total=total),
            }
        )
    return {"label": fill(texts["areas_label"], group=edition["group_label"]), "list": entries}


def filter_options(edition: dict, texts: dict) -> list[dict]:
    """The answer view's filters; the evidence filters only where the edition has evidence to tick."""
    names = ["all", "unanswered"] + (["flagged", "no-evidence"] if has_evidence(edition) else [])
    return [
        {
            "id": "" if name == "all" else name,
            "label": fill(texts["filter_" + name.replace("-", "_")], item=edition["item_label"]),
        }
        for name in names
    ]


def edition_links(content: dict, current_id: str, settings: dict, guide_base: str, directory_urls: bool) -> list[dict]:
    """Links between the editions' pages (each page loads only its own edition's form); none for one edition."""
    editions = editions_in_order(content)
    if len(editions) < 2:
        return []
    return [
        {
            "id": edition["id"],
            "short_title": edition["short_title"],
            "current": edition["id"] == current_id,
            "href": page_href(edition_page_src(content, edition["id"], settings), guide_base, directory_urls),
        }
        for edition in editions
    ]


def tier_name(edition: dict, tier_id: str | None) -> str:
    return next(
        (tier["name"] for tier in edition["tiers"] if tier["id"] == tier_id), edition.get("not_certified_label", "")
    )


def item_word(edition: dict, count: int) -> str:
    return edition["item_label"] if count == 1 else edition.get("item_label_plural", edition["item_label"] + "s")


def results_context(edition: dict, settings: dict, empty: dict, guide_base: str, directory_urls: bool) -> dict:
    """The result panel's texts as an empty self-check scores (the results part updates them in place)."""
    texts = settings["texts"]
    total = empty["total"]
    items = item_word(edition, total)
    next_tier = empty["next_tier"]
    first_tier = min(edition["tiers"], key=lambda tier: tier["min_percent"])
    has_average = any(group.get("benchmark") for group in edition["groups"])
    groups = []
    for group, scored in zip(edition["groups"], empty["groups"]):
        average = scored["average_percent"]
        groups.append(
            {
                "id": group["id"],
                "name": group["name"],
                "percent": scored["percent"],
                "figure": fill(
                    texts["group_figure"], percent=scored["percent"], met=scored["met"], total=scored["total"]
                ),
                "average": average,
                "average_text": fill(texts["group_average"], average=average) if average is not None else "",
            }
        )
    return {
        "tiers_href": page_href(settings["pages"]["tiers"], guide_base, directory_urls),
        "tier": tier_name(edition, None),
        "met_count": fill(texts["met_count"], met=0, total=total, items=items),
        "percent": empty["percent"],
        "unanswered": fill(texts["unanswered_some"], count=total, total=total, items=items),
        "next_line": fill(
            texts["next_tier"],
            tier=first_tier["name"],
            more=next_tier["more_needed"],
            items=item_word(edition, next_tier["more_needed"]),
        )
        if next_tier
        else "",
        "evidence": fill(
            texts["evidence_result"],
            met=0,
            total=total,
            items=items,
            percent=empty["percent"],
            tier=tier_name(edition, None),
        ),
        "note": edition.get("result_note"),
        "has_evidence": has_evidence(edition),
        "marks": fill(
            texts["tier_marks"], marks=", ".join(f"{tier['name']} {tier['min_percent']}%" for tier in edition["tiers"])
        ),
        "caption": fill(
            texts["bars_caption"] if has_average else texts["bars_caption_no_average"],
            group=edition["group_label"].lower(),
        ),
        "groups": groups,
    }


def render_self_check(
    content: dict,
    edition_id: str | None = None,
    settings: dict | None = None,
    guide_base: str = "../",
    directory_urls: bool = True,
    docs_dir: Path | None = None,
) -> str:
    """The page body of one edition's self-check as one raw HTML block (templates/selfcheck/page.html).

    ``guide_base`` leads from the page to the site root, for the links to each criterion in the
    guide, the case studies, the assets and the export file's schema; MkDocs does not rewrite
    links in raw HTML, so ``directory_urls`` says which form the guide's pages have.
    """
    settings = settings or load_settings()
    edition_id = edition_id or editions_in_order(content)[0]["id"]
    edition = content["editions"][edition_id]
    # Every text of the page, and of its embedded data, names this edition's answers.
    settings = {**settings, "texts": edition_texts(edition, settings["texts"])}
    texts = settings["texts"]
    empty = score(edition, {})
    styles, scripts = render_assets(settings, docs_dir=docs_dir, guide_base=guide_base)
    styles = with_first_view_rules(styles, settings["views"])
    html = (
        template_environment()
        .get_template("selfcheck/page.html")
        .render(
            elements=ELEMENTS,
            edition=edition,
            texts=texts,
            limits=settings["limits"],
            store_texts=load_settings(ASSESSMENTS_FILE)["texts"],
            # Already safe for where they go: a one-line mark, minified styles, the bundle's tag, and the
            # data escaped for a script element (macros/text.py json_for_script).
            scripted_mark=Markup(scripted_mark(settings["views"])),
            styles=[Markup(style) for style in styles],
            scripts=[Markup(script) for script in scripts],
            data_json=Markup(json_for_script(payload(content, settings, edition_id))),
            intro=intro_text(edition, texts),
            edition_links=edition_links(content, edition_id, settings, guide_base, directory_urls),
            results=results_context(edition, settings, empty, guide_base, directory_urls),
            benchmarks=benchmarks_payload(content, edition),
            form=form_context(links.SiteIndex(content), edition, texts, empty, guide_base, directory_urls),
            schema_href=f"{guide_base}{DOWNLOADS_DIR}/{settings['export']['schema_file']}",
            documents_href=page_href(settings["pages"]["documents"], guide_base, directory_urls),
            where_next_href=page_href(WHERE_NEXT_PAGE, guide_base, directory_urls),
            status=initial_summary(edition, texts, empty),
            views=settings["views"],
            has_evidence=has_evidence(edition),
            asks_administration=asks_administration(edition),
            areas=areas_context(edition, texts),
            filters=filter_options(edition, texts),
        )
    )
    return html.strip()


def joined(labels: list[str], last: str) -> str:
    """ "A, B or C" with the settings' word for the last join."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + last + labels[-1]


def answer_labels(edition: dict, texts: dict) -> dict[str, str]:
    """The values of the answer-label placeholders (selfcheck.yml texts), from the edition's
    answer_states: the texts never name one standard's answers."""
    states = edition["answer_states"]
    unmet = [state["label"] for state in states if not state["met"]]
    return {
        "label_states": joined([state["label"] for state in states], texts["list_or"]),
        "label_met": joined([state["label"] for state in states if state["met"]], texts["list_or"]),
        # selfcheck/src/lib/readiness.js scores an unbacked met answer as the edition's first unmet state.
        "label_downgrade": unmet[0] if unmet else "",
        "label_unmet_order": joined(unmet, texts["list_before"]) if unmet else "",
    }


def edition_texts(edition: dict, texts: dict, joins: dict | None = None) -> dict:
    """The settings' texts with the edition's answer labels filled in (other placeholders stay);
    ``joins``: the texts holding list_or and list_before, when ``texts`` is a selection."""
    labels = answer_labels(edition, joins or texts)
    return {key: fill_labels(value, labels) for key, value in texts.items()}


def fill_labels(value, labels: dict):
    """A text, or each form of a text with a count ({one, other}), with the answer labels filled in."""
    if isinstance(value, str):
        return fill(value, **labels)
    if isinstance(value, dict):
        return {form: fill(text, **labels) if isinstance(text, str) else text for form, text in value.items()}
    return value


def intro_text(edition: dict, texts: dict) -> str:
    """The intro names the edition's own answers (from its answer_states), not fixed words."""
    key = "intro" if has_evidence(edition) else "intro_no_evidence"
    return fill(edition_texts(edition, texts)[key], item=edition["item_label"])


def initial_summary(edition: dict, texts: dict, result: dict) -> str:
    items = item_word(edition, result["total"])
    summary = fill(
        texts["summary"],
        met=result["met"],
        total=result["total"],
        items=items,
        percent=result["percent"],
        tier=tier_name(edition, result["tier"]),
    )
    unanswered = fill(texts["unanswered_some"], count=result["unanswered"], total=result["total"], items=items)
    return f"{summary} {unanswered}"


# --- documents to gather -------------------------------------------------------------------------


def documents_by_group(content: dict) -> list[tuple[dict, dict, list[tuple[dict, dict]]]]:
    """(edition, group, [(criterion, document), ...]) for every group that asks for documents."""
    found = []
    for edition in editions_in_order(content):
        for group in edition["groups"]:
            rows = [
                (criterion, document)
                for criterion in group["criteria"]
                for document in criterion.get("documentation", [])
            ]
            if rows:
                found.append((edition, group, rows))
    return found


def documents_csv(content: dict, settings: dict | None = None) -> str:
    """The documents list as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read it)."""
    texts = (settings or load_settings())["texts"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            texts["csv_header_area"],
            texts["csv_header_criterion"],
            texts["csv_header_document_id"],
            texts["csv_header_document"],
        ]
    )
    for _edition, group, rows in documents_by_group(content):
        for criterion, document in rows:
            writer.writerow(
                [
                    csv_text(group["name"]),
                    csv_text(criterion["id"]),
                    csv_text(document["id"]),
                    csv_text(document["text"]),
                ]
            )
    return "\ufeff" + out.getvalue()


def csv_text(value) -> str:
    """One line of text, neutralised for a spreadsheet (macros/text.py: csv_cell)."""
    return csv_cell(one_line(value))


def write_downloads(content: dict, site_dir: Path, settings: dict | None = None) -> Path:
    settings = settings or load_settings()
    target = Path(site_dir) / DOWNLOADS_DIR / settings["documents_csv"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(documents_csv(content, settings), encoding="utf-8", newline="")
    return target


def render_documents_page(content: dict, settings: dict, guide_base: str, directory_urls: bool) -> str:
    """The documents page as one raw HTML block (templates/selfcheck/documents.html): contents, and per
    group a table with blank owner and status columns that the bundle fills from the open assessment."""
    styles, scripts = render_assets(settings, guide_base=guide_base)
    first = editions_in_order(content)[0]
    texts = settings["texts"]
    groups = [
        {
            "id": group["id"],
            "name": group["name"],
            "edition": edition["id"],
            "count_text": fill_count(texts["documents_count"], len(rows), count=len(rows)),
            "rows": [
                {
                    "id": document["id"],
                    "text": document["text"],
                    "criterion": criterion["id"],
                    "href": guide_href(edition, group, criterion, guide_base, directory_urls),
                }
                for criterion, document in rows
            ],
        }
        for edition, group, rows in documents_by_group(content)
    ]
    assessments_settings = load_settings(ASSESSMENTS_FILE)
    data = {
        "storage_key": assessments_settings["storage_key"],
        "texts": {
            key: texts[key]
            for key in ("documents_ticked", "documents_not_ticked", "documents_source", "documents_source_city")
        },
        "new_name": assessments_settings["texts"]["new_name"],
    }
    html = (
        template_environment()
        .get_template("selfcheck/documents.html")
        .render(
            texts=texts,
            elements=ELEMENTS,
            styles=[Markup(style) for style in styles],
            scripts=[Markup(script) for script in scripts],
            data_json=Markup(json_for_script(data)),
            groups=groups,
            csv_href=f"{guide_base}{DOWNLOADS_DIR}/{settings['documents_csv']}",
            self_check_href=page_href(edition_page_src(content, first["id"], settings), guide_base, directory_urls),
        )
    )
    return html.strip()
