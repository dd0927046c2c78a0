"""Small helpers for the tests that read the built site: parse pages, resolve links, find sections."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import logging
import os
import posixpath
import shutil
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from filelock import FileLock

# Debian's headless Chromium (``playwright install`` cannot download browsers here): the same release as
# the desktop browser, and the kind of build Playwright itself uses for headless runs. The flags keep it
# from reaching for a network the tests must not need.
CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SKIPPED_SCHEMES = ("http:", "https:", "mailto:", "javascript:", "data:")
# What a build of the guide reads: content, pages, the macros package, theme overrides, the measured
# figures, the glue and the config. Tests that break a copy of the project copy exactly these.
PROJECT_PARTS = ("criteria", "casestudies", "docs", "macros", "overrides", "bench", "main.py", "mkdocs.yml")


def copy_project(root: Path, target: Path, parts=PROJECT_PARTS) -> Path:
    """Copy the parts of the project a build needs from ``root`` into ``target``; returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = root / name
        if not source.exists():  # bench/ before the first benchmark run
            continue
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def run_mkdocs_build(config: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m mkdocs build --strict`` of ``config`` into ``site_dir``, run in the config's folder
    (``env``: extra environment variables). A new process, so the build imports the ``macros`` package
    of the copy it builds and its output is what a user sees (docs/contributing/testing.md)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True, timeout=600)


def build_in_process(config: Path, site_dir: Path) -> tuple[bool, str]:
    """A strict build of ``config`` into ``site_dir`` in this process, as MkDocs' ``build`` command runs it
    (load the config, start the plugins, build); returns (ok, what MkDocs logged)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        loaded = load_config(str(config), site_dir=str(site_dir), strict=True)
        loaded.plugins.on_startup(command="build", dirty=False)
        try:
            build(loaded)
        finally:
            loaded.plugins.on_shutdown()
    except MkDocsException as error:
        return False, f"{log.getvalue()}{error}"
    except Exception:  # a crash fails the build, with its traceback for the other workers to show
        return False, f"{log.getvalue()}{traceback.format_exc()}"
    finally:
        logger.removeHandler(handler)
    return True, log.getvalue()


def shared_build(request, tmp_path_factory, name: str, build) -> Path:
    """The folder ``name`` produced by ``build(folder)`` once per test run, whatever the worker count.

    ``build`` returns (ok, log); a failed build is recorded so the other workers fail with its log
    instead of building again.
    """
    if not hasattr(request.config, "workerinput"):  # not an xdist worker: the session is the run
        folder = tmp_path_factory.mktemp(name)
        ok, log = build(folder)
        assert ok, log
        return folder
    run_dir = tmp_path_factory.getbasetemp().parent
    folder, status_file = run_dir / name, run_dir / f"{name}.status.json"
    with FileLock(str(run_dir / f"{name}.lock")):
        if not status_file.is_file():
            ok, log = build(folder)
            status_file.write_text(json.dumps({"ok": ok, "log": log}), encoding="utf-8")
        status = json.loads(status_file.read_text(encoding="utf-8"))
    assert status["ok"], status["log"]
    return folder


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextlib.contextmanager
def served(folder: Path, host: str = "127.0.0.1"):
    """Serve ``folder`` over http://<host>:<free port>/ from a thread; yields the base URL (ending in "/")."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((host, 0), handler)  # port 0: a free port
    thread = threading.Thread(target=server.serve_forever, name=f"serve-{Path(folder).name}", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def normalise(text: str) -> str:
    return " ".join(str(text).split())


@functools.cache
def _parse(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    """The parsed page (cached; do not modify the tree)."""
    path = Path(path)
    return _parse(str(path), path.stat().st_mtime)


def ids_of(path: Path) -> frozenset[str]:
    """The ids in the page (cached like ``soup``: pages are linked to hundreds of times)."""
    path = Path(path)
    return _ids(str(path), path.stat().st_mtime)


@functools.cache
def _ids(path: str, mtime: float) -> frozenset[str]:
    return frozenset(element["id"] for element in _parse(path, mtime).find_all(id=True))


def page(site: Path, url: str) -> Path:
    """The file a site URL such as ``criteria/open-data/`` is served from."""
    target = site / url
    return target / "index.html" if url.endswith("/") or url == "" or target.is_dir() else target


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, page_file: Path, href: str) -> tuple[Path | None, str, str]:
    """Resolve ``href`` found in ``page_file``: (target file or None if outside the site, fragment, site path).

    Directory URLs resolve to their index.html; a fragment-only href resolves to the page itself.
    """
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    here = posixpath.dirname(page_file.relative_to(site).as_posix())
    if not path:
        return page_file, fragment, page_file.relative_to(site).as_posix()
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(here, path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None, fragment, normal
    target = site if normal == "." else site / normal
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, fragment, target.relative_to(site).as_posix()


def section(heading) -> list:
    """The heading element and its following siblings up to the next heading of the same or higher level."""
    level = int(heading.name[1])
    elements = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        elements.append(sibling)
    return elements


def section_text(elements) -> str:
    return normalise(" ".join(element.get_text(" ") for element in elements))


def section_links(elements) -> list:
    found = []
    for element in elements:
        if element.name == "a" and element.has_attr("href"):
            found.append(element)
        found.extend(element.find_all("a", href=True))
    return found


def own_text(element) -> str:
    """Text of an element without the text of its nested lists."""
    parts = [
        str(child) if isinstance(child, str) else child.get_text(" ")
        for child in element.children
        if getattr(child, "name", None) not in {"ul", "ol"}
    ]
    return normalise(" ".join(parts))


def answers_meeting(edition: dict, met_by_group: dict[str, int], rest: str = "no") -> dict[str, str]:
    """The first N criteria of each group answered yes, every other one ``rest``."""
    answers = {}
    for group in edition["groups"]:
        for index, criterion in enumerate(group["criteria"]):
            answers[criterion["id"]] = "yes" if index < met_by_group.get(group["id"], 0) else rest
    return answers


# The sample certification report's city: criteria met per practice area (28 of 45, Silver), and the
# percentages the report prints for them.
SAMPLE_REPORT_MET = {
    "data-governance": 5,
    "evaluations": 2,
    "general-management": 7,
    "open-data": 4,
    "performance-analytics": 6,
    "repurposing": 1,
    "results-driven-contracting": 1,
    "stakeholder-engagement": 2,
}
SAMPLE_REPORT_PERCENTS = ["100", "40", "78", "100", "86", "25", "14", "50"]
