"""Paths and reads of content files, which arrive by pull request and are treated as untrusted.

A content file or folder (under criteria/ and casestudies/) must be a real file or folder inside the
repository: a symbolic link is refused (it could point anywhere, at /dev/zero or back at itself), so
is any special file (a fifo, a device). Every read is bounded: at most ``limit`` + 1 bytes are read,
whatever the file claims to be. Each refusal is a Problem naming the file, so the build stops with
one sentence instead of a traceback, and nothing outside the repository is ever read or written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ContentError, Problem

LINK_REFUSED = (
    "is a symbolic link; content files and folders must be real files inside the repository "
    "(copy the file here instead of linking to it)"
)


def problem(relative: str, message: str) -> ContentError:
    return ContentError([Problem(relative, None, "", message)])


def checked_parts(relative: str) -> tuple[str, ...]:
    """The parts of a path relative to the repository; absolute paths and '..' are refused."""
    parts = tuple(str(relative).split("/"))
    if any(part in ("..", ".", "") for part in parts) or "\\" in relative:
        raise problem(relative, "is not a plain path inside the repository (no absolute paths, '.' or '..')")
    return parts


def safe_path(root: Path, relative: str, kind: str = "file") -> Path:
    """``root/relative`` after checking that no part of it below ``root`` is a symbolic link or special file.

    ``kind`` is what the last part must be: "file", "folder", or "absent-or-file" (for a file about to be
    written). Raises ContentError naming ``relative``.
    """
    parts = checked_parts(relative)
    path = Path(root)
    for index, part in enumerate(parts):
        path = path / part
        shown = "/".join(parts[: index + 1])
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            if index == len(parts) - 1 and kind == "absent-or-file":
                return path
            raise problem(shown, "does not exist") from None
        except OSError as error:
            raise problem(shown, f"cannot be read: {error.strerror}") from None
        last = index == len(parts) - 1
        if stat.S_ISLNK(mode):
            raise problem(shown, LINK_REFUSED)
        if not last or kind == "folder":
            if not stat.S_ISDIR(mode):
                raise problem(shown, "is not a folder")
        elif not stat.S_ISREG(mode):
            raise problem(shown, "is not a regular file (a folder, fifo, device or socket cannot be content)")
    return path


def read_bounded(path: Path, display_name: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never follows a final symbolic link,
    never blocks on a fifo, never reads more than ``limit`` + 1 bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if os.path.islink(path):
            raise problem(display_name, LINK_REFUSED) from None
        raise problem(display_name, f"cannot read the file: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise problem(display_name, "is not a regular file (a folder, fifo, device or socket cannot be content)")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ContentError(
            [Problem(display_name, 1, "", f"the file is more than the limit of {limit} bytes for one content file")]
        )
    return data


def entries(root: Path, relative_folder: str, suffixes: tuple[str, ...] = (".yml", ".yaml")) -> list[tuple[str, str]]:
    """(name, kind) of the entries of a content folder whose names end with ``suffixes`` ('' for all),
    without following links; kind is "file", "folder", "link" or "special"."""
    folder = safe_path(root, relative_folder, "folder")
    found = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if suffixes and not entry.name.endswith(suffixes):
                continue
            if entry.is_symlink():
                kind = "link"
            elif entry.is_dir(follow_symlinks=False):
                kind = "folder"
            elif entry.is_file(follow_symlinks=False):
                kind = "file"
            else:
                kind = "special"
            found.append((entry.name, kind))
    return sorted(found)


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every link resolved, is inside ``root``."""
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return False
    return True
