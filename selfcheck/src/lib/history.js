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
 * date (criterion "") for the assessment's details. Evidence fields this file does not name (such
 * as dates on items) are recorded too: a text field as extra:<key>, a map of texts (item -> date)
 * as extra:<key>:<item>, with null for "not set". For a text, from and to keep what changed
 * with a little context around it; for links, from lists the links removed and to those added.
 * `via` names the request a change came through and `by` who merged it. An entry's id is a hash
 * of its content, so the same change reaching a history twice (from a file, a link, a reply) is
 * kept once; ids read from outside are recomputed, never trusted.
 *
 * Histories are values: every function returns a new one and leaves its input as it was. Callers
 * must not change one in place either (the size of a list of entries is remembered per array).
 *
 * Checking a history read from outside is in history-read.js; the simulated year the bench
 * measures is in history-year.js (so the page's bundle does not carry it).
 *
 * The log is bounded (BUDGET): past the budget, the oldest entries are folded into one summary
 * per person and criterion (count, first and last time), never dropped silently; `through` is the
 * time up to which entries have been folded.
 */
import { own } from "./keys.js";

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
/* The evidence keys with a field of their own; any other key is an "extra" field. */
const KNOWN_EVIDENCE = ["items", "notes", "owner", "due", "links"];
const EXTRA_KEY = /^[a-z][a-z0-9_]{0,30}$/;
const EXTRA_SUBKEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
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

/* The texts of the evidence fields this file does not name, flattened: {"extra:dates:item": "2026-01-02"}.
   Only texts (and maps of texts) count; keys that could not be a field name are skipped. */
function extraFields(entry) {
  const flat = {};
  if (!isPlainObject(entry)) {
    return flat;
  }
  Object.keys(entry).forEach((key) => {
    const value = entry[key];
    if (KNOWN_EVIDENCE.indexOf(key) !== -1 || !EXTRA_KEY.test(key)) {
      return;
    }
    if (typeof value === "string" && value) {
      flat[`extra:${key}`] = value;
    } else if (isPlainObject(value)) {
      Object.keys(value).forEach((sub) => {
        if (EXTRA_SUBKEY.test(sub) && sub.length <= 100 && typeof value[sub] === "string" && value[sub]) {
          flat[`extra:${key}:${sub}`] = value[sub];
        }
      });
    }
  });
  return flat;
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
  const extraBefore = extraFields(evidenceBefore);
  const extraAfter = extraFields(evidenceAfter);
  sortedUnion(Object.keys(extraBefore), Object.keys(extraAfter)).forEach((field) => {
    const from = own(extraBefore, field) ?? null;
    const to = own(extraAfter, field) ?? null;
    if (from !== to) {
      changes.push([field, from, to]);
    }
  });
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

/**
 * A change function, for model.change() or store.changeAssessment(), that also records the
 * change: it runs `fn` on the assessment, then appends an entry for each field `fn` changed, by
 * `who` at `at`. Run twice on the same record (the store applies a change again when a write
 * failed), it records the change once: the entries are the same, and so are their ids.
 * @param {(assessment: any) => void} fn
 * @param {string} who
 * @param {string} at
 * @param {Budget} [budget]
 * @returns {(assessment: any) => void}
 */
function recording(fn, who, at, budget) {
  return (assessment) => {
    // The history itself is not copied: only what an entry can be about.
    const before = JSON.parse(
      JSON.stringify({
        name: assessment.name,
        city: assessment.city,
        date: assessment.date,
        answers: assessment.answers,
        evidence: assessment.evidence,
      }),
    );
    fn(assessment);
    const entries = diffAssessments(before, assessment, who, at, { budget });
    if (entries.length) {
      assessment.history = append(assessment.history, entries, budget).history;
    }
  };
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

/* ---- rebuilding from parts ---------------------------------------------------------- */

/**
 * A history from parts read from outside and already checked (history-read.js): every entry's
 * id recomputed from its content, entries in time order and each once, summaries merged per
 * person and criterion, entries at or before `through` folded, the budget applied.
 * @param {{entries: any[], compacted: Summary[], through: string}} parts
 * @param {Budget} [budget]
 * @returns {History}
 */
function rebuild(parts, budget) {
  const limits = budget || BUDGET;
  const entries = parts.entries.map((entry) => makeEntry(entry, limits));
  const start = {
    entries: [],
    compacted: sortedSummaries(coarsen(summaryMap(parts.compacted), limits)),
    through: parts.through,
  };
  return append(start, entries, limits).history;
}

export {
  BUDGET,
  DETAIL_FIELDS,
  TEXT_FIELDS,
  EXTRA_KEY,
  EXTRA_SUBKEY,
  emptyHistory,
  entryId,
  makeEntry,
  diffAssessments,
  recording,
  criterionChanges,
  normalEvidence,
  historyChars,
  withinBudget,
  append,
  mergeHistories,
  rebuild,
  query,
  byCriterion,
  byPerson,
  between,
  summaries,
  people,
};
