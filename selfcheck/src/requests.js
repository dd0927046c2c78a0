/*
 * Wires the requests to departments (issue 25; a block of the assessments view, address #wwc-sc-requests-block): the coordinator's request maker and list, the opener of a
 * request or a reply (pasted, chosen as a file, or in the page's address: #request=..., #reply=...),
 * the department's landing and the coordinator's preview of a reply. app.js needs two hooks:
 *
 *   const requests = createRequests(host);  // host: {root, data, multi, checklists, criteria, change(fn, options), person()}
 *   requests.attach();                      // when the assessments view shows (once): reads the address
 *   requests.refresh();                     // after every change (the list's states)
 *
 * host.person() is the name of the person using this browser, or "" when none is set: the forms
 * then ask for it ("Your name").
 */

import { ELEMENTS } from "./elements.js";
import { openWorkspace } from "./lib/request-workspace.js";
import { RequestLanding } from "./parts/request-landing.js";
import { RequestMaker } from "./parts/request-maker.js";
import { RequestsOpen } from "./parts/requests-open.js";
import { ReplyPreview } from "./parts/reply-preview.js";
import { requireElement } from "./view/dom.js";
import { nextTask } from "./view/tasks.js";

/** @param {string} key */
function storageFor(key) {
  try {
    return key ? window.localStorage : null;
  } catch (_error) {
    return null;
  }
}

/**
 * @param {{root: HTMLElement, data: any, multi: any, checklists: import("./view/checklists.js").Checklists,
 *   change: (fn: (assessment: any) => void, options?: {recorded?: boolean}) => void, person: () => string,
 *   criteria: import("./view/criterion-lookup.js").CriterionLookup}} host
 */
export function createRequests(host) {
  const settings = host.data.assessments;
  const fragments = [settings.requests.request_fragment, settings.requests.reply_fragment];
  /** @type {any} */
  const parts = {};
  const ctx = Object.assign({}, host.multi.ctx, {
    change: host.change,
    person: () => host.person() || "",
    checklists: host.checklists,
    limits: host.data.limits,
    criterionTitle: (/** @type {string} */ id) => host.criteria.text(id).title,
    criterionText: (/** @type {string} */ id) => host.criteria.text(id),
    workspace: openWorkspace({
      storage: storageFor(settings.requests.workspace_key),
      key: settings.requests.workspace_key,
      max: settings.requests.workspace_max,
      now: () => new Date(),
    }),
    forgetLink,
    errorText: (/** @type {string} */ code, /** @type {string} */ detail) => parts.open.errorText(code, detail),
    onRequest: (/** @type {any} */ request) => {
      parts.preview.root.hidden = true;
      const shown = parts.landing.show(request);
      // A department sees only the criteria it is asked about: not the maker's list of every criterion.
      parts.maker.root.hidden = Boolean(shown.ok);
      return shown;
    },
    onReply: (/** @type {any} */ reply) => {
      parts.landing.root.hidden = true;
      parts.maker.root.hidden = false;
      return parts.preview.show(reply);
    },
  });

  /* The link is handled: take it out of the address, so a reload does not offer it again. */
  function forgetLink() {
    if (hashFragment() && window.history?.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  function hashFragment() {
    const hash = String(window.location.hash).replace(/^#/, "");
    return fragments.find((name) => hash.startsWith(`${name}=`)) || "";
  }

  /* A request or a reply in the page's address (a department's first visit lands here). */
  function readHash() {
    if (!hashFragment()) {
      return Promise.resolve(null);
    }
    return parts.open.openText(window.location.href);
  }

  /** @type {Promise<any> | null} */
  let attached = null;

  /* Once: the parts are made when the assessments view first shows (their lists name every criterion). */
  function attach() {
    attached ||= makeParts();
    return attached;
  }

  /* A part a task: together they are a long task, and the view is already on screen. */
  async function makeParts() {
    const root = host.root;
    parts.landing = new RequestLanding(requireElement(root, `#${ELEMENTS.request_landing}`), ctx);
    await nextTask();
    parts.preview = new ReplyPreview(requireElement(root, `#${ELEMENTS.reply_preview}`), ctx);
    await nextTask();
    parts.open = new RequestsOpen(requireElement(root, `#${ELEMENTS.requests_open}`), ctx);
    await nextTask();
    parts.maker = new RequestMaker(requireElement(root, `#${ELEMENTS.requests}`), ctx);
    window.addEventListener("hashchange", readHash);
    return readHash();
  }

  return {
    attach,
    parts,
    ctx,
    fragments: () => ({
      [settings.requests.request_fragment]: "assessments",
      [settings.requests.reply_fragment]: "assessments",
    }),
    refresh: () => parts.maker?.render(),
  };
}
