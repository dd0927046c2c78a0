"""The self-check page body: a real HTML form rendered from the criteria YAML, plus its data.

``render_self_check(content)`` returns one raw HTML block for the page (docs/self-check/). The
form works without JavaScript (it can be filled in, read by a screen reader and printed);
docs/assets/javascripts/wwc-selfcheck.js then adds scoring, saving, export and import, reading
everything it needs from the JSON embedded in the block (fetch() does not work from file://).

The block must pass through Python-Markdown untouched: it starts with a block-level tag at column
0 and contains no blank line (a blank line would end the raw HTML block). Every YAML string is
HTML-escaped and its whitespace collapsed, so no YAML value can add a line break or markup.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import yaml

from . import links
from .exports import DOWNLOADS_DIR

SETTINGS_FILE = Path(__file__).with_name("selfcheck.yml")
# Several assessments, share, merge, compare, CSV, storage banner (embedded as payload["assessments"]).
ASSESSMENTS_FILE = Path(__file__).with_name("selfcheck-assessments.yml")
ROOT_ID = "wwc-selfcheck"
DATA_ID = "wwc-selfcheck-data"


def load_settings(path: Path = SETTINGS_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def text(value) -> str:
    """A YAML string as HTML text: escaped, on one line."""
    return escape(" ".join(str(value).split()), quote=True)


def script_json(data) -> str:
    """JSON that is safe inside <script>: no "</script>", "<!--" or "&" can appear in it."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- the embedded data ---------------------------------------------------------------------

def payload_edition(edition: dict) -> dict:
    """What the page's JavaScript needs of an edition: the shape macros/scoring.py scores."""
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
            {"id": tier["id"], "name": tier["name"], "min_percent": tier["min_percent"]} for tier in edition["tiers"]
        ],
        "not_certified_label": edition.get("not_certified_label", ""),
        "display": dict(edition["display"]),
        "groups": [
            {
                "id": group["id"],
                "name": group["name"],
                "benchmark": group.get("benchmark"),
                "criteria": [{"id": criterion["id"], "statement": " ".join(criterion["statement"].split())}
                             for criterion in group["criteria"]],
            }
            for group in edition["groups"]
        ],
    }


def payload(content: dict, settings: dict) -> dict:
    return {
        "storage_key": settings["storage_key"],
        "export": settings["export"],
        "texts": settings["texts"],
        "assessments": load_settings(ASSESSMENTS_FILE),
        "editions": [payload_edition(edition) for edition in content["editions"].values()],
    }


# --- the form ------------------------------------------------------------------------------

def field_id(edition_id: str, criterion_id: str) -> str:
    return f"wwc-sc-{edition_id}-{criterion_id.lower()}"


def radio_name(edition_id: str, criterion_id: str) -> str:
    """Unique per edition, so both editions' forms can sit on one page."""
    return f"wwc-{edition_id}-{criterion_id}"


def render_radios(edition: dict, criterion: dict) -> list[str]:
    base = field_id(edition["id"], criterion["id"])
    name = radio_name(edition["id"], criterion["id"])
    lines = ['<div class="wwc-sc-options">']
    for state in edition["answer_states"]:
        input_id = f"{base}-{state['id']}"
        met = "true" if state["met"] else "false"
        lines.append(
            f'<span class="wwc-sc-option"><input type="radio" id="{input_id}" name="{text(name)}" '
            f'value="{text(state["id"])}" data-wwc-met="{met}">'
            f'<label for="{input_id}">{text(state["label"])}</label></span>'
        )
    lines.append("</div>")
    return lines


def render_items(items: list[dict]) -> list[str]:
    lines = ["<ul>"]
    for item in items:
        options = "".join(f"<li>{text(option)}</li>" for option in item.get("options", []))
        sub_list = f"<ul>{options}</ul>" if options else ""
        lines.append(f"<li>{text(item['text'])}{sub_list}</li>")
    lines.append("</ul>")
    return lines


def guide_href(edition: dict, group: dict, criterion: dict, guide_base: str, directory_urls: bool) -> str:
    """The criterion on its guide page, at the stable URL /<url_path>/<group>/#<id>."""
    page = links.site_path(links.group_src(edition, group), directory_urls)
    return f"{guide_base}{page}#{links.anchor(criterion['id'])}"


