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
import { onEveryPage } from "../view/on-page.js";

(() => {
  const FOOTER_CLASS = "wwc-print-footer";
  let listening = false;

  const DEV_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])$/i;

  function isDevHost(url) {
    try {
      return DEV_HOST.test(new URL(url).hostname);
    } catch (_e) {
      return true;
    }
  }

  function canonicalUrl() {
    const link = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="canonical"]'));
    return link?.href || window.location.href.split("#")[0];
  }

  /* Where this page is published: {base, fromRoot}. fromRoot: only the path from the site's root can
     be printed (no real host is known), resolved against the canonical URL's path. */
  function published() {
    const canonical = canonicalUrl();
    if (!isDevHost(canonical)) return { base: canonical, fromRoot: false };
    const own = window.location.href.split("#")[0];
    if (/^https?:/i.test(own) && !isDevHost(own)) return { base: own, fromRoot: false };
    return { base: canonical, fromRoot: true };
  }

  function printable(href, where) {
    const url = new URL(href, where.base);
    return where.fromRoot ? url.pathname + url.search + url.hash : url.href;
  }

  function siteName() {
    const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[property="og:site_name"]'));
    if (meta?.content) return meta.content;
    const topic = document.querySelector(".md-header__title .md-header__topic .md-ellipsis");
    if (topic?.textContent.trim()) return topic.textContent.trim();
    const parts = document.title.split(" - ");
    return parts[parts.length - 1];
  }

  function today() {
    const date = new Date();
    function pad(n) {
      return (n < 10 ? "0" : "") + n;
    }
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  /* Relative links only: external links already print their own address, in-page anchors none. */
  function markLinks(content, where) {
    const anchors = content.querySelectorAll("a[href]");
    for (let i = 0; i < anchors.length; i++) {
      const a = anchors[i];
      const href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href) || a.classList.contains("headerlink")) {
        continue;
      }
      try {
        a.setAttribute("data-print-href", printable(href, where));
      } catch (_e) {
        /* an address the browser cannot parse prints nothing */
      }
    }
  }

  function footerFor(content) {
    let footer = content.querySelector(`.${FOOTER_CLASS}`);
    if (!footer) {
      footer = document.createElement("footer");
      footer.className = FOOTER_CLASS;
      content.appendChild(footer);
    }
    return footer;
  }

  function fillFooter(footer, where) {
    footer.textContent = "";
    const parts = [siteName(), printable("", where), `Printed ${today()}`];
    for (let i = 0; i < parts.length; i++) {
      const span = document.createElement("span");
      span.textContent = parts[i];
      footer.appendChild(span);
    }
  }

  function init() {
    const content = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (!content) return;
    const where = published();
    markLinks(content, where);
    const footer = footerFor(content);
    fillFooter(footer, where);
    if (!listening) {
      listening = true;
      window.addEventListener("beforeprint", () => {
        const current = document.querySelector(`.${FOOTER_CLASS}`);
        if (current) fillFooter(current, published());
      });
    }
  }

  onEveryPage(init);
})();
