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

The block must pass through Python-Markdown untouched: it starts with a block-level tag at column
0 and contains no blank line (a blank line would end the raw HTML block). Every YAML string is
HTML-escaped and its whitespace collapsed, so no YAML value can add a line break or markup.
"""

from __future__ import annotations

import copy
import csv
import io
from functools import lru_cache
from html import escape
from pathlib import Path


from . import assets, links
from .exports import DOWNLOADS_DIR
from .scoring import score
from .text import csv_cell, json_for_script, one_line
from .yamlfile import load_yaml

SETTINGS_FILE = Path(__file__).with_name("selfcheck.yml")
# The assets listed in selfcheck.yml are read from here and inlined into the page.
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
# Several assessments, share, merge, compare, CSV, storage banner (embedded as payload["assessments"]).
ASSESSMENTS_FILE = Path(__file__).with_name("selfcheck-assessments.yml")
# Material's search index skips an element marked so, but it matches end tags by tag name only, so
# the first inner </div> would end a <div>'s exclusion: the mark goes on each part (form, section,
# table), none of which holds another element of its own kind (tests/test_selfcheck_render.py).
# The intro stays searchable; the repeated criterion and document texts stay on the guide's pages.
SEARCH_EXCLUDE = "data-search-exclude"
# Marks the block as scripted before the browser paints what follows, so the layout that shows
# first is the one the scripts keep (no shift when they start).
SCRIPTED_MARK = '<script>document.currentScript.parentNode.classList.add("wwc-sc-js")</script>'


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
    return load_yaml(Path(path), f"macros/{Path(path).name}").data


ELEMENTS: dict[str, str] = load_settings()["elements"]
ROOT_ID = ELEMENTS["root"]
DATA_ID = ELEMENTS["data"]


def text(value) -> str:
    """A YAML string as HTML text in the self-check's raw HTML block: escaped, on one line.

    The block passes through Python-Markdown untouched (a block-level tag at column 0, no blank
    line), so Markdown's characters need no numeric references here as they do in macros/text.py's
    html_text; leaving them out keeps the page lighter."""
    return escape(" ".join(str(value).split()), quote=True)


def fill(template: str, **values) -> str:
    """The page's placeholder syntax ({name}), as the JavaScript fills it; unknown names stay."""
    result = str(template)
    for key, value in values.items():
        result = result.replace("{" + key + "}", str(value))
    return result


# --- which page is which -----------------------------------------------------------------------

def editions_in_order(content: dict) -> list[dict]:
    return list(content["editions"].values())


def edition_page_src(content: dict, edition_id: str, settings: dict) -> str:
    folder = settings["pages"]["folder"]
    first = editions_in_order(content)[0]["id"]
    return f"{folder}/index.md" if edition_id == first else f"{folder}/{edition_id}.md"


def expected_pages(content: dict, settings: dict) -> dict[str, tuple[str, str | None]]:
    """Page source (relative to docs/) -> ("edition", id) or ("documents", None)."""
    pages = {edition_page_src(content, edition["id"], settings): ("edition", edition["id"])
             for edition in editions_in_order(content)}
    pages[settings["pages"]["documents"]] = ("documents", None)
    return pages


def missing_pages(content: dict, docs_dir: Path, settings: dict | None = None) -> list[str]:
    settings = settings or load_settings()
    return [src for src in expected_pages(content, settings) if not (docs_dir / src).is_file()]


def render_page(content: dict, page_src: str, guide_base: str, directory_urls: bool = True,
                settings: dict | None = None) -> str:
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


def render_assets(settings: dict, scripts: bool = True, docs_dir: Path | None = None,
                  guide_base: str = "../") -> tuple[list[str], list[str]]:
    """(one inline <style> for the top of the block, the <script src defer> of the self-check's
    bundle for its end). The styles are minified at build time (macros/assets.py); the bundle is
    built by esbuild from selfcheck/src/ and committed, so the build needs no node."""
    assets_list = settings["assets"]
    docs_dir = docs_dir or DOCS_DIR
    try:
        style = assets.inline_styles(docs_dir, assets_list["styles"])
        script = assets.script_tag(docs_dir, assets_list["script"], guide_base) if scripts else ""
    except assets.AssetError as error:
        raise SelfCheckPageError(f"macros/selfcheck.yml assets: {error}") from None
    return [style] if style else [], [script] if script else []


