"""macros/assets.py: the page's own styles, minified and inlined at build time, and its bundle's <script src>."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros import assets
from macros.content import load_content
from macros.selfcheck import SelfCheckPageError, load_settings, render_self_check

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings()


def test_a_stylesheet_that_would_end_its_element_is_refused():
    with pytest.raises(assets.AssetError, match=r"docs/x\.css, line 1: contains '</style'"):
        assets.bundle_css([("docs/x.css", 'a::after { content: "</style>"; }')])


def test_the_self_check_build_stops_on_a_bad_stylesheet_or_a_missing_bundle(tmp_path):
    content = load_content(ROOT)
    for path in SETTINGS["assets"]["styles"] + [SETTINGS["assets"]["script"]]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / path, tmp_path / path)
    bad = SETTINGS["assets"]["styles"][-1]
    (tmp_path / bad).write_text('a::after { content: "</style>"; }\n', encoding="utf-8")
    with pytest.raises(SelfCheckPageError, match=rf"docs/{bad}, line 1: contains '</style'"):
        render_self_check(content, settings=SETTINGS, docs_dir=tmp_path)
    shutil.copy(ROOT / "docs" / bad, tmp_path / bad)
    (tmp_path / SETTINGS["assets"]["script"]).unlink()
    with pytest.raises(SelfCheckPageError, match="not found .run npm run build."):
        render_self_check(content, settings=SETTINGS, docs_dir=tmp_path)


def test_the_script_tag_is_classic_deferred_and_versioned_by_content(tmp_path):
    (tmp_path / "a.js").write_text("one", encoding="utf-8")
    first = assets.script_tag(tmp_path, "a.js", "../")
    assert re.fullmatch(r'<script src="\.\./a\.js\?v=[0-9a-f]{10}" defer></script>', first)
    (tmp_path / "a.js").write_text("two!", encoding="utf-8")
    assert assets.script_tag(tmp_path, "a.js", "../") != first
    assert "&quot;" in assets.script_tag(tmp_path, "a.js", '"') and '"a.js' not in assets.script_tag(
        tmp_path, "a.js", '"'
    )
