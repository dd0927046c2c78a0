/*
 * The cohort view's bundle entry (docs/assets/javascripts/wwc-cohort.js): starts the view on the
 * page's cohort root once the document is parsed, and again after Material's instant navigation
 * (never twice on one root). When it cannot start, it says so where the controls are.
 */
import { onEveryPage } from "./view/on-page.js";
import { CohortView } from "./parts/cohort.js";

/** @param {HTMLElement} root @param {unknown} error */
function showFailure(root, error) {
  root.setAttribute("data-wwc-ready", "failed");
  const notice = root.querySelector('[data-wwc-cohort="failed"]');
  const reason = root.querySelector('[data-wwc-cohort="failed-reason"]');
  if (reason) {
    reason.textContent = error instanceof Error ? error.message : String(error);
  }
  if (notice instanceof HTMLElement) {
    notice.hidden = false;
  }
  if (typeof console !== "undefined") {
    console.error(error);
  }
}

function init() {
  const root = document.querySelector("[data-wwc-cohort-root]");
  if (!(root instanceof HTMLElement) || root.hasAttribute("data-wwc-ready")) {
    return;
  }
  root.setAttribute("data-wwc-ready", "starting");
  try {
    const script = root.querySelector("[data-wwc-cohort-data]");
    if (!script) {
      throw new Error("missing element [data-wwc-cohort-data]");
    }
    const view = new CohortView(root, JSON.parse(script.textContent || ""));
    /** @type {any} */ (root).wwcCohort = view;
    view.start();
    root.setAttribute("data-wwc-ready", "true");
  } catch (error) {
    showFailure(root, error);
  }
}

onEveryPage(init);
