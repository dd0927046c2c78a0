/*
 * Lookups by keys that come from outside (a share link, an imported file, stored data): an edition
 * id such as "constructor" or "__proto__" must find nothing, never a member every object inherits.
 * Every lookup by such a key goes through here.
 */

/**
 * @param {unknown} object
 * @param {string} key
 * @returns {boolean}
 */
export function hasOwn(object, key) {
  return object !== null && object !== undefined && Object.hasOwn(/** @type {object} */ (object), key);
}

/**
 * The value an object holds under `key` itself, or undefined (never an inherited member).
 * @template T
 * @param {Record<string, T> | null | undefined} object
 * @param {string} key
 * @returns {T | undefined}
 */
export function own(object, key) {
  return object && hasOwn(object, key) ? object[key] : undefined;
}