# --- the embedded data ---------------------------------------------------------------------

def item_ids(criterion: dict, key: str) -> list[str]:
    return [item["id"] for item in criterion.get(key, [])]


def payload_criterion(criterion: dict) -> dict:
    entry = {"id": criterion["id"]}
    for key in ("requirements", "documentation"):
        if criterion.get(key):
            entry[key] = item_ids(criterion, key)
    if criterion.get("must_meet"):
        entry["must_meet"] = criterion["must_meet"]["count"]
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
            {"id": tier["id"], "name": tier["name"], "min_percent": tier["min_percent"],
             "description": " ".join(tier.get("description", "").split())}
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


def payload(content: dict, settings: dict, edition_id: str | None = None) -> dict:
    """The data embedded in the page: the edition (its criteria with the ids of what can be
    ticked), every requirement's and document's text, and every text the script shows."""
    edition_id = edition_id or editions_in_order(content)[0]["id"]
    edition = content["editions"][edition_id]
    return {
        "export": settings["export"],
        "limits": settings["limits"],
        "texts": edition_texts(edition, settings["texts"]),
        "assessments": load_settings(ASSESSMENTS_FILE),
        "edition": payload_edition(edition),
        "checklists": checklist_data(edition),
        "editions": {entry["id"]: entry["short_title"] for entry in editions_in_order(content)},
    }


# --- the form ------------------------------------------------------------------------------

def field_id(edition_id: str, criterion_id: str) -> str:
    return f"wwc-sc-{edition_id}-{criterion_id.lower()}"


def radio_name(edition_id: str, criterion_id: str) -> str:
    return f"wwc-{edition_id}-{criterion_id}"


def render_radios(edition: dict, criterion: dict) -> list[str]:
    """One radio per answer state, each inside its label (no id/for pair to repeat 135 times).
    Met states carry data-wwc-met, which the stylesheet uses to mark a met criterion."""
    name = text(radio_name(edition["id"], criterion["id"]))
    options = "".join(
        f'<label><input type="radio" name="{name}" value="{text(state["id"])}"'
        f'{" data-wwc-met" if state["met"] else ""}>{text(state["label"])}</label>'
        for state in edition["answer_states"]
    )
    return [f'<div class="wwc-sc-options">{options}</div>']


def guide_href(edition: dict, group: dict, criterion: dict, guide_base: str, directory_urls: bool) -> str:
    """The criterion on its guide page, at the stable URL /<url_path>/<group>/#<id>."""
    return f"{page_href(links.group_src(edition, group), guide_base, directory_urls)}#{links.anchor(criterion['id'])}"


def render_guide_links(index: links.SiteIndex, edition: dict, group: dict, criterion: dict, texts: dict,
                       guide_base: str, directory_urls: bool) -> str:
    """The guide entry and the case studies that illustrate the criterion (the next steps reuse these)."""
    href = guide_href(edition, group, criterion, guide_base, directory_urls)
    label = fill(texts["guide_link"], id=criterion["id"])
    parts = [f'<a class="wwc-sc-guide" href="{text(href)}">{text(label)}</a>']
    studies = index.case_studies_for(criterion["id"])
    if studies:
        study_links = ", ".join(
            f'<a class="wwc-sc-case" href="{text(page_href(links.case_study_src(study), guide_base, directory_urls))}">'
            f"{text(study['city'])}</a>"
            for study in studies
        )
        parts.append(f'<span class="wwc-sc-cases">{text(texts["case_studies"])} {study_links}</span>')
    return f'<p class="wwc-sc-guide-link">{" ".join(parts)}</p>'


