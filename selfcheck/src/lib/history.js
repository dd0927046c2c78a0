/*
 * Who changed what, and when: a change log kept inside an assessment (assessment.history), so it
 * travels with the JSON export, links and merges. No DOM, no storage, no clock: the caller passes
 * the person and the time, so every function is deterministic.
 *
 *   history = {entries: [entry...], compacted: [summary...], through: ISO time or ""}
 *   entry   = {id, who, at, criterion, field, from, to, via?, by?}
 *   summary = {who, criterion, count, first, last}
 *
 * `field` is answer, tick:<item id>, notes, owner, due or links for a criterion, and name, city or
 * date (criterion "") for the assessment's details. For a text, from and to keep what changed
 * with a little context around it; for links, from lists the links removed and to those added. `via` names the request a change came
 * through and `by` who merged it. An entry's id is a hash of its content, so the same change
 * reaching a history twice (from a file, a link, a reply) is kept once; ids read from outside are
 * recomputed, never trusted.
 *
 * The log is bounded (BUDGET): past the budget, the oldest entries are folded into one summary
 * per person and criterion (count, first and last time), never dropped silently; `through` is the
 * time up to which entries have been folded.
 */
import { hasOwn, own } from "./keys.js";
import { isStoredName } from "./people.js";

/* The history's budget, the one place its numbers live. `entries` and `chars` (JSON characters,
   what localStorage counts) trigger compaction, which folds the oldest entries until both are
   under `keep` of their limit (so a full log is not compacted again on every change); `summaries`
   caps the summary rows; `text` caps a text value kept in one entry, and `context` the unchanged
   characters kept either side of an edit; `incoming` caps the entries read from a file, link or
   reply. */
const BUDGET = Object.freeze({
  entries: 2000,
  chars: 300000,
  keep: 0.75,
  summaries: 500,
  text: 1000,
  context: 40,
  incoming: 10000,
});

const DETAIL_FIELDS = ["name", "city", "date"];
const TEXT_FIELDS = ["notes", "owner", "due"];
const CRITERION_ID = /^[A-Z]+[0-9]+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HTTP_URL = /^https?:\/\//i;
const ELLIPSIS = "…";

/**
 * @typedef {null | boolean | string | {text: string, url: string}[]} Value
 * @typedef {{id: string, who: string, at: string, criterion: string, field: string, from: Value, to: Value,
 *   via?: string, by?: string}} Entry
 * @typedef {{who: string, criterion: string, count: number, first: string, last: string}} Summary
 * @typedef {{entries: Entry[], compacted: Summary[], through: string}} History
 * @typedef {typeof BUDGET} Budget
 */

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @returns {History} */
function emptyHistory() {
  return { entries: [], compacted: [], through: "" };
}

/* ---- entry ids ----------------------------------------------------------------------- */

/* cyrb53 (a public-domain 53-bit string hash): enough bits that distinct changes in one log do
   not share an id (crc32 would collide in a few thousand entries). */
function hash53(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The id an entry's content gives it.
 * @param {Omit<Entry, "id"> & {id?: string}} entry
 * @returns {string}
 */
function entryId(entry) {
  const content = [
    entry.who,
    entry.at,
    entry.criterion,
    entry.field,
    entry.from,
    entry.to,
    entry.via || "",
    entry.by || "",
  ];
  return `h${hash53(JSON.stringify(content)).toString(36)}`;
}

/* ---- making entries ------------------------------------------------------------------ */

/* The links removed and the links added (a link is its text and address). */
function linksChange(from, to) {
  const key = (link) => JSON.stringify([link.text, link.url]);
  const before = new Set(from.map(key));
  const after = new Set(to.map(key));
  return [from.filter((link) => !after.has(key(link))), to.filter((link) => !before.has(key(link)))];
}

/* A text cut to `budget.text` characters (code points), marked with an ellipsis. */
function capText(value, budget) {
  const chars = Array.from(value);
  return chars.length > budget.text ? chars.slice(0, budget.text).join("") + ELLIPSIS : value;
}

/* What changed in a text, with `budget.context` characters either side: an edit in long notes
   keeps the edit, not two copies of the notes. Applying it again changes nothing, so an entry
   read back from a file keeps its id. */
function changedPart(from, to, budget) {
  const a = Array.from(from);
  const b = Array.from(to);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix += 1;
  }
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const head = prefix > budget.context + 1 ? prefix - budget.context : 0;
  const tail = suffix > budget.context + 1 ? suffix - budget.context : 0;
  const cut = (chars) =>
    (head ? ELLIPSIS : "") + chars.slice(head, chars.length - tail).join("") + (tail ? ELLIPSIS : "");
  return [capText(cut(a), budget), capText(cut(b), budget)];
}

