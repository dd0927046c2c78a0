/*
 * Runs a page's start-up once the document is parsed, and again after each of Material's instant
 * navigations (its document$ never fires on file://, so both are needed); the start-up must be
 * idempotent.
 */

/** @param {() => void} init */
export function onEveryPage(init) {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  const material = /** @type {any} */ (window).document$;
  if (material && typeof material.subscribe === "function") {
    material.subscribe(() => init());
  }
}
