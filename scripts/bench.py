"""Benchmarks of the guide: figures printed and written to bench/results.json (not timed tests).

    python scripts/bench.py [--rounds 7] [--skip-lighthouse] [--skip-suite] [--out bench/results.json]
    python scripts/bench.py --suite-only [--out FILE] [-- PYTEST ARGUMENTS]   (e.g. -- tests/test_tiers_text.py)

1. Build cost: the strict build (macros plugin, YAML loaded and validated) against a plain Material
   build of the same pages, the rendered Markdown of every page dumped and built without the macros
   plugin. CPU time (user + system) of the build process, alternating the two, medians and ratio.
2. Growth: the same strict build on 10x data generated into a temporary folder (every group and case
   study copied ten times): CPU time, wall time, peak memory, ratio to 1x.
3. The self-check in Chromium: its bytes (own HTML, JavaScript, CSS, embedded data; raw and gzipped)
   and the time from a click on an answer to the next frame, at 1x and 10x criteria; the cohort view
   opening 50 cities' files (scripts/cohort_bench.py); team work's figures (selfcheck/team-figures.mjs:
   the stored size of a simulated year of history, the longest request link).
4. Lighthouse (npm, Debian's Chromium) on three guide pages and every self-check view, mobile (median
   of three runs) and desktop: performance, accessibility, total blocking time against the home page's.
5. The test suite: wall and CPU time of its pytest part as ``scripts/dev.sh test`` runs it (pytest,
   its workers, the builds and browsers they start).

CPU time, not wall time, is the headline: the machines this runs on are shared, and CPU time of the
build process is what a change to the code moves.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import cohort as macros_cohort  # noqa: E402
from macros import selfcheck as macros_selfcheck  # noqa: E402
from macros.content import CASE_STUDY_DIR, CRITERIA_DIR, load_content  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import cohort_bench  # noqa: E402
import selfcheck_weight  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PROJECT_PARTS = ("criteria", "casestudies", "docs", "macros", "overrides", "main.py", "mkdocs.yml")
COPIES = 10
DUMP_HOOK = """
from pathlib import Path
from mkdocs.plugins import event_priority
DUMP = Path({dump!r})

@event_priority(-100)  # after the macros plugin rendered the page
def on_page_markdown(markdown, page, config, files):
    target = DUMP / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
"""


# --- running a build and measuring it ----------------------------------------------------------


def measured_run(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run ``command``; its CPU time (user + system), wall time and peak resident memory."""
    start = time.perf_counter()
    # Installed packages run from bytecode compiled at install: let the guide's modules be cached too.
    base = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output.decode(errors='replace')}")
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": wall, "peak_rss_mib": usage.ru_maxrss / 1024}


def mkdocs_build(config: Path, site: Path, env: dict | None = None) -> dict:
    return measured_run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        config.parent,
        env,
    )


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def without_macros(config_text: str) -> str:
    """mkdocs.yml with the macros plugin entry (and its options) removed."""
    return re.sub(r"^  - macros:\n(?:      .*\n)+", "", config_text, flags=re.MULTILINE)


def plain_project(project: Path, work: Path) -> Path:
    """A project whose docs are the strict build's rendered Markdown, built without the macros plugin."""
    dump = work / "dump"
    hook = work / "dump_hook.py"
    hook.write_text(DUMP_HOOK.format(dump=str(dump)), encoding="utf-8")
    config = project / "mkdocs.yml"
    dump_config = project / "bench-dump.yml"
    dump_config.write_text(config.read_text(encoding="utf-8") + f"\nhooks:\n  - {hook}\n", encoding="utf-8")
    mkdocs_build(dump_config, work / "dump-site")
    plain = work / "plain"
    shutil.copytree(project / "overrides", plain / "overrides")
    shutil.copytree(dump, plain / "docs")
    for asset in (project / "docs").rglob("*"):
        if asset.is_file() and asset.suffix != ".md":
            target = plain / "docs" / asset.relative_to(project / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, target)
    (plain / "mkdocs.yml").write_text(without_macros(config.read_text(encoding="utf-8")), encoding="utf-8")
    return plain


