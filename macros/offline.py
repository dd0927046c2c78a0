"""The offline copy as a zip: where the build finds it, and how it is put on the downloads page.

`scripts/dev.sh zip` builds the offline variant, zips it, and then builds the served site with the
zip's path in the environment variable below; only that build publishes the zip and links it. A plain
`mkdocs build` has no zip, and its downloads page says how to make one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ZIP_ENV = "WWC_OFFLINE_ZIP"
ZIP_NAME = "wwc-guide-offline.zip"


def offline_zip() -> Path | None:
    """The zip to publish with this build, if ``scripts/dev.sh zip`` made one for it."""
    value = os.environ.get(ZIP_ENV)
    return Path(value) if value and Path(value).is_file() else None


def publish_offline_zip(site_dir: Path, downloads_dir: str) -> Path | None:
    source = offline_zip()
    if source is None:
        return None
    target = Path(site_dir) / downloads_dir / ZIP_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
