"""A page's own stylesheets, minified at build time and inlined as one <style>, and the <script src>
of its script bundle (built by esbuild from selfcheck/src/, committed in docs/).

Plain Python, no MkDocs imports. The stylesheets in docs/ stay as they are (readable); only the
built page holds the minified copy.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from html import escape
from pathlib import Path

import rcssmin

# Inside <style> the HTML parser ends the element at the first "</style" whatever the stylesheet
# around it means: such a stylesheet cannot be inlined safely.
CLOSERS = {"style": re.compile(r"</style", re.IGNORECASE)}


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
        raise AssetError(
            f"{name}, line {line}: contains {match.group(0)!r}, which would end the inlined "
            f"<{kind}> early; write it another way (e.g. '<\\/{kind}' in a string)"
        )


def minify_css(source: str, name: str = "stylesheet") -> str:
    refuse_closers(source, "style", name)
    return rcssmin.cssmin(source).strip()


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
    return f"<style>{bundle_css(sources)}</style>" if sources else ""


def inline_styles(docs_dir: Path, paths: list[str]) -> str:
    """One <style> element holding the listed stylesheets, minified, in order ("" for none)."""
    return _inline(str(docs_dir), "style", stamp(docs_dir, tuple(paths)))


@lru_cache(maxsize=64)
def _version(docs_dir: str, stamp_: tuple) -> str:
    """The first characters of the file's SHA-256 (its bytes only: nothing here reads the code)."""
    source_file = Path(docs_dir) / stamp_[0][0]
    try:
        return hashlib.sha256(source_file.read_bytes()).hexdigest()[:10]
    except FileNotFoundError:
        raise AssetError(f"{source_file}: listed as a page asset but not found (run npm run build)") from None


def script_tag(docs_dir: Path, path: str, base: str, on_error: str = "") -> str:
    """A classic deferred <script src> for a file served as it is in docs/ (the self-check's bundle),
    relative to the page through ``base``, with its content's hash as a query so a browser never
    runs a stale copy against a newer page (file:// ignores the query); ``on_error``, script run if
    the file does not load."""
    version = _version(str(docs_dir), stamp(docs_dir, (path,)))
    handler = f' onerror="{escape(on_error, quote=True)}"' if on_error else ""
    return f'<script src="{escape(base + path, quote=True)}?v={version}" defer{handler}></script>'
