"""The YAML reader: both parsers give the same data and lines; merge keys work; limits and escapes."""

from __future__ import annotations

import csv
import io

import pytest

from adversarial.fields import content_files
from adversarial.payloads import FORMULA_STARTS
from macros import exports, text, yamlfile
from macros.content import load_content
from macros.errors import ContentError

needs_libyaml = pytest.mark.skipif(yamlfile.FAST_LOADER is None, reason="PyYAML built without libyaml")


@needs_libyaml
def test_both_loaders_give_identical_data_and_lines_for_every_content_file(root):
    files = content_files(root)
    assert len(files) > 20
    for relative in files:
        fast = yamlfile.load_yaml(root / relative, relative, yamlfile.FAST_LOADER)
        slow = yamlfile.load_yaml(root / relative, relative, yamlfile.PYTHON_LOADER)
        assert fast.data == slow.data, relative
        assert fast.lines == slow.lines, relative


@needs_libyaml
def test_libyaml_is_the_default():
    assert yamlfile.DEFAULT_LOADER is yamlfile.FAST_LOADER


def write(tmp_path, body: str):
    path = tmp_path / "file.yml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("loader", [yamlfile.FAST_LOADER, yamlfile.PYTHON_LOADER], ids=["libyaml", "python"])
def test_a_merge_key_is_accepted_and_explicit_keys_override_it(tmp_path, loader):
    if loader is None:
        pytest.skip("no libyaml")
    path = write(
        tmp_path,
        "base: &base\n  a: 1\n  b: 2\nother: &other\n  b: 9\n  c: 3\nitem:\n  <<: [*base, *other]\n  b: 5\n  d: 4\n",
    )
    document = yamlfile.load_yaml(path, "file.yml", loader)
    assert document.data["item"] == {"a": 1, "b": 5, "c": 3, "d": 4}
    assert document.line_of(("item", "b")) == 9  # the explicit key
    assert document.line_of(("item", "a")) == 8  # merged: the line of <<


def test_a_merge_key_in_real_content_loads(root, tmp_path):
    """An author may share fields between two items with an anchor and a merge key."""
    import shutil

    for folder in ("criteria", "casestudies"):
        shutil.copytree(root / folder, tmp_path / folder)
    path = tmp_path / "criteria/assessment-45/data-governance.yml"
    body = path.read_text(encoding="utf-8")
    body = body.replace("      - id: dg1-inventory-copy\n", "      - &copy\n        id: dg1-inventory-copy\n", 1)
    body = body.replace(
        "      - id: dg1-collection-process-document\n",
        "      - <<: *copy\n        id: dg1-collection-process-document\n",
        1,
    )
    path.write_text(body, encoding="utf-8")
    content = load_content(tmp_path)
    group = next(g for g in content["editions"]["assessment-45"]["groups"] if g["id"] == "data-governance")
    documents = group["criteria"][0]["documentation"]
    assert documents[1]["id"] == "dg1-collection-process-document"
    assert "text" in documents[1]


def test_aliases_are_copies_so_changing_one_leaves_the_other(tmp_path):
    document = yamlfile.load_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n"), "file.yml")
    document.data["a"].append(3)
    assert document.data["b"] == [1, 2]


def test_an_alias_bomb_stops_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 12)]
    with pytest.raises(ContentError) as raised:
        yamlfile.load_yaml(write(tmp_path, "\n".join(lines) + "\n"), "file.yml")
    assert "more than 100000 values" in str(raised.value)


def test_dates_stay_text_as_written(tmp_path):
    document = yamlfile.load_yaml(write(tmp_path, "date: 2018-01-05\n"), "file.yml")
    assert document.data == {"date": "2018-01-05"}


# --- escaping helpers --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cell_neutralises_a_formula(value):
    assert text.csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Plain", "1 = 1", "", 3, "'quoted"])
def test_csv_cell_leaves_other_values_alone(value):
    assert text.csv_cell(value) == value


def test_criteria_csv_neutralises_formulas_in_every_text_column(root):
    content = load_content(root)
    group = content["editions"]["assessment-45"]["groups"][0]
    criterion = group["criteria"][0]
    group["name"] = '=HYPERLINK("http://example.invalid")'
    criterion["statement"] = "+cmd|' /C calc'!A0"
    criterion["title"] = "@SUM(1+1)"
    criterion["requirements"][0]["text"] = "-2+3"
    rows = list(csv.DictReader(io.StringIO(exports.criteria_csv(content))))
    first = rows[0]
    assert first["group_name"].startswith("'=") and first["statement"].startswith("'+")
    assert first["title"].startswith("'@") and first["requirements"].startswith("'-")
    assert not [cell for row in rows for cell in row.values() if cell.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1&c=2", "http://example.org", "/downloads/x.csv", "../case-studies/", "page.md#part"],
)
def test_allowed_urls(url):
    assert text.is_allowed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "\\\\evil.example",
        'https://x.org/"onmouseover=x',
        "mailto:x@example.org",
        "",
        "java\nscript:x",
    ],
)
def test_refused_urls(url):
    assert not text.is_allowed_url(url)
    assert text.href(url) is None


def test_markdown_escaping_keeps_text_literal():
    assert text.md("[x](javascript:y) *a* _b_ `c` {: d } # e | f !g") == (
        "\\[x\\](javascript:y) \\*a\\* \\_b\\_ \\`c\\` \\{: d \\} \\# e \\| f \\!g"
    )
    assert text.md("- item") == "\\- item" and text.md("12. item") == "12\\. item"
    assert text.md("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"


def test_html_text_is_literal_in_html_and_in_markdown():
    assert text.html_text("<a href='x'>[y](z)</a> & {{ j }}") == (
        "&lt;a href=&#x27;x&#x27;&gt;&#91;y&#93;&#40;z&#41;&lt;/a&gt; &amp; &#123;&#123; j &#125;&#125;"
    )


def test_title_text_has_no_angle_brackets():
    assert "<" not in text.title_md("</title><script>") and ">" not in text.title_md("</title><script>")


def test_json_for_script_cannot_close_the_script_or_carry_nan():
    encoded = text.json_for_script({"a": "</script><!-- & \u2028"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "\u2028" not in encoded
    with pytest.raises(ValueError):
        text.json_for_script({"a": float("nan")})
