/*
 * Wires the several-assessments parts into the self-check page: opens the model (over the store),
 * creates the parts that own the manager, banner, share, incoming link, merge and compare roots,
 * and gives them one shared context. The controller (app.js) needs three hooks only:
 *
 *   const multi = createMulti(host);  // host: {root, data, checklists, form, editionId(), reload(), focusName()}
 *   multi.attach();                   // after the first render
 *   multi.changed(result);            // after every model.change(...)
 */

import { ELEMENTS } from "./elements.js";
import { assessments } from "./lib/index.js";
import { configurePerson, currentPerson, personStorageEvent } from "./lib/person-setting.js";
import { Manager } from "./parts/assessments.js";
import { Banner } from "./parts/storage-banner.js";
import { Compare } from "./parts/compare.js";
import { ImportOffer, Incoming } from "./parts/incoming.js";
import { Merge } from "./parts/merge.js";
import { Share } from "./parts/share.js";
import { download, element, requireElement } from "./view/dom.js";

/**
 * The parts built when first opened or needed: name -> [class, root id].
 * @type {Record<string, [new (root: HTMLElement, ctx: any) => any, string]>}
 */
const ON_DEMAND = {
  share: [Share, ELEMENTS.share],
  incoming: [Incoming, ELEMENTS.incoming],
  importOffer: [ImportOffer, ELEMENTS.import_offer],
  merge: [Merge, ELEMENTS.merge],
  compare: [Compare, ELEMENTS.compare],
};

/**
 * The browser's storage, where `key` is written only once `open()` says so: a page that fails
 * while starting must save nothing over what is stored. Reading, and copying unreadable data
 * aside under a key of its own, work as usual.
 * @param {string} key
 * @param {() => boolean} open
 */
function storageOpenedBy(key, open) {
  /** @type {Storage | null} */
  let storage = null;
  try {
    storage = window.localStorage;
  } catch (_error) {
    return null;
  }
  return {
    /** @param {string} name */
    getItem: (name) => storage.getItem(name),
    /** @param {string} name @param {string} value */
    setItem: (name, value) => {
      if (name === key && !open()) {
        throw new Error("the self-check has not started: nothing is saved");
      }
      storage.setItem(name, value);
    },
  };
}

/**
 * @param {{root: HTMLElement, data: any, checklists: import("./view/checklists.js").Checklists,
 *          form: Element, editionId: () => string, reload: () => void, focusName: () => void}} host
 */
