/*
 * The views (#answer, #results, #next-steps, #assessments, #report): sections of the page, each with
 * its own address. Without the script they all show, one after the other; with it, only the current
 * one. The address decides: a view's id, an element inside a view (a criterion, an area's heading:
 * that view, and the view is told which element), or a link's parameter (#share=... the assessments
 * view; #request=... and #reply=... too). On a change of address focus moves to the view's heading (or to the element asked for).
 */

export class Views {
  /**
   * @param {HTMLElement} body the sections' parent (.wwc-sc-body)
   * @param {{nav: HTMLElement, shareFragment: string, fragments?: Record<string, string>,
   *   onShow: Record<string, (target: HTMLElement | null) => void>}} options
   *   the nav above the views (its links get aria-current), the share link's fragment name, other
   *   links' fragment names with the view each opens, and what each view does when shown (the answer
   *   view picks the area, the report view renders)
   */
  constructor(body, options) {
    this.body = body;
    this.nav = options.nav;
    /** @type {Record<string, string>} */
    this.fragments = Object.assign({}, options.fragments, { [options.shareFragment]: "assessments" });
    this.onShow = options.onShow;
    /** @type {Map<string, HTMLElement>} */
    this.sections = new Map();
    for (const section of body.querySelectorAll("[data-wwc-view]")) {
      this.sections.set(section.getAttribute("data-wwc-view") || "", /** @type {HTMLElement} */ (section));
    }
    this.first = this.sections.keys().next().value || "";
    /** @type {string | null} */
    this.current = null;
    /** The views on screen; null after a change of view until asked (see displayed). @type {Set<string> | null} */
    this.onScreen = new Set();
  }

  /**
   * Whether a view is on screen, found once after each change of view: the parts of a view that is
   * not are brought up to date when it is shown (app.js), not on every answer. A style that shows
   * every view (as the page without its script does) makes each one count as on screen. Found when
   * first asked, not when the view changes: checkVisibility computes the page's style, which the
   * browser does anyway in the frame after a change of view, and start-up asks a task later.
   * @param {string} name
   */
  displayed(name) {
    this.onScreen ||= new Set([...this.sections].filter(([, section]) => shownOnScreen(section)).map(([id]) => id));
    return this.onScreen.has(name);
  }

  start() {
    window.addEventListener("hashchange", () => this.route(true));
    // A link to the address already shown fires no hashchange: route it anyway (an area chosen again).
    const rootNode = this.body.parentElement || this.body;
    rootNode.addEventListener("click", (event) => {
      const link = /** @type {any} */ (event.target).closest?.("a[href^='#']");
      if (link && link.getAttribute("href") === window.location.hash) {
        event.preventDefault();
        this.route(true);
      }
    });
    this.route(false);
  }

  /**
   * The view and the element an address names, or null for an address that is none of the page's.
   * @param {string} hash
   * @returns {{view: string, target: HTMLElement | null} | null}
   */
  resolve(hash) {
    const name = decodeURIComponent(hash.replace(/^#/, ""));
    if (!name) {
      return { view: this.first, target: null };
    }
    if (this.sections.has(name)) {
      return { view: name, target: null };
    }
    const fragment = Object.keys(this.fragments).find((key) => name.startsWith(`${key}=`));
    if (fragment !== undefined) {
      const view = this.fragments[fragment];
      return this.sections.has(view) ? { view: view, target: null } : null;
    }
    const target = document.getElementById(name);
    const section = target?.closest("[data-wwc-view]");
    if (target && section && this.body.contains(section)) {
      return { view: section.getAttribute("data-wwc-view") || this.first, target: target };
    }
    return null;
  }

  /** @param {boolean} moveFocus */
  route(moveFocus) {
    const found = this.resolve(window.location.hash);
    if (found) {
      this.show(found.view, found.target, moveFocus);
    } else if (this.current === null) {
      this.show(this.first, null, false);
    }
  }

  /**
   * @param {string} name
   * @param {HTMLElement | null} target
   * @param {boolean} moveFocus
   */
  show(name, target, moveFocus) {
    this.current = name;
    for (const [id, section] of this.sections) {
      section.hidden = id !== name;
    }
    // The styles that show the first view before the script routes give way to this attribute.
    this.body.parentElement?.setAttribute("data-wwc-view-shown", name);
    this.onScreen = null;
    for (const link of this.nav.querySelectorAll("[data-wwc-view-link]")) {
      if (link.getAttribute("data-wwc-view-link") === name) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    }
    this.onShow[name]?.(target);
    if (!moveFocus) {
      return;
    }
    const section = /** @type {HTMLElement} */ (this.sections.get(name));
    const heading = target || document.getElementById(section.getAttribute("aria-labelledby") || "");
    focusElement(heading || section);
  }
}

/**
 * Whether a section is rendered: asked once per change of view (checkVisibility computes the page's
 * style), where a browser has it; the hidden attribute elsewhere.
 * @param {HTMLElement} section
 */
function shownOnScreen(section) {
  return typeof section.checkVisibility === "function" ? section.checkVisibility() : !section.hidden;
}

/**
 * Focus an element that may not take focus by itself (a heading, a fieldset), and bring it into view.
 * @param {HTMLElement} node
 */
export function focusElement(node) {
  if (!node.matches("a[href], button, input, select, textarea, summary, [tabindex]")) {
    node.setAttribute("tabindex", "-1");
  }
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: "start" });
  window.scrollTo({ left: 0, top: window.scrollY });
}
