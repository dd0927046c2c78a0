"""The footer wwc-print.js adds to every page (site name, address, print date) shows on paper only:
on screen it was shown at the end of every page once the print stylesheet became print-only."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_the_print_footer_is_on_paper_only(page: Page, site_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + "self-check/")
    footer = page.locator(".wwc-print-footer")
    expect(footer).to_have_count(1)
    expect(footer).to_be_hidden()
    page.emulate_media(media="print")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text("Printed")
