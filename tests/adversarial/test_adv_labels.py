"""Labels from YAML (item_label, item_label_plural, not_certified_label, ...) are shown literally.

The tiers page once printed ``item_label_plural`` into Markdown unescaped, so a label holding a
Markdown link or image became a clickable ``javascript:`` link and a request to another host.
The full build with payloads in every field is tests/adversarial/test_adv_payloads.py; this is the
quick check of the tiers page's renderers.
"""

from __future__ import annotations

import copy

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.content import load_content
from macros.render import between_ranges_text, tier_table, tiers_page

# The payload as the issue reported it: a script link and an image from another host.
LABEL_PAYLOAD = "criteria [details](javascript:alert%28%27x%27%29) ![t](https://evil.example/pixel.png)"
LABELS = ("item_label", "item_label_plural", "not_certified_label", "group_label", "short_title", "title")


@pytest.fixture(scope="module")
def loaded(root):
    return load_content(root)


def rendered(markdown_text: str) -> BeautifulSoup:
    html = markdown.markdown(markdown_text, extensions=["admonition", "attr_list", "md_in_html", "tables"])
    return BeautifulSoup(html, "html.parser")


def links_and_images(page: BeautifulSoup) -> list[str]:
    return [str(element) for element in page.find_all(["a", "img"])]


@pytest.mark.parametrize("plural", ["given", "derived from item_label"])
@pytest.mark.parametrize("edition_id", ["assessment-45", "launch-50"])
def test_labels_with_markdown_links_stay_text_on_the_tiers_page(loaded, edition_id, plural):
    content = copy.deepcopy(loaded)
    edition = content["editions"][edition_id]
    for label in LABELS:
        edition[label] = LABEL_PAYLOAD
    if plural != "given":
        del edition["item_label_plural"]
    for tier in edition["tiers"]:
        tier["name"] = LABEL_PAYLOAD
    for text in (between_ranges_text(edition), tier_table(content, edition_id), tiers_page(content)):
        page = rendered(text)
        assert not links_and_images(page), links_and_images(page)
    assert "[details](javascript:alert%28%27x%27%29)" in rendered(tiers_page(content)).get_text()
