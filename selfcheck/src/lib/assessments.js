/*
 * The self-check's MODEL (the contract in the team's selfcheck-model notes), over the assessment
 * store (store.js): several assessments per browser, one of them open in this tab.
 *
 *   model.current()            the open assessment (a copy; a draft until the first change)
 *   model.change(fn)           fn(assessment) on the LATEST stored copy, stamped and saved
 *   model.onExternalChange(cb) cb() after another tab changed the stored data
 *   model.status()             what the storage banner needs
 *
 * plus the assessment manager's calls (list, open, create, duplicate, rename, remove + undo),
 * saving an incoming assessment as new, and replacing / merging into the open one with an undo
 * that lasts until the next import. No DOM: `win` (for the storage event) is passed in.
 *
 * History (history.js): every change that goes through here (change, setDetails, rename, import,
 * undo of an import) is recorded in the assessment, stamped with `who()` (the person's name or the
 * no-name marker) and the time. An undo is itself a recorded change: the log only grows, so what
 * another tab or a merge already saw of it stays true.
 */
import { mergeHistories, recording } from "./history.js";
import * as storeModule from "./store.js";

function clone(value) {
  return value === undefined || value === null ? value : JSON.parse(JSON.stringify(value));
}

function pick(fields) {
  /** @type {Record<string, any>} */
  const picked = {
    name: fields.name || "",
    city: fields.city || "",
    date: fields.date || "",
    answers: clone(fields.answers) || {},
    evidence: clone(fields.evidence) || {},
    // The plan's dates (issue 26) only when the fields carry them.
    ...(typeof fields.application === "string" && fields.application ? { application: fields.application } : {}),
    ...(typeof fields.administration === "string" && fields.administration
      ? { administration: fields.administration }
      : {}),
  };
  if (fields.history) {
    picked.history = clone(fields.history);
  }
  return picked;
}

/* options: key, legacyKey, storage, editions (payload editions the
   store can check against), editionId (this page's edition), texts: {new_name, migrated_name},
   win (for the storage event; optional), now, makeId. */
