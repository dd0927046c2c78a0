"""A page's own scripts and stylesheets, minified at build time and inlined as one <style> and one
classic <script> (so file:// keeps working and one gzip stream carries everything: many small files
compress far worse than their concatenation).

Plain Python, no MkDocs imports. The sources in docs/ stay as they are (readable, and what the
node tests load); only the built page holds the minified copy.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin

# Inside <script> or <style> the HTML parser ends the element at the first "</script" or
# "</style" whatever the code around it means; "<!--" in a script switches the parser into a
# state where a later "<script" swallows the rest of the page. None of them can be inlined safely.
CLOSERS = {"script": re.compile(r"</script|<!--", re.I), "style": re.compile(r"</style", re.I)}


class AssetError(ValueError):
    """An asset that cannot be inlined: missing, or holding text that would end its element."""


def read_source(docs_dir: Path, path: str) -> str:
    source_file = Path(docs_dir) / path
    try:
        return source_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AssetError(f"{source_file}: listed as a page asset but not found") from None


def refuse_closers(source: str, kind: str, name: str) -> None:
    match = CLOSERS[kind].search(source)
    if match:
        line = source.count("\n", 0, match.start()) + 1
        raise AssetError(f"{name}, line {line}: contains {match.group(0)!r}, which would end the inlined "
                         f"<{kind}> early; write it another way (e.g. '<\\/{kind}' in a string)")


def minify_js(source: str, name: str = "script") -> str:
    refuse_closers(source, "script", name)
    return rjsmin.jsmin(source).strip()


def minify_css(source: str, name: str = "stylesheet") -> str:
    refuse_closers(source, "style", name)
    return rcssmin.cssmin(source).strip()


def bundle_js(sources: list[tuple[str, str]]) -> str:
    """(name, source) pairs in run order as one script. The ";" keeps a file that ends without
    one from running into the next file's opening parenthesis."""
    return ";\n".join(minify_js(source, name) for name, source in sources)


def bundle_css(sources: list[tuple[str, str]]) -> str:
    return "\n".join(minify_css(source, name) for name, source in sources)


def stamp(docs_dir: Path, paths: tuple[str, ...]) -> tuple:
    """What the cache is keyed on: each file's modification time and size (mkdocs serve edits)."""
    stamps = []
    for path in paths:
        try:
            stat = (Path(docs_dir) / path).stat()
            stamps.append((path, stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamps.append((path, None, None))
    return tuple(stamps)


@lru_cache(maxsize=16)
def _inline(docs_dir: str, kind: str, stamps: tuple) -> str:
    sources = [(f"docs/{path}", read_source(Path(docs_dir), path)) for path, _, _ in stamps]
    if kind == "style":
        return f"<style>{bundle_css(sources)}</style>" if sources else ""
    return f"<script>{bundle_js(sources)}</script>" if sources else ""


def inline_styles(docs_dir: Path, paths: list[str]) -> str:
    """One <style> element holding the listed stylesheets, minified, in order ("" for none)."""
    return _inline(str(docs_dir), "style", stamp(docs_dir, tuple(paths)))


def inline_scripts(docs_dir: Path, paths: list[str]) -> str:
    """One classic <script> element holding the listed scripts, minified, in run order."""
    return _inline(str(docs_dir), "script", stamp(docs_dir, tuple(paths)))


@lru_cache(maxsize=64)
def _version(docs_dir: str, stamp_: tuple) -> str:
    path = stamp_[0][0]
    return hashlib.sha256(read_source(Path(docs_dir), path).encode("utf-8")).hexdigest()[:10]


def versioned_url(docs_dir: Path, path: str, base: str) -> str:
    """The URL of a file served as it is in docs/ (a part loaded on first use), relative to the
    page through ``base``, with its content's hash as a query so a browser never runs a stale copy
    against a newer page (file:// ignores the query)."""
    return f"{base}{path}?v={_version(str(docs_dir), stamp(docs_dir, (path,)))}"
