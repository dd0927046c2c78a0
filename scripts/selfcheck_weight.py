"""Print the self-check page's own weight: raw and gzipped bytes of its HTML block (with the
embedded JSON), of each script and stylesheet it links, and everything it fetches without a user
action, for

- a first visit (nothing saved): the block and the files it links; nothing is loaded at start or
  when the page is idle (tests/browser/test_selfcheck_lazy.py checks that no lazy file is asked for);
- a returning user (the open assessment holds answers, evidence, a city or a date): the same plus
  the checklist script and the report part, loaded at start so printing finds the report ready;

and, apart, each part loaded on first use (opening an evidence panel, share, export, ...).

Figures, not assertions; writes nothing. Renders the block the way the built page holds it
(macros.selfcheck.render_self_check) and the checklist script the way the build writes it
(macros.selfcheck.checklist_script), so no site build is needed:

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
from macros.selfcheck import DATA_ID, checklist_path, checklist_script, load_settings, render_self_check  # noqa: E402

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


# What a returning user's page loads at start, besides the block (wwc-selfcheck.js readyReport).
AT_START_WHEN_SAVED = ("checklists", "report")


def sizes(data: bytes) -> dict:
    return {"raw": len(data), "gzip": gz(data)}


def lazy_bytes(block: str) -> dict[str, dict[str, bytes]]:
    """Each part loaded on first use, by name: its files' bytes as the site serves them. The
    checklists are generated at build time for the block's edition (the build writes the same)."""
    edition = re.search(r'data-wwc-edition="([^"]+)"', block).group(1)
    content = load_content(ROOT)
    settings = load_settings()
    found = {"checklists": {checklist_path(settings, edition):
                            checklist_script(content["editions"][edition], settings).encode("utf-8")}}
    for name, paths in lazy_files().items():
        found[name] = {str(path.relative_to(DOCS)): path.read_bytes() for path in paths}
    return found


def total(files: dict[str, bytes]) -> dict:
    return {key: sum(sizes(data)[key] for data in files.values()) for key in ("raw", "gzip")}


def weigh(block: str) -> dict:
    """Raw and gzipped bytes of the self-check block's parts, of the files it links, what the page
    fetches without a user action on a first visit (at_load) and for a returning user
    (returning_at_load), and what it loads on first use (on_first_use: every lazy file once;
    first_use_parts: each part by name)."""
    figures = {"block": sizes(block.encode())}
    figures["parts"] = {name: sizes(part.encode()) for name, part in inline_parts(block).items() if part}
    figures["linked"] = {str(path.relative_to(DOCS)): sizes(path.read_bytes()) for path in linked_files(block)}
    figures["at_load"] = {key: figures["block"][key] + sum(f[key] for f in figures["linked"].values())
                          for key in ("raw", "gzip")}
    lazy = lazy_bytes(block)
    at_start = {path: data for name in AT_START_WHEN_SAVED for path, data in lazy[name].items()}
    figures["returning_at_load"] = {key: figures["at_load"][key] + total(at_start)[key] for key in ("raw", "gzip")}
    every = {path: data for files in lazy.values() for path, data in files.items()}  # a shared file loads once
    figures["on_first_use"] = total(every)
    figures["first_use_parts"] = {name: total(files) for name, files in lazy.items()}
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
    budget = 30720
    for key, label in (("at_load", "first visit"), ("returning_at_load", "returning user")):
        show(f"AT LOAD, {label}", figures[key])
        packed = figures[key]["gzip"]
        print(f"  budget 30 KB gzip = {budget:,} bytes: {'within' if packed <= budget else 'OVER'} "
              f"by {abs(budget - packed):,} bytes")
    print(f"  (a returning user's page also loads at start: {', '.join(AT_START_WHEN_SAVED)})")
    print("loaded on first use (a user action), each part with its files:")
    for name, files in lazy_bytes(block).items():
        for path, data in files.items():
            row(f"  {name}: {path}", data)
    show("  every file loaded on first use, each once", figures["on_first_use"])


if __name__ == "__main__":
    main()
