/*
 * The name of the person using this browser, set once and changeable, stamped on every change
 * they make (history.js) and on replies (requests.js). Kept in localStorage under its own key,
 * apart from the assessments' record. No DOM beyond the storage passed in.
 *
 * Every storage call may throw (blocked storage, a full quota, a test): none of these functions
 * does. A name that cannot be saved is kept in memory for this page, and set() says so.
 *
 *   configurePerson({key, storage?})   once, at start-up (the key lives in YAML)
 *   currentPerson()                    the name, or "" when none is set
 *   setPerson(raw)                     {ok, name, saved} or {ok: false, reason} (people.js)
 *   clearPerson()                      forget it
 *   onPersonChange(cb)                 cb(name) after set/clear here or in another tab
 */
import { normalizeName } from "./people.js";

/** @type {{key: string, storage: Storage | null, memory: string | null, listeners: ((name: string) => void)[]}} */
const state = { key: "", storage: null, memory: null, listeners: [] };

function defaultStorage() {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch (_error) {
    return null;
  }
}

/**
 * @param {{key: string, storage?: Storage | null}} options
 */
function configurePerson(options) {
  state.key = options.key;
  state.storage = options.storage === undefined ? defaultStorage() : options.storage;
  state.memory = null;
  state.listeners = [];
}

/* The stored name, or null when there is none or it cannot be read (or is not a clean name). */
function storedName() {
  if (!state.storage || !state.key) {
    return null;
  }
  try {
    const text = state.storage.getItem(state.key);
    const result = normalizeName(text);
    return result.ok && result.name === text ? result.name : null;
  } catch (_error) {
    return null;
  }
}

/**
 * The person's name as changes are stamped with it, or "" when none is set.
 * @returns {string}
 */
function currentPerson() {
  return state.memory ?? storedName() ?? "";
}

function notify() {
  const name = currentPerson();
  state.listeners.forEach((cb) => {
    cb(name);
  });
}

/**
 * Set the name: normalised (people.js) or refused. `saved` false: kept for this page only.
 * @param {unknown} raw
 * @returns {{ok: true, name: string, saved: boolean} | {ok: false, reason: string}}
 */
function setPerson(raw) {
  const result = normalizeName(raw);
  if (result.ok === false) {
    return { ok: false, reason: result.reason };
  }
  let saved = false;
  try {
    if (state.storage && state.key) {
      state.storage.setItem(state.key, result.name);
      saved = state.storage.getItem(state.key) === result.name;
    }
  } catch (_error) {
    saved = false;
  }
  state.memory = saved ? null : result.name;
  notify();
  return { ok: true, name: result.name, saved };
}

/** Forget the name (here, and in storage when it can). */
function clearPerson() {
  state.memory = null;
  try {
    state.storage?.removeItem(state.key);
  } catch (_error) {
    // Cannot be removed: what is stored stays the name.
  }
  notify();
}

/** @param {(name: string) => void} cb */
function onPersonChange(cb) {
  state.listeners.push(cb);
}

/**
 * Another tab set or cleared the name: tell the listeners (the storage event's key).
 * @param {string | null} key
 */
function personStorageEvent(key) {
  if ((key === null || key === state.key) && state.memory === null) {
    notify();
  }
}

export { configurePerson, currentPerson, setPerson, clearPerson, onPersonChange, personStorageEvent };
