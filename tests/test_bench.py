"""scripts/bench.py: how a Lighthouse report's blocking time is split out for the guide's own scripts."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import bench  # noqa: E402


def report(first_paint: float, tasks: list[tuple[float, float, str]]) -> dict:
    items = [{"startTime": start, "duration": duration, "url": url} for start, duration, url in tasks]
    return {
        "audits": {
            "first-contentful-paint": {"numericValue": first_paint},
            "long-tasks": {"details": {"items": items}},
        }
    }


def test_only_the_application_scripts_tasks_after_the_first_paint_count_over_50_ms():
    data = report(
        1000,
        [
            (1200, 90, "http://host/assets/javascripts/wwc-selfcheck.js?v=1"),  # 40 over
            (1300, 45, "http://host/assets/javascripts/wwc-selfcheck.js?v=1"),  # short: none
            (900, 160, "http://host/assets/javascripts/wwc-selfcheck.js?v=1"),  # 60 after the paint: 10
            (500, 200, "http://host/assets/javascripts/wwc-selfcheck.js?v=1"),  # before the paint: none
            (1400, 300, "http://host/assets/javascripts/bundle.min.js"),  # Material's: none
            (1500, 120, "http://host/assets/javascripts/wwc-print.js"),  # Material's listener: none
            (1600, 70, "http://host/assets/javascripts/wwc-cohort.js"),  # 20 over
        ],
    )
    assert bench._scripts_blocking_time(data) == 70


def test_a_report_without_long_tasks_has_none():
    assert bench._scripts_blocking_time({"audits": {"first-contentful-paint": {"numericValue": 1}}}) == 0