def render_evidence(criterion: dict, texts: dict) -> list[str]:
    """The evidence panel, closed and empty: its checklists, notes, owner, due date and links are
    built by the evidence part (selfcheck/src/parts/evidence.js) when it is first opened, from the
    embedded checklist texts, so 45 or 450 panels of fields are not in the page until wanted. The
    panel says how many items of each kind it holds and any must-meet count."""
    counts = [len(criterion.get("requirements", [])), len(criterion.get("documentation", []))]
    if criterion.get("must_meet"):
        counts.append(int(criterion["must_meet"]["count"]))
    return [
        f'<details class="wwc-sc-more" data-wwc-evidence="{text(criterion["id"])}" '
        f'data-wwc-items="{" ".join(map(str, counts))}">'
        f'<summary><span class="wwc-sc-more-label">{text(texts["details_summary"])}</span>'
        '<span class="wwc-sc-evidence-state"></span></summary></details>',
    ]


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
        criterion["id"]: [[item(entry) for entry in criterion.get(key, [])] for key in ("requirements", "documentation")]
        for group in edition["groups"] for criterion in group["criteria"]
    }


def render_criterion(index: links.SiteIndex, edition: dict, group: dict, criterion: dict, texts: dict,
                     guide_base: str, directory_urls: bool) -> list[str]:
    title = f' <span class="wwc-sc-title">{text(criterion["title"])}</span>' if criterion.get("title") else ""
    lines = [
        f'<fieldset class="wwc-sc-criterion" id="{field_id(edition["id"], criterion["id"])}" '
        f'data-wwc-criterion="{text(criterion["id"])}">',
        f'<legend class="wwc-sc-legend"><span class="wwc-sc-id">{text(criterion["id"])}</span>{title} '
        f'<span class="wwc-sc-statement">{text(criterion["statement"])}</span></legend>',
    ]
    # Answers and the way to the evidence share one row, so 45 criteria stay quick to go through.
    lines.append('<div class="wwc-sc-row">')
    lines.extend(render_radios(edition, criterion))
    lines.extend(render_evidence(criterion, texts))
    lines.append("</div>")
    lines.append(render_guide_links(index, edition, group, criterion, texts, guide_base, directory_urls))
    lines.append("</fieldset>")
    return lines


def render_group(index: links.SiteIndex, edition: dict, group: dict, texts: dict, first_figure: str,
                 guide_base: str, directory_urls: bool) -> list[str]:
    heading_id = f"wwc-sc-{edition['id']}-group-{group['id']}"
    lines = [
        f'<section class="wwc-sc-group" aria-labelledby="{heading_id}" data-wwc-group="{text(group["id"])}">',
        f'<h3 class="wwc-sc-group-heading" id="{heading_id}">{text(group["name"])} '
        f'<span class="wwc-sc-group-score" data-wwc-group-score="{text(group["id"])}">{text(first_figure)}</span></h3>',
    ]
    for criterion in group["criteria"]:
        lines.extend(render_criterion(index, edition, group, criterion, texts, guide_base, directory_urls))
    lines.append("</section>")
    return lines


def render_form(index: links.SiteIndex, edition: dict, texts: dict, empty: dict,
                guide_base: str, directory_urls: bool) -> list[str]:
    # autocomplete="off": the browser must not restore inputs on reload; saved answers come
    # from storage only, so what is shown and what is saved cannot drift apart.
    heading_id = f"wwc-sc-form-heading-{edition['id']}"
    lines = [
        f'<form class="wwc-sc-form" id="{ELEMENTS["form_prefix"]}{text(edition["id"])}" data-wwc-edition="{text(edition["id"])}" {SEARCH_EXCLUDE} '
        f'aria-labelledby="{heading_id}" autocomplete="off">',
        f'<h2 class="wwc-sc-form-heading" id="{heading_id}">{text(edition["title"])}</h2>',
    ]
    for group, scored in zip(edition["groups"], empty["groups"]):
        figure = fill(texts["group_figure"], percent=scored["percent"], met=scored["met"], total=scored["total"])
        lines.extend(render_group(index, edition, group, texts, figure, guide_base, directory_urls))
    lines.append("</form>")
    return lines


