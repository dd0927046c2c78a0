"""The figures of the last benchmark run (bench/results.json, written by scripts/bench.py) as Markdown.

Figures are read from the file, never typed into a page: a new run changes the page at the next build.
"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS_FILE = Path("bench") / "results.json"


def load_results(root: Path) -> dict | None:
    path = Path(root) / RESULTS_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _kib(count: int) -> str:
    return f"{count / 1024:.0f} KiB"


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def run_note(results: dict) -> str:
    before, after = results["machine_before"], results["machine_after"]
    return (
        f"Measured on {results['date']} on a machine with {before['cpus']} CPU cores shared with other work: "
        f"load average {before['load_average_1_5_15'][0]} when the run started and "
        f"{after['load_average_1_5_15'][0]} when it ended (1.0 per core is a fully busy core)."
    )


def build_table(results: dict) -> str:
    build = results["build"]
    strict, plain = build["strict"], build["plain"]
    rows = [
        [
            "Strict build (YAML validated, pages rendered by macros)",
            f"{strict['cpu_s_median']:.2f} s",
            f"{strict['wall_s_median']:.2f} s",
            f"{strict['peak_rss_mib_median']:.0f} MiB",
        ],
        [
            "Plain Material build of the same pages",
            f"{plain['cpu_s_median']:.2f} s",
            f"{plain['wall_s_median']:.2f} s",
            f"{plain['peak_rss_mib_median']:.0f} MiB",
        ],
    ]
    floor = build.get("plain_idle_macros")
    if floor:
        rows.append(
            [
                "The same plain build with the macros plugin on but idle",
                f"{floor['cpu_s_median']:.2f} s",
                f"{floor['wall_s_median']:.2f} s",
                f"{floor['peak_rss_mib_median']:.0f} MiB",
            ]
        )
    text = (
        _table(["Build", "CPU time (median)", "Wall time (median)", "Peak memory"], rows)
        + f"\n\nStrict build / plain build, CPU time: **{build['ratio_of_medians']:.2f}x** "
        f"(median of {strict['runs']} alternating rounds each; per-round ratios have median "
        f"{build['ratio_per_round_median']:.2f}x). {build['pages']} pages."
    )
    if floor:
        text += (
            f" The macros plugin by itself, with nothing to do, costs **{build['idle_macros_ratio']:.2f}x**: "
            "that share is the price of the plugin the guide is built with; the rest is the guide's own "
            "loading, checking and rendering."
        )
    return text


def growth_table(results: dict) -> str:
    growth = results["growth"]
    rows = [
        [
            label,
            data["criteria"],
            data["case_studies"],
            f"{data['cpu_s_median']:.2f} s",
            f"{data['peak_rss_mib_median']:.0f} MiB",
        ]
        for label, data in (("1x", growth["1x"]), ("10x", growth["10x"]))
    ]
    return (
        _table(["Data", "Criteria", "Case studies", "CPU time (median)", "Peak memory"], rows)
        + f"\n\nTen times the data costs **{growth['cpu_ratio']}x** the CPU time and "
        f"**{growth['memory_ratio']}x** the memory."
    )


SELF_CHECK_PARTS = {
    "markup": "The form and the page's other HTML",
    "json data": "Embedded data (JSON)",
    "inline js": "JavaScript needed at load (inline)",
    "inline css": "CSS (inline)",
}


def self_check_table(results: dict) -> str:
    sizes = results["self_check"]["bytes"]
    rows = [
        [label, _kib(sizes["parts"][key]["raw"]), _kib(sizes["parts"][key]["gzip"])]
        for key, label in SELF_CHECK_PARTS.items()
        if key in sizes["parts"]
    ]
    rows.append(
        [
            "**At page load, first visit** (everything fetched without a click)",
            _kib(sizes["at_load"]["raw"]),
            _kib(sizes["at_load"]["gzip"]),
        ]
    )
    if "returning_at_load" in sizes:
        rows.append(
            [
                "At page load, returning with saved answers (the checklists and the report come too)",
                _kib(sizes["returning_at_load"]["raw"]),
                _kib(sizes["returning_at_load"]["gzip"]),
            ]
        )
    rows[-1:-1] = [
        [f"Script `{name}`", _kib(size["raw"]), _kib(size["gzip"])]
        for name, size in sizes.get("linked", {}).items()
        if name.endswith(".js")
    ]
    if "on_first_use" in sizes:  # figures measured before the self-check became one bundle
        parts = ", ".join(sizes.get("first_use_parts", {})) or "share, merge, compare, CSV, export, report"
        rows.append(
            [
                f"Loaded on first use, each file once ({parts})",
                _kib(sizes["on_first_use"]["raw"]),
                _kib(sizes["on_first_use"]["gzip"]),
            ]
        )
    clicks = results["self_check"]["click_to_next_frame"]
    click_rows = [
        [data["criteria_on_form"], f"{data['ms_median']} ms", f"{data['ms_max']} ms", data["clicks"]]
        for data in (clicks["1x"], clicks["10x"])
    ]
    return (
        _table(["Part", "Raw", "Gzipped"], rows)
        + "\n\n"
        + _table(["Criteria on the form", "Click to next frame (median)", "Slowest", "Clicks"], click_rows)
    )


def lighthouse_table(results: dict) -> str:
    entries = results.get("lighthouse")
    if not entries:
        return "Lighthouse was not part of this run."
    rows = [
        [
            entry["page"],
            entry["form"],
            _runs(entry["performance"], entry.get("performance_runs")),
            entry["accessibility"],
            f"{entry['lcp_ms'] / 1000:.1f} s",
            _tbt(entry),
            entry["cls"],
            ", ".join(entry["accessibility_failures"]) or "none",
        ]
        for entry in entries
    ]
    return _table(
        [
            "Page",
            "Form",
            "Performance",
            "Accessibility",
            "Largest paint",
            "Blocking time",
            "Layout shift",
            "Accessibility audits failed",
        ],
        rows,
    )


def _runs(value: int, runs: list[int] | None) -> str:
    """The median run's score, with every run's when there were several."""
    if not runs or len(runs) < 2:
        return str(value)
    return f"{value} (runs: {', '.join(str(run) for run in runs)})"


def _tbt(entry: dict) -> str:
    """The median of the runs' blocking times, with every run's when there were several, the part of it
    in the guide's application scripts' own tasks, and how it stands against the home page's."""
    runs = entry.get("tbt_ms_runs") or []
    text = f"{entry['tbt_ms']} ms"
    if len(runs) > 1:
        text += f" (runs: {', '.join(str(run) for run in runs)})"
    if entry.get("script_tbt_ms"):
        text += f"; in the guide's own scripts {entry['script_tbt_ms']} ms"
    return text + _versus_home(entry)


