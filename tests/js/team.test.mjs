/* Unit tests of team work in the model: the person's name (lib/person-setting.js), history recorded
   at the model's one door (lib/assessments.js), and two tabs sharing one storage. */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCAssessments from "../../selfcheck/src/lib/assessments.js";
import * as person from "../../selfcheck/src/lib/person-setting.js";
import { assessment45, memory } from "./helpers.mjs";

const EDITIONS = [assessment45()];

/* A clock that moves one minute per call, so every change has its own time. */
function clock() {
  let t = Date.parse("2026-03-02T09:00:00.000Z");
  return () => {
    t += 60000;
    return new Date(t);
  };
}

function openModel(storage, who, extra) {
  return WWCAssessments.open(
    Object.assign(
      {
        key: "k",
        storage,
        editions: EDITIONS,
        editionId: "assessment-45",
        texts: { new_name: "Assessment", migrated_name: "Saved answers" },
        now: clock(),
        who: () => who.name,
      },
      extra || {},
    ),
  );
}

test("every change through the model is recorded with who and when, the draft's first change too", () => {
  const storage = memory();
  const who = { name: "Ana" };
  const model = openModel(storage, who);
  model.change((a) => {
    a.answers.DG1 = "yes";
  });
  who.name = "Ben";
  model.change((a) => {
    a.evidence.DG1 = { items: ["x-item"], notes: "asked", owner: "", due: "", links: [] };
  });
  model.setDetails(model.current().id, { city: "Springfield" });
  model.rename(model.current().id, "2026 application");
  const entries = model.current().history.entries;
  // Entries of one change share its time; their order within it is by id: compare sorted.
  const key = (e) => `${e.at} ${e.criterion} ${e.field}`;
  entries.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  assert.deepEqual(
    entries.map((e) => [e.who, e.criterion, e.field, e.from, e.to]),
    [
      ["Ana", "DG1", "answer", null, "yes"],
      ["Ben", "DG1", "notes", "", "asked"],
      ["Ben", "DG1", "tick:x-item", false, true],
      ["Ben", "", "city", "", "Springfield"],
      ["Ben", "", "name", "Assessment", "2026 application"],
    ],
  );
  assert.ok(entries.every((e) => /^2026-03-02T09:\d\d:00\.000Z$/.test(e.at)));
});

