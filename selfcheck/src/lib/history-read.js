/*
 * A history read from outside (an imported file, a share link, a reply): every entry and summary
 * checked field by field before anything uses it, then rebuilt by history.rebuild() (ids
 * recomputed, never trusted; time order; the budget). No DOM.
 */
import { BUDGET, DETAIL_FIELDS, EXTRA_KEY, EXTRA_SUBKEY, rebuild, TEXT_FIELDS } from "./history.js";
import { hasOwn } from "./keys.js";
import { isStoredName } from "./people.js";

const CRITERION_ID = /^[A-Z]+[0-9]+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HTTP_URL = /^https?:\/\//i;

/**
 * @typedef {import("./history.js").History} History
 * @typedef {import("./history.js").Budget} Budget
 */

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isCapped(value, budget) {
  return (
    typeof value === "string" && value.length <= 2 * (budget.text + 1) && Array.from(value).length <= budget.text + 1
  );
}

function isLinkList(value) {
  return (
    Array.isArray(value) &&
    value.length <= 50 &&
    value.every(
      (link) =>
        isPlainObject(link) &&
        Object.keys(link).length === 2 &&
        typeof link.text === "string" &&
        link.text.length <= 500 &&
        typeof link.url === "string" &&
        link.url.length <= 2000 &&
        HTTP_URL.test(link.url),
    )
  );
}

/* Whether `value` can be the from/to of `field`. */
function isValue(field, value, budget) {
  if (field === "answer") {
    return value === null || (typeof value === "string" && value.length <= 100 && SLUG.test(value));
  }
  if (field.startsWith("tick:")) {
    return typeof value === "boolean";
  }
  if (field === "links") {
    return isLinkList(value);
  }
  if (field.startsWith("extra:")) {
    return value === null || isCapped(value, budget);
  }
  return isCapped(value, budget);
}

function isField(criterion, field) {
  if (criterion === "") {
    return DETAIL_FIELDS.indexOf(field) !== -1;
  }
  if (!CRITERION_ID.test(criterion) || criterion.length > 40) {
    return false;
  }
  const tick = /^tick:(.+)$/.exec(field);
  if (tick) {
    return tick[1].length <= 100 && SLUG.test(tick[1]);
  }
  const extra = /^extra:([^:]+)(?::(.+))?$/.exec(field);
  if (extra) {
    return (
      EXTRA_KEY.test(extra[1]) && (extra[2] === undefined || (extra[2].length <= 100 && EXTRA_SUBKEY.test(extra[2])))
    );
  }
  return field === "answer" || field === "links" || TEXT_FIELDS.indexOf(field) !== -1;
}

const ENTRY_KEYS = ["id", "who", "at", "criterion", "field", "from", "to", "via", "by"];

/* "" when `entry` is a well-formed entry, else what is wrong with it. */
function entryProblem(entry, budget) {
  if (!isPlainObject(entry) || !Object.keys(entry).every((key) => ENTRY_KEYS.indexOf(key) !== -1)) {
    return "shape";
  }
  if (!isStoredName(entry.who) || (hasOwn(entry, "by") && !isStoredName(entry.by))) {
    return "who";
  }
  if (typeof entry.at !== "string" || !ISO_TIME.test(entry.at)) {
    return "at";
  }
  if (
    typeof entry.criterion !== "string" ||
    typeof entry.field !== "string" ||
    !isField(entry.criterion, entry.field)
  ) {
    return "field";
  }
  if (
    !hasOwn(entry, "from") ||
    !hasOwn(entry, "to") ||
    !isValue(entry.field, entry.from, budget) ||
    !isValue(entry.field, entry.to, budget)
  ) {
    return "value";
  }
  if (hasOwn(entry, "via") && !(typeof entry.via === "string" && REQUEST_ID.test(entry.via))) {
    return "via";
  }
  return "";
}

function summaryProblem(row) {
  const ok =
    isPlainObject(row) &&
    Object.keys(row).length === 5 &&
    (row.who === "*" || isStoredName(row.who)) &&
    typeof row.criterion === "string" &&
    (row.criterion === "*" || row.criterion === "" || CRITERION_ID.test(row.criterion)) &&
    Number.isInteger(row.count) &&
    row.count > 0 &&
    typeof row.first === "string" &&
    ISO_TIME.test(row.first) &&
    typeof row.last === "string" &&
    ISO_TIME.test(row.last) &&
    row.first <= row.last;
  return ok ? "" : "summary";
}

/**
 * @param {string} code
 * @param {string} detail
 * @returns {{ok: false, error: {code: string, detail: string}}}
 */
function refusal(code, detail) {
  return { ok: false, error: { code: code, detail: detail } };
}

/**
 * A history read from a file, a link or a reply, checked and rebuilt: every entry's id is
 * recomputed from its content, entries are put in time order, the budget applies.
 * Refusals: {ok: false, error: {code: "invalid" | "too-many", detail}}.
 * @param {any} value
 * @param {Budget} [budget]
 * @returns {{ok: true, history: History} | {ok: false, error: {code: string, detail: string}}}
 */
function readHistory(value, budget) {
  const limits = budget || BUDGET;
  const invalid = (detail) => refusal("invalid", detail);
  if (!isPlainObject(value) || !Array.isArray(value.entries) || !Array.isArray(value.compacted)) {
    return invalid("shape");
  }
  if (value.entries.length > limits.incoming || value.compacted.length > limits.incoming) {
    return refusal("too-many", String(value.entries.length));
  }
  if (!(value.through === "" || (typeof value.through === "string" && ISO_TIME.test(value.through)))) {
    return invalid("through");
  }
  for (let i = 0; i < value.entries.length; i += 1) {
    const problem = entryProblem(value.entries[i], limits);
    if (problem) {
      return invalid(`entries[${i}].${problem}`);
    }
  }
  for (let i = 0; i < value.compacted.length; i += 1) {
    if (summaryProblem(value.compacted[i])) {
      return invalid(`compacted[${i}]`);
    }
  }
  return { ok: true, history: rebuild(value, limits) };
}

export { readHistory };
