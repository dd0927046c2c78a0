"""Build the offline copy of the guide into a zip, then the served site that offers it for download.

    python scripts/offline_zip.py [--zip dist/wwc-guide-offline.zip] [--site site] [--no-site]

The zip holds one folder, wwc-guide/, built with OFFLINE=true (Material's offline plugin: .html file
URLs and the search index inlined, so navigation, search and the self-check work from file://).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.offline import ZIP_ENV, ZIP_NAME  # noqa: E402

FOLDER_IN_ZIP = "wwc-guide"


def mkdocs_build(site_dir: Path, extra_env: dict) -> None:
    # The zip is published only by the build told about it, never inside the offline copy itself.
    inherited = {key: value for key, value in os.environ.items() if key != ZIP_ENV}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def zip_folder(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{FOLDER_IN_ZIP}/{path.relative_to(folder).as_posix()}")


def build_offline_zip(target: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / FOLDER_IN_ZIP
        mkdocs_build(site, {"OFFLINE": "true"})
        zip_folder(site, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / ZIP_NAME)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-site", action="store_true", help="only the zip, not the served site")
    args = parser.parse_args()
    target = build_offline_zip(args.zip.resolve())
    print(f"offline copy: {target} ({target.stat().st_size / 1024:.0f} KiB)")
    if not args.no_site:
        mkdocs_build(args.site.resolve(), {ZIP_ENV: str(target), "OFFLINE": "false"})
        print(f"served site with the zip on its downloads page: {args.site}")


if __name__ == "__main__":
    main()
