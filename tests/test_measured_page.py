"""The page "How the guide is built and measured" shows the figures of bench/results.json, not typed ones."""

from __future__ import annotations

from helpers import normalise, page, soup
from macros.measured import RESULTS_FILE, load_results, measurement


def test_page_shows_the_figures_of_the_results_file(built_site, root):
    results = load_results(root)
    text = normalise(soup(page(built_site, "measured/")).find("article").get_text(" "))
    if results is None:
        assert "No benchmark figures in this build" in text
        return
    assert f"{results['build']['ratio_of_medians']:.2f}x" in text
    assert f"{results['growth']['10x']['criteria']}" in text and f"{results['growth']['cpu_ratio']}x" in text
    assert results["date"] in text
    for entry in results.get("lighthouse", []):
        assert entry["page"] in text
    if "team" in results:
        assert f"{results['team']['request_45']['link_chars']:,} characters" in text
    if "cohort" in results:
        assert f"{results['cohort']['open_ms']['median']} ms" in text


def test_new_sections_read_their_figures_and_old_runs_say_they_lack_them():
    results = {
        "team": {
            "history_year": {
                "changes": 5220,
                "entries_kept": 1007,
                "entries_folded": 3945,
                "summaries": 225,
                "stored_bytes_utf8": 226504,
            },
            "request_45": {"criteria": 45, "link_chars": 2150, "file_chars": 19256, "fits_in_email": False},
        },
        "lighthouse": [
            {
                "page": "home",
                "form": "mobile",
                "performance": 97,
                "performance_runs": [96, 97, 99],
                "accessibility": 100,
                "lcp_ms": 1500,
                "tbt_ms": 120,
                "tbt_ms_runs": [90, 120, 300],
                "cls": 0,
                "accessibility_failures": [],
                "tbt_not_above_home": True,
            },
            {
                "page": "self-check results",
                "form": "mobile",
                "performance": 95,
                "accessibility": 100,
                "lcp_ms": 1500,
                "tbt_ms": 150,
                "cls": 0,
                "accessibility_failures": [],
                "tbt_not_above_home": False,
            },
            {
                "page": "self-check report",
                "form": "mobile",
                "performance": 96,
                "accessibility": 100,
                "lcp_ms": 1500,
                "tbt_ms": 110,
                "script_tbt_ms": 12,
                "cls": 0,
                "accessibility_failures": [],
                "tbt_ms_vs_home_runs": [-30, 15, -5],
                "tbt_ms_vs_home": -5,
                "tbt_not_above_home": True,
            },
        ],
    }
    team = measurement(results, "team")
    assert "221 KiB stored" in team and "2,150 characters" in team and "too long for an email" in team
    lighthouse = measurement(results, "lighthouse")
    assert "97 (runs: 96, 97, 99)" in lighthouse and "150 ms (above the home page's)" in lighthouse
    assert "120 ms (runs: 90, 120, 300) |" in lighthouse
    assert (
        "110 ms; in the guide's own scripts 12 ms (not above the home page's: -5 ms, the median of each round's "
        "difference: -30, +15, -5)" in lighthouse
    )
    assert measurement({}, "cohort") == "The cohort view was not part of this run."


def test_without_a_results_file_the_page_says_how_to_make_one(tmp_path):
    assert load_results(tmp_path) is None
    assert "scripts/dev.sh bench" in measurement(None, "build")
    assert RESULTS_FILE.as_posix() in measurement(None, "growth")
