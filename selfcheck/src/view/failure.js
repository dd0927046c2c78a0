/*
 * A self-check that cannot start says so where the form is. The sentence is in the page's HTML
 * (rendered from macros/selfcheck.yml, hidden until needed), so it shows even when the embedded
 * data is what failed; the technical reason follows it for a bug report.
 */

/**
 * @param {HTMLElement} root
 * @param {unknown} error
 */
export function showStartFailure(root, error) {
  root.setAttribute("data-wwc-ready", "failed");
  // Back to the page's look without the script: the figures that only the script keeps true go.
  root.classList.remove("wwc-sc-js");
  const notice = root.querySelector("[data-wwc-start-failure]");
  if (!(notice instanceof HTMLElement)) {
    return;
  }
  const reason = notice.querySelector("[data-wwc-start-reason]");
  if (reason) {
    reason.textContent = error instanceof Error ? error.message : String(error);
  }
  notice.hidden = false;
  if (typeof console !== "undefined") {
    console.error(error);
  }
}
