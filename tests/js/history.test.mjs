/* Unit tests of selfcheck/src/lib/history.js: entries of a change, the budget and its summaries,
   queries, merging two histories, and histories read from outside. */
import test from "node:test";
import assert from "node:assert/strict";

import * as H from "../../selfcheck/src/lib/history.js";
import { readHistory } from "../../selfcheck/src/lib/history-read.js";
import { simulateYear } from "../../selfcheck/src/lib/history-year.js";

const T1 = "2026-03-02T09:00:00.000Z";
const T2 = "2026-03-02T10:00:00.000Z";
const T3 = "2026-03-03T09:00:00.000Z";

function assessment(answers, evidence, details) {
  return Object.assign(
    { name: "Draft", city: "", date: "", answers: answers || {}, evidence: evidence || {} },
    details,
  );
}

/* `n` changes of criterion answers, one per minute from `start`, by `who`. */
function changes(n, who, start, criterion) {
  const entries = [];
  for (let i = 0; i < n; i += 1) {
    const at = new Date(Date.parse(start || T1) + i * 60000).toISOString();
    entries.push(
      H.makeEntry({ who, at, criterion: criterion || `DG${1 + (i % 5)}`, field: "answer", from: null, to: `s${i}` }),
    );
  }
  return entries;
}

function total(history) {
  return history.entries.length + history.compacted.reduce((sum, row) => sum + row.count, 0);
}

test("one change gives one entry per field that changed, in a fixed order, with who and when", () => {
  const before = assessment({ DG1: "no", DG2: "yes" }, { DG1: { items: ["b-item"], notes: "old", links: [] } });
  const after = assessment(
    { DG1: "yes", EVAL1: "in-progress" },
    {
      DG1: {
        items: ["a-item"],
        notes: "new",
        owner: "Data team",
        due: "2026-05-01",
        links: [{ text: "Policy", url: "https://example.org/p" }],
      },
    },
    { city: "Springfield" },
  );
  const entries = H.diffAssessments(before, after, "Ana", T1);
  assert.deepEqual(
    entries.map((entry) => [entry.criterion, entry.field, entry.from, entry.to]),
    [
      ["", "city", "", "Springfield"],
      ["DG1", "answer", "no", "yes"],
      ["DG1", "tick:a-item", false, true],
      ["DG1", "tick:b-item", true, false],
      ["DG1", "notes", "old", "new"],
      ["DG1", "owner", "", "Data team"],
      ["DG1", "due", "", "2026-05-01"],
      ["DG1", "links", [], [{ text: "Policy", url: "https://example.org/p" }]],
      ["DG2", "answer", "yes", null],
      ["EVAL1", "answer", null, "in-progress"],
    ],
  );
  assert.ok(entries.every((entry) => entry.who === "Ana" && entry.at === T1 && /^h[0-9a-z]+$/.test(entry.id)));
  assert.equal(new Set(entries.map((entry) => entry.id)).size, entries.length);
  assert.deepEqual(H.diffAssessments(before, before, "Ana", T1), []);
});

test("a recording change function appends the change's entries, once even when applied twice", () => {
  const record = assessment({ DG1: "no" });
  const change = H.recording(
    (a) => {
      a.answers.DG1 = "yes";
      a.evidence.DG1 = { items: ["dg1-policy"] };
    },
    "Ana",
    T1,
  );
  change(record);
  assert.equal(record.answers.DG1, "yes");
  // Entries of one moment are kept in id order; compare them as a set.
  const rows = (history) =>
    history.entries
      .map((entry) => JSON.stringify([entry.who, entry.at, entry.criterion, entry.field, entry.from, entry.to]))
      .sort();
  assert.deepEqual(
    rows(record.history),
    [
      ["Ana", T1, "DG1", "answer", "no", "yes"],
      ["Ana", T1, "DG1", "tick:dg1-policy", false, true],
    ]
      .map((row) => JSON.stringify(row))
      .sort(),
  );
  const again = assessment({ DG1: "no" });
  again.history = record.history;
  change(again);
  assert.deepEqual(again.history, record.history, "the same change recorded once");
  const nothing = assessment({ DG1: "yes" });
  H.recording(
    (a) => {
      a.answers.DG1 = "yes";
    },
    "Ana",
    T2,
  )(nothing);
  assert.equal(nothing.history, undefined, "no change, no history");
});

test("empty evidence and no evidence are the same; tick order does not matter", () => {
  const before = assessment({}, { DG1: { items: ["a", "b"], notes: "" } });
  const after = assessment({}, { DG1: { items: ["b", "a", "a"], notes: "", owner: "", due: "", links: [] } });
  assert.deepEqual(H.diffAssessments(before, after, "Ana", T1), []);
  assert.deepEqual(H.diffAssessments(assessment(), assessment({}, { DG1: {} }), "Ana", T1), []);
});

