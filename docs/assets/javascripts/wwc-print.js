/* wwc-print.js: what a printed page (a handout) needs that the screen does not.
 *
 * - Links inside the page's content get data-print-href, their absolute address resolved against the
 *   page's canonical URL (built from site_url), so paper shows where a link goes on the published site,
 *   never a relative path. wwc-print.css prints it after the link; without this script nothing is printed.
 * - A footer at the end of the content with the site's name, the page's published address and the date,
 *   refreshed just before printing. wwc-print.css hides it on screen.
 *
 * Classic script, no network; names come from the page itself (title, canonical link), not from here.
 */
(function () {
  "use strict";

  var FOOTER_CLASS = "wwc-print-footer";
  var listening = false;

  function canonicalUrl() {
    var link = document.querySelector('link[rel="canonical"]');
    return (link && link.href) || window.location.href.split("#")[0];
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
  function markLinks(content, base) {
    var anchors = content.querySelectorAll("a[href]");
    for (var i = 0; i < anchors.length; i++) {
      var a = anchors[i];
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href) || a.classList.contains("headerlink")) {
        continue;
      }
      try {
        a.setAttribute("data-print-href", new URL(href, base).href);
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

  function fillFooter(footer, base) {
    footer.textContent = "";
    var parts = [siteName(), base, "Printed " + today()];
    for (var i = 0; i < parts.length; i++) {
      var span = document.createElement("span");
      span.textContent = parts[i];
      footer.appendChild(span);
    }
  }

  function init() {
    var content = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (!content) return;
    var base = canonicalUrl();
    markLinks(content, base);
    var footer = footerFor(content);
    fillFooter(footer, base);
    if (!listening) {
      listening = true;
      window.addEventListener("beforeprint", function () {
        var current = document.querySelector("." + FOOTER_CLASS);
        if (current) fillFooter(current, canonicalUrl());
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