# --- the parts the scripts bring to life -----------------------------------------------------

def render_edition_links(content: dict, current_id: str, settings: dict, guide_base: str,
                         directory_urls: bool) -> list[str]:
    """Links between the editions' pages (each page loads only its own edition's form)."""
    texts = settings["texts"]
    editions = editions_in_order(content)
    if len(editions) < 2:
        return []
    items = []
    for edition in editions:
        if edition["id"] == current_id:
            items.append(f'<li><a aria-current="page" href="#wwc-sc-form-{text(edition["id"])}">'
                         f'{text(edition["short_title"])}</a> {text(texts["edition_current"])}</li>')
        else:
            href = page_href(edition_page_src(content, edition["id"], settings), guide_base, directory_urls)
            items.append(f'<li><a href="{text(href)}" data-wwc-edition-link="{text(edition["id"])}">'
                         f'{text(edition["short_title"])}</a></li>')
    return [
        f'<nav class="wwc-sc-editions" id="wwc-sc-editions" aria-label="{text(texts["edition_legend"])}">',
        f'<span class="wwc-sc-editions-label">{text(texts["edition_legend"])}:</span>',
        f'<ul>{"".join(items)}</ul>',
        "</nav>",
    ]


def tier_name(edition: dict, tier_id: str | None) -> str:
    return next((tier["name"] for tier in edition["tiers"] if tier["id"] == tier_id), edition.get("not_certified_label", ""))


def item_word(edition: dict, count: int) -> str:
    return edition["item_label"] if count == 1 else edition.get("item_label_plural", edition["item_label"] + "s")