function open(options) {
  const store = storeModule.open({
    key: options.key,
    legacyKey: options.legacyKey,
    storage: options.storage,
    editions: options.editions,
    otherEditionIds: options.otherEditionIds,
    migratedName: options.texts.migrated_name,
    now: options.now,
    makeId: options.makeId,
  });
  let editionId = options.editionId;
  const listeners = [];
  let draft = null;
  let openId = store.current(editionId) || newestId();
  let importUndo = null;
  let lastResult = { ok: true, reason: "loaded" };
  const now = options.now || (() => new Date());
  const who = options.who || (() => "");

  /* fn, recording what it changes: the stamp is taken once, so a change applied again (after a
     failed write) records the same entries, which the history keeps once. */
  function recorded(fn) {
    const name = who();
    return name ? recording(fn, name, now().toISOString()) : fn;
  }

  function newestId() {
    const list = store.list(editionId).sort((a, b) => (a.updated < b.updated ? 1 : -1));
    return list.length ? list[0].id : null;
  }

  function blankDraft() {
    return {
      id: null,
      name: options.texts.new_name,
      edition: editionId,
      city: "",
      date: "",
      created: "",
      updated: "",
      answers: {},
      evidence: {},
    };
  }

  function current() {
    const found = openId ? store.get(openId) : null;
    if (found) {
      return found;
    }
    draft = draft || blankDraft();
    return clone(draft);
  }

  function remember(result) {
    lastResult = result;
    return result;
  }

  /* A draft in a tab opened before another tab created this edition's assessment: the change
     goes to that one (re-read now: the storage event may not have arrived), so two first visits
     in two tabs do not leave two assessments. */
  function adoptStored() {
    if (openId) {
      return;
    }
    store.refresh();
    const stored = store.current(editionId) || newestId();
    if (stored) {
      openId = stored;
      draft = null;
    }
  }

  /* The id of the assessment a draft becomes: fixed by the edition and how many of its
     assessments were deleted (an id in the trash is not reused). */
  function firstId() {
    const deleted = store.trash().filter((entry) => entry.assessment && entry.assessment.edition === editionId);
    return `a-first-${editionId}-${deleted.length}`;
  }

  /* The first change of a draft creates the assessment (with that change in it). options.recorded:
     fn writes its own attributed history entries (a reply merged), so none are added in this name. */
  function change(plainFn, options) {
    const fn = options?.recorded ? plainFn : recorded(plainFn);
    if (!openId || !store.get(openId)) {
      adoptStored();
    }
    if (!openId || !store.get(openId)) {
      // Made blank under an id two tabs on the same state both choose (so two first visits make
      // one assessment, even when neither tab has seen the other's write yet), then changed.
      // A tab that cannot read the record keeps its own id: its answers stay an assessment apart.
      const fixed = store.status().mode === "ok" ? firstId() : undefined;
      const made = store.create(Object.assign(pick(current()), { edition: editionId }), fixed);
      openId = made.id;
      draft = null;
      store.setCurrent(editionId, openId);
    }
    return remember(store.changeAssessment(openId, fn));
  }

  function status() {
    const base = store.status();
    base.lastChange = lastResult;
    base.saveFailed = base.saving === "failed" || base.saving === "held";
    return base;
  }

  function notify() {
    listeners.forEach((cb) => {
      cb();
    });
  }

  /* Another tab wrote the record (or cleared storage): re-read, keep what is held here on top. */
  function onStorage(event) {
    if (event.key !== null && event.key !== store.key) {
      return;
    }
    const result = store.refresh();
    if ((result.ok && result.changed) || !result.ok) {
      if (!openId || !store.get(openId)) {
        openId = store.current(editionId) || newestId();
        draft = null;
      }
      notify();
    }
  }

  if (options.win && typeof options.win.addEventListener === "function") {
    options.win.addEventListener("storage", onStorage);
  }

  /* ---- the manager ------------------------------------------------------------------- */

  function list() {
    return store
      .list()
      .sort((a, b) => (a.edition === b.edition ? (a.updated < b.updated ? 1 : -1) : a.edition < b.edition ? -1 : 1));
  }

  /* Open assessment `id`: {ok} here, or {navigate: editionId} when it belongs to another edition's page. */
  function openAssessment(id) {
    const found = store.get(id);
    if (!found) {
      return { ok: false, reason: "missing" };
    }
    store.setCurrent(found.edition, id);
    if (found.edition !== editionId) {
      return { ok: true, navigate: found.edition };
    }
    openId = id;
    draft = null;
    importUndo = null;
    return { ok: true };
  }

  function create(fields) {
    const made = store.create(Object.assign(pick(fields || {}), { edition: fields?.edition || editionId }));
    if (made.id && (!fields?.edition || fields.edition === editionId)) {
      openId = made.id;
      draft = null;
      store.setCurrent(editionId, made.id);
    }
    return remember(made);
  }

  /* A copy of `id`, opened when it is of this page's edition: the person goes on editing the copy. */
  function duplicate(id, name) {
    const made = store.duplicate(id, name);
    openIfHere(made);
    return remember(made);
  }

  /* An incoming assessment (link or file) saved as a new one, and opened when it is of this page's edition. */
  function saveAsNew(fields) {
    const made = store.create(Object.assign(pick(fields), { edition: fields.edition }));
    openIfHere(made);
    return remember(made);
  }

  function openIfHere(made) {
    const saved = made.id ? store.get(made.id) : null;
    if (saved && saved.edition === editionId) {
      openAssessment(made.id);
    }
  }

  function remove(id) {
    const result = store.remove(id);
    if (id === openId) {
      openId = newestId();
      draft = null;
    }
    return remember(result);
  }

  function undoRemove(id) {
    const result = store.undoRemove(id);
    if (!openId && store.get(id) && store.get(id).edition === editionId) {
      openId = id;
    }
    return remember(result);
  }

  /* Replace or merge into the open assessment; its state before is kept for one undo,
     which lasts until the next import. `next` is the whole new assessment content. */
  function importInto(next) {
    const before = current();
    const result = change((assessment) => {
      takeContent(assessment, next);
      if (next.history) {
        assessment.history = mergeHistories(assessment.history, next.history).history;
      }
    });
    importUndo = { id: openId, content: before };
    return result;
  }

  /* Answers and evidence, and the city and report date when `from` carries them (a replace). */
  function takeContent(assessment, from) {
    assessment.answers = clone(from.answers) || {};
    assessment.evidence = clone(from.evidence) || {};
    ["city", "date", "application", "administration"].forEach((key) => {
      if (typeof from[key] === "string") {
        assessment[key] = from[key];
      }
    });
  }

  function undoImport() {
    if (!importUndo || importUndo.id !== openId) {
      return { ok: false, reason: "nothing-to-undo" };
    }
    // The undo is itself undoable (by the same button), so answers given since the import are not lost.
    const undo = importUndo;
    const before = current();
    const result = change((assessment) => {
      takeContent(assessment, undo.content);
    });
    importUndo = { id: openId, content: before };
    return result;
  }

  /* The page's form switched edition (one page holding several editions' forms). */
  function setEdition(id) {
    editionId = id;
    openId = store.current(id) || newestId();
    draft = null;
    importUndo = null;
  }

  return {
    editionId: () => editionId,
    setEdition: setEdition,
    key: store.key,
    current: current,
    change: change,
    onExternalChange: (cb) => {
      listeners.push(cb);
    },
    status: status,
    revision: () => store.record().revision || 0,
    retry: () => remember(store.update()),
    handleStorageEvent: onStorage,
    list: list,
    get: store.get,
    openAssessment: openAssessment,
    create: create,
    duplicate: duplicate,
    rename: (id, name) =>
      remember(
        store.changeAssessment(
          id,
          recorded((assessment) => {
            assessment.name = String(name);
          }),
        ),
      ),
    setDetails: (id, details) => {
      if (id === null) {
        // The open assessment is still a draft: naming it creates it.
        return change((assessment) => {
          Object.assign(assessment, details);
        });
      }
      return remember(
        store.changeAssessment(
          id,
          recorded((assessment) => {
            ["name", "city", "date"].forEach((field) => {
              if (Object.hasOwn(details, field)) {
                assessment[field] = String(details[field]);
              }
            });
          }),
        ),
      );
    },
    remove: remove,
    undoRemove: undoRemove,
    saveAsNew: saveAsNew,
    importInto: importInto,
    undoImport: undoImport,
    canUndoImport: () => Boolean(importUndo && importUndo.id === openId),
    keptAsideData: store.keptAsideData,
    unreadableCopy: () => store.status().unreadableCopy,
  };
}

export { open };
