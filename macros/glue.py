"""What main.py needs from the build tool, the same way under MkDocs and under Zensical.

mkdocs-macros hands ``define_env`` an env whose ``conf`` is MkDocs' config object and whose page is an
MkDocs Page (``page.file.src_uri``, ``page.url``). Zensical's macros extension hands it a plain dict
(``root_dir``, ``docs_dir``, ``site_dir``, ``use_directory_urls``) and its own Page (``path``, ``url``),
and calls ``define_env`` for every page rather than once per build. This module hides the difference
and caches the loaded content so Zensical does not parse the YAML once per page.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from . import exports, offline, selfcheck
from .content import CASE_STUDY_DIR, CRITERIA_DIR, load_content
from .links import SiteIndex
from .pages import check_page_shells, expected_shells


class BuildEnv:
    """Paths, URL style and current page of the build, read from either tool's env object."""

    def __init__(self, env):
        self.env = env
        self.is_mkdocs = not isinstance(env.conf, dict)

    def _setting(self, name: str, default=None):
        conf = self.env.conf
        return conf.get(name, default) if isinstance(conf, dict) else getattr(conf, name, default)

    @property
    def root(self) -> Path:
        if self.is_mkdocs:
            return Path(self.env.conf.config_file_path).resolve().parent
        return Path(self._setting("root_dir", ".")).resolve()

    def _folder(self, name: str, default: str) -> Path:
        folder = Path(self._setting(name, default))
        return folder if folder.is_absolute() else self.root / folder

    @property
    def docs_dir(self) -> Path:
        return self._folder("docs_dir", "docs")

    @property
    def site_dir(self) -> Path:
        return self._folder("site_dir", "site")

    @property
    def directory_urls(self) -> bool:
        return bool(self._setting("use_directory_urls", True))

    def page_src(self) -> str:
        """The current page's source path relative to docs/ (``<edition folder>/<group>.md``)."""
        page = self.env.page
        return page.file.src_uri if self.is_mkdocs else Path(page.path).as_posix()

    def page_url(self) -> str:
        """The current page's URL relative to the site root (``<edition folder>/<group>/``)."""
        return self.env.page.url.lstrip("/")


def content_fingerprint(root: Path, docs_dir: Path) -> tuple:
    """Every content file with its modification time, and the page names: any change means a fresh load.

    Links are not followed (the load refuses them, naming the file); an entry that vanishes or cannot be
    listed counts as changed rather than stopping here with a traceback.
    """
    pages = tuple(sorted(str(path) for path in docs_dir.rglob("*.md")))
    return tuple(_entry_times(root, folder, depth) for folder, depth in ((CRITERIA_DIR, 2), (CASE_STUDY_DIR, 1))), pages


def _entry_times(root: Path, relative: str, depth: int) -> tuple:
    """(name, kind, mtime) of the entries of a content folder, ``depth`` levels down, without following links."""
    found = []
    try:
        with os.scandir(root / relative) as listing:
            for entry in listing:
                info = entry.stat(follow_symlinks=False)
                found.append((entry.name, info.st_mode, info.st_mtime_ns))
                if depth > 1 and entry.is_dir(follow_symlinks=False):
                    found.append((entry.name, _entry_times(root, f"{relative}/{entry.name}", depth - 1)))
    except OSError as error:
        return (relative, "unreadable", str(error))
    return tuple(sorted(found, key=str))


@lru_cache(maxsize=4)
def _load_site(root: Path, docs_dir: Path, fingerprint: tuple) -> tuple[dict, SiteIndex, dict]:
    content = load_content(root)
    check_page_shells(content, docs_dir)
    return content, SiteIndex(content), expected_shells(content)


def load_site(root: Path, docs_dir: Path) -> tuple[dict, SiteIndex, dict]:
    """(content, index, page shells), loaded once per build and again only when a YAML file changed."""
    return _load_site(root, docs_dir, content_fingerprint(root, docs_dir))


def write_downloads(content: dict, site_dir: Path) -> None:
    """The generated downloads and the offline zip when ``scripts/dev.sh zip`` made one for this build."""
    exports.write_downloads(content, site_dir)
    selfcheck.write_downloads(content, site_dir)
    offline.publish_offline_zip(site_dir, exports.DOWNLOADS_DIR)


_written_downloads: set[tuple] = set()


def write_downloads_once(content: dict, site_dir: Path) -> None:
    """Zensical has no post-build event: write the downloads when the first page is rendered.

    Once per site folder and content version in this process; the files are the same as MkDocs'
    on_post_build writes, and Zensical does not empty the site folder after rendering starts.
    """
    key = (str(site_dir), id(content), os.getpid())
    if key not in _written_downloads:
        write_downloads(content, site_dir)
        _written_downloads.add(key)