test("keys that are not criterion ids (prototype names from a file) make no entries", () => {
  const hostile = JSON.parse(
    '{"answers": {"__proto__": "yes", "constructor": "no", "toString": "yes", "DG1": "yes"},' +
      ' "evidence": {"__proto__": {"notes": "x"}, "constructor": {"items": ["a"]}}}',
  );
  hostile.name = "Draft";
  const entries = H.diffAssessments(assessment(), hostile, "Ana", T1);
  assert.deepEqual(
    entries.map((entry) => entry.criterion),
    ["DG1"],
  );
  assert.equal({}.polluted, undefined);
});

test("an item id that is an inherited member's name is an ordinary tick", () => {
  const entries = H.diffAssessments(assessment(), assessment({}, { DG1: { items: ["constructor"] } }), "Ana", T1);
  assert.deepEqual(
    entries.map((entry) => entry.field),
    ["tick:constructor"],
  );
});

test("a long text is kept capped in an entry, with an ellipsis; its id is stable", () => {
  const long = "n".repeat(H.BUDGET.text + 500);
  const [entry] = H.diffAssessments(assessment(), assessment({}, { DG1: { notes: long } }), "Ana", T1);
  assert.equal(entry.to.length, H.BUDGET.text + 1);
  assert.ok(entry.to.endsWith("…"));
  assert.equal(H.entryId(entry), entry.id);
  assert.notEqual(H.entryId(Object.assign({}, entry, { who: "Bob" })), entry.id);
  assert.deepEqual(H.makeEntry(entry), entry, "capping again changes nothing");
});

test("an edit in a long text keeps what changed and a little context, not both whole texts", () => {
  const start = "The policy was adopted by council in 2019 and is published on the open data portal. ";
  const end = " Ask the clerk for the signed copy before the audit; the data team keeps the scan.";
  const before = assessment({}, { DG1: { notes: `${start}Owner: Ana.${end}` } });
  const after = assessment({}, { DG1: { notes: `${start}Owner: Bob 🙂.${end}` } });
  const [entry] = H.diffAssessments(before, after, "Cy", T1);
  const context = H.BUDGET.context;
  assert.equal(entry.from, `…${`${start}Owner: `.slice(-context)}Ana${`.${end}`.slice(0, context)}…`);
  assert.equal(entry.to, `…${`${start}Owner: `.slice(-context)}Bob 🙂${`.${end}`.slice(0, context)}…`);
  assert.deepEqual(H.makeEntry(entry), entry, "cutting again changes nothing");
  // Appending to notes keeps the addition; a short edit is kept whole.
  const [added] = H.diffAssessments(
    after,
    assessment({}, { DG1: { notes: `${after.evidence.DG1.notes} More.` } }),
    "Cy",
    T1,
  );
  assert.equal(added.to, `…${end.slice(-context)} More.`);
  const [short] = H.diffAssessments(
    assessment({}, { DG1: { owner: "Ana" } }),
    assessment({}, { DG1: { owner: "Bob" } }),
    "Cy",
    T1,
  );
  assert.deepEqual([short.from, short.to], ["Ana", "Bob"]);
});

test("append keeps time order, adds the same change once and leaves its input untouched", () => {
  const first = H.diffAssessments(assessment({ DG1: "no" }), assessment({ DG1: "yes" }), "Ana", T2);
  const second = H.diffAssessments(assessment({ DG2: "no" }), assessment({ DG2: "yes" }), "Bob", T1);
  const start = H.emptyHistory();
  const one = H.append(start, first);
  assert.deepEqual(start, H.emptyHistory());
  assert.equal(one.appended, 1);
  const two = H.append(one.history, second.concat(first));
  assert.equal(two.appended, 1);
  assert.deepEqual(
    two.history.entries.map((entry) => entry.who),
    ["Bob", "Ana"],
  );
  assert.equal(one.history.entries.length, 1);
  assert.equal(H.append(two.history, first).appended, 0);
});

test("the stored size is the history's JSON length, counted without serialising it again", () => {
  let history = H.emptyHistory();
  assert.equal(H.historyChars(history), JSON.stringify(history).length);
  const budget = Object.assign({}, H.BUDGET, { entries: 30 });
  for (let day = 0; day < 10; day += 1) {
    const start = new Date(Date.parse(T1) + day * 86400000).toISOString();
    history = H.append(history, changes(7, day % 2 ? "Ana" : "Bob", start), budget).history;
    assert.equal(H.historyChars(history), JSON.stringify(history).length);
  }
  assert.ok(history.compacted.length > 0);
});

