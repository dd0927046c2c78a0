/*
 * A department's workspace: the requests it opened and its answers to each, kept in its browser
 * (one storage key, apart from the self-check's assessments, which opening a request never
 * touches) until it makes the reply. No DOM: the storage is passed in.
 *
 *   { version: 1, requests: { <request id>: { request, answers, evidence, opened, updated } } }
 *
 * Unreadable or foreign data under the key is not overwritten: the workspace then works in memory
 * for this visit and says so (`kept: false`).
 */
import { hasOwn, own } from "./keys.js";

const VERSION = 1;

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/**
 * @param {{storage: {getItem: (key: string) => string | null, setItem: (key: string, value: string) => void} | null,
 *   key: string, max: number, now: () => Date}} options
 */
function openWorkspace(options) {
  let writable = Boolean(options.storage);
  /** @type {{version: number, requests: Record<string, any>}} */
  let record = { version: VERSION, requests: {} };

  function read() {
    if (!options.storage) {
      return;
    }
    let text = null;
    try {
      text = options.storage.getItem(options.key);
    } catch (_error) {
      writable = false;
      return;
    }
    if (text === null) {
      return;
    }
    try {
      const data = JSON.parse(text);
      if (isPlainObject(data) && data.version === VERSION && isPlainObject(data.requests)) {
        record = { version: VERSION, requests: data.requests };
        return;
      }
    } catch (_error) {
      // Not ours to overwrite: fall through.
    }
    writable = false;
  }

  function write() {
    if (!writable) {
      return false;
    }
    try {
      /** @type {any} */ (options.storage).setItem(options.key, JSON.stringify(record));
      return true;
    } catch (_error) {
      return false;
    }
  }

  /* The oldest requests go first when there are more than `max`. */
  function prune() {
    const ids = Object.keys(record.requests).sort((a, b) =>
      String(record.requests[a].updated) < String(record.requests[b].updated) ? 1 : -1,
    );
    ids.slice(options.max).forEach((id) => {
      delete record.requests[id];
    });
  }

  /**
   * The workspace entry of `request`: the one kept (its answers so far) when the same request was
   * opened before, else a new one starting from the request's answers.
   * @param {import("./requests.js").Request} request
   * @param {{answers: any, evidence: any}} draft requests.draftFromRequest(request)
   */
  function open(request, draft) {
    read();
    const kept = hasOwn(record.requests, request.id) ? own(record.requests, request.id) : null;
    if (kept && isPlainObject(kept.answers) && isPlainObject(kept.evidence)) {
      return { entry: clone(kept), kept: writable };
    }
    const stamp = options.now().toISOString();
    const entry = { request, answers: draft.answers, evidence: draft.evidence, opened: stamp, updated: stamp };
    // defineProperty: an id such as "__proto__" is a key like any other here.
    Object.defineProperty(record.requests, request.id, {
      value: entry,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    prune();
    return { entry: clone(entry), kept: write() };
  }

  /**
   * Save the department's answers and evidence to `requestId` (the latest wins).
   * @param {string} requestId
   * @param {any} answers
   * @param {any} evidence
   */
  function save(requestId, answers, evidence) {
    read();
    const entry = own(record.requests, requestId);
    if (!isPlainObject(entry)) {
      return false;
    }
    entry.answers = clone(answers);
    entry.evidence = clone(evidence);
    entry.updated = options.now().toISOString();
    return write();
  }

  return { open, save, writable: () => writable };
}

export { openWorkspace };
