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


def test_without_a_results_file_the_page_says_how_to_make_one(tmp_path):
    assert load_results(tmp_path) is None
    assert "scripts/dev.sh bench" in measurement(None, "build")
    assert RESULTS_FILE.as_posix() in measurement(None, "growth")