def macros_floor_project(plain: Path, work: Path) -> Path:
    """The plain project with the macros plugin switched on but given nothing to do (an empty module).

    The plugin is part of the guide's design; building with it idle shows what it costs by itself, so
    the strict build's overhead can be split into the plugin's share and the guide's own code's share.
    """
    floor = work / "plain-with-idle-macros"
    shutil.copytree(plain, floor)
    (floor / "idle_macros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    config = (floor / "mkdocs.yml").read_text(encoding="utf-8")
    with_plugin = config.replace(
        "plugins:\n  - search\n", "plugins:\n  - search\n  - macros:\n      module_name: idle_macros\n", 1
    )
    if with_plugin == config:
        raise RuntimeError("mkdocs.yml no longer starts its plugins with '- search': update macros_floor_project")
    (floor / "mkdocs.yml").write_text(with_plugin, encoding="utf-8")
    return floor


def alternate(rounds: int, builds: dict) -> dict:
    """Run each build once per round, alternating which goes first; every measurement kept."""
    results = {name: [] for name in builds}
    names = list(builds)
    for build in builds.values():  # warm-up, not kept: bytecode written, files in the OS cache
        build()
    for index in range(rounds):
        order = names if index % 2 == 0 else names[::-1]
        for name in order:
            results[name].append(builds[name]())
            print(f"  round {index + 1}/{rounds} {name}: {results[name][-1]['cpu_s']:.2f} s CPU", flush=True)
    return results


def summary(runs: list[dict]) -> dict:
    return {
        "runs": len(runs),
        "cpu_s_median": round(statistics.median(run["cpu_s"] for run in runs), 3),
        "cpu_s_all": [round(run["cpu_s"], 3) for run in runs],
        "wall_s_median": round(statistics.median(run["wall_s"] for run in runs), 3),
        "peak_rss_mib_median": round(statistics.median(run["peak_rss_mib"] for run in runs), 1),
    }


# --- 10x data ------------------------------------------------------------------------------------


def copied_id(criterion_id: str, copy: int) -> str:
    letters, digits = re.match(r"^([A-Z]+)([0-9]+)$", criterion_id).groups()
    return f"{letters}Z{chr(ord('A') + copy)}{digits}"


def dump_yaml(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def multiply_content(project: Path, copies: int) -> dict:
    """Copy every group of the first edition and every case study ``copies`` times (ids made unique)."""
    content = load_content(project)
    edition = next(iter(content["editions"].values()))
    folder = project / CRITERIA_DIR / edition["id"]
    edition_file = folder / "edition.yml"
    edition_data = yaml.safe_load(edition_file.read_text(encoding="utf-8"))
    slugs = list(edition_data["groups"])
    for copy in range(1, copies):
        for slug in slugs:
            group = yaml.safe_load((folder / f"{slug}.yml").read_text(encoding="utf-8"))
            group["id"] = f"{slug}-copy{copy}"
            group["name"] = f"{group['name']} (copy {copy})"
            for criterion in group["criteria"]:
                criterion["id"] = copied_id(criterion["id"], copy)
                for kind in ("requirements", "documentation"):
                    for item in criterion.get(kind, []):
                        item["id"] = f"{item['id']}-copy{copy}"
                # References inside a group point at the same copy's criteria and items.
                for dependency in criterion.get("depends_on", []):
                    dependency["criterion"] = copied_id(dependency["criterion"], copy)
                    if "items" in dependency:
                        dependency["items"] = [f"{item}-copy{copy}" for item in dependency["items"]]
                for response in criterion.get("audited_responses", []):
                    if "items" in response:
                        response["items"] = [f"{item}-copy{copy}" for item in response["items"]]
            dump_yaml(folder / f"{group['id']}.yml", group)
            edition_data["groups"].append(group["id"])
            (project / "docs" / edition["url_path"] / f"{group['id']}.md").write_text("{{ group_page() }}\n")
    dump_yaml(edition_file, edition_data)
    studies = sorted((project / CASE_STUDY_DIR).glob("*.yml"))
    for copy in range(1, copies):
        for path in studies:
            study = yaml.safe_load(path.read_text(encoding="utf-8"))
            study["id"] = f"{study['id']}-copy{copy}"
            dump_yaml(project / CASE_STUDY_DIR / f"{study['id']}.yml", study)
            (project / "docs" / "case-studies" / f"{study['id']}.md").write_text("{{ case_study_page() }}\n")
    # The generated pages are not in the hand-written nav: let MkDocs list every page instead.
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^nav:\n(?:[ -].*\n)*", "", config.read_text(encoding="utf-8"), flags=re.MULTILINE))
    grown = load_content(project)
    first = next(iter(grown["editions"].values()))
    return {
        "criteria": sum(len(group["criteria"]) for group in first["groups"]),
        "case_studies": len(grown["case_studies"]),
    }


# --- the self-check in Chromium ------------------------------------------------------------------


def self_check_bytes(site: Path) -> dict:
    """The self-check's own bytes as the built page holds them (scripts/selfcheck_weight.py weighs them)."""
    text = (site / "self-check" / "index.html").read_text(encoding="utf-8")
    block = text[text.index('<div class="wwc-selfcheck"') : text.index("</article>")]
    return selfcheck_weight.weigh(block)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does (GitHub Pages, Netlify, nginx with gzip on): text files
    gzip-compressed when the browser accepts it. Lighthouse's timings depend on the bytes transferred."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in self.COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def served(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


CLICK_TO_FRAME = """(index) => new Promise((resolve) => {
  const inputs = [...document.querySelectorAll("fieldset input[type=radio]")]
    .filter((input) => input.offsetParent !== null && input.closest("[data-wwc-criterion]"));
  const input = inputs[index % inputs.length];
  const label = document.querySelector(`label[for="${input.id}"]`) || input;
  const start = performance.now();
  label.click();
  requestAnimationFrame(() => resolve(performance.now() - start));
})"""


def click_to_frame(site: Path, clicks: int = 25) -> dict:
    """A click on an answer to the next frame, with every area of the form shown ("All at once"), so
    that the page holds all 45 or 450 criteria as a person answering in one pass has them."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(url + "self-check/")
        page.wait_for_selector("[data-wwc-ready='true']")
        page.click("[data-wwc-area='']")
        page.wait_for_selector("form[data-wwc-all-areas]")
        criteria = page.locator("fieldset[data-wwc-criterion]:visible").count()
        times = [page.evaluate(CLICK_TO_FRAME, index * 3) for index in range(clicks)]
        browser.close()
    return {
        "criteria_on_form": criteria,
        "clicks": clicks,
        "ms_median": round(statistics.median(times), 1),
        "ms_max": round(max(times), 1),
    }


def team_figures() -> dict:
    """selfcheck/team-figures.mjs with the email limit the share settings hold (one source of truth)."""
    settings = yaml.safe_load((ROOT / "macros" / "selfcheck-assessments.yml").read_text(encoding="utf-8"))
    email_chars = settings["share"]["email_chars"]
    output = subprocess.run(
        ["node", str(ROOT / "selfcheck" / "team-figures.mjs"), "--email-chars", str(email_chars)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    return json.loads(output)


# --- Lighthouse ----------------------------------------------------------------------------------

LIGHTHOUSE_PAGES = {
    "home": "",
    "practice area": "criteria/data-governance/",
    "case study": "case-studies/seattle/",
    "self-check answer": "self-check/",
    "self-check results": "self-check/#results",
    "self-check next steps": "self-check/#next-steps",
    "self-check assessments": "self-check/#assessments",
    "self-check report": "self-check/#report",
    "self-check documents": "self-check/documents/",
    "self-check cohort": "self-check/cohort/",
    "launch edition answer": "self-check/launch-50/",
}


def lighthouse_run(url: str, form: str, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(
        command,
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
        and audit_id in _accessibility_audits(data)
    )
    return {
        "script_tbt_ms": _scripts_blocking_time(data),
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "lcp_ms": round(data["audits"]["largest-contentful-paint"]["numericValue"]),
        "cls": round(data["audits"]["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(data["audits"]["total-blocking-time"]["numericValue"]),
        "accessibility_failures": failing,
        # Lighthouse's own measure of the host's speed: below about 1000 it warns that the host is slower
        # than the device its 4x mobile slowdown assumes, and the scores drop for that reason alone.
        "benchmark_index": round(data["environment"].get("benchmarkIndex", 0)),
    }


# The guide's own application scripts (the self-check's and the cohort view's bundles, as their YAML
# names them), whose tasks the self-check's views add to a page's blocking time. (wwc-print.js is left
# out: Lighthouse names it for the DOMContentLoaded task, which is mostly Material's listener, as it is
# on every page.)
APPLICATION_SCRIPTS = tuple(
    Path(module.load_settings()["assets"]["script"]).name for module in (macros_selfcheck, macros_cohort)
)


def _scripts_blocking_time(report: dict) -> int:
    """The blocking time (each task's time over 50 ms, after the first contentful paint, as TBT counts
    it) of the long tasks Lighthouse attributes to the guide's application scripts."""
    first_paint = report["audits"]["first-contentful-paint"]["numericValue"]
    items = (report["audits"].get("long-tasks", {}).get("details") or {}).get("items", [])
    total = 0.0
    for task in items:
        if not any(script in task.get("url", "") for script in APPLICATION_SCRIPTS):
            continue
        end = task["startTime"] + task["duration"]
        total += max(0.0, end - max(task["startTime"], first_paint) - 50)
    return round(total)


FLOOR_PAGE = "plain Material page"


def material_floor_site(work: Path) -> Path:
    """A one-page Material site with none of the guide's code: what the theme alone scores on this host,
    so that a page's score can be read against the best this machine gives any Material page."""
    project = work / "material-floor"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Floor\ntheme:\n  name: material\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text("# A page\n\nOne paragraph of text.\n", encoding="utf-8")
    mkdocs_build(project / "mkdocs.yml", work / "site-material-floor")
    return work / "site-material-floor"


def lighthouse(site: Path, work: Path, mobile_runs: int = 5) -> list[dict]:
    """Each page on mobile (``mobile_runs`` runs) and desktop (one run: its scores sit far from the
    thresholds). The mobile runs go round the pages in turn, so that a host that slows down or speeds up
    during the run (a shared machine does) weighs on every page alike; a page's performance is its median
    run's (Lighthouse's own advice on variability), its blocking time the median of its runs, and its
    blocking time against the home page's the median of the differences within each round (the two
    pages measured a minute apart, on the same host's mood)."""
    pages = [(FLOOR_PAGE, material_floor_site(work), "")]
    pages += [(name, site, path) for name, path in LIGHTHOUSE_PAGES.items()]
    runs: dict[tuple[str, str], list[dict]] = {}
    with served(pages[0][1]) as floor_url, served(site) as site_url:
        rounds = [("mobile", run) for run in range(mobile_runs)] + [("desktop", 0)]
        for form, run in rounds:
            for name, root, path in pages:
                url = (floor_url if root == pages[0][1] else site_url) + path
                report = work / f"lh-{form}-{name.replace(' ', '-')}-{run}.json"
                runs.setdefault((name, form), []).append(lighthouse_run(url, form, report))
    results = []
    for form in ("mobile", "desktop"):
        for name, _root, path in pages:
            page_runs = runs[(name, form)]
            median = sorted(page_runs, key=lambda run: (run["performance"], -run["tbt_ms"]))[len(page_runs) // 2]
            entry = {"page": name, "path": path, "form": form, **median}
            entry["performance_runs"] = [run["performance"] for run in page_runs]
            entry["tbt_ms_runs"] = [run["tbt_ms"] for run in page_runs]
            entry["tbt_ms"] = round(statistics.median(entry["tbt_ms_runs"]))
            entry["script_tbt_ms"] = round(statistics.median(run["script_tbt_ms"] for run in page_runs))
            results.append(entry)
            print(
                f"  lighthouse {form:7} {name:23} performance {entry['performance']:3} {entry['performance_runs']} "
                f"accessibility {entry['accessibility']:3} TBT {entry['tbt_ms']} ms {entry['tbt_ms_runs']} "
                f"(application scripts {entry['script_tbt_ms']} ms) "
                f"(host index {entry['benchmark_index']}) {failing_text(entry)}",
                flush=True,
            )
    home_runs = runs[("home", "mobile")]
    for entry in results:
        if entry["form"] == "mobile" and entry["page"] not in (FLOOR_PAGE, "home"):
            rounds = zip(runs[(entry["page"], "mobile")], home_runs)
            entry["tbt_ms_vs_home_runs"] = [run["tbt_ms"] - home["tbt_ms"] for run, home in rounds]
            entry["tbt_ms_vs_home"] = round(statistics.median(entry["tbt_ms_vs_home_runs"]))
            entry["tbt_not_above_home"] = entry["tbt_ms_vs_home"] <= 0
            print(f"  TBT against the home page's, {entry['page']:23} {entry['tbt_ms_vs_home_runs']}", flush=True)
    return results


def failing_text(entry: dict) -> str:
    return " ".join(entry["accessibility_failures"])


def _accessibility_audits(report: dict) -> set[str]:
    return {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]}


# --- the test suite ------------------------------------------------------------------------------


def suite_time(pytest_args: list[str]) -> dict:
    """Wall and CPU time of ``pytest`` as ``scripts/dev.sh test`` runs it; the CPU time counts every
    process it waited for (workers, build processes, browsers)."""
    workers = os.environ.get("PYTEST_WORKERS", "auto")
    command = [sys.executable, "-m", "pytest", "-q", "-n", workers, "--dist", "worksteal", *pytest_args]
    run = measured_run(command, ROOT)
    return {
        "command": " ".join(["pytest", *command[3:]]),
        "wall_s": round(run["wall_s"], 1),
        "cpu_s": round(run["cpu_s"], 1),
    }


def print_suite(figures: dict) -> None:
    print(f"   {figures['command']}: {figures['wall_s']:.1f} s wall, {figures['cpu_s']:.1f} s CPU", flush=True)


# --- the whole run -------------------------------------------------------------------------------


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds of each build (at least 7)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page on mobile (median)")
    parser.add_argument("--skip-suite", action="store_true", help="do not time the test suite")
    parser.add_argument("--suite-only", action="store_true", help="time the test suite only")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("pytest_args", nargs="*", help="after --: what pytest runs when timing the suite")
    args = parser.parse_args()
    if args.rounds < 7:
        parser.error("--rounds must be at least 7: fewer cannot tell a 15% change from noise on a shared machine")
    results = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine_before": machine()}
    if args.suite_only:
        print("the test suite")
        results["test_suite"] = suite_time(args.pytest_args)
        print_suite(results["test_suite"])
        write_results(results, args.out)
        return
    with tempfile.TemporaryDirectory(prefix="wwc-bench-") as tmp:
        work = Path(tmp)
        project = copy_project(work / "project")
        plain = plain_project(project, work)
        floor = macros_floor_project(plain, work)
        print(f"1. strict build vs plain Material build of the same pages, {args.rounds} alternating rounds")
        runs = alternate(
            args.rounds,
            {
                "strict": lambda: mkdocs_build(project / "mkdocs.yml", work / "site-strict"),
                "plain": lambda: mkdocs_build(plain / "mkdocs.yml", work / "site-plain"),
                "plain_idle_macros": lambda: mkdocs_build(floor / "mkdocs.yml", work / "site-floor"),
            },
        )
        strict, plain_figures, floor_figures = (
            summary(runs[name]) for name in ("strict", "plain", "plain_idle_macros")
        )
        ratios = [s["cpu_s"] / p["cpu_s"] for s, p in zip(runs["strict"], runs["plain"])]
        results["build"] = {
            "strict": strict,
            "plain": plain_figures,
            "plain_idle_macros": floor_figures,
            "ratio_of_medians": round(strict["cpu_s_median"] / plain_figures["cpu_s_median"], 3),
            "ratio_per_round_median": round(statistics.median(ratios), 3),
            "idle_macros_ratio": round(floor_figures["cpu_s_median"] / plain_figures["cpu_s_median"], 3),
            "pages": len(list((work / "site-strict").rglob("*.html"))),
        }
        print(
            f"   strict {strict['cpu_s_median']:.2f} s, plain {plain_figures['cpu_s_median']:.2f} s, plain with the "
            f"macros plugin idle {floor_figures['cpu_s_median']:.2f} s CPU: ratio {results['build']['ratio_of_medians']:.2f} "
            f"(the idle plugin alone: {results['build']['idle_macros_ratio']:.2f})"
        )

        print(f"2. strict build at {COPIES}x data")
        big = copy_project(work / "project-10x")
        counts = multiply_content(big, COPIES)
        base = load_content(ROOT)
        first = next(iter(base["editions"].values()))
        counts_1x = {
            "criteria": sum(len(g["criteria"]) for g in first["groups"]),
            "case_studies": len(base["case_studies"]),
        }
        big_runs = alternate(args.rounds, {"10x": lambda: mkdocs_build(big / "mkdocs.yml", work / "site-10x")})["10x"]
        grown = summary(big_runs)
        results["growth"] = {
            "1x": {**counts_1x, **{k: strict[k] for k in ("cpu_s_median", "wall_s_median", "peak_rss_mib_median")}},
            "10x": {
                **counts,
                **{k: grown[k] for k in ("cpu_s_median", "wall_s_median", "peak_rss_mib_median")},
                "cpu_s_all": grown["cpu_s_all"],
            },
            "cpu_ratio": round(grown["cpu_s_median"] / strict["cpu_s_median"], 2),
            "memory_ratio": round(grown["peak_rss_mib_median"] / strict["peak_rss_mib_median"], 2),
        }
        print(
            f"   {counts['criteria']} criteria, {counts['case_studies']} case studies: "
            f"{grown['cpu_s_median']:.2f} s CPU ({results['growth']['cpu_ratio']}x), "
            f"peak {grown['peak_rss_mib_median']:.0f} MiB ({results['growth']['memory_ratio']}x)"
        )

        print("3. the self-check in Chromium")
        results["self_check"] = {
            "bytes": self_check_bytes(work / "site-strict"),
            "click_to_next_frame": {
                "1x": click_to_frame(work / "site-strict"),
                "10x": click_to_frame(work / "site-10x"),
            },
        }
        sizes = results["self_check"]["bytes"]["at_load"]
        clicks = results["self_check"]["click_to_next_frame"]
        print(
            f"   own bytes {sizes['raw'] / 1024:.0f} KiB raw, {sizes['gzip'] / 1024:.0f} KiB gzipped; click to next "
            f"frame {clicks['1x']['ms_median']} ms ({clicks['1x']['criteria_on_form']} criteria), "
            f"{clicks['10x']['ms_median']} ms ({clicks['10x']['criteria_on_form']} criteria)"
        )

        print("   the cohort view: 50 cities' files")
        results["cohort"] = cohort_bench.measure(work / "site-strict")
        cohort = results["cohort"]
        print(
            f"   opened in {cohort['open_ms']['median']} ms (median of {cohort['open_ms']['rounds']}); a click to the "
            f"next frame {cohort['click_to_frame_ms']['median']} ms, to the frame's end "
            f"{cohort['click_to_frame_end_ms']['median']} ms"
        )
        print("   team work: a simulated year of history, the longest request link")
        results["team"] = team_figures()
        team = results["team"]
        print(
            f"   a year of history: {team['history_year']['stored_bytes_utf8']:,} bytes stored "
            f"({team['history_year']['entries_kept']} entries, {team['history_year']['summaries']} summaries); "
            f"a 45-criteria request: link {team['request_45']['link_chars']:,} characters "
            f"(fits in an email: {team['request_45']['fits_in_email']}), file {team['request_45']['file_chars']:,}"
        )

        if not args.skip_lighthouse:
            print("4. Lighthouse")
            results["lighthouse"] = lighthouse(work / "site-strict", work, args.lighthouse_runs)
    if not args.skip_suite:
        print("5. the test suite")
        results["test_suite"] = suite_time(args.pytest_args)
        print_suite(results["test_suite"])
    write_results(results, args.out)


def write_results(results: dict, out: Path) -> None:
    results["machine_after"] = machine()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