def _versus_home(entry: dict) -> str:
    if "tbt_not_above_home" not in entry or entry["page"] == "home":
        return ""
    verdict = "not above the home page's" if entry["tbt_not_above_home"] else "above the home page's"
    rounds = entry.get("tbt_ms_vs_home_runs")
    if not rounds:
        return f" ({verdict})"
    differences = ", ".join(f"{difference:+d}" for difference in rounds)
    return f" ({verdict}: {entry['tbt_ms_vs_home']:+d} ms, the median of each round's difference: {differences})"


def cohort_table(results: dict) -> str:
    cohort = results.get("cohort")
    if not cohort:
        return "The cohort view was not part of this run."
    rows = [
        [
            f"Open {cohort['cities']} cities' files (median of {cohort['open_ms']['rounds']})",
            f"{cohort['open_ms']['median']} ms",
            f"{cohort['open_ms']['max']} ms",
        ],
        [
            f"A click on a heat map column to the next frame ({cohort['click_to_frame_ms']['clicks']} clicks)",
            f"{cohort['click_to_frame_ms']['median']} ms",
            f"{cohort['click_to_frame_ms']['max']} ms",
        ],
        [
            "The same click to the end of that frame (style, layout and paint)",
            f"{cohort['click_to_frame_end_ms']['median']} ms",
            f"{cohort['click_to_frame_end_ms']['max']} ms",
        ],
    ]
    return _table(["What", "Median", "Slowest"], rows)


def team_table(results: dict) -> str:
    team = results.get("team")
    if not team:
        return "Team work's figures were not part of this run."
    year, request = team["history_year"], team["request_45"]
    rows = [
        [
            f"A year of history ({year['changes']:,} changes by five people)",
            f"{year['stored_bytes_utf8'] / 1024:.0f} KiB stored: {year['entries_kept']:,} changes kept whole, "
            f"{year['entries_folded']:,} older ones folded into {year['summaries']:,} summaries",
        ],
        [
            f"A request for all {request['criteria']} criteria",
            f"a link of {request['link_chars']:,} characters "
            + ("(fits in an email)" if request["fits_in_email"] else "(too long for an email: the page offers a file)")
            + f"; as a file {request['file_chars']:,} characters",
        ],
    ]
    return _table(["What", "Size"], rows)


SECTIONS = {
    "note": run_note,
    "build": build_table,
    "growth": growth_table,
    "self_check": self_check_table,
    "lighthouse": lighthouse_table,
    "cohort": cohort_table,
    "team": team_table,
}


def measurement(results: dict | None, section: str) -> str:
    """One section of the figures, or a line saying there are none yet."""
    if results is None:
        return f"*No benchmark figures in this build: run `scripts/dev.sh bench` to write `{RESULTS_FILE.as_posix()}`.*"
    return SECTIONS[section](results)
