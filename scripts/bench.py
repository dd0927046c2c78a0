"""Print figures: YAML load time, full strict build time, and the built site's size.

Figures, not assertions: run it before and after a change and compare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.content import load_content  # noqa: E402


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def build(site_dir: str) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site_dir], cwd=ROOT,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    loads = timed(lambda: load_content(ROOT), 5)
    print(f"load + validate YAML: median {statistics.median(loads) * 1000:.0f} ms over {len(loads)} runs")
    with tempfile.TemporaryDirectory() as tmp:
        builds = timed(lambda: build(tmp), 3)
        print(f"mkdocs build --strict: median {statistics.median(builds):.2f} s over {len(builds)} runs")
        count, size = folder_size(Path(tmp))
        print(f"site: {count} files, {size / 1024:.0f} KiB")
        for page in ("self-check/index.html", "criteria/data-governance/index.html", "case-studies/index.html",
                     "search/search_index.json", "downloads/criteria.json"):
            target = Path(tmp) / page
            if target.exists():
                print(f"  {page}: {target.stat().st_size / 1024:.1f} KiB")
        scripts = sorted((Path(tmp) / "assets/javascripts").glob("wwc-*.js"))
        print(f"  guide's own JavaScript: {sum(p.stat().st_size for p in scripts) / 1024:.1f} KiB in {len(scripts)} files")


if __name__ == "__main__":
    main()
