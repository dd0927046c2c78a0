"""The opt-in offline copy (OFFLINE=true) against the served build: search inlined for file://, every
script local, and the assets each build loads (the iframe-worker shim only offline, print CSS as print,
script files deferred)."""

from __future__ import annotations

import re

from helpers import html_pages, soup

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def scripts_of(html: str) -> list[str]:
    return re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)


def test_offline_build_inlines_search_and_loads_nothing_remote(offline_site):
    site = offline_site
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index =")
    home = (site / "index.html").read_text(encoding="utf-8")
    scripts = scripts_of(home)
    assert SHIM in scripts
    assert not [src for src in scripts if src.startswith(("http:", "https:", "//"))], scripts
    self_check = (site / "self-check" / "index.html").read_text(encoding="utf-8")
    assert 'href="../criteria/data-governance.html#dg1"' in self_check
    assert 'href="../downloads/self-check-export.schema.json"' in self_check
    assert (site / "downloads" / "criteria.json").is_file()
    assert 'href="downloads/criteria.json"' in (site / "downloads.html").read_text(encoding="utf-8")
    assert 'wwc-from-disk" hidden' not in home  # the offline copy is made for disk: no notice


def test_served_build_loads_no_iframe_shim(built_site):
    for page in (built_site / "index.html", built_site / "self-check" / "index.html"):
        assert not [src for src in scripts_of(page.read_text(encoding="utf-8")) if "iframe-worker" in src]


def test_print_stylesheet_never_blocks_screen_rendering(built_site, offline_site):
    for page in (built_site / "index.html", offline_site / "case-studies" / "seattle.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r"<link[^>]*wwc-print\.css[^>]*>", html)
        assert links and all('media="print"' in link for link in links), links


def test_no_page_holds_its_first_paint_for_a_script_file(built_site):
    """Every script file is deferred: the page paints once its HTML and styles are in (inline scripts,
    such as the self-check's, run where they stand)."""
    blocking = {}
    for page in html_pages(built_site):
        found = [
            script["src"]
            for script in soup(page).find_all("script", src=True)
            if not (script.has_attr("defer") or script.has_attr("async"))
        ]
        if found:
            blocking[page.relative_to(built_site).as_posix()] = found
    assert not blocking, blocking
    home_scripts = soup(built_site / "index.html").find_all("script", src=True)
    assert any("bundle" in script["src"] for script in home_scripts), "Material's script is no longer on the page"
