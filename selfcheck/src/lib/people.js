/*
 * A person's display name, as it is stamped on every change they make (history, requests,
 * replies). Names arrive typed in a form or read from a link or file someone else made, so the
 * same check serves both: trimmed, spaces collapsed, a length cap, and no control or bidirectional
 * formatting characters (which could make one name look like another). No DOM.
 */

/* Longest name kept, in characters (code points). */
const NAME_MAX = 80;

/* C0 and C1 controls, and the bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * @typedef {"not-text" | "empty" | "too-long" | "control-characters"} NameRefusal
 * @typedef {{ok: true, name: string} | {ok: false, reason: NameRefusal}} NameResult
 */

/**
 * The name as it will be stored (NFC, trimmed, inner runs of spaces made one space), or why not.
 * @param {unknown} raw what the person typed, or what a link or file holds
 * @returns {NameResult}
 */
function normalizeName(raw) {
  if (typeof raw !== "string") {
    return { ok: false, reason: "not-text" };
  }
  // Surrounding line breaks (a paste) are trimmed; inside a name, controls are refused. Lone
  // surrogates survive normalize() but are not text, so they count as controls too.
  const trimmed = raw.trim();
  if (CONTROL.test(trimmed) || LONE_SURROGATE.test(trimmed)) {
    return { ok: false, reason: "control-characters" };
  }
  const name = trimmed.normalize("NFC").replace(/\s+/gu, " ");
  if (!name) {
    return { ok: false, reason: "empty" };
  }
  if (Array.from(name).length > NAME_MAX) {
    return { ok: false, reason: "too-long" };
  }
  return { ok: true, name: name };
}

/**
 * Whether `value` is a name exactly as normalizeName() would store it (for names read from a
 * link or a file: they must already be clean, nothing is silently rewritten).
 * @param {unknown} value
 * @returns {boolean}
 */
function isStoredName(value) {
  const result = normalizeName(value);
  return result.ok && result.name === value;
}

export { NAME_MAX, normalizeName, isStoredName };
