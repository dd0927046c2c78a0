"""Make YAML prose safe to place in Markdown or HTML: it is always shown literally."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown would read as syntax; braces too, so attr_list never sees them.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md(text: str) -> str:
    """Escape prose for inline Markdown: rendered as written, never as Markdown, HTML or Jinja."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def h(text: str) -> str:
    """Escape prose for an HTML block."""
    return html.escape(" ".join(str(text).split()))


def html_list(items, css_class: str) -> str:
    """A <ul> of items with stable ids; an item's `options` become a nested list."""
    lines = [f'<ul class="{css_class}">']
    for item in items:
        options = "".join(f"<li>{h(option)}</li>" for option in item.get("options", []))
        nested = f'<ul class="wwc-options">{options}</ul>' if options else ""
        lines.append(f'<li id="{h(item["id"])}">{h(item["text"])}{nested}</li>')
    lines.append("</ul>")
    return "\n".join(lines)