def render_results(edition: dict, settings: dict, empty: dict, guide_base: str, directory_urls: bool,
                   note: str | None = None) -> list[str]:
    """The result panel as an empty self-check scores; wwc-sc-results.js updates these nodes in place."""
    texts = settings["texts"]
    total = empty["total"]
    items = item_word(edition, total)
    tiers_href = page_href(settings["pages"]["tiers"], guide_base, directory_urls)
    first_tier = min(edition["tiers"], key=lambda tier: tier["min_percent"])
    unanswered = fill(texts["unanswered_some"], count=total, total=total, items=items)
    next_line = fill(texts["next_tier"], tier=first_tier["name"], more=empty["next_tier"]["more_needed"],
                     items=item_word(edition, empty["next_tier"]["more_needed"])) if empty["next_tier"] else ""
    evidence = fill(texts["evidence_result"], met=0, total=total, items=items, percent=empty["percent"],
                    tier=tier_name(edition, None))
    group_label = edition["group_label"].lower()
    has_average = any(group.get("benchmark") for group in edition["groups"])
    caption = fill(texts["bars_caption"] if has_average else texts["bars_caption_no_average"], group=group_label)
    marks = ", ".join(f"{tier['name']} {tier['min_percent']}%" for tier in edition["tiers"])
    lines = [
        f'<section class="wwc-sc-results wwc-sc-needs-script" id="{ELEMENTS["results"]}" aria-labelledby="wwc-sc-results-heading" '
        f'{SEARCH_EXCLUDE}>',
        f'<h2 id="wwc-sc-results-heading">{text(texts["results_heading"])}</h2>',
        '<div class="wwc-sc-result-body" id="wwc-sc-result-body">',
        '<div class="wwc-sc-figures">',
        f'<p class="wwc-sc-tier"><a class="wwc-sc-tier-name" href="{text(tiers_href)}" title="{text(texts["tier_link_title"])}" '
        f'data-wwc-tier="">{text(tier_name(edition, None))}</a></p>',
        render_tier_meanings(edition),
        f'<p class="wwc-sc-met"><strong class="wwc-sc-met-count">'
        f'{text(fill(texts["met_count"], met=0, total=total, items=items))}</strong> '
        f'<span class="wwc-sc-percent">({text(empty["percent"])}%)</span></p>',
        '<p class="wwc-sc-borderline"></p>',
        f'<p class="wwc-sc-unanswered">{text(unanswered)}</p>',
        f'<p class="wwc-sc-next">{text(next_line)}</p>',
        f'<p class="wwc-sc-evidence"><strong>{text(texts["evidence_heading"])}</strong> '
        f'<span class="wwc-sc-evidence-result">{text(evidence)}</span> '
        f'<span class="wwc-sc-evidence-flags">{text(texts["evidence_flagged_none"])}</span></p>',
    ]
    if note:
        lines.append(f'<p class="wwc-sc-result-note">{text(note)}</p>')
    lines.append("</div>")
    lines += [
        '<div class="wwc-sc-overall">',
        '<div class="wwc-sc-bar wwc-sc-bar-overall" aria-hidden="true"><span class="wwc-sc-bar-fill" style="width:0%"></span>'
        + "".join(f'<span class="wwc-sc-bar-tick" style="left:{tier["min_percent"]}%"></span>' for tier in edition["tiers"])
        + "</div>",
        f'<p class="wwc-sc-caption">{text(fill(texts["tier_marks"], marks=marks))}</p>',
        "</div>",
        '<div class="wwc-sc-groups">',
        '<ul class="wwc-sc-group-bars">',
    ]
    for group, scored in zip(edition["groups"], empty["groups"]):
        figure = fill(texts["group_figure"], percent=scored["percent"], met=scored["met"], total=scored["total"])
        average = ""
        marker = ""
        if scored["average_percent"] is not None:
            average = (f'<span class="wwc-sc-group-average">'
                       f'{text(fill(texts["group_average"], average=scored["average_percent"]))}</span>')
            marker = f'<span class="wwc-sc-bar-average" style="left:{scored["average_percent"]}%"></span>'
        lines.append(
            f'<li class="wwc-sc-group-bar" data-wwc-group="{text(group["id"])}">'
            f'<span class="wwc-sc-group-name">{text(group["name"])}</span>'
            f'<span class="wwc-sc-group-figure" data-wwc-percent="{text(scored["percent"])}">{text(figure)}</span>{average}'
            f'<span class="wwc-sc-bar" aria-hidden="true"><span class="wwc-sc-bar-fill" style="width:0%"></span>{marker}</span></li>'
        )
    lines += ["</ul>", f'<p class="wwc-sc-caption">{text(caption)}</p>', "</div>", "</div>", "</section>"]
    return lines


def render_tier_meanings(edition: dict) -> str:
    """Every tier's one-line meaning, all in one grid cell and only the reached one visible
    (wwc-sc-results.js): the line is as tall as the longest from the first paint, so showing
    a tier's meaning moves nothing, at any width."""
    spans = "".join(f'<span data-wwc-tier="{text(tier["id"])}">{text(tier["description"])}</span>'
                    for tier in edition["tiers"] if tier.get("description"))
    return f'<p class="wwc-sc-tier-meaning">{spans}</p>'


