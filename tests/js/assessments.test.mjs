/* Unit tests of selfcheck/src/lib/assessments.js (the self-check model over the store). */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCStore from "../../selfcheck/src/lib/store.js";
import * as WWCAssessments from "../../selfcheck/src/lib/assessments.js";
import { assessment45, makeEdition, memory } from "./helpers.mjs";

const EDITIONS = [assessment45(), makeEdition([["commit", "Q", 50, null]], { id: "launch-50" })];

/* A window stand-in that delivers storage events to listeners, as another tab's writes would. */
function fakeWindow() {
  const listeners = [];
  return {
    listeners,
    addEventListener: (type, cb) => type === "storage" && listeners.push(cb),
    fire: (key) => listeners.forEach((cb) => cb({ key })),
  };
}

function openModel(storage, extra) {
  return WWCAssessments.open(
    Object.assign(
      {
        WWCStore,
        key: "k",
        legacyKey: "old",
        storage,
        editions: EDITIONS,
        editionId: "assessment-45",
        texts: { new_name: "Assessment", migrated_name: "Saved answers" },
      },
      extra || {},
    ),
  );
}

test("a fresh browser: a draft until the first answer, which creates and opens the assessment", () => {
  const storage = memory();
  const model = openModel(storage);
  assert.equal(model.current().id, null);
  assert.equal(model.current().name, "Assessment");
  assert.equal(storage.items.has("k"), false);
  assert.equal(
    model.change((a) => {
      a.answers.DG1 = "yes";
    }).ok,
    true,
  );
  const id = model.current().id;
  assert.ok(id);
  assert.deepEqual(openModel(storage).current().answers, { DG1: "yes" }, "a reload opens the same assessment");
  assert.equal(openModel(storage).current().id, id);
});

test("two named assessments; opening one of another edition asks to navigate", () => {
  const storage = memory();
  const model = openModel(storage);
  model.create({ name: "2025 application", city: "Town", date: "2025-03-01" });
  model.change((a) => {
    a.answers.DG1 = "no";
  });
  const first = model.current().id;
  model.create({ name: "2026 draft" });
  model.change((a) => {
    a.answers.DG1 = "yes";
  });
  assert.equal(model.current().name, "2026 draft");
  assert.deepEqual(model.openAssessment(first), { ok: true });
  assert.equal(model.current().answers.DG1, "no");
  const other = model.create({ name: "launch", edition: "launch-50" });
  assert.equal(model.current().id, first, "creating for another edition does not open it here");
  assert.deepEqual(model.openAssessment(other.id), { ok: true, navigate: "launch-50" });
  assert.equal(model.list().length, 3);
});

test("remove and undo; the open assessment moves to another one", () => {
  const storage = memory();
  const model = openModel(storage);
  model.create({ name: "a" });
  const a = model.current().id;
  model.create({ name: "b" });
  const b = model.current().id;
  assert.equal(model.remove(b).ok, true);
  assert.equal(model.current().id, a);
  model.undoRemove(b);
  assert.equal(model.list().length, 2);
});

test("import into the open assessment, undo it, and undo the undo: nothing lost", () => {
  const model = openModel(memory());
  model.change((a) => {
    a.answers.DG1 = "yes";
    a.answers.DG2 = "no";
  });
  model.importInto({ answers: { DG1: "no", DG3: "yes" }, evidence: {} });
  assert.deepEqual(model.current().answers, { DG1: "no", DG3: "yes" });
  model.change((a) => {
    a.answers.DG4 = "yes";
  });
  assert.equal(model.canUndoImport(), true);
  model.undoImport();
  assert.deepEqual(model.current().answers, { DG1: "yes", DG2: "no" });
  model.undoImport();
  assert.deepEqual(model.current().answers, { DG1: "no", DG3: "yes", DG4: "yes" });
});

test("a replace takes the file's city and date; its undo gives the old ones back", () => {
  const model = openModel(memory());
  model.change((a) => {
    a.answers.DG1 = "yes";
    a.city = "Here";
    a.date = "2025-01-01";
  });
  model.importInto({ answers: { DG2: "no" }, evidence: {}, city: "There", date: "2026-02-02" });
  assert.deepEqual(
    [model.current().city, model.current().date, model.current().answers],
    ["There", "2026-02-02", { DG2: "no" }],
  );
  model.undoImport();
  assert.deepEqual(
    [model.current().city, model.current().date, model.current().answers],
    ["Here", "2025-01-01", { DG1: "yes" }],
  );
});

test("storage event: another tab's change is picked up and reported; unrelated keys ignored", () => {
  const storage = memory();
  const win = fakeWindow();
  const tabA = openModel(storage, { win });
  tabA.change((a) => {
    a.answers.DG1 = "yes";
  });
  const tabB = openModel(storage);
  tabB.change((a) => {
    a.answers.DG2 = "no";
  });
  let calls = 0;
  tabA.onExternalChange(() => {
    calls += 1;
  });
  win.fire("unrelated");
  assert.equal(calls, 0);
  win.fire("k");
  assert.equal(calls, 1);
  assert.deepEqual(tabA.current().answers, { DG1: "yes", DG2: "no" });
});

test("status: saving fails, is reported on each change, and clears when saving works again", () => {
  const storage = memory();
  const model = openModel(storage);
  model.change((a) => {
    a.answers.DG1 = "yes";
  });
  const answerYes = (id) => model.change((a) => Object.assign(a.answers, { [id]: "yes" })).ok;
  storage.failWrite = true;
  assert.equal(answerYes("DG2"), false);
  assert.equal(model.status().saveFailed, true);
  assert.equal(model.current().answers.DG2, "yes");
  storage.failWrite = false;
  assert.equal(answerYes("DG3"), true);
  assert.equal(model.status().saveFailed, false);
  assert.deepEqual(openModel(storage).current().answers, { DG1: "yes", DG2: "yes", DG3: "yes" });
});

/* Issue 24 (6): an edition id that names a member every object inherits, in the current store key or
   in the legacy one, must not break start-up: the page opens its own edition and reports the rest. */
for (const edition of ["constructor", "__proto__", "toString"]) {
  test(`a stored assessment of edition "${edition}" is kept aside and the page still opens`, () => {
    const current = memory();
    current.items.set(
      "k",
      `{"format":"wwc-guide-self-check-store","version":2,"revision":1,"current":{"${edition}":"x1"},` +
        `"assessments":[{"id":"x1","edition":"${edition}","name":"Odd","answers":{"DG1":"yes"},"evidence":{}}]}`,
    );
    const legacy = memory();
    legacy.items.set("old", `{"version":1,"answers":{"${edition}":{"DG1":"yes"},"assessment-45":{"DG2":"no"}}}`);
    for (const storage of [current, legacy]) {
      const model = openModel(storage);
      assert.equal(model.editionId(), "assessment-45");
      const opened = model.current();
      assert.equal(opened.edition, "assessment-45");
      const aside = model.status().keptAside.filter((entry) => entry.kind === "unknown-edition");
      assert.deepEqual(
        aside.map((entry) => entry.edition),
        [edition],
      );
      const changed = model.change((a) => {
        a.answers.DG3 = "yes";
      });
      assert.equal(changed.ok, true);
    }
  });
}
