"""The "where to go next" page: the program today and the resources the sources name, each with its source.

Data: criteria/resources.yml (schema macros/schemas/resources.schema.json). Each resource's id is its
anchor on the page, so the self-check's next steps can link to ``where-to-go-next/#<id>``.
"""

from __future__ import annotations

from .links import SiteIndex
from .text import attr, h, href, md

PAGE_SRC = "where-to-go-next.md"


def source_citation(content: dict, source_id: str) -> str:
    """The source's title (linked when it has an address), author and date, as inline HTML."""
    source = content["sources"][source_id]
    title = f"<cite>{h(source['title'])}</cite>"
    target = href(source["url"]) if source.get("url") else None
    if target:
        title = f'<a href="{target}">{title}</a>'
    meta = ", ".join(h(part) for part in (source.get("author"), source.get("date")) if part)
    return title + (f" ({meta})" if meta else "")


def program_today(content: dict) -> str:
    statements = content.get("resources", {}).get("program_today", [])
    if not statements:
        return ""
    lines = ['<ul class="wwc-program-today">']
    for statement in statements:
        cited = "; ".join(source_citation(content, source_id) for source_id in statement["sources"])
        lines.append(
            f'<li id="{attr(statement["id"])}">{h(statement["text"])} '
            f'<span class="wwc-source">Source: {cited}.</span></li>'
        )
    lines.append("</ul>")
    return "\n".join(lines) + "\n"


def resource_block(index: SiteIndex, resource: dict, page_src: str) -> list[str]:
    content = index.content
    # A paragraph, not a heading: a heading per resource would outrank the guide's own pages in search.
    parts = [f'<p class="wwc-resource-name" id="{attr(resource["id"])}"><strong>{h(resource["name"])}</strong></p>', ""]
    if resource.get("next_step"):
        parts += [f"Recommended next step in the report: “{md(resource['next_step'])}”", ""]
    parts += [md(resource["description"]), ""]
    if resource.get("address"):
        target = href(resource["address"])
        shown = f'<a href="{target}">{h(resource["address"])}</a>' if target else h(resource["address"])
        parts += [f"Address given by the source (as of the source; it may have moved): {shown}", ""]
    if resource.get("criteria"):
        listed = ", ".join(f"[{cid}]({index.link(page_src, cid)})" for cid in resource["criteria"])
        parts += [f"The criterion whose statement this next step repeats: {listed}", ""]
    parts += [f'<span class="wwc-source">Source: {source_citation(content, resource["source"])}.</span>', ""]
    return parts


def resources_list(index: SiteIndex, page_src: str) -> str:
    """The report's next steps first, then the blueprint's resources by step, then any other."""
    resources = index.content.get("resources", {}).get("resources", [])
    by_source: dict[str, list[dict]] = {}
    for resource in resources:
        by_source.setdefault(resource["source"], []).append(resource)
    parts = []
    for source_id, group in by_source.items():
        parts += [f"### From: {md(index.content['sources'][source_id]['title'])}", ""]
        for resource in sorted(group, key=lambda r: r.get("blueprint_step", 0)):
            parts += resource_block(index, resource, page_src)
    return "\n".join(parts) + "\n"
