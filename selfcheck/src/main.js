/*
 * The self-check bundle's entry: starts the page's self-check once the document is parsed (and
 * again after Material's instant navigation, document$; never twice on one root). When it cannot
 * start (a missing element, unreadable data, a script error), it says so in words where the form
 * is and saves nothing.
 */

import { onEveryPage } from "./view/on-page.js";
import { ELEMENTS } from "./elements.js";
import { SelfCheck } from "./app.js";
import { fillDocuments } from "./parts/documents.js";
import { showStartFailure } from "./view/failure.js";

/** @param {HTMLElement} root */
function readPayload(root) {
  const script = root.querySelector(`#${ELEMENTS.data}`);
  if (!script) {
    throw new Error("missing element #wwc-selfcheck-data");
  }
  return JSON.parse(script.textContent || "");
}

/* The documents page: owner and status from the open assessment, read only. */
function initDocuments() {
  const root = document.getElementById(ELEMENTS.documents_page);
  if (!root || root.hasAttribute("data-wwc-ready")) {
    return;
  }
  let storage = null;
  try {
    storage = window.localStorage;
  } catch (_error) {
    storage = null;
  }
  try {
    fillDocuments(root, storage);
  } finally {
    root.setAttribute("data-wwc-ready", "true");
  }
}

/** @param {HTMLElement} root */
function start(root) {
  try {
    const data = readPayload(root);
    const selfCheck = new SelfCheck(root, data);
    /** @type {any} */ (root).wwcSelfCheck = selfCheck;
    Promise.resolve(selfCheck.start()).then(
      () => root.setAttribute("data-wwc-ready", "true"),
      (/** @type {unknown} */ error) => showStartFailure(root, error),
    );
  } catch (error) {
    showStartFailure(root, error);
  }
}

function init() {
  initDocuments();
  const root = document.getElementById(ELEMENTS.root);
  if (!root || root.hasAttribute("data-wwc-ready") || !root.hasAttribute("data-wwc-edition")) {
    return;
  }
  root.setAttribute("data-wwc-ready", "starting");
  // In a task of its own: deferred scripts run in one task, and Material's is one of them.
  setTimeout(() => start(root), 0);
}

onEveryPage(init);