def render_guide_link(edition: dict, group: dict, criterion: dict, texts: dict,
                      guide_base: str, directory_urls: bool) -> str:
    href = guide_href(edition, group, criterion, guide_base, directory_urls)
    label = texts["guide_link"].replace("{id}", criterion["id"])
    return f'<p class="wwc-sc-guide-link"><a href="{text(href)}">{text(label)}</a></p>'


def render_details(edition: dict, group: dict, criterion: dict, texts: dict,
                   guide_base: str, directory_urls: bool) -> list[str]:
    """Requirements and documentation, closed until asked for, so answering stays compact."""
    requirements = criterion.get("requirements", [])
    documentation = criterion.get("documentation", [])
    link = render_guide_link(edition, group, criterion, texts, guide_base, directory_urls)
    if not requirements and not documentation:
        return [link]
    lines = ['<details class="wwc-sc-more">', f"<summary>{text(texts['details_summary'])}</summary>"]
    if requirements:
        must_meet = criterion.get("must_meet")
        heading = (
            texts["must_meet"].replace("{count}", str(must_meet["count"])).replace("{total}", str(len(requirements)))
            if must_meet else texts["checklist"]
        )
        lines.append(f'<p class="wwc-sc-more-heading">{text(heading)}</p>')
        lines.extend(render_items(requirements))
    if documentation:
        lines.append(f'<p class="wwc-sc-more-heading">{text(texts["documentation"])}</p>')
        lines.extend(render_items(documentation))
    lines.append(link)
    lines.append("</details>")
    return lines


def render_criterion(edition: dict, group: dict, criterion: dict, texts: dict,
                     guide_base: str, directory_urls: bool) -> list[str]:
    title = f' <span class="wwc-sc-title">{text(criterion["title"])}</span>' if criterion.get("title") else ""
    lines = [
        f'<fieldset class="wwc-sc-criterion" id="{field_id(edition["id"], criterion["id"])}" '
        f'data-wwc-criterion="{text(criterion["id"])}">',
        f'<legend class="wwc-sc-legend"><span class="wwc-sc-id">{text(criterion["id"])}</span>{title} '
        f'<span class="wwc-sc-statement">{text(criterion["statement"])}</span></legend>',
    ]
    # Answers and the way to the details share one row, so 45 criteria stay quick to go through.
    lines.append('<div class="wwc-sc-row">')
    lines.extend(render_radios(edition, criterion))
    lines.extend(render_details(edition, group, criterion, texts, guide_base, directory_urls))
    lines.append("</div>")
    lines.append("</fieldset>")
    return lines


def render_group(edition: dict, group: dict, texts: dict, guide_base: str, directory_urls: bool) -> list[str]:
    heading_id = f"wwc-sc-{edition['id']}-group-{group['id']}"
    lines = [
        f'<section class="wwc-sc-group" aria-labelledby="{heading_id}" data-wwc-group="{text(group["id"])}">',
        f'<h3 class="wwc-sc-group-heading" id="{heading_id}">{text(group["name"])} '
        f'<span class="wwc-sc-group-score" data-wwc-group-score="{text(group["id"])}"></span></h3>',
    ]
    for criterion in group["criteria"]:
        lines.extend(render_criterion(edition, group, criterion, texts, guide_base, directory_urls))
    lines.append("</section>")
    return lines


def render_form(edition: dict, texts: dict, guide_base: str, directory_urls: bool) -> list[str]:
    # autocomplete="off": the browser must not restore radios on reload; saved answers come
    # from storage only, so what is shown and what is saved cannot drift apart.
    heading_id = f"wwc-sc-form-heading-{edition['id']}"
    lines = [
        f'<form class="wwc-sc-form" id="wwc-sc-form-{edition["id"]}" data-wwc-edition="{text(edition["id"])}" '
        f'aria-labelledby="{heading_id}" autocomplete="off">',
        f'<h2 class="wwc-sc-form-heading" id="{heading_id}">{text(edition["title"])}</h2>',
    ]
    for group in edition["groups"]:
        lines.extend(render_group(edition, group, texts, guide_base, directory_urls))
    lines.append("</form>")
    return lines


# --- the page parts JavaScript brings to life ------------------------------------------------

