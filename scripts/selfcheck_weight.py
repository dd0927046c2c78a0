"""Print the self-check page's own weight: raw and gzipped bytes of its HTML block (with the
embedded JSON), of each script and stylesheet it loads, and the total as the page delivers it.

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


def row(label: str, data: bytes) -> tuple[int, int]:
    raw, packed = len(data), gz(data)
    print(f"{label:<48} {raw:>9,} {packed:>9,}")
    return raw, packed


def inline_parts(block: str) -> dict[str, str]:
    """The block's inline <style>, code <script> and JSON data, and the rest (its markup)."""
    parts = {"inline css": "", "inline js": "", "json data": ""}
    for match in INLINE.finditer(block):
        tag, attributes, body = match.groups()
        if tag == "style":
            parts["inline css"] += body
        elif DATA_ID in attributes:
            parts["json data"] += body
        elif len(body) > 200:  # the page's code, not the one-line "scripted" mark
            parts["inline js"] += body
    parts["markup"] = INLINE.sub(lambda m: m.group(0) if len(m.group(3)) <= 200 and m.group(1) == "script"
                                 and DATA_ID not in m.group(2) else "", block)
    return parts


def linked_files(block: str) -> list[Path]:
    found = re.findall(r'<(?:script[^>]*\bsrc|link[^>]*\bhref)="(?:\.\./)*([^"]+\.(?:js|css))"', block)
    return [DOCS / path for path in found]


def lazy_files() -> dict[str, list[Path]]:
    """The parts loaded on first use (docs/ as the site serves them), by name."""
    return {name: [DOCS / path for path in paths] for name, paths in load_settings()["assets"].get("lazy", {}).items()}


def weigh(block: str) -> dict:
    """Raw and gzipped bytes of the self-check block's parts, of the files it links, and what the page
    delivers at load (the block and each linked file) and later (the parts loaded on first use)."""
    figures = {"block": {"raw": len(block.encode()), "gzip": gz(block.encode())}}
    figures["parts"] = {name: {"raw": len(part.encode()), "gzip": gz(part.encode())}
                        for name, part in inline_parts(block).items() if part}
    figures["linked"] = {str(path.relative_to(DOCS)): {"raw": len(path.read_bytes()), "gzip": gz(path.read_bytes())}
                         for path in linked_files(block)}
    figures["at_load"] = {key: figures["block"][key] + sum(f[key] for f in figures["linked"].values())
                          for key in ("raw", "gzip")}
    later = sorted({path for paths in lazy_files().values() for path in paths})  # a file shared by parts loads once
    figures["on_first_use"] = {"raw": sum(len(path.read_bytes()) for path in later),
                               "gzip": sum(gz(path.read_bytes()) for path in later)}
    return figures


def main() -> None:
    content = load_content(ROOT)
    edition = sys.argv[1] if len(sys.argv) > 1 else None
    block = render_self_check(content, edition, load_settings())
    figures = weigh(block)
    print(f"{'':<48} {'raw':>9} {'gzip':>9}")
    show = lambda label, f: print(f"{label:<48} {f['raw']:>9,} {f['gzip']:>9,}")  # noqa: E731
    show("HTML block as delivered (all inline parts)", figures["block"])
    for name, part in figures["parts"].items():
        show(f"  of which {name}", part)
    for name, linked in figures["linked"].items():
        show(f"linked {name}", linked)
    show("TOTAL as delivered (block + each linked file)", figures["at_load"])
    total_gz = figures["at_load"]["gzip"]
    print(f"budget 30 KB gzip = 30,720 bytes: {'within' if total_gz <= 30720 else 'OVER'} "
          f"by {abs(30720 - total_gz):,} bytes")
    # Not at page load: the parts loaded on first use, each file as the site serves it (docs/ as is).
    print("loaded on first use (not in the figure above; the report loads when the page is idle):")
    for name, paths in lazy_files().items():
        for path in paths:
            row(f"  {name}: {path.relative_to(DOCS)}", path.read_bytes())


if __name__ == "__main__":
    main()
