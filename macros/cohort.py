"""The cohort view for trainers (docs/self-check/cohort.md): several cities' self-check files at once.

The page is a template (macros/templates/cohort.html, autoescape on) holding the controls and the
empty result, plus the data the script needs as JSON: every edition in the shape the self-check
embeds (macros/selfcheck.payload_edition, so the script scores with the same lib/scoring.js), each
criterion's title, guide link and the case studies that illustrate it (from the criteria and case
study YAML, the one source), the export and share-link settings of the self-check (read from its
YAML, not repeated), and the texts of macros/cohort.yml. The script (selfcheck/src/cohort.js,
bundled into the file cohort.yml names) reads files in the browser only; nothing is sent or stored.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import assets, links, selfcheck
from .text import json_for_script
from .yamlfile import load_yaml

SETTINGS_FILE = Path(__file__).with_name("cohort.yml")
DOCS_DIR = selfcheck.DOCS_DIR


class CohortPageError(ValueError):
    """The cohort page cannot be built: a missing asset, or the macro called on another page."""


def load_settings(path: Path = SETTINGS_FILE) -> dict:
    return load_yaml(Path(path), f"macros/{Path(path).name}").data


def case_study_entry(study: dict, guide_base: str, directory_urls: bool) -> dict:
    return {
        "city": study["city"],
        "state": study["state"],
        "title": study["title"],
        "href": selfcheck.page_href(links.case_study_src(study), guide_base, directory_urls),
    }


def criteria_entries(index: links.SiteIndex, edition: dict, guide_base: str, directory_urls: bool) -> dict:
    """Criterion id -> what the handout says of it: title, guide link, illustrating case studies."""
    entries = {}
    for group in edition["groups"]:
        for criterion in group["criteria"]:
            entries[criterion["id"]] = {
                "title": " ".join(str(criterion.get("title", "")).split()),
                "href": selfcheck.guide_href(edition, group, criterion, guide_base, directory_urls),
                "case_studies": [
                    case_study_entry(study, guide_base, directory_urls)
                    for study in index.case_studies_for(criterion["id"])
                ],
            }
    return entries


def payload(content: dict, settings: dict, guide_base: str = "../", directory_urls: bool = True) -> dict:
    """The JSON the cohort page embeds."""
    index = links.SiteIndex(content)
    self_check = selfcheck.load_settings()
    share = selfcheck.load_settings(selfcheck.ASSESSMENTS_FILE)["share"]
    return {
        "export": self_check["export"],
        "share": {key: share[key] for key in ("fragment", "max_chars", "max_bytes")},
        "limits": settings["limits"],
        "texts": settings["texts"],
        "editions": [
            {
                "edition": selfcheck.payload_edition(edition),
                "criteria": criteria_entries(index, edition, guide_base, directory_urls),
            }
            for edition in selfcheck.editions_in_order(content)
        ],
    }


def without_blank_lines(html: str) -> str:
    # A blank line would end Python-Markdown's raw HTML block and let it read the rest as Markdown.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_cohort_page(
    content: dict,
    page_src: str,
    guide_base: str = "../",
    directory_urls: bool = True,
    settings: dict | None = None,
    docs_dir: Path | None = None,
) -> str:
    """The body of the cohort page as one raw HTML block."""
    settings = settings or load_settings()
    if page_src != settings["page"]:
        raise CohortPageError(f"docs/{page_src}: the cohort view belongs on docs/{settings['page']}")
    docs_dir = docs_dir or DOCS_DIR
    try:
        style = assets.inline_styles(docs_dir, settings["assets"]["styles"])
        script = assets.script_tag(docs_dir, settings["assets"]["script"], guide_base)
    except assets.AssetError as error:
        raise CohortPageError(f"macros/cohort.yml assets: {error}") from None
    html = (
        selfcheck.template_environment()
        .get_template("cohort.html")
        .render(
            texts=settings["texts"],
            payload_json=Markup(json_for_script(payload(content, settings, guide_base, directory_urls))),
            styles=Markup(style),
            script=Markup(script),
        )
    )
    return without_blank_lines(html)