test("a change written again after a failed write is recorded once; an undo of an import is a change of its own", () => {
  const storage = memory();
  const model = openModel(storage, { name: "Ana" });
  model.change((a) => {
    a.answers.DG1 = "no";
  });
  storage.failWrite = true;
  model.change((a) => {
    a.answers.DG2 = "yes";
  });
  storage.failWrite = false;
  model.change((a) => {
    a.answers.DG3 = "yes";
  });
  const stored = JSON.parse(storage.items.get("k")).assessments[0];
  assert.deepEqual(
    stored.history.entries.map((e) => e.criterion),
    ["DG1", "DG2", "DG3"],
  );
  model.importInto({ answers: { DG1: "yes" }, evidence: {} });
  model.undoImport();
  const entries = model.current().history.entries.slice(3);
  // Entries of one change share its time; their order within it is by id.
  const fields = [entries.slice(0, 3), entries.slice(3)].map((list) =>
    list.map((e) => [e.criterion, e.from, e.to]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );
  assert.ok(entries[0].at < entries[3].at);
  assert.deepEqual(fields[0], [
    ["DG1", "no", "yes"],
    ["DG2", "yes", null],
    ["DG3", "yes", null],
  ]);
  assert.deepEqual(fields[1], [
    ["DG1", "yes", "no"],
    ["DG2", null, "yes"],
    ["DG3", null, "yes"],
  ]);
});

test("an import that carries a history merges it without duplicates", () => {
  const storage = memory();
  const model = openModel(storage, { name: "Ana" });
  model.change((a) => {
    a.answers.DG1 = "no";
  });
  const mine = model.current().history;
  const theirs = JSON.parse(JSON.stringify(mine));
  const other = openModel(memory(), { name: "Ben" });
  other.change((a) => {
    a.answers.DG2 = "yes";
  });
  theirs.entries = theirs.entries.concat(other.current().history.entries);
  model.importInto({ answers: { DG1: "no", DG2: "yes" }, evidence: {}, history: theirs });
  const entries = model.current().history.entries;
  assert.equal(entries.filter((e) => e.who === "Ana" && e.criterion === "DG1").length, 1);
  assert.equal(entries.filter((e) => e.who === "Ben" && e.criterion === "DG2").length, 1);
  // The import itself, by Ana, is recorded too.
  assert.equal(entries.filter((e) => e.who === "Ana" && e.criterion === "DG2").length, 1);
});

test("two tabs: two first visits make one assessment; changes to the same one both land", () => {
  const storage = memory();
  const tabA = openModel(storage, { name: "Ana" });
  const tabB = openModel(storage, { name: "Ben" });
  assert.equal(tabA.current().id, null);
  assert.equal(tabB.current().id, null);
  tabA.change((a) => {
    a.answers.DG1 = "yes";
  });
  // Tab B has not had the storage event yet: its first change still goes to A's assessment.
  tabB.change((a) => {
    a.answers.DG2 = "no";
  });
  const record = JSON.parse(storage.items.get("k"));
  assert.equal(record.assessments.length, 1);
  assert.deepEqual(record.assessments[0].answers, { DG1: "yes", DG2: "no" });
  assert.deepEqual(
    record.assessments[0].history.entries.map((e) => e.who),
    ["Ana", "Ben"],
  );
});

test("the person's name: normalised, kept in memory when storage throws, never throwing", () => {
  const storage = memory();
  person.configurePerson({ key: "p", storage });
  assert.equal(person.currentPerson(), "");
  const heard = [];
  person.onPersonChange((name) => heard.push(name));
  assert.deepEqual(person.setPerson("  Ana   Lopez \n"), { ok: true, name: "Ana Lopez", saved: true });
  assert.equal(storage.items.get("p"), "Ana Lopez");
  assert.deepEqual(person.setPerson("Ana\u202eBen"), { ok: false, reason: "control-characters" });
  assert.equal(person.currentPerson(), "Ana Lopez");
  storage.failWrite = true;
  assert.deepEqual(person.setPerson("Ben"), { ok: true, name: "Ben", saved: false });
  assert.equal(person.currentPerson(), "Ben");
  person.clearPerson();
  assert.equal(person.currentPerson(), "");
  assert.deepEqual(heard, ["Ana Lopez", "Ben", ""]);
  // A stored value that is not a clean name is no name; a storage that throws on read is none.
  storage.items.set("p", "x\u0000y");
  assert.equal(person.currentPerson(), "");
  person.configurePerson({
    key: "p",
    storage: /** @type {any} */ ({
      getItem() {
        throw new Error("blocked");
      },
      setItem() {
        throw new Error("blocked");
      },
      removeItem() {
        throw new Error("blocked");
      },
    }),
  });
  assert.equal(person.currentPerson(), "");
  assert.equal(person.setPerson("Ana").saved, false);
  assert.equal(person.currentPerson(), "Ana");
  person.clearPerson();
});

/* ---- history travels: export file and merge ----------------------------------------------- */

const EXPORT_SETTINGS = { format: "wwc-guide-self-check", version: 3, import_versions: [1, 2, 3], max_bytes: 1048576 };

function recordedAssessment() {
  const model = openModel(memory(), { name: "Ana" });
  model.change((a) => {
    a.answers.DG1 = "yes";
    a.evidence.DG1 = { items: ["x-item"], notes: "signed copy", owner: "Data office", due: "", links: [] };
  });
  return model.current();
}

test("an export carries the history; importing it gives the same entries, and a tampered one is refused", async () => {
  const { buildExport, importedHistory, parseExport } = await import("../../selfcheck/src/lib/export.js");
  const assessment = recordedAssessment();
  const file = buildExport(EXPORT_SETTINGS, assessment, {}, new Date("2026-03-03T00:00:00.000Z"));
  const text = JSON.stringify(file);
  const parsed = parseExport(text, text.length, EXPORT_SETTINGS, ["assessment-45"]);
  assert.equal(parsed.ok, true);
  assert.deepEqual(importedHistory(parsed.data), assessment.history);
  // An entry's id is recomputed, never trusted: a forged id is simply replaced.
  file.history.entries[0].id = "forged";
  const forged = JSON.stringify(file);
  const reread = parseExport(forged, forged.length, EXPORT_SETTINGS, ["assessment-45"]);
  assert.equal(importedHistory(reread.data).entries[0].id, assessment.history.entries[0].id);
  for (const bad of [
    { who: "Ana\u202eBen" },
    { who: "" },
    { at: "2026-03-02" },
    { field: "tick:<script>" },
    { criterion: "__proto__" },
    { from: { nested: true } },
  ]) {
    const copy = JSON.parse(text);
    Object.assign(copy.history.entries[0], bad);
    const again = JSON.stringify(copy);
    const refused = parseExport(again, again.length, EXPORT_SETTINGS, ["assessment-45"]);
    assert.equal(refused.ok, false, JSON.stringify(bad));
    assert.equal(refused.error.code, "invalid");
    assert.match(refused.error.details.problems, /^history: a history of changes \(entries\[0\]\.\w+ is not valid\)$/);
  }
  // A file of a version this page does not read yet is refused as newer.
  const newer = JSON.stringify(Object.assign(JSON.parse(text), { version: 4 }));
  assert.equal(parseExport(newer, newer.length, EXPORT_SETTINGS, ["assessment-45"]).error.code, "newer-version");
});

test("a merge combines both histories, each change once", async () => {
  const merge = await import("../../selfcheck/src/lib/merge.js");
  const here = recordedAssessment();
  const there = JSON.parse(JSON.stringify(here));
  const other = openModel(memory(), { name: "Ben" });
  other.change((a) => {
    a.answers.DG2 = "no";
  });
  there.answers.DG2 = "no";
  there.history.entries = there.history.entries.concat(other.current().history.entries);
  const merged = merge.apply(here, there, { DG2: "there" });
  assert.deepEqual(merged.history.entries.map((e) => `${e.who} ${e.criterion} ${e.field}`).sort(), [
    "Ana DG1 answer",
    "Ana DG1 notes",
    "Ana DG1 owner",
    "Ana DG1 tick:x-item",
    "Ben DG2 answer",
  ]);
  // Merging the result again adds nothing.
  assert.equal(merge.apply(merged, there, {}).history.entries.length, 5);
});

/* One browser's storage as two tabs see it: each tab reads its own copy, brought up to date only
   when the test says (as a browser does a moment after another tab's write); writes go through. */
function sharedStorage() {
  const backing = new Map();
  return {
    backing,
    tab() {
      const copy = new Map(backing);
      return {
        getItem: (k) => (copy.has(k) ? copy.get(k) : null),
        setItem(k, v) {
          copy.set(k, String(v));
          backing.set(k, String(v));
        },
        removeItem(k) {
          copy.delete(k);
          backing.delete(k);
        },
        sync() {
          copy.clear();
          backing.forEach((v, k) => {
            copy.set(k, v);
          });
        },
      };
    },
  };
}

test("a tab that wrote over another tab's write it had not seen yet loses nothing: the other writes again", () => {
  const shared = sharedStorage();
  const one = shared.tab();
  const two = shared.tab();
  const tabOne = openModel(one, { name: "Ana" });
  const tabTwo = openModel(two, { name: "Ben" });
  tabOne.change((a) => {
    a.answers.DG1 = "yes";
  });
  // Tab two has not seen tab one's write: it writes over it (its own first assessment).
  tabTwo.change((a) => {
    a.answers.DG2 = "no";
  });
  assert.deepEqual(JSON.parse(shared.backing.get("k")).assessments[0].answers, { DG2: "no" });
  // Tab one's copy catches up and its storage event arrives: its write is missing, so it writes again.
  one.sync();
  tabOne.handleStorageEvent({ key: "k" });
  two.sync();
  tabTwo.handleStorageEvent({ key: "k" });
  const record = JSON.parse(shared.backing.get("k"));
  // Both first visits chose the same id: one assessment, with both answers and both histories.
  assert.equal(record.assessments.length, 1);
  assert.deepEqual(record.assessments[0].answers, { DG1: "yes", DG2: "no" });
  assert.deepEqual(record.assessments[0].history.entries.map((e) => e.who).sort(), ["Ana", "Ben"]);
  // Confirmed writes are not written again.
  const revision = record.revision;
  tabOne.handleStorageEvent({ key: "k" });
  tabTwo.handleStorageEvent({ key: "k" });
  assert.equal(JSON.parse(shared.backing.get("k")).revision, revision);
});

test("two tabs on different assessments: a write over the other's is repaired the same way", () => {
  const shared = sharedStorage();
  const one = shared.tab();
  const tabOne = openModel(one, { name: "Ana" });
  tabOne.change((a) => {
    a.answers.DG1 = "yes";
  });
  const two = shared.tab();
  const tabTwo = openModel(two, { name: "Ben" });
  tabTwo.create({ name: "Second" });
  tabTwo.change((a) => {
    a.answers.DG3 = "no";
  });
  // Tab one, not yet up to date, answers in its own assessment: it writes over tab two's.
  tabOne.change((a) => {
    a.answers.DG2 = "yes";
  });
  two.sync();
  tabTwo.handleStorageEvent({ key: "k" });
  one.sync();
  tabOne.handleStorageEvent({ key: "k" });
  const byName = Object.fromEntries(JSON.parse(shared.backing.get("k")).assessments.map((a) => [a.name, a.answers]));
  assert.deepEqual(byName, { Assessment: { DG1: "yes", DG2: "yes" }, Second: { DG3: "no" } });
});