/**
 * One entry, its text values cut to what changed and capped, its id set.
 * @param {{who: string, at: string, criterion: string, field: string, from: Value, to: Value, via?: string, by?: string}} fields
 * @param {Budget} [budget]
 * @returns {Entry}
 */
function makeEntry(fields, budget) {
  const limits = budget || BUDGET;
  /** @type {Entry} */
  const entry = {
    id: "",
    who: fields.who,
    at: fields.at,
    criterion: fields.criterion,
    field: fields.field,
    from: fields.from,
    to: fields.to,
  };
  if (typeof entry.from === "string" && typeof entry.to === "string" && entry.field !== "answer") {
    [entry.from, entry.to] = changedPart(entry.from, entry.to, limits);
  }
  if (entry.field === "links" && Array.isArray(entry.from) && Array.isArray(entry.to)) {
    [entry.from, entry.to] = linksChange(entry.from, entry.to);
  }
  if (fields.via) {
    entry.via = fields.via;
  }
  if (fields.by) {
    entry.by = fields.by;
  }
  entry.id = entryId(entry);
  return entry;
}

/* An evidence entry in one shape: ticks sorted and unique, missing text fields empty. */
function normalEvidence(entry) {
  const source = isPlainObject(entry) ? entry : {};
  const items = Array.isArray(source.items) ? source.items.filter((item) => typeof item === "string") : [];
  return {
    items: Array.from(new Set(items)).sort(),
    notes: typeof source.notes === "string" ? source.notes : "",
    owner: typeof source.owner === "string" ? source.owner : "",
    due: typeof source.due === "string" ? source.due : "",
    links: Array.isArray(source.links)
      ? source.links
          .filter(isPlainObject)
          .map((link) => ({ text: String(link.text || ""), url: String(link.url || "") }))
      : [],
  };
}

function ownKeys(object) {
  return isPlainObject(object) ? Object.keys(object) : [];
}

function sortedUnion(a, b) {
  return Array.from(new Set(a.concat(b))).sort();
}

/**
 * The changes of one criterion between two states, as [field, from, to] in a fixed order.
 * @param {string | null} answerBefore
 * @param {string | null} answerAfter
 * @param {unknown} evidenceBefore
 * @param {unknown} evidenceAfter
 * @returns {[string, Value, Value][]}
 */
function criterionChanges(answerBefore, answerAfter, evidenceBefore, evidenceAfter) {
  /** @type {[string, Value, Value][]} */
  const changes = [];
  if (answerBefore !== answerAfter) {
    changes.push(["answer", answerBefore, answerAfter]);
  }
  const a = normalEvidence(evidenceBefore);
  const b = normalEvidence(evidenceAfter);
  sortedUnion(a.items, b.items).forEach((item) => {
    const was = a.items.indexOf(item) !== -1;
    const is = b.items.indexOf(item) !== -1;
    if (was !== is) {
      changes.push([`tick:${item}`, was, is]);
    }
  });
  TEXT_FIELDS.forEach((field) => {
    if (a[field] !== b[field]) {
      changes.push([field, a[field], b[field]]);
    }
  });
  const [removed, added] = linksChange(a.links, b.links);
  if (removed.length || added.length) {
    changes.push(["links", a.links, b.links]);
  }
  return changes;
}

function answerOf(assessment, id) {
  const answer = own(assessment.answers, id);
  return typeof answer === "string" ? answer : null;
}

/**
 * The entries of one change: every detail, answer and evidence field that differs between
 * `before` and `after`, stamped with `who` and `at` (an ISO time).
 * @param {any} before an assessment
 * @param {any} after the same assessment after the change
 * @param {string} who the person's stored name (people.normalizeName)
 * @param {string} at
 * @param {{via?: string, by?: string, budget?: Budget}} [options]
 * @returns {Entry[]}
 */
