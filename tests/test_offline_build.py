"""The opt-in offline copy (OFFLINE=true): search inlined for file://, every script local."""

from __future__ import annotations

import re

from helpers import run_mkdocs_build


def test_offline_build_inlines_search_and_loads_nothing_remote(root, tmp_path, monkeypatch):
    monkeypatch.setenv("OFFLINE", "true")
    site = tmp_path / "site"
    result = run_mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index =")
    home = (site / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', home)
    assert "assets/javascripts/vendor/iframe-worker-shim.js" in scripts
    assert not [src for src in scripts if src.startswith(("http:", "https:", "//"))], scripts
    self_check = (site / "self-check" / "index.html").read_text(encoding="utf-8")
    assert 'href="../criteria/data-governance.html#dg1"' in self_check
    assert 'href="../downloads/self-check-export.schema.json"' in self_check
    assert (site / "downloads" / "criteria.json").is_file()
    assert 'href="downloads/criteria.json"' in (site / "downloads.html").read_text(encoding="utf-8")