def render_tools(settings: dict, guide_base: str) -> list[str]:
    texts = settings["texts"]
    limits = settings["limits"]
    accept = ".json,application/json"
    # The schema is published with the site's downloads (macros/exports.py copies macros/schemas/).
    schema_href = f"{guide_base}{DOWNLOADS_DIR}/{settings['export']['schema_file']}"
    return [
        f'<section class="wwc-sc-tools wwc-sc-needs-script" id="{ELEMENTS["tools"]}" aria-labelledby="wwc-sc-tools-heading" '
        f'{SEARCH_EXCLUDE}>',
        f'<h2 id="wwc-sc-tools-heading">{text(texts["save_heading"])}</h2>',
        '<div class="wwc-sc-identity">',
        f'<span class="wwc-sc-field"><label for="{ELEMENTS["city"]}">{text(texts["city_label"])}</label>'
        f'<input type="text" id="{ELEMENTS["city"]}" maxlength="{limits["city"]}" autocomplete="off"></span>',
        f'<span class="wwc-sc-field"><label for="{ELEMENTS["date"]}">{text(texts["date_label"])}</label>'
        f'<input type="date" id="{ELEMENTS["date"]}" autocomplete="off"></span>',
        f'<span class="wwc-sc-field"><label for="{ELEMENTS["name"]}">{text(texts["name_label"])}</label>'
        f'<input type="text" id="{ELEMENTS["name"]}" maxlength="{limits["name"]}" autocomplete="off"></span>',
        "</div>",
        '<div class="wwc-sc-buttons">',
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["export"]}">{text(texts["export_button"])}</button>',
        '<span class="wwc-sc-import">'
        f'<label class="wwc-sc-button" for="{ELEMENTS["import_file"]}">{text(texts["import_label"])}</label>'
        f'<input type="file" id="{ELEMENTS["import_file"]}" accept="{accept}" aria-describedby="wwc-sc-import-hint">'
        "</span>",
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["start_over"]}">{text(texts["start_over_button"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["undo"]}" hidden>{text(texts["undo_button"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["print"]}">{text(texts["print_button"])}</button>',
        "</div>",
        f'<p class="wwc-sc-hint" id="wwc-sc-import-hint">{text(texts["import_hint"])} '
        f'<a href="{text(schema_href)}">{text(texts["format_link"])}</a></p>',
        f'<div class="wwc-sc-alert" id="{ELEMENTS["alert"]}" role="alert"></div>',
        f'<div class="wwc-sc-notice" id="{ELEMENTS["notice"]}" role="status"></div>',
        "</section>",
    ]


def render_plan(settings: dict, guide_base: str, directory_urls: bool) -> list[str]:
    """Next steps, flagged met answers and the documents to gather, below the form (filled by
    wwc-sc-plan.js): their length depends on the answers, and below the form it moves nothing."""
    texts = settings["texts"]
    documents_href = page_href(settings["pages"]["documents"], guide_base, directory_urls)
    return [
        f'<section class="wwc-sc-plan wwc-sc-needs-script" id="{ELEMENTS["plan"]}" aria-labelledby="wwc-sc-plan-heading" '
        f'{SEARCH_EXCLUDE}>',
        f'<h2 id="wwc-sc-plan-heading">{text(texts["plan_heading"])}</h2>',
        f'<h3 id="wwc-sc-next-heading">{text(texts["next_heading"])}</h3>',
        f'<div id="{ELEMENTS["next"]}"></div>',
        f'<h3 id="wwc-sc-flags-heading">{text(texts["flags_heading"])}</h3>',
        f'<div id="{ELEMENTS["flags"]}"></div>',
        f'<h3 id="wwc-sc-documents-heading">{text(texts["documents_heading"])}</h3>',
        f'<details class="wwc-sc-documents" id="{ELEMENTS["documents"]}">',
        f'<summary id="{ELEMENTS["documents_summary"]}"></summary>',
        f'<div id="{ELEMENTS["documents_list"]}"></div>',
        "</details>",
        f'<p><a href="{text(documents_href)}">{text(texts["documents_page_link"])}</a></p>',
        "</section>",
    ]


def render_notices_roots(texts: dict) -> list[str]:
    """Empty, hidden roots of the parts that speak only when something needs saying (storage
    banner, an incoming share link, a merge, the undo of an import): wwc-sc-multi.js binds its
    parts to them. Hidden and empty, they take no space, so the first paint does not move."""
    return [
        f'<section class="wwc-sc-banner wwc-sc-needs-script" id="{ELEMENTS["banner"]}" hidden></section>',
        f'<section class="wwc-sc-incoming wwc-sc-needs-script" id="{ELEMENTS["incoming"]}" hidden></section>',
        f'<section class="wwc-sc-merge wwc-sc-needs-script" id="{ELEMENTS["merge"]}" hidden></section>',
        f'<div class="wwc-sc-import-undo wwc-sc-needs-script"><p id="{ELEMENTS["import_message"]}" role="status"></p>'
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["undo_import"]}" hidden>{text(texts["import_undo"])}</button></div>',
    ]