test("past the entry budget the oldest entries are folded into summaries per person and criterion", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 20, keep: 0.5 });
  let history = H.append(H.emptyHistory(), changes(20, "Ana", T1), budget).history;
  assert.equal(history.entries.length, 20);
  assert.deepEqual(history.compacted, []);
  const result = H.append(history, changes(1, "Bob", T3, "EVAL1"), budget);
  history = result.history;
  assert.equal(result.compacted, 11, "folded down to half the budget");
  assert.equal(history.entries.length, 10);
  assert.equal(total(history), 21, "no change is lost: entries plus summary counts");
  assert.equal(
    history.through,
    history.compacted
      .map((row) => row.last)
      .sort()
      .pop(),
  );
  assert.ok(history.entries.every((entry) => entry.at > history.through));
  const dg1 = history.compacted.find((row) => row.who === "Ana" && row.criterion === "DG1");
  assert.deepEqual(dg1, { who: "Ana", criterion: "DG1", count: 3, first: T1, last: "2026-03-02T09:10:00.000Z" });
});

test("past the character budget, entries are folded too; under it, nothing is", () => {
  const big = H.makeEntry({ who: "Ana", at: T1, criterion: "DG1", field: "notes", from: "", to: "x".repeat(900) });
  const budget = Object.assign({}, H.BUDGET, { chars: 5000 });
  let history = H.emptyHistory();
  for (let i = 0; i < 10; i += 1) {
    const at = new Date(Date.parse(T1) + i * 1000).toISOString();
    history = H.append(history, [H.makeEntry(Object.assign({}, big, { at }))], budget).history;
    assert.ok(H.historyChars(history) <= 5000);
  }
  assert.equal(total(history), 10);
  assert.ok(history.entries.length < 10);
  const small = H.withinBudget(H.append(H.emptyHistory(), changes(3, "Ana")).history);
  assert.equal(small.compacted, 0);
});

test("entries with the same time are folded together, so `through` is a clean boundary", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 4, keep: 0.5 });
  const sameTime = changes(3, "Ana").map((entry) => H.makeEntry(Object.assign({}, entry, { at: T1 })));
  const result = H.append(H.append(H.emptyHistory(), sameTime, budget).history, changes(2, "Bob", T3), budget);
  assert.equal(result.history.through, T1);
  assert.equal(result.history.entries.length, 2);
  assert.equal(total(result.history), 5);
});

test("an entry older than what was folded is folded on arrival", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 4, keep: 0.5 });
  const folded = H.append(H.emptyHistory(), changes(5, "Ana", T2), budget).history;
  assert.ok(folded.through >= T2);
  const late = H.append(folded, changes(1, "Cy", T1, "SE1"), budget);
  assert.ok(late.history.entries.every((entry) => entry.who !== "Cy"));
  assert.deepEqual(H.summaries(late.history, { who: "Cy" }), [
    { who: "Cy", criterion: "SE1", count: 1, first: T1, last: T1 },
  ]);
});

test("too many summary rows become one per person, then one in all", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 10, keep: 0.1, summaries: 4 });
  const mixed = [];
  ["Ana", "Bob"].forEach((who) => {
    ["DG1", "DG2", "DG3"].forEach((criterion, n) => {
      mixed.push(...changes(2, who, new Date(Date.parse(T1) + n * 3600000).toISOString(), criterion));
    });
  });
  const perPerson = H.append(H.emptyHistory(), mixed.concat(changes(1, "Ana", T3)), budget).history;
  assert.deepEqual(
    perPerson.compacted.map((row) => [row.who, row.criterion]),
    [
      ["Ana", "*"],
      ["Bob", "*"],
    ],
  );
  assert.equal(total(perPerson), 13);
  const tiny = Object.assign({}, budget, { summaries: 1 });
  const all = H.append(H.emptyHistory(), mixed.concat(changes(1, "Ana", T3)), tiny).history;
  assert.deepEqual(
    all.compacted.map((row) => [row.who, row.criterion, row.count]),
    [["*", "*", 12]],
  );
  assert.equal(H.summaries(all, { who: "Ana", criterion: "DG1" }).length, 1);
});

