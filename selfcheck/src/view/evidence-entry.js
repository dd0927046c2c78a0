/* An assessment's evidence entry for one criterion: read as stored, or made whole for a change. */

import { own } from "../lib/keys.js";

export function emptyEntry() {
  return { items: [], notes: "", owner: "", due: "", links: [] };
}

/**
 * The evidence entry of `id` in an assessment, created or completed when needed (inside
 * model.change only).
 * @param {any} assessment
 * @param {string} id
 */
export function entryOf(assessment, id) {
  let entry = own(assessment.evidence, id);
  if (!entry || typeof entry !== "object") {
    entry = emptyEntry();
    Object.defineProperty(assessment.evidence, id, {
      value: entry,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  for (const key of ["notes", "owner", "due"]) {
    if (typeof entry[key] !== "string") {
      entry[key] = "";
    }
  }
  if (!Array.isArray(entry.items)) {
    entry.items = [];
  }
  if (!Array.isArray(entry.links)) {
    entry.links = [];
  }
  return entry;
}

/**
 * The entry as stored, or an empty one.
 * @param {any} assessment
 * @param {string} id
 */
export function readEntry(assessment, id) {
  const entry = own(assessment.evidence, id);
  return entry && typeof entry === "object" ? entry : emptyEntry();
}

/**
 * An absolute http(s) URL, or null. The URL parser decides, not a pattern.
 * @param {unknown} value
 */
export function httpUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch (_error) {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
