/* wwc-print.js: what a printed page (a handout) needs that the screen does not.
 *
 * - Links inside the page's content get data-print-href, their absolute address resolved against the
 *   page's canonical URL (built from site_url), so paper shows where a link goes on the published site,
 *   never a path relative to the page. wwc-print.css prints it after the link; without this script
 *   nothing is printed.
 * - A site built without SITE_URL has a development server's address as its canonical URL
 *   (mkdocs.yml's default): that host never prints. The page's own location is printed instead when
 *   it is served from a real host, else the address from the site's root ("/criteria/...").
 * - A footer at the end of the content with the site's name, the page's published address and the date,
 *   refreshed just before printing. wwc-print.css hides it on screen.
 *
 * Classic script, no network; names come from the page itself (title, canonical link), not from here.
 */
(function () {
  "use strict";

  var FOOTER_CLASS = "wwc-print-footer";
  var listening = false;

  var DEV_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])$/i;

  function isDevHost(url) {
    try {
      return DEV_HOST.test(new URL(url).hostname);
    } catch (e) {
      return true;
    }
  }

  function canonicalUrl() {
    var link = document.querySelector('link[rel="canonical"]');
    return (link && link.href) || window.location.href.split("#")[0];
  }

  /* Where this page is published: {base, fromRoot}. fromRoot: only the path from the site's root can
     be printed (no real host is known), resolved against the canonical URL's path. */
  function published() {
    var canonical = canonicalUrl();
    if (!isDevHost(canonical)) return { base: canonical, fromRoot: false };
    var own = window.location.href.split("#")[0];
    if (/^https?:/i.test(own) && !isDevHost(own)) return { base: own, fromRoot: false };
    return { base: canonical, fromRoot: true };
  }

  function printable(href, where) {
    var url = new URL(href, where.base);
    return where.fromRoot ? url.pathname + url.search + url.hash : url.href;
  }

  function siteName() {
    var meta = document.querySelector('meta[property="og:site_name"]');
    if (meta && meta.content) return meta.content;
    var topic = document.querySelector(".md-header__title .md-header__topic .md-ellipsis");
    if (topic && topic.textContent.trim()) return topic.textContent.trim();
    var parts = document.title.split(" - ");
    return parts[parts.length - 1];
  }

  function today() {
    var date = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /* Relative links only: external links already print their own address, in-page anchors none. */
  function markLinks(content, where) {
    var anchors = content.querySelectorAll("a[href]");
    for (var i = 0; i < anchors.length; i++) {
      var a = anchors[i];
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href) || a.classList.contains("headerlink")) {
        continue;
      }
      try {
        a.setAttribute("data-print-href", printable(href, where));
      } catch (e) { /* an address the browser cannot parse prints nothing */ }
    }
  }

  function footerFor(content) {
    var footer = content.querySelector("." + FOOTER_CLASS);
    if (!footer) {
      footer = document.createElement("footer");
      footer.className = FOOTER_CLASS;
      content.appendChild(footer);
    }
    return footer;
  }

  function fillFooter(footer, where) {
    footer.textContent = "";
    var parts = [siteName(), printable("", where), "Printed " + today()];
    for (var i = 0; i < parts.length; i++) {
      var span = document.createElement("span");
      span.textContent = parts[i];
      footer.appendChild(span);
    }
  }

  function init() {
    var content = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (!content) return;
    var where = published();
    markLinks(content, where);
    var footer = footerFor(content);
    fillFooter(footer, where);
    if (!listening) {
      listening = true;
      window.addEventListener("beforeprint", function () {
        var current = document.querySelector("." + FOOTER_CLASS);
        if (current) fillFooter(current, published());
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  if (typeof window.document$ !== "undefined" && window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { init(); });
  }
})();