test("queries: by criterion, by person, by time range (from inclusive, to exclusive); people", () => {
  const history = H.append(
    H.emptyHistory(),
    changes(2, "Ana", T1, "DG1").concat(changes(2, "Bob", T3, "DG2"), changes(1, "Cy", T2, "DG1")),
  ).history;
  assert.deepEqual(
    H.byCriterion(history, "DG1").map((entry) => entry.who),
    ["Ana", "Ana", "Cy"],
  );
  assert.deepEqual(
    H.byPerson(history, "Bob").map((entry) => entry.criterion),
    ["DG2", "DG2"],
  );
  assert.deepEqual(
    H.between(history, T2, T3).map((entry) => entry.who),
    ["Cy"],
  );
  assert.equal(H.between(history, "2026-03-03", "2026-03-04").length, 2, "dates work as bounds");
  assert.deepEqual(H.query(history, { criterion: "DG1", who: "Ana", from: "2026-03-02T09:01:00.000Z" }).length, 1);
  assert.deepEqual(H.people(history), ["Ana", "Bob", "Cy"]);
  for (const key of ["__proto__", "constructor", "toString"]) {
    assert.deepEqual(H.byCriterion(history, key), []);
    assert.deepEqual(H.byPerson(history, key), []);
  }
  assert.deepEqual(H.query(undefined, {}), []);
});

test("merging two histories keeps every entry once, in the same order whichever side is first", () => {
  const shared = changes(3, "Ana", T1);
  const here = H.append(H.emptyHistory(), shared.concat(changes(2, "Bob", T2))).history;
  const there = H.append(H.emptyHistory(), shared.concat(changes(2, "Cy", T3))).history;
  const ab = H.mergeHistories(here, there);
  const ba = H.mergeHistories(there, here);
  assert.equal(ab.history.entries.length, 7);
  assert.equal(ab.added, 2);
  assert.equal(ba.added, 2);
  assert.deepEqual(ab.history, ba.history);
  assert.deepEqual(H.mergeHistories(ab.history, ab.history).history, ab.history);
  assert.equal(H.mergeHistories(ab.history, ab.history).added, 0);
  assert.deepEqual(H.mergeHistories(undefined, here).history, here);
});

test("merging with a history folded further folds the same entries here, counts kept exact", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 10, keep: 0.5 });
  const all = changes(10, "Ana", T1).concat(changes(4, "Bob", T3));
  const unfolded = H.append(H.emptyHistory(), all, Object.assign({}, budget, { entries: 100 })).history;
  const folded = H.append(H.emptyHistory(), all, budget).history;
  assert.ok(folded.through);
  const merged = H.mergeHistories(unfolded, folded, Object.assign({}, budget, { entries: 100 }));
  assert.equal(merged.approximate, false);
  assert.equal(merged.history.through, folded.through);
  assert.equal(total(merged.history), 14);
  assert.deepEqual(
    merged.history,
    H.mergeHistories(folded, unfolded, Object.assign({}, budget, { entries: 100 })).history,
  );
});

test("summaries of the same person and criterion on both sides keep the larger count, said to be approximate", () => {
  const row = (count) => ({ who: "Ana", criterion: "DG1", count, first: T1, last: T2 });
  const here = { entries: [], compacted: [row(3)], through: T2 };
  const there = { entries: [], compacted: [row(5)], through: T2 };
  const merged = H.mergeHistories(here, there);
  assert.deepEqual(merged.history.compacted, [row(5)]);
  assert.equal(merged.approximate, true);
  assert.equal(H.mergeHistories(here, here).approximate, false);
});

test("a history read from outside is checked and its ids recomputed", () => {
  const good = H.append(H.emptyHistory(), changes(3, "Ana")).history;
  const forged = JSON.parse(JSON.stringify(good));
  forged.entries[0].id = forged.entries[1].id;
  const read = readHistory(forged);
  assert.equal(read.ok, true);
  assert.deepEqual(read.history, good);
  assert.deepEqual(readHistory(JSON.parse(JSON.stringify(good))).history, good);
});