def render_assessments_roots() -> list[str]:
    """The assessments manager, share and compare: their content depends on what this browser
    keeps, so they sit below the form and the plan, where filling them moves nothing already seen."""
    return [
        f'<section class="wwc-sc-{name} wwc-sc-needs-script" id="{ELEMENTS[name]}" hidden></section>'
        for name in ("assessments", "share", "compare")
    ]


def render_confirm_dialog(texts: dict) -> list[str]:
    return [
        f'<dialog class="wwc-sc-dialog" id="{ELEMENTS["confirm"]}" aria-labelledby="{ELEMENTS["confirm_text"]}">',
        f'<p id="{ELEMENTS["confirm_text"]}"></p>',
        '<div class="wwc-sc-buttons">',
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["confirm_yes"]}">{text(texts["confirm_yes"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="{ELEMENTS["confirm_no"]}">{text(texts["confirm_no"])}</button>',
        "</div>",
        "</dialog>",
    ]


def render_self_check(content: dict, edition_id: str | None = None, settings: dict | None = None,
                      guide_base: str = "../", directory_urls: bool = True, docs_dir: Path | None = None) -> str:
    """The page body of one edition's self-check as one raw HTML block.

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
    index = links.SiteIndex(content)
    empty = score(edition, {})
    styles, scripts = render_assets(settings, docs_dir=docs_dir, guide_base=guide_base)
    lines = [
        f'<div class="wwc-selfcheck" id="{ROOT_ID}" data-wwc-edition="{text(edition_id)}">',
        SCRIPTED_MARK,
        *styles,
        f'<script type="application/json" id="{DATA_ID}">{json_for_script(payload(content, settings, edition_id))}</script>',
        f'<p class="wwc-sc-intro">{text(intro_text(edition, texts))}</p>',
        f'<noscript><p class="wwc-sc-noscript" id="wwc-sc-noscript">{text(texts["no_script"])}</p></noscript>',
        f'<p class="wwc-sc-start-failed" role="alert" data-wwc-start-failure hidden>{text(texts["start_failed"])} '
        '<code data-wwc-start-reason></code></p>',
        *render_edition_links(content, edition_id, settings, guide_base, directory_urls),
        *render_notices_roots(load_settings(ASSESSMENTS_FILE)["texts"]),
        '<div class="wwc-sc-body">',
        *render_results(edition, settings, empty, guide_base, directory_urls, edition.get("result_note")),
        *render_tools(settings, guide_base),
        *render_form(index, edition, texts, empty, guide_base, directory_urls),
        *render_plan(settings, guide_base, directory_urls),
        *render_assessments_roots(),
        f'<section class="wwc-sc-report" id="{ELEMENTS["report"]}" {SEARCH_EXCLUDE} aria-label="'
        f'{text(texts["report_heading"])}"></section>',
        *render_confirm_dialog(texts),
        f'<p class="wwc-sc-status wwc-sc-needs-script" id="{ELEMENTS["status"]}" role="status">'
        f'{text(initial_summary(edition, texts, empty))}</p>',
        "</div>",
        *scripts,
        "</div>",
    ]
    return "\n".join(lines)


def joined(labels: list[str], last: str) -> str:
    """"A, B or C" with the settings' word for the last join."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + last + labels[-1]


def answer_labels(edition: dict, texts: dict) -> dict[str, str]:
    """The values of the answer-label placeholders (selfcheck.yml texts), from the edition's
    answer_states: the texts never name one standard's answers."""
    states = edition["answer_states"]
    unmet = [state["label"] for state in states if not state["met"]]
    return {
        "label_states": joined([state["label"] for state in states], texts["list_or"]),
        "label_met": joined([state["label"] for state in states if state["met"]], texts["list_or"]),
        # wwc-readiness.js scores an unbacked met answer as the edition's first unmet state.
        "label_downgrade": unmet[0] if unmet else "",
        "label_unmet_order": joined(unmet, texts["list_before"]) if unmet else "",
    }