function diffAssessments(before, after, who, at, options) {
  const extra = options || {};
  const stamp = (criterion, field, from, to) =>
    makeEntry({ who, at, criterion, field, from, to, via: extra.via, by: extra.by }, extra.budget);
  const entries = [];
  DETAIL_FIELDS.forEach((field) => {
    const from = String(before?.[field] || "");
    const to = String(after?.[field] || "");
    if (from !== to) {
      entries.push(stamp("", field, from, to));
    }
  });
  // Keys that are not criterion ids (a hostile "__proto__" read from a file) are no criterion.
  const ids = sortedUnion(
    ownKeys(before?.answers).concat(ownKeys(before?.evidence)),
    ownKeys(after?.answers).concat(ownKeys(after?.evidence)),
  ).filter((id) => CRITERION_ID.test(id));
  ids.forEach((id) => {
    criterionChanges(
      answerOf(before || {}, id),
      answerOf(after || {}, id),
      own(before?.evidence, id),
      own(after?.evidence, id),
    ).forEach(([field, from, to]) => {
      entries.push(stamp(id, field, from, to));
    });
  });
  return entries;
}

/* ---- size ---------------------------------------------------------------------------- */

/* JSON characters of an array of entries or summaries, remembered per array (arrays are never
   changed in place here), so appending to a long log does not serialise it again each time. */
const sizes = new WeakMap();

function jsonChars(list) {
  if (!sizes.has(list)) {
    sizes.set(list, JSON.stringify(list).length);
  }
  return sizes.get(list);
}

function rememberChars(list, chars) {
  sizes.set(list, chars);
  return list;
}

/**
 * The history's size as stored: characters of its JSON.
 * @param {History} history
 * @returns {number}
 */
function historyChars(history) {
  // {"entries":E,"compacted":C,"through":"T"} without serialising E and C again.
  return 36 + jsonChars(history.entries) + jsonChars(history.compacted) + JSON.stringify(history.through).length;
}

/* ---- compaction ---------------------------------------------------------------------- */