def render_edition_switch(editions: list[dict], texts: dict) -> list[str]:
    lines = [
        '<fieldset class="wwc-sc-editions" id="wwc-sc-editions" hidden>',
        f"<legend>{text(texts['edition_legend'])}</legend>",
    ]
    for index, edition in enumerate(editions):
        input_id = f"wwc-sc-edition-{edition['id']}"
        checked = " checked" if index == 0 else ""
        lines.append(
            f'<span class="wwc-sc-option"><input type="radio" id="{input_id}" name="wwc-sc-edition" '
            f'value="{text(edition["id"])}"{checked}><label for="{input_id}">{text(edition["short_title"])}</label></span>'
        )
    lines.append("</fieldset>")
    return lines


def render_results(texts: dict) -> list[str]:
    return [
        '<section class="wwc-sc-results" id="wwc-sc-results" aria-labelledby="wwc-sc-results-heading" hidden>',
        f'<h2 id="wwc-sc-results-heading">{text(texts["results_heading"])}</h2>',
        '<div id="wwc-sc-result-body"></div>',
        "</section>",
    ]


def render_tools(settings: dict, guide_base: str) -> list[str]:
    texts = settings["texts"]
    accept = ".json,application/json"
    # The schema is published with the site's downloads (macros/exports.py copies macros/schemas/).
    schema_href = f"{guide_base}{DOWNLOADS_DIR}/{settings['export']['schema_file']}"
    return [
        '<section class="wwc-sc-tools" id="wwc-sc-tools" aria-labelledby="wwc-sc-tools-heading" hidden>',
        f'<h2 id="wwc-sc-tools-heading">{text(texts["save_heading"])}</h2>',
        '<p class="wwc-sc-storage" id="wwc-sc-storage"></p>',
        '<div class="wwc-sc-buttons">',
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-export">{text(texts["export_button"])}</button>',
        '<span class="wwc-sc-import">'
        f'<label class="wwc-sc-button" for="wwc-sc-import-file">{text(texts["import_label"])}</label>'
        f'<input type="file" id="wwc-sc-import-file" accept="{accept}" aria-describedby="wwc-sc-import-hint">'
        "</span>",
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-start-over">{text(texts["start_over_button"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-undo" hidden>{text(texts["undo_button"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-print">{text(texts["print_button"])}</button>',
        "</div>",
        f'<p class="wwc-sc-hint" id="wwc-sc-import-hint">{text(texts["import_hint"])} '
        f'<a href="{text(schema_href)}">{text(texts["format_link"])}</a></p>',
        '<div class="wwc-sc-alert" id="wwc-sc-alert" role="alert"></div>',
        '<div class="wwc-sc-notice" id="wwc-sc-notice" role="status"></div>',
        "</section>",
    ]


def render_confirm_dialog(texts: dict) -> list[str]:
    return [
        '<dialog class="wwc-sc-dialog" id="wwc-sc-confirm" aria-labelledby="wwc-sc-confirm-text">',
        '<p id="wwc-sc-confirm-text"></p>',
        '<div class="wwc-sc-buttons">',
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-confirm-yes">{text(texts["confirm_yes"])}</button>',
        f'<button type="button" class="wwc-sc-button" id="wwc-sc-confirm-no">{text(texts["confirm_no"])}</button>',
        "</div>",
        "</dialog>",
    ]


def render_self_check(content: dict, settings: dict | None = None, guide_base: str = "../",
                      directory_urls: bool = True) -> str:
    """The page body of the self-check as one raw HTML block.

    ``guide_base`` leads from the self-check page to the site root (the page is /self-check/),
    for the links to each criterion in the guide and to the export file's schema; MkDocs does not
    rewrite links in raw HTML, so ``directory_urls`` says which form the guide's pages have.
    """
    settings = settings or load_settings()
    texts = settings["texts"]
    editions = list(content["editions"].values())
    lines = [
        f'<div class="wwc-selfcheck" id="{ROOT_ID}">',
        f'<script type="application/json" id="{DATA_ID}">{script_json(payload(content, settings))}</script>',
        f'<p class="wwc-sc-intro">{text(texts["intro"])}</p>',
        f'<p class="wwc-sc-noscript" id="wwc-sc-noscript">{text(texts["no_script"])}</p>',
        *render_edition_switch(editions, texts),
        *render_results(texts),
        *render_tools(settings, guide_base),
    ]
    for edition in editions:
        lines.extend(render_form(edition, texts, guide_base, directory_urls))
    lines.extend(render_confirm_dialog(texts))
    lines.append('<p class="wwc-sc-status" id="wwc-sc-status" role="status" hidden></p>')
    lines.append("</div>")
    return "\n".join(lines)
