"""macros/assets.py: the page's own scripts and styles, minified and inlined at build time."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros import assets
from macros.content import load_content
from macros.selfcheck import SelfCheckPageError, load_settings, render_self_check

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings()


@pytest.mark.parametrize("closer", ["</script>", "</SCRIPT ", "<!--"])
def test_a_script_that_would_end_its_element_is_refused_with_file_and_line(closer):
    source = f'var a = 1;\nvar b = "{closer}";\n'
    with pytest.raises(assets.AssetError, match=r"docs/x\.js, line 2: contains"):
        assets.bundle_js([("docs/x.js", source)])


def test_a_stylesheet_that_would_end_its_element_is_refused():
    with pytest.raises(assets.AssetError, match=r"docs/x\.css, line 1: contains '</style'"):
        assets.bundle_css([("docs/x.css", 'a::after { content: "</style>"; }')])


def test_files_without_a_final_semicolon_do_not_run_into_each_other():
    bundle = assets.bundle_js([("a.js", "window.a = 1\n"), ("b.js", "(function () { window.b = 2 })()\n")])
    result = subprocess.run(["node", "-e", f"var window = {{}}; {bundle}; console.log(JSON.stringify(window))"],
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"a": 1, "b": 2}


def test_the_self_check_build_stops_on_a_bad_or_missing_asset(tmp_path):
    content = load_content(ROOT)
    for path in SETTINGS["assets"]["scripts"] + SETTINGS["assets"]["styles"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / path, tmp_path / path)
    bad = SETTINGS["assets"]["scripts"][-1]
    (tmp_path / bad).write_text('document.write("</script>");\n', encoding="utf-8")
    with pytest.raises(SelfCheckPageError, match=rf"docs/{bad}, line 1: contains '</script'"):
        render_self_check(content, settings=SETTINGS, docs_dir=tmp_path)
    (tmp_path / bad).unlink()
    with pytest.raises(SelfCheckPageError, match="not found"):
        render_self_check(content, settings=SETTINGS, docs_dir=tmp_path)


def test_the_minified_bundle_defines_what_the_sources_define():
    """The bundle as the page holds it, run in node with a bare window: every global and view part
    the sources define is there (the browser tests then use it for real)."""
    sources = [(path, (ROOT / "docs" / path).read_text(encoding="utf-8")) for path in SETTINGS["assets"]["scripts"]]
    bundle = assets.bundle_js(sources)
    # A fresh context like a page's: a window and a document, no module or require (node's -e has them).
    probe = ("var vm = require('vm'); var listeners = [];"
             "var context = {document: {readyState: 'loading', addEventListener: function (name) { listeners.push(name); }}};"
             "context.window = context; vm.createContext(context); vm.runInContext(require('fs').readFileSync(0, 'utf8'), context);"
             "console.log(JSON.stringify({globals: Object.keys(context).filter(function (k) { return /^WWC/.test(k); }),"
             " parts: Object.keys(context.WWCSelfCheckParts || {}), listeners: listeners}))")
    result = subprocess.run(["node", "-e", probe], input=bundle, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    defined = {name for _, source in sources for name in re.findall(r"window\.(\w+) = ", source)}
    # Not "self.parts.report = ...": the controller's own map of the parts it created.
    parts = {name for _, source in sources for name in re.findall(r"(?<![.\w])parts\.(\w+) = ", source)}
    assert defined and parts
    assert set(found["globals"]) == {name for name in defined if name.startswith("WWC")}
    assert set(found["parts"]) == parts
    assert found["listeners"] == ["DOMContentLoaded"]


def test_each_lazy_part_defines_its_parts_after_the_bundle():
    """The files loaded on first use run after the bundle, as the page loads them (in each part's
    order, from docs/ as they are), and define the globals and view parts the page then creates."""
    from macros.selfcheck import lazy_files
    bundle = assets.bundle_js([(path, (ROOT / "docs" / path).read_text(encoding="utf-8"))
                               for path in SETTINGS["assets"]["scripts"]])
    lazy = [(path, (ROOT / "docs" / path).read_text(encoding="utf-8")) for path in lazy_files(SETTINGS)]
    assert lazy and not set(SETTINGS["assets"]["scripts"]) & set(lazy_files(SETTINGS))
    probe = ("var vm = require('vm'); var files = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
             "var context = {document: {readyState: 'loading', addEventListener: function () {}}};"
             "context.window = context; vm.createContext(context);"
             "files.forEach(function (code) { vm.runInContext(code, context); });"
             "console.log(JSON.stringify({globals: Object.keys(context).filter(function (k) { return /^WWC/.test(k); }),"
             " parts: Object.keys(context.WWCSelfCheckParts || {})}))")
    result = subprocess.run(["node", "-e", probe], input=json.dumps([bundle] + [source for _, source in lazy]),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    for _, source in lazy:
        assert set(re.findall(r"window\.(\w+) = ", source)) <= set(found["globals"])
        assert set(re.findall(r"(?<![.\w])parts\.(\w+) = ", source)) <= set(found["parts"])
    assert {"report", "share", "incoming", "merge", "compare"} <= set(found["parts"])
