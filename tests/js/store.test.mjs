/* Unit tests of selfcheck/src/lib/store.js against storages that fail as real ones do. */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCStore from "../../selfcheck/src/lib/store.js";
import { assessment45, makeEdition } from "./helpers.mjs";

const KEY = "test:store";
const LEGACY = "test:v1";
const A45 = assessment45();
const L50 = makeEdition([["commit", "Q", 50, null]], { id: "launch-50" });
const EDITIONS = [A45, L50];

/* A Storage-like object shared by "tabs"; faults are switched on by flags. */
function fakeStorage() {
  const items = new Map();
  return {
    items,
    failRead: false,
    failWrite: false,
    limit: Infinity,
    reads: 0,
    writes: 0,
    getItem(key) {
      this.reads += 1;
      if (this.failRead) {
        throw new Error("SecurityError");
      }
      return items.has(key) ? items.get(key) : null;
    },
    setItem(key, value) {
      if (this.failWrite) {
        throw new Error("write refused");
      }
      const size = [...items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
      if (size + key.length + String(value).length > this.limit) {
        const error = new Error("quota");
        error.name = "QuotaExceededError";
        throw error;
      }
      this.writes += 1;
      items.set(key, String(value));
    },
    removeItem(key) {
      items.delete(key);
    },
  };
}

let ids = 0;
function openStore(storage, extra) {
  return WWCStore.open(
    Object.assign(
      {
        key: KEY,
        legacyKey: LEGACY,
        storage,
        editions: EDITIONS,
        migratedName: "Saved answers",
        makeId: () => `a-test${(ids += 1)}`,
      },
      extra || {},
    ),
  );
}

function stored(storage) {
  return JSON.parse(storage.items.get(KEY));
}

function answerOf(store, id, criterion) {
  return store.get(id).answers[criterion];
}

test("create, name, rename, set details, duplicate: each saved with a new revision", () => {
  const storage = fakeStorage();
  const store = openStore(storage);
  const made = store.create({ name: "2025 application", edition: "assessment-45", city: "Town", date: "2025-03-01" });
  assert.equal(made.ok, true);
  assert.equal(stored(storage).revision, 1);
  store.changeAssessment(made.id, (a) => {
    a.answers.DG1 = "yes";
  });
  const copy = store.duplicate(made.id, "2026 draft");
  assert.equal(copy.ok, true);
  assert.notEqual(copy.id, made.id);
  store.rename(made.id, "2025 final");
  store.setDetails(copy.id, { city: "Town B", date: "2026-01-31" });
  const record = stored(storage);
  assert.equal(record.revision, 5);
  assert.deepEqual(
    record.assessments.map((a) => [a.name, a.city, a.date, a.answers.DG1]),
    [
      ["2025 final", "Town", "2025-03-01", "yes"],
      ["2026 draft", "Town B", "2026-01-31", "yes"],
    ],
  );
  // A duplicate is a copy: changing it leaves the original alone.
  store.changeAssessment(copy.id, (a) => {
    a.answers.DG1 = "no";
  });
  assert.equal(answerOf(store, made.id, "DG1"), "yes");
  assert.equal(store.list("assessment-45").length, 2);
  assert.equal(store.list("launch-50").length, 0);
});

test("delete goes to the trash and can be undone, also after a reload", () => {
  const storage = fakeStorage();
  const store = openStore(storage);
  const made = store.create({ name: "x", edition: "assessment-45", answers: { DG1: "yes" } });
  store.setCurrent("assessment-45", made.id);
  assert.equal(store.remove(made.id).ok, true);
  assert.equal(store.list().length, 0);
  assert.equal(store.current("assessment-45"), null);
  const reloaded = openStore(storage);
  assert.equal(reloaded.trash()[0].assessment.id, made.id);
  assert.equal(reloaded.undoRemove(made.id).ok, true);
  assert.deepEqual(reloaded.get(made.id).answers, { DG1: "yes" });
  assert.equal(reloaded.trash().length, 0);
});

test("the version 1 record migrates into one assessment per edition; the old key is kept", () => {
  const storage = fakeStorage();
  const legacy = JSON.stringify({
    version: 1,
    edition: "launch-50",
    answers: {
      "assessment-45": { DG1: "yes", EVAL2: "no" },
      "launch-50": { Q1: "in-progress" },
      "old-edition": { X1: "yes" },
    },
    saved: "2025-01-02T03:04:05.000Z",
  });
  storage.items.set(LEGACY, legacy);
  const store = openStore(storage);
  const list = store.list();
  assert.deepEqual(
    list.map((a) => [a.edition, a.name, a.answers]),
    [
      ["assessment-45", "Saved answers", { DG1: "yes", EVAL2: "no" }],
      ["launch-50", "Saved answers", { Q1: "in-progress" }],
      ["old-edition", "Saved answers", { X1: "yes" }],
    ],
  );
  assert.equal(store.current("assessment-45"), list[0].id);
  // The unknown edition is kept and reported, never dropped.
  assert.deepEqual(
    store.status().keptAside.map((e) => [e.kind, e.edition]),
    [["unknown-edition", "old-edition"]],
  );
  assert.deepEqual(
    store.keptAsideData().map((a) => a.answers),
    [{ X1: "yes" }],
  );
  // Nothing is written until the first change; then the migration is saved and the old key stays.
  assert.equal(storage.items.has(KEY), false);
  store.changeAssessment(list[0].id, (a) => {
    a.answers.DG2 = "yes";
  });
  assert.equal(stored(storage).assessments.length, 3);
  assert.equal(storage.items.get(LEGACY), legacy);
  assert.equal(stored(storage).migrated[0].from, LEGACY);
});

test("the interim one-assessment-per-edition record under the old key migrates whole", () => {
  const storage = fakeStorage();
  storage.items.set(
    LEGACY,
    JSON.stringify({
      version: 2,
      assessments: {
        "assessment-45": {
          id: "x",
          name: "",
          city: "Town",
          date: "2026-01-02",
          answers: { DG1: "yes" },
          evidence: { DG1: { items: ["dg1-a"], notes: "n", owner: "", due: "", links: [] } },
        },
      },
    }),
  );
  const [migrated] = openStore(storage).list();
  assert.deepEqual(
    [migrated.name, migrated.city, migrated.answers, migrated.evidence.DG1.notes],
    ["Saved answers", "Town", { DG1: "yes" }, "n"],
  );
});

test("two tabs migrating the same old record make the same assessments (no answer lost)", () => {
  const storage = fakeStorage();
  storage.items.set(LEGACY, JSON.stringify({ version: 1, answers: { "assessment-45": { DG1: "yes" } } }));
  const tabA = openStore(storage);
  const tabB = openStore(storage);
  const id = tabA.list()[0].id;
  assert.equal(tabB.list()[0].id, id);
  tabA.changeAssessment(id, (a) => {
    a.answers.DG2 = "yes";
  });
  tabB.changeAssessment(id, (a) => {
    a.answers.DG3 = "no";
  });
  assert.deepEqual(
    stored(storage).assessments.map((a) => a.answers),
    [{ DG1: "yes", DG2: "yes", DG3: "no" }],
  );
});

test("a stale tab never overwrites newer answers: every write re-reads the latest record", () => {
  const storage = fakeStorage();
  const tabA = openStore(storage);
  const id = tabA.create({ name: "n", edition: "assessment-45" }).id;
  const tabB = openStore(storage);
  tabA.changeAssessment(id, (a) => {
    a.answers.DG1 = "yes";
  });
  tabA.changeAssessment(id, (a) => {
    a.answers.DG2 = "no";
  });
  // Tab B never saw those answers; its change must keep them.
  tabB.changeAssessment(id, (a) => {
    a.answers.DG3 = "in-progress";
  });
  assert.deepEqual(stored(storage).assessments[0].answers, { DG1: "yes", DG2: "no", DG3: "in-progress" });
  assert.equal(stored(storage).revision, 4);
  // refresh() (the storage event) brings tab A up to date and says something changed.
  const refreshed = tabA.refresh();
  assert.equal(refreshed.changed, true);
  assert.equal(answerOf(tabA, id, "DG3"), "in-progress");
  assert.equal(tabA.refresh().changed, false);
});

test("a change to an assessment another tab deleted is reported, not dropped silently", () => {
  const storage = fakeStorage();
  const tabA = openStore(storage);
  const id = tabA.create({ name: "n", edition: "assessment-45" }).id;
  const tabB = openStore(storage);
  tabA.remove(id);
  assert.deepEqual(
    tabB.changeAssessment(id, (a) => {
      a.answers.DG1 = "yes";
    }),
    { ok: false, reason: "missing" },
  );
});

test("reading fails but writing works: reported, nothing written, changes kept and saved once reading works", () => {
  const storage = fakeStorage();
  const first = openStore(storage);
  const id = first.create({ name: "saved", edition: "assessment-45", answers: { DG1: "yes", DG2: "yes" } }).id;
  const before = storage.items.get(KEY);
  storage.failRead = true;
  const store = openStore(storage);
  assert.equal(store.status().readFailed, true);
  assert.equal(store.list().length, 0);
  const made = store.create({ name: "new here", edition: "assessment-45", answers: { DG5: "no" } });
  assert.deepEqual([made.ok, made.reason], [false, "read-failed"]);
  assert.equal(storage.items.get(KEY), before, "nothing is written over data that could not be read");
  assert.equal(store.list().length, 1, "the change is shown (and exportable) from memory");
  assert.equal(store.status().unsaved, 1);
  storage.failRead = false;
  const retried = store.update();
  assert.equal(retried.ok, true);
  assert.deepEqual(
    stored(storage).assessments.map((a) => a.name),
    ["saved", "new here"],
  );
  assert.deepEqual(stored(storage).assessments[0].answers, { DG1: "yes", DG2: "yes" });
  assert.equal(store.status().readFailed, false);
  assert.equal(answerOf(store, id, "DG2"), "yes");
});

test("writing fails (storage full): the change stays shown, is reported, and is written later", () => {
  const storage = fakeStorage();
  const store = openStore(storage);
  const id = store.create({ name: "n", edition: "assessment-45", answers: { DG1: "yes" } }).id;
  storage.limit = storage.items.get(KEY).length + KEY.length + 10;
  const big = "x".repeat(500);
  const result = store.changeAssessment(id, (a) => {
    a.evidence.DG1 = { items: [], notes: big, owner: "", due: "", links: [] };
  });
  assert.deepEqual(result, { ok: false, reason: "failed" });
  assert.equal(store.status().saving, "failed");
  assert.equal(store.get(id).evidence.DG1.notes, big, "shown from memory, so an export includes it");
  assert.deepEqual(stored(storage).assessments[0].answers, { DG1: "yes" }, "the saved record is intact");
  const second = store.changeAssessment(id, (a) => {
    a.answers.DG2 = "no";
  });
  assert.equal(second.ok, false);
  storage.limit = Infinity;
  assert.equal(
    store.changeAssessment(id, (a) => {
      a.answers.DG3 = "yes";
    }).ok,
    true,
  );
  const saved = stored(storage).assessments[0];
  assert.deepEqual(saved.answers, { DG1: "yes", DG2: "no", DG3: "yes" });
  assert.equal(saved.evidence.DG1.notes, big);
  assert.equal(store.status().saving, "saved");
  assert.equal(store.status().unsaved, 0);
});

test("a record from a newer version is kept untouched and reported (read-only)", () => {
  const storage = fakeStorage();
  const newer = JSON.stringify({ format: WWCStore.FORMAT, version: WWCStore.VERSION + 1, whatever: [1, 2] });
  storage.items.set(KEY, newer);
  const store = openStore(storage);
  assert.equal(store.status().newerVersion, WWCStore.VERSION + 1);
  const made = store.create({ name: "n", edition: "assessment-45" });
  assert.equal(made.ok, false);
  assert.equal(made.reason, "newer");
  assert.equal(storage.items.get(KEY), newer);
  assert.equal(store.list().length, 1);
});

test("corrupt text is copied aside (verified) before a fresh record is started", () => {
  const storage = fakeStorage();
  storage.items.set(KEY, "{not json");
  const store = openStore(storage, { now: () => new Date("2026-01-01T00:00:00Z") });
  const copyKey = store.status().unreadableCopy;
  assert.equal(storage.items.get(copyKey), "{not json");
  store.refresh();
  assert.equal(
    [...storage.items.keys()].filter((k) => k.includes("unreadable")).length,
    1,
    "one copy, not one per read",
  );
  assert.equal(store.create({ name: "n", edition: "assessment-45" }).ok, true);
  assert.equal(storage.items.get(copyKey), "{not json");
});

test("corrupt text that cannot be copied aside is never written over", () => {
  const storage = fakeStorage();
  storage.items.set(KEY, JSON.stringify({ format: WWCStore.FORMAT, version: 2, assessments: "nope" }));
  storage.failWrite = true;
  const store = openStore(storage);
  assert.equal(store.status().corrupt, true);
  storage.failWrite = false;
  storage.limit = storage.items.get(KEY).length + KEY.length + 5; // room for nothing more
  assert.equal(store.create({ name: "n", edition: "assessment-45" }).reason, "corrupt");
  assert.match(storage.items.get(KEY), /"nope"/);
});

test("no storage at all: unavailable, changes kept in memory, no call throws", () => {
  const store = openStore(null);
  assert.equal(store.status().available, false);
  const made = store.create({ name: "n", edition: "assessment-45" });
  assert.equal(made.ok, false);
  assert.equal(store.list().length, 1);
});

test("unknown criteria and answer states are kept in the record and reported", () => {
  const storage = fakeStorage();
  const store = openStore(storage);
  const id = store.create({
    name: "n",
    edition: "assessment-45",
    answers: { DG1: "yes", ZZ9: "yes", DG2: "maybe" },
    evidence: { ZZ9: { items: [] } },
  }).id;
  store.changeAssessment(id, (a) => {
    a.answers.DG3 = "no";
  });
  assert.deepEqual(stored(storage).assessments[0].answers, { DG1: "yes", ZZ9: "yes", DG2: "maybe", DG3: "no" });
  assert.deepEqual(
    store.status().keptAside.map((e) => [e.kind, e.id]),
    [
      ["unknown-criterion", "ZZ9"],
      ["unknown-state", "DG2"],
      ["unknown-evidence", "ZZ9"],
    ],
  );
});

test("fields the store does not know are kept when it writes", () => {
  const storage = fakeStorage();
  storage.items.set(
    KEY,
    JSON.stringify({
      format: WWCStore.FORMAT,
      version: 2,
      revision: 3,
      future: { x: 1 },
      assessments: [{ id: "a-1", name: "n", edition: "assessment-45", answers: {}, evidence: {}, extra: "keep me" }],
    }),
  );
  const store = openStore(storage);
  store.changeAssessment("a-1", (a) => {
    a.answers.DG1 = "yes";
  });
  const record = stored(storage);
  assert.deepEqual(record.future, { x: 1 });
  assert.equal(record.assessments[0].extra, "keep me");
  assert.equal(record.revision, 4);
});

test("property: random interleavings of two tabs' answers, with failing writes, lose no answer", () => {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const criteria = A45.groups.flatMap((g) => g.criteria.map((c) => c.id));
  for (let round = 0; round < 40; round += 1) {
    const storage = fakeStorage();
    const tabs = [openStore(storage), openStore(storage)];
    const id = tabs[0].create({ name: "n", edition: "assessment-45" }).id;
    tabs[1].refresh();
    const expected = {};
    for (let step = 0; step < 30; step += 1) {
      const tab = tabs[Math.floor(random() * 2)];
      const criterion = criteria[Math.floor(random() * criteria.length)];
      const answer = ["yes", "no", "in-progress"][Math.floor(random() * 3)];
      storage.failWrite = random() < 0.2;
      tab.changeAssessment(id, (a) => {
        a.answers[criterion] = answer;
      });
      expected[criterion] = answer;
    }
    storage.failWrite = false;
    tabs.forEach((tab) => tab.update());
    // The last writer's pending changes were applied last; replaying in order gives `expected`
    // except where a tab's held change was re-applied after a newer one of the other tab.
    const saved = stored(storage).assessments[0].answers;
    assert.deepEqual(
      Object.keys(saved).sort(),
      Object.keys(expected).sort(),
      `round ${round}: every answered criterion saved`,
    );
  }
});
