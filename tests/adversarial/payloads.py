"""Script and markup payloads (OWASP XSS filter evasion classes, Markdown, Jinja, breakouts, CSV).

Each payload, if it ran, would set ``window.__wwcxss`` or open a dialog; each carries the marker
``wwcxss`` so a tag or attribute it managed to create can be recognised in the page. Those that
name the host ``evil.example`` would make a page load from, or link to, another host.
"""

MARK = "wwcxss"
RUN = "window.__wwcxss=1"

PAYLOADS = [
    # plain and nested tags
    f"<script>{RUN}</script>",
    f'<img src=x onerror="{RUN}" alt=wwcxss>',
    f"<svg onload={RUN} class=wwcxss>",
    f"<svg><script>{RUN}</script></svg>",
    f"<scr<script>ipt>{RUN}</scr</script>ipt>",
    f"<IMG SRC=JaVaScRiPt:{RUN} class=wwcxss>",
    "<img src=x onerror=&#119;indow.__wwcxss=1 class=wwcxss>",
    f"<details open ontoggle={RUN} class=wwcxss>",
    f"<input autofocus onfocus={RUN} class=wwcxss>",
    f'<video><source onerror="{RUN}" class=wwcxss></video>',
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN} class=wwcxss>",
    '<iframe src="javascript:parent.__wwcxss=1" class=wwcxss></iframe>',
    f'<object data="javascript:{RUN}" class=wwcxss></object>',
    f'<form action="javascript:{RUN}" class=wwcxss><button>wwcxss</button></form>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}" class=wwcxss>',
    f'<style>.md-content{{background:url("javascript:{RUN}")}} /*wwcxss*/</style>',
    '<base href="javascript:/wwcxss/">',
    # breaking out of attributes, titles, scripts, comments
    f'" onmouseover="{RUN}" data-wwcxss="',
    f"' onfocus='{RUN}' autofocus data-wwcxss='",
    f'"><script>{RUN}</script>',
    f"</title><script>{RUN}</script>",
    f"</script><script>{RUN}</script>",
    f"</textarea><script>{RUN}</script>",
    f"--><script>{RUN}</script><!--wwcxss",
    f"\u2028</script><script>{RUN}</script>",
    # entities and escapes that a second decoding would turn into tags
    f"&lt;script&gt;{RUN}&lt;/script&gt; wwcxss",
    f"&#60;img src=x onerror={RUN}&#62; wwcxss",
    f"&lt;/title&gt;&lt;script&gt;{RUN}&lt;/script&gt; wwcxss",
    f"&amp;lt;/title&amp;gt;&amp;lt;img src=x onerror={RUN}&amp;gt; wwcxss",
    f"\\u003cscript\\u003e{RUN}\\u003c/script\\u003e wwcxss",
    # Markdown
    f"[wwcxss](javascript:{RUN})",
    f"![wwcxss](javascript:{RUN})",
    f"<javascript:{RUN}> wwcxss",
    f"`<img src=x onerror={RUN}>` wwcxss",
    f'**wwcxss** {{: onclick="{RUN}" }}',
    f'<div markdown="1">[wwcxss](javascript:{RUN})</div>',
    f"wwcxss\n\n<script>{RUN}</script>",
    f"- wwcxss\n- <img src=x onerror={RUN}>",
    f'!!! note "<img src=x onerror={RUN}>"\n    wwcxss',
    f"|wwcxss|<script>{RUN}</script>|",
    f"[wwcxss]: javascript:{RUN}",
    # links and images to another host (a page must never load from or link to one it was not given)
    "criteria [details](javascript:alert%28%27x%27%29) ![t](https://evil.example/pixel.png)",
    "![wwcxss](https://evil.example/wwcxss.png)",
    "[wwcxss](https://evil.example/wwcxss)",
    "<https://evil.example/wwcxss>",
    "[wwcxss][r]\n\n[r]: https://evil.example/wwcxss",
    '<img src="https://evil.example/wwcxss.png" srcset="https://evil.example/wwcxss.png 2x">',
    '<a href="https://evil.example/wwcxss">wwcxss</a>',
    '<link rel=stylesheet href="https://evil.example/wwcxss.css">',
    '<form action="https://evil.example/wwcxss"><input name=wwcxss></form>',
    "[wwcxss](//evil.example/wwcxss) ![wwcxss](//evil.example/wwcxss.png)",
    # Jinja (mkdocs-macros) and other template syntax
    "{{ 7*7 }} wwcxss {% raw %}",
    "{% for x in range(3) %}wwcxss{% endfor %} {{ config }}",
    "{# wwcxss ${7*7} <%= 7*7 %>",
    # spreadsheet formulas (criteria.csv)
    '=HYPERLINK("http://example.invalid/","wwcxss")',
    "+cmd|' /C calc'!A0 wwcxss",
    "-2+3+cmd|' /C calc'!A0 wwcxss",
    "@SUM(1+1)*cmd|' /C calc'!A0 wwcxss",
    # a URL field accepts only http(s) and site paths: these are the kinds that pass
    "https://example.invalid/wwcxss?a=1&b=2#x",
    "../wwcxss/",
]

FOREIGN_HOST = "evil.example"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