def edition_texts(edition: dict, texts: dict, joins: dict | None = None) -> dict:
    """The settings' texts with the edition's answer labels filled in (other placeholders stay);
    ``joins``: the texts holding list_or and list_before, when ``texts`` is a selection."""
    labels = answer_labels(edition, joins or texts)
    return {key: fill(value, **labels) if isinstance(value, str) else value for key, value in texts.items()}


def intro_text(edition: dict, texts: dict) -> str:
    """The intro names the edition's own answers (from its answer_states), not fixed words."""
    return fill(edition_texts(edition, texts)["intro"], item=edition["item_label"])


def initial_summary(edition: dict, texts: dict, result: dict) -> str:
    items = item_word(edition, result["total"])
    summary = fill(texts["summary"], met=result["met"], total=result["total"], items=items,
                   percent=result["percent"], tier=tier_name(edition, result["tier"]))
    unanswered = fill(texts["unanswered_some"], count=result["unanswered"], total=result["total"], items=items)
    return f"{summary} {unanswered}"


# --- documents to gather -------------------------------------------------------------------------

def documents_by_group(content: dict) -> list[tuple[dict, dict, list[tuple[dict, dict]]]]:
    """(edition, group, [(criterion, document), ...]) for every group that asks for documents."""
    found = []
    for edition in editions_in_order(content):
        for group in edition["groups"]:
            rows = [(criterion, document) for criterion in group["criteria"]
                    for document in criterion.get("documentation", [])]
            if rows:
                found.append((edition, group, rows))
    return found


def documents_csv(content: dict, settings: dict | None = None) -> str:
    """The documents list as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read it)."""
    texts = (settings or load_settings())["texts"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([texts["csv_header_area"], texts["csv_header_criterion"],
                     texts["csv_header_document_id"], texts["csv_header_document"]])
    for _edition, group, rows in documents_by_group(content):
        for criterion, document in rows:
            writer.writerow([csv_text(group["name"]), csv_text(criterion["id"]), csv_text(document["id"]),
                             csv_text(document["text"])])
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
    texts = settings["texts"]
    styles, _ = render_assets(settings, scripts=False)
    csv_href = f"{guide_base}{DOWNLOADS_DIR}/{settings['documents_csv']}"
    first = editions_in_order(content)[0]
    self_check_href = page_href(edition_page_src(content, first["id"], settings), guide_base, directory_urls)
    lines = [
        '<div class="wwc-documents" id="wwc-documents">',
        *styles,
        f'<p>{text(texts["documents_page_intro"])}</p>',
        f'<p class="wwc-documents-actions"><a href="{text(csv_href)}" download>{text(texts["documents_csv_link"])}</a> '
        f'<a href="{text(self_check_href)}">{text(texts["documents_self_check_link"])}</a></p>',
    ]
    for edition, group, rows in documents_by_group(content):
        lines.append(f'<h2 id="{text(group["id"])}">{text(group["name"])}</h2>')
        lines.append(f'<table class="wwc-documents-table" {SEARCH_EXCLUDE}>')
        lines.append(f'<thead><tr><th scope="col">{text(texts["csv_header_document"])}</th>'
                     f'<th scope="col">{text(texts["csv_header_criterion"])}</th></tr></thead><tbody>')
        for criterion, document in rows:
            href = guide_href(edition, group, criterion, guide_base, directory_urls)
            lines.append(f'<tr data-wwc-document="{text(document["id"])}"><td>{text(document["text"])}</td>'
                         f'<td><a href="{text(href)}">{text(criterion["id"])}</a></td></tr>')
        lines.append("</tbody></table>")
    lines.append("</div>")
    return "\n".join(lines)

