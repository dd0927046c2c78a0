"""Escaping of YAML values, one function per output context. YAML content is untrusted input.

The rule: a YAML value is always shown literally, never read as HTML, Markdown or Jinja, and it is
escaped once, by the renderer that places it, with the function for the context it lands in:

- HTML text, ``html_text`` (alias ``h``): & < > " ' as entities, and the characters Markdown reads
  as syntax as numeric references, so the value stays literal even where Python-Markdown still
  reads the HTML's content (inline tags such as <small> in a paragraph, ``markdown="span"``).
- HTML attribute value, ``attr``: the same, always placed inside double quotes.
- Markdown (inline), ``md``: HTML-escaped, then every Markdown character backslash-escaped
  (links, emphasis, code, tables, attribute lists, a leading list marker), on one line.
- Page title (the h1 text), ``title_md``: ``md`` without < and >. Material prints the title
  through Jinja's ``striptags``, which turns ``&lt;`` back into ``<``, so escaping cannot protect
  it: the schemas refuse < and > in every name that can become a title or a navigation label
  (city, state, group, tier and edition names ...), and this function drops what the schemas
  already keep out, as a second guard.
- JSON inside <script>, ``json_for_script``: no NaN/Infinity (JSON.parse would fail), and
  < > & U+2028 U+2029 as \\u escapes, so "</script>" or "<!--" cannot appear.
- CSV cell, ``csv_cell``: a leading = + - @ tab or CR gets a ' in front, so a spreadsheet shows
  text rather than running a formula.
- Link target, ``href``: only http(s):// addresses or paths on this site (the schemas enforce
  the same rule at load time), attribute-escaped.

Jinja: mkdocs-macros renders the page shells, not the values macros return, so ``{{`` in YAML
reaches the page as text; ``md`` and ``html_text`` escape braces as well, as a second guard.
"""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown would read as syntax; braces too, so attr_list never sees them.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")
# A value at the start of a line that Markdown would take as a list item ("- x", "+ x", "1. x").
_LEADING_LIST_MARKER = re.compile(r"^(?:([-+])|(\d+)([.)]))")
# HTML text in one pass: the HTML specials as entities, the characters Markdown reads as syntax
# as numeric references (literal both in raw HTML and where Markdown reads the HTML's content).
_HTML_TEXT = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
        **{char: f"&#{ord(char)};" for char in "\\`*_[]{}#|!~()"},
    }
)
_URL = re.compile(r"^(https?://[^\s\"'<>`\\]+|(?!//)(?![A-Za-z][A-Za-z0-9+.-]*:)[^\s\"'<>`\\]+)$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def one_line(text) -> str:
    return " ".join(str(text).split())


def md(text) -> str:
    """Inline Markdown: rendered as written, never as Markdown, HTML or Jinja."""
    escaped = html.escape(one_line(text), quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return _LEADING_LIST_MARKER.sub(_escape_list_marker, escaped)


def _escape_list_marker(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def title_md(text) -> str:
    """Markdown for a heading that becomes the page's <title> (see the table above)."""
    return md(str(text).replace("<", "").replace(">", ""))


def html_text(text) -> str:
    """HTML text content, literal whether or not Python-Markdown reads the surrounding HTML."""
    return one_line(text).translate(_HTML_TEXT)


h = html_text


def attr(text) -> str:
    """An HTML attribute value, to be placed inside double quotes."""
    return html_text(text)


def is_allowed_url(url: str) -> bool:
    """http(s) addresses and paths on this site; javascript:, data: and every other scheme are refused."""
    return bool(_URL.match(str(url)))


def href(url: str) -> str | None:
    """An href attribute value for ``url``, or None when the URL is not allowed."""
    return attr(url) if is_allowed_url(url) else None


def json_for_script(data) -> str:
    """JSON to embed in <script type="application/json">; refuses NaN/Infinity (JSON.parse would fail)."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        encoded = encoded.replace(char, escape)
    return encoded


def csv_cell(value):
    """A CSV cell a spreadsheet shows as text: a leading = + - @ tab or CR gets a ' in front (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def html_list(items, css_class: str) -> str:
    """A <ul> of items with stable ids; an item's `options` become a nested list."""
    lines = [f'<ul class="{attr(css_class)}">']
    for item in items:
        options = "".join(f"<li>{html_text(option)}</li>" for option in item.get("options", []))
        nested = f'<ul class="wwc-options">{options}</ul>' if options else ""
        lines.append(f'<li id="{attr(item["id"])}">{html_text(item["text"])}{nested}</li>')
    lines.append("</ul>")
    return "\n".join(lines)