export function createMulti(host) {
  const data = host.data;
  const settings = data.assessments;
  const edition = data.edition;
  // One page per edition: the payload names every edition but carries only this page's criteria.
  /** @type {Map<string, string>} */
  const editionNames = new Map(Object.entries(data.editions));
  const otherEditionIds = Object.keys(data.editions);
  let started = false;
  // The person's name, stamped on every change the model records (no name: the YAML's marker).
  configurePerson({ key: settings.person_key });
  window.addEventListener("storage", (event) => personStorageEvent(event.key));
  const model = assessments.open({
    who: () => currentPerson() || settings.texts.no_name,
    storage: storageOpenedBy(settings.storage_key, () => started),
    key: settings.storage_key,
    legacyKey: settings.legacy_key,
    editions: [edition],
    otherEditionIds,
    editionId: host.editionId(),
    texts: settings.texts,
    win: window,
  });
  /** @type {Record<string, any>} */
  const view = {};
  /** @type {HTMLElement | null} */
  let undoButton = null;
  /** @type {number | null} */
  let lastRevision = null;

  const ctx = {
    model,
    settings,
    texts: settings.texts,
    editionNames,
    edition,
    reload: () => host.reload(),
    changed,
    refreshParts,
    download,
    downloadBackup,
    csvEdition: () => host.checklists.editionWithTexts(edition, host.form),
    // The prefix of the files an assessment is saved as (JSON, CSV, the printed report's title).
    filePrefix: data.export.file_prefix,
    focusName: () => host.focusName(),
    goToEdition,
    /** @param {any} assessment @param {string} label */
    compareWith: (assessment, label) => part("compare").compareWith(assessment, label),
    /** @param {any} assessment */
    merge: (assessment) => part("merge").open(assessment),
    showUndoImport,
  };

  function refreshParts() {
    view.manager.render();
    view.compare?.render();
    view.banner.render();
  }

  /**
   * The part `name`, created the first time it is needed.
   * @param {string} name
   */
  function part(name) {
    if (!view[name]) {
      const [PartClass, rootId] = ON_DEMAND[name];
      view[name] = new PartClass(requireElement(host.root, `#${rootId}`), ctx);
      view[name].render?.();
    }
    return view[name];
  }

  /**
   * A section whose part is built on demand shows its heading and one button that builds it.
   * @param {"share" | "compare"} name
   * @param {string} heading
   * @param {string} label
   */
  function opener(name, heading, label) {
    const rootId = ON_DEMAND[name][1];
    const root = requireElement(host.root, `#${rootId}`);
    const title = element("h2", null, heading);
    title.id = `${rootId}-heading`;
    root.setAttribute("aria-labelledby", title.id);
    const open = element("button", "wwc-sc-button", label);
    open.type = "button";
    open.id = `${rootId}-open`;
    open.addEventListener("click", () => {
      part(name);
      root.querySelector("input, select, button")?.focus();
    });
    root.replaceChildren(title, open);
    root.hidden = false;
  }

  /* A share link in the page's address. */
  function readHash() {
    if (!String(window.location.hash).includes(`${settings.share.fragment}=`)) {
      return Promise.resolve(null);
    }
    return part("incoming").readHash();
  }

  /**
   * After every change: the banner says again whether saving worked.
   * @param {any} result
   */
  function changed(result) {
    if (!view.banner) {
      return;
    }
    // A jump of more than one write means another tab saved in between (its storage event may
    // not have arrived): show the whole latest copy, not only the criterion just changed.
    const revision = model.revision();
    if (lastRevision !== null && revision > lastRevision + 1) {
      host.reload();
    }
    lastRevision = revision;
    refreshParts();
    if (result && result.reason === "missing") {
      view.manager.say(settings.texts.missing_elsewhere);
    }
  }

  /** @param {string} editionId */
  function goToEdition(editionId) {
    const link = host.root.querySelector(`[data-wwc-edition-link="${CSS.escape(editionId)}"]`);
    if (link instanceof HTMLAnchorElement) {
      window.location.href = link.href.split("#")[0] + window.location.hash;
    }
  }

  /**
   * Everything this tab shows, as JSON: the copy the banner offers when saving fails.
   * @param {boolean} asideOnly
   */
  function downloadBackup(asideOnly) {
    const list = asideOnly ? model.keptAsideData() : model.list();
    const current = model.current();
    if (!asideOnly && !current.id) {
      list.push(current);
    }
    const stamp = new Date().toISOString().slice(0, 10);
    const file = { format: settings.storage_key, exported: new Date().toISOString(), assessments: list };
    download(
      `${settings.csv.file_prefix}-${asideOnly ? "kept-aside" : "assessments"}-${stamp}.json`,
      "application/json",
      `${JSON.stringify(file, null, 2)}\n`,
    );
  }

  /** @param {string} message */
  function showUndoImport(message) {
    if (undoButton) {
      undoButton.hidden = !model.canUndoImport();
    }
    view.undoNote.textContent = message;
  }

  function attach() {
    // The roots are in the page's HTML (macros/selfcheck.py), so nothing moves when they fill.
    const root = host.root;
    undoButton = requireElement(root, `#${ELEMENTS.undo_import}`);
    view.undoNote = requireElement(root, `#${ELEMENTS.import_message}`);
    undoButton?.addEventListener("click", () => {
      const result = model.undoImport();
      changed(result);
      host.reload();
      refreshParts();
      view.undoNote.textContent = settings.texts.import_undone;
    });
    view.banner = new Banner(requireElement(root, `#${ELEMENTS.banner}`), ctx);
    view.manager = new Manager(requireElement(root, `#${ELEMENTS.assessments}`), ctx);
    opener("share", settings.texts.share_heading, settings.texts.share_open);
    opener("compare", settings.texts.compare_heading, settings.texts.compare_open);
    refreshParts();
    lastRevision = model.revision();
    model.onExternalChange(() => {
      lastRevision = model.revision();
      host.reload();
      refreshParts();
    });
    window.addEventListener("hashchange", readHash);
    started = true;
    // An answer given while the page started (the form listens from the first task) was held, not
    // written: the store's key is written only from here on. Write it now, not at the next change.
    if (model.status().unsaved) {
      changed(model.retry());
    }
    return readHash();
  }

  return {
    model,
    attach,
    changed,
    refreshParts,
    ctx,
    view,
    /** @param {any} assessment */
    offerImport: (assessment) => part("importOffer").show(assessment),
  };
}
