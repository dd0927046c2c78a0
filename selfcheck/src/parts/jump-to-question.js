/*
 * The keyboard's short ways to a question: the skip link (#wwc-sc-skip, first in the self-check and
 * shown when the keyboard reaches it) goes past the edition links, the views' nav and the list of
 * areas to the first unanswered criterion; each area's "Next: <area>" link opens the next area at its
 * first unanswered criterion. Focus goes to that criterion's answer (its checked radio, else its first;
 * a screen reader reads the criterion's legend with it), so a keyboard pass through the form answers
 * with the next key. Without the script the links are plain links to the answer view and the area's
 * heading.
 */

import { ELEMENTS } from "../elements.js";

/** @param {HTMLElement} fieldset */
function answerOf(fieldset) {
  return /** @type {HTMLInputElement | null} */ (
    fieldset.querySelector("input[type=radio]:checked") || fieldset.querySelector("input[type=radio]")
  );
}

export class JumpToQuestion {
  /**
   * @param {HTMLElement} root the self-check's root, whose skip and next-area links this part handles
   * @param {any} sc the controller (app.js)
   * @param {{show: (name: string, target: HTMLElement | null, moveFocus: boolean) => void}} views
   */
  constructor(root, sc, views) {
    this.root = root;
    this.sc = sc;
    this.views = views;
    root.addEventListener("click", (event) => {
      const link = /** @type {any} */ (event.target).closest?.(`#${ELEMENTS.skip}, .wwc-sc-next-area a`);
      const scope = link && this.scopeOf(link);
      if (!scope) {
        return;
      }
      // Not routed as a link by parts/views.js too, which would move focus to a heading.
      event.preventDefault();
      event.stopImmediatePropagation();
      this.go(scope);
    });
  }

  /**
   * Where a link leads: the whole form (the skip link) or the area its address names (a next-area
   * link); null for a link to another view (the last area's link to the results).
   * @param {HTMLAnchorElement} link
   * @returns {HTMLElement | null}
   */
  scopeOf(link) {
    if (link.id === ELEMENTS.skip) {
      return this.sc.form;
    }
    const id = decodeURIComponent((link.getAttribute("href") || "").replace(/^#/, ""));
    return /** @type {HTMLElement | null} */ (document.getElementById(id)?.closest("[data-wwc-group]") || null);
  }

  /**
   * The first criterion in `scope` without an answer, in the form's order (else its first).
   * @param {HTMLElement} scope
   */
  target(scope) {
    const answers = this.sc.view().assessment.answers;
    const fieldsets = /** @type {HTMLElement[]} */ ([...scope.querySelectorAll("[data-wwc-criterion]")]);
    const open = fieldsets.find(
      (fieldset) => !Object.hasOwn(answers, fieldset.getAttribute("data-wwc-criterion") || ""),
    );
    return open || fieldsets[0];
  }

  /** @param {HTMLElement} scope */
  go(scope) {
    const fieldset = this.target(scope);
    if (!fieldset) {
      return;
    }
    if (window.location.hash !== "#answer") {
      history.pushState(null, "", "#answer");
    }
    this.views.show("answer", fieldset, false);
    answerOf(fieldset)?.focus({ preventScroll: true });
    fieldset.scrollIntoView({ block: "center" });
  }
}
