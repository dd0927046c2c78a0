"""A failed build leaves nothing that looks like a site.

MkDocs writes every page before a strict build counts its warnings and aborts, so without this a
failed build would leave a complete-looking site/ behind (or, on a content error, the previous
build's site in place, as if it were the result). ``guard_build(config)`` registers a ``build_error``
handler that empties the output folder whenever the build fails, for any reason: content errors
raised while loading, errors inside a page, strict-mode warnings. It works for a plain
``mkdocs build`` as well as for scripts/dev.sh. Hidden entries (``.git`` of a gh-pages checkout)
are kept, as MkDocs' own cleaning keeps them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HANDLER_NAME = "wwc_remove_failed_site"
MARKER_FILE = "BUILD-FAILED.txt"


def guard_build(config) -> None:
    """Make a failed MkDocs build empty its site_dir. No-op for tools without MkDocs' plugin events."""
    events = getattr(getattr(config, "plugins", None), "events", None)
    if not isinstance(events, dict) or "build_error" not in events:
        return
    handlers = events["build_error"]
    # `mkdocs serve` loads the config again for each rebuild: keep exactly one handler.
    handlers[:] = [handler for handler in handlers if getattr(handler, "__name__", "") != HANDLER_NAME]

    def wwc_remove_failed_site(error=None, **_):
        clear_site(Path(config.site_dir), Path(config.docs_dir), Path(config.config_file_path))

    handlers.append(wwc_remove_failed_site)


def clear_site(site_dir: Path, docs_dir: Path, config_file: Path) -> bool:
    """Remove the visible contents of ``site_dir`` and leave a note; returns whether it did.

    Refuses to touch a folder that holds the project's docs or config (never the project itself).
    """
    site_dir = site_dir.resolve()
    if not site_dir.is_dir():
        return False
    for protected in (docs_dir.resolve(), config_file.resolve()):
        if protected == site_dir or site_dir in protected.parents:
            return False
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    (site_dir / MARKER_FILE).write_text(
        "The last build of this site failed, so its output was removed; see the build's messages.\n", encoding="utf-8"
    )
    return True