test("a history from outside with a bad entry is refused, naming the entry and the problem", () => {
  const entry = changes(1, "Ana")[0];
  const cases = [
    [{ who: "Ana\u202e" }, "who"],
    [{ who: " Ana" }, "who"],
    [{ who: 7 }, "who"],
    [{ by: "\u0000" }, "who"],
    [{ at: "yesterday" }, "at"],
    [{ at: "2026-03-02" }, "at"],
    [{ criterion: "__proto__" }, "field"],
    [{ criterion: "constructor" }, "field"],
    [{ criterion: "", field: "answer" }, "field"],
    [{ field: "tick:__proto__", from: false, to: true }, "field"],
    [{ field: "password" }, "field"],
    [{ field: "tick:a", from: "yes", to: true }, "value"],
    [{ to: "Not A Slug" }, "value"],
    [{ field: "notes", from: "", to: "x".repeat(H.BUDGET.text + 2) }, "value"],
    [{ field: "links", from: [], to: [{ text: "x", url: "javascript:alert(1)" }] }, "value"],
    [{ field: "links", from: [], to: [{ text: "x", url: "https://e.org", extra: 1 }] }, "value"],
    [{ via: "../x" }, "via"],
    [{ extra: 1 }, "shape"],
  ];
  for (const [change, problem] of cases) {
    const bad = Object.assign({}, entry, change);
    const result = readHistory({ entries: [entry, bad], compacted: [], through: "" });
    assert.deepEqual(
      result,
      { ok: false, error: { code: "invalid", detail: `entries[1].${problem}` } },
      JSON.stringify(change),
    );
  }
  const noFrom = Object.assign({}, entry);
  delete noFrom.from;
  assert.equal(readHistory({ entries: [noFrom], compacted: [], through: "" }).error.detail, "entries[0].value");
  assert.equal(readHistory({ entries: [entry, "x"], compacted: [], through: "" }).error.detail, "entries[1].shape");
  for (const shape of [null, [], "x", { entries: [] }, { entries: {}, compacted: [], through: "" }]) {
    assert.equal(readHistory(shape).error.detail, "shape");
  }
  assert.equal(readHistory({ entries: [], compacted: [], through: "soon" }).error.detail, "through");
  const row = { who: "Ana", criterion: "DG1", count: 2, first: T1, last: T2 };
  for (const change of [
    { count: 0 },
    { count: 1.5 },
    { first: T3 },
    { who: "\u0007" },
    { criterion: "toString" },
    { x: 1 },
  ]) {
    const result = readHistory({ entries: [], compacted: [Object.assign({}, row, change)], through: "" });
    assert.equal(result.error.detail, "compacted[0]", JSON.stringify(change));
  }
  const many = { entries: new Array(H.BUDGET.incoming + 1).fill(entry), compacted: [], through: "" };
  assert.equal(readHistory(many).error.code, "too-many");
});

test("a history read from outside over the budget is compacted like any other", () => {
  const budget = Object.assign({}, H.BUDGET, { entries: 10 });
  const long = H.append(H.emptyHistory(), changes(30, "Ana"), Object.assign({}, budget, { entries: 100 })).history;
  const read = readHistory(JSON.parse(JSON.stringify(long)), budget);
  assert.equal(read.ok, true);
  assert.ok(read.history.entries.length <= 10);
  assert.equal(total(read.history), 30);
});

test("a simulated year of daily work by five people on 45 criteria stays within the budget", (t) => {
  const year = simulateYear();
  const again = simulateYear();
  assert.deepEqual(again, year, "deterministic");
  assert.equal(year.changes, 5 * 261 * 4, "five people, 261 working days of 2026, four edits a day");
  assert.ok(year.chars <= H.BUDGET.chars && year.entries <= H.BUDGET.entries);
  assert.equal(year.chars, JSON.stringify(year.history).length);
  assert.ok(year.folded > 0 && year.compactions > 0, "older entries were compacted");
  assert.equal(H.people(year.history).length, 5);
  assert.ok(year.summaries <= 5 * 45);
  t.diagnostic(
    `simulated year: ${year.changes} changes, ${year.entries} entries kept, ${year.folded} folded into ` +
      `${year.summaries} summaries, ${year.chars} characters (${year.bytes} bytes UTF-8)`,
  );
});

test("evidence fields history.js does not name (dates on items) are recorded, and read back from a file", () => {
  const before = assessment({}, { DG1: { items: ["a-item"], dates: { "a-item": "2025-01-02" } } });
  const after = assessment(
    {},
    { DG1: { items: ["a-item"], dates: { "a-item": "2025-02-03", "b-item": "2025-03-04" }, dated: "2025-05-06" } },
  );
  const entries = H.diffAssessments(before, after, "Ana", T1);
  assert.deepEqual(
    entries.map((entry) => [entry.field, entry.from, entry.to]),
    [
      ["extra:dated", null, "2025-05-06"],
      ["extra:dates:a-item", "2025-01-02", "2025-02-03"],
      ["extra:dates:b-item", null, "2025-03-04"],
    ],
  );
  const read = readHistory(JSON.parse(JSON.stringify(H.append(undefined, entries).history)));
  assert.equal(read.ok, true);
  assert.equal(read.history.entries.length, 3);
  const bad = JSON.parse(JSON.stringify(H.append(undefined, entries).history));
  bad.entries[0].field = "extra:__proto__";
  assert.equal(readHistory(bad).ok, false);
});
