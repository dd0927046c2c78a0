"""Print the self-check page's own weight: raw and gzipped bytes of its HTML block (markup, inline
CSS, embedded JSON) and of the script bundle it links, which is everything the page fetches of its
own: every part of the self-check is in that one bundle (selfcheck/src/, built by esbuild), so no
user action loads anything more.

Figures, not assertions; writes nothing. Renders the block the way the built page holds it
(macros.selfcheck.render_self_check), so no site build is needed:

    .venv/bin/python scripts/selfcheck_weight.py [edition id]
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.content import load_content  # noqa: E402
from macros.selfcheck import DATA_ID, load_settings, render_self_check  # noqa: E402

DOCS = ROOT / "docs"
INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S)


def gz(data: bytes) -> int:
    # Level 9 as a static host or a CDN would typically serve it (nginx gzip_static, pre-compressed).
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def sizes(data: bytes) -> dict:
    return {"raw": len(data), "gzip": gz(data)}


def inline_parts(block: str) -> dict[str, str]:
    """The block's inline <style> and JSON data, and the rest (its markup)."""
    parts = {"inline css": "", "json data": ""}
    for match in INLINE.finditer(block):
        tag, attributes, body = match.groups()
        if tag == "style":
            parts["inline css"] += body
        elif DATA_ID in attributes:
            parts["json data"] += body
    parts["markup"] = INLINE.sub(lambda m: "" if m.group(1) == "style" or DATA_ID in m.group(2) else m.group(0), block)
    return parts


def linked_files(block: str) -> list[Path]:
    found = re.findall(r'<(?:script[^>]*\bsrc|link[^>]*\bhref)="(?:\.\./)*([^"?]+\.(?:js|css))(?:\?[^"]*)?"', block)
    return [DOCS / path for path in found]


def weigh(block: str) -> dict:
    """Raw and gzipped bytes of the self-check block's parts, of the files it links, and of all of
    it together (at_load: what the page fetches of its own, on any visit and after any action)."""
    figures = {"block": sizes(block.encode())}
    figures["parts"] = {name: sizes(part.encode()) for name, part in inline_parts(block).items() if part}
    figures["linked"] = {str(path.relative_to(DOCS)): sizes(path.read_bytes()) for path in linked_files(block)}
    figures["at_load"] = {
        key: figures["block"][key] + sum(f[key] for f in figures["linked"].values()) for key in ("raw", "gzip")
    }
    return figures


def main() -> None:
    content = load_content(ROOT)
    edition = sys.argv[1] if len(sys.argv) > 1 else None
    figures = weigh(render_self_check(content, edition, load_settings()))
    print(f"{'':<48} {'raw':>9} {'gzip':>9}")
    show = lambda label, f: print(f"{label:<48} {f['raw']:>9,} {f['gzip']:>9,}")  # noqa: E731
    show("HTML block as delivered (all inline parts)", figures["block"])
    for name, part in figures["parts"].items():
        show(f"  of which {name}", part)
    for name, linked in figures["linked"].items():
        show(f"linked {name}", linked)
    show("AT LOAD (everything the page fetches of its own)", figures["at_load"])


if __name__ == "__main__":
    main()