function byTimeThenId(a, b) {
  if (a.at !== b.at) {
    return a.at < b.at ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/* The earlier and the later of two ISO times (text: Math.min and Math.max would compare NaN). */
function earlier(a, b) {
  return [a, b].sort()[0];
}

function later(a, b) {
  return [a, b].sort()[1];
}

function summaryKey(who, criterion) {
  return JSON.stringify([who, criterion]);
}

/* Rows in a Map by person and criterion (a Map: names and ids come from outside). */
function summaryMap(rows) {
  const map = new Map();
  rows.forEach((row) => {
    addToSummary(map, row.who, row.criterion, row.count, row.first, row.last);
  });
  return map;
}

function addToSummary(map, who, criterion, count, first, last) {
  const key = summaryKey(who, criterion);
  const row = map.get(key);
  if (!row) {
    map.set(key, { who, criterion, count, first, last });
    return;
  }
  row.count += count;
  row.first = earlier(first, row.first);
  row.last = later(last, row.last);
}

/* Past the row cap, rows are merged per person ("*" for every criterion), then into one row. */
function coarsen(map, budget) {
  if (map.size <= budget.summaries) {
    return map;
  }
  const perPerson = new Map();
  map.forEach((row) => {
    addToSummary(perPerson, row.who, "*", row.count, row.first, row.last);
  });
  if (perPerson.size <= budget.summaries) {
    return perPerson;
  }
  const all = new Map();
  map.forEach((row) => {
    addToSummary(all, "*", "*", row.count, row.first, row.last);
  });
  return all;
}

function sortedSummaries(map) {
  return Array.from(map.values()).sort((a, b) =>
    a.who !== b.who ? (a.who < b.who ? -1 : 1) : a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0,
  );
}

/**
 * Fold every entry at or before `through` into the summaries.
 * @param {History} history
 * @param {string} through
 * @param {Budget} budget
 * @returns {{history: History, folded: number}}
 */
function foldThrough(history, through, budget) {
  if (!through || !history.entries.length || history.entries[0].at > through) {
    return { history, folded: 0 };
  }
  const map = summaryMap(history.compacted);
  let index = 0;
  let chars = jsonChars(history.entries);
  while (index < history.entries.length && history.entries[index].at <= through) {
    const entry = history.entries[index];
    addToSummary(map, entry.who, entry.criterion, 1, entry.at, entry.at);
    chars -= JSON.stringify(entry).length + 1;
    index += 1;
  }
  const kept = rememberChars(history.entries.slice(index), index === history.entries.length ? 2 : chars);
  return {
    history: {
      entries: kept,
      compacted: sortedSummaries(coarsen(map, budget)),
      through: later(through, history.through),
    },
    folded: index,
  };
}

/* Where to cut so that what is left is under `keep` of the budget: the time of the last entry to
   fold, extended over entries with the same time (so `through` is a clean boundary), or "". */
function cutTime(history, budget) {
  const entries = history.entries;
  const overhead = historyChars(history) - jsonChars(entries);
  const targetEntries = Math.floor(budget.entries * budget.keep);
  const targetChars = Math.floor(budget.chars * budget.keep) - overhead;
  let chars = jsonChars(entries);
  let index = 0;
  while (index < entries.length && (entries.length - index > targetEntries || chars > targetChars)) {
    chars -= JSON.stringify(entries[index]).length + 1;
    index += 1;
  }
  return index ? entries[index - 1].at : "";
}

/**
 * The history within its budget: unchanged when under it, else with the oldest entries folded.
 * @param {History} history
 * @param {Budget} [budget]
 * @returns {{history: History, compacted: number}}
 */
function withinBudget(history, budget) {
  const limits = budget || BUDGET;
  if (history.entries.length <= limits.entries && historyChars(history) <= limits.chars) {
    return { history, compacted: 0 };
  }
  const folded = foldThrough(history, cutTime(history, limits), limits);
  return { history: folded.history, compacted: folded.folded };
}

/* ---- append and merge ---------------------------------------------------------------- */

/**
 * A new history with `entries` added (an entry it already holds is kept once), in time order,
 * and compacted when past the budget. `compacted` says how many old entries were folded into
 * summaries by this call (0: none).
 * @param {History | undefined} history
 * @param {Entry[]} entries
 * @param {Budget} [budget]
 * @returns {{history: History, appended: number, compacted: number}}
 */
function append(history, entries, budget) {
  const limits = budget || BUDGET;
  const base = history || emptyHistory();
  const old = base.entries;
  const earliest = entries.reduce((min, entry) => earlier(entry.at, min), "\uffff");
  // Only entries at or after the earliest new one can be the same change again.
  const recent = new Set();
  for (let i = old.length - 1; i >= 0 && old[i].at >= earliest; i -= 1) {
    recent.add(old[i].id);
  }
  const fresh = [];
  entries.forEach((entry) => {
    if (!recent.has(entry.id)) {
      recent.add(entry.id);
      fresh.push(entry);
    }
  });
  if (!fresh.length) {
    return { history: base, appended: 0, compacted: 0 };
  }
  let chars = jsonChars(old) + (old.length ? 0 : -1);
  fresh.forEach((entry) => {
    chars += JSON.stringify(entry).length + 1;
  });
  const joined = old.concat(fresh);
  let sorted = true;
  for (let i = Math.max(1, old.length); i < joined.length && sorted; i += 1) {
    sorted = byTimeThenId(joined[i - 1], joined[i]) <= 0;
  }
  const list = rememberChars(sorted ? joined : joined.sort(byTimeThenId), chars);
  const next = { entries: list, compacted: base.compacted, through: base.through };
  // An entry older than what was folded already is folded too, so `through` stays a boundary.
  const refolded = foldThrough(next, base.through, limits);
  const bounded = withinBudget(refolded.history, limits);
  return { history: bounded.history, appended: fresh.length, compacted: refolded.folded + bounded.compacted };
}

/**
 * Two histories of one assessment combined (a file, a link or a reply into the one kept here):
 * every entry once, in time order. Entries either side already folded are folded on both; where
 * both sides summarise the same person and criterion, the larger count is kept, so a count is
 * exact when one side's past contains the other's and otherwise a lower bound (`approximate`).
 * @param {History | undefined} here
 * @param {History | undefined} there
 * @param {Budget} [budget]
 * @returns {{history: History, added: number, compacted: number, approximate: boolean}}
 */
function mergeHistories(here, there, budget) {
  const limits = budget || BUDGET;
  const a = here || emptyHistory();
  const b = there || emptyHistory();
  const through = later(a.through, b.through);
  const foldedA = foldThrough(a, through, limits).history;
  const foldedB = foldThrough(b, through, limits).history;
  const mapA = summaryMap(foldedA.compacted);
  const mapB = summaryMap(foldedB.compacted);
  let approximate = false;
  mapB.forEach((row, key) => {
    const mine = mapA.get(key);
    if (!mine) {
      mapA.set(key, Object.assign({}, row));
      return;
    }
    approximate = approximate || mine.count !== row.count;
    mine.count = Math.max(mine.count, row.count);
    mine.first = earlier(row.first, mine.first);
    mine.last = later(row.last, mine.last);
  });
  const base = {
    entries: foldedA.entries,
    compacted: sortedSummaries(coarsen(mapA, limits)),
    through: foldedA.through,
  };
  const appended = append(base, foldedB.entries, Object.assign({}, limits, { entries: Infinity, chars: Infinity }));
  const bounded = withinBudget(appended.history, limits);
  return {
    history: bounded.history,
    added: appended.appended,
    compacted: bounded.compacted,
    approximate: approximate,
  };
}

/* ---- queries ------------------------------------------------------------------------- */

/**
 * The entries that match every filter given: criterion id, person, and a time range (`from`
 * inclusive, `to` exclusive, ISO times or dates), in time order.
 * @param {History | undefined} history
 * @param {{criterion?: string, who?: string, from?: string, to?: string}} filters
 * @returns {Entry[]}
 */
function query(history, filters) {
  const f = filters || {};
  return (history ? history.entries : []).filter(
    (entry) =>
      (f.criterion === undefined || entry.criterion === f.criterion) &&
      (f.who === undefined || entry.who === f.who) &&
      (f.from === undefined || entry.at >= f.from) &&
      (f.to === undefined || entry.at < f.to),
  );
}

/** @param {History | undefined} history @param {string} criterion */
function byCriterion(history, criterion) {
  return query(history, { criterion });
}

/** @param {History | undefined} history @param {string} who */
function byPerson(history, who) {
  return query(history, { who });
}

/** @param {History | undefined} history @param {string} from @param {string} to */
function between(history, from, to) {
  return query(history, { from, to });
}

/**
 * The summary rows of folded entries for a criterion and/or a person (rows folded across all
 * criteria or all people, "*", match any).
 * @param {History | undefined} history
 * @param {{criterion?: string, who?: string}} filters
 * @returns {Summary[]}
 */
function summaries(history, filters) {
  const f = filters || {};
  return (history ? history.compacted : []).filter(
    (row) =>
      (f.criterion === undefined || row.criterion === f.criterion || row.criterion === "*") &&
      (f.who === undefined || row.who === f.who || row.who === "*"),
  );
}

/**
 * Everyone named in the history, sorted (for a filter).
 * @param {History | undefined} history
 * @returns {string[]}
 */
function people(history) {
  const names = new Set();
  (history ? history.entries : []).forEach((entry) => {
    names.add(entry.who);
  });
  (history ? history.compacted : []).forEach((row) => {
    if (row.who !== "*") {
      names.add(row.who);
    }
  });
  return Array.from(names).sort();
}

/* ---- reading a history from outside -------------------------------------------------- */

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
  const entries = value.entries.map((entry) => makeEntry(entry, limits));
  const compacted = sortedSummaries(coarsen(summaryMap(value.compacted), limits));
  const start = { entries: [], compacted: compacted, through: value.through };
  return { ok: true, history: append(start, entries, limits).history };
}

/* ---- a simulated year ---------------------------------------------------------------- */

/* mulberry32: a small seeded generator, so the simulated year is the same on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIMULATED_STATES = ["yes", "in-progress", "no"];
const SIMULATED_NOTES = [
  "Asked the department for the signed policy; waiting for the final version.",
  "Draft reviewed with the data team; the page is published on the city's website.",
  "Budget office sends the evaluation report next week.",
  "Procurement confirms the contract template includes performance terms.",
];

/* The part of `assessment` one criterion's edit touches. */
function criterionView(assessment, id) {
  const view = { answers: {}, evidence: {} };
  if (hasOwn(assessment.answers, id)) {
    view.answers[id] = assessment.answers[id];
  }
  if (hasOwn(assessment.evidence, id)) {
    view.evidence[id] = assessment.evidence[id];
  }
  return view;
}

/* One person's edit of one criterion, applied to `assessment` in place. */
function simulatedEdit(assessment, random, criterion, day) {
  const evidence = assessment.evidence[criterion] || { items: [], notes: "", owner: "", due: "", links: [] };
  assessment.evidence[criterion] = evidence;
  const kind = Math.floor(random() * 6);
  if (kind === 0) {
    assessment.answers[criterion] = SIMULATED_STATES[Math.floor(random() * SIMULATED_STATES.length)];
  } else if (kind === 1 || kind === 2) {
    const item = `${criterion.toLowerCase()}-item-${1 + Math.floor(random() * 6)}`;
    const at = evidence.items.indexOf(item);
    evidence.items = at === -1 ? evidence.items.concat([item]).sort() : evidence.items.filter((x) => x !== item);
  } else if (kind === 3) {
    const note = SIMULATED_NOTES[Math.floor(random() * SIMULATED_NOTES.length)];
    evidence.notes = `${evidence.notes} ${note}`.trim();
  } else if (kind === 4) {
    evidence.due = `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`;
  } else {
    evidence.links = evidence.links
      .concat([{ text: "Document", url: `https://example.org/${criterion}/${day}` }])
      .slice(-3);
  }
}

/**
 * A year of daily work by `people` people on an assessment of `criteria` criteria: each working
 * day, each person makes `editsPerDay` edits, each recorded as one change. Returns the stored
 * size of the history it leaves (JSON characters and UTF-8 bytes) and what it holds.
 * @param {{people?: number, criteria?: number, days?: number, editsPerDay?: number, seed?: number, budget?: Budget}} [options]
 */
function simulateYear(options) {
  const o = Object.assign({ people: 5, criteria: 45, days: 365, editsPerDay: 4, seed: 2026 }, options || {});
  const random = seeded(o.seed);
  const names = Array.from({ length: o.people }, (_, n) => `Person ${n + 1} of the city team`);
  const ids = Array.from({ length: o.criteria }, (_, n) => `C${n + 1}`);
  const assessment = { answers: {}, evidence: {} };
  let history = emptyHistory();
  let changes = 0;
  let compactions = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let day = 0; day < o.days; day += 1) {
    const weekday = new Date(start + day * 86400000).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      continue;
    }
    names.forEach((who, person) => {
      for (let edit = 0; edit < o.editsPerDay; edit += 1) {
        const at = new Date(start + day * 86400000 + (9 + person) * 3600000 + edit * 600000).toISOString();
        // Only the edited criterion is copied and compared: the entries are the same as for
        // the whole assessment, at a fraction of the cost.
        const id = ids[Math.floor(random() * ids.length)];
        const before = criterionView(assessment, id);
        const after = JSON.parse(JSON.stringify(before));
        simulatedEdit(after, random, id, day);
        const result = append(history, diffAssessments(before, after, who, at, { budget: o.budget }), o.budget);
        history = result.history;
        compactions += result.compacted ? 1 : 0;
        changes += 1;
        assessment.answers[id] = after.answers[id];
        assessment.evidence[id] = after.evidence[id];
      }
    });
  }
  const json = JSON.stringify(history);
  return {
    changes: changes,
    compactions: compactions,
    entries: history.entries.length,
    summaries: history.compacted.length,
    folded: history.compacted.reduce((sum, row) => sum + row.count, 0),
    chars: json.length,
    bytes: new TextEncoder().encode(json).length,
    history: history,
  };
}

export {
  BUDGET,
  emptyHistory,
  entryId,
  makeEntry,
  diffAssessments,
  criterionChanges,
  normalEvidence,
  historyChars,
  withinBudget,
  append,
  mergeHistories,
  query,
  byCriterion,
  byPerson,
  between,
  summaries,
  people,
  readHistory,
  simulateYear,
};
