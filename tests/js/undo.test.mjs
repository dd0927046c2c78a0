/* Unit tests of selfcheck/src/lib/undo.js: an undo restores only what the replacement changed. */
import assert from "node:assert/strict";
import test from "node:test";

import { applyUndo, undoRecord } from "../../selfcheck/src/lib/undo.js";

test("undo after start over brings back every answer and entry when nothing changed since", () => {
  const before = { answers: { DG1: "yes", DG2: "no" }, evidence: { DG1: { items: ["a"], notes: "n" } } };
  const record = undoRecord(before, { answers: {}, evidence: {} });
  const current = { answers: {}, evidence: {} };
  assert.deepEqual(applyUndo(current, record), []);
  assert.deepEqual(current, before);
});

test("undo keeps an answer another tab gave after the start over (issue 24, item 8)", () => {
  const record = undoRecord({ answers: { DG1: "yes" }, evidence: {} }, { answers: {}, evidence: {} });
  // Tab B answered OD1 and changed DG1 after tab A started over.
  const current = { answers: { OD1: "yes", DG1: "no" }, evidence: {} };
  assert.deepEqual(applyUndo(current, record), ["DG1"]);
  assert.deepEqual(current.answers, { OD1: "yes", DG1: "no" });
});

test("undo of an import that replaced answers restores the old ones the import overwrote", () => {
  const record = undoRecord(
    { answers: { DG1: "yes", DG2: "no" }, evidence: {} },
    { answers: { DG1: "no", DG3: "yes" }, evidence: { DG3: { items: ["x"] } } },
  );
  const current = { answers: { DG1: "no", DG3: "yes", EVAL1: "yes" }, evidence: { DG3: { items: ["x"] } } };
  assert.deepEqual(applyUndo(current, record), []);
  assert.deepEqual(current, { answers: { DG1: "yes", DG2: "no", EVAL1: "yes" }, evidence: {} });
});

test("criterion ids named like Object members are restored as own keys", () => {
  const record = undoRecord(
    { answers: JSON.parse('{"__proto__":"yes"}'), evidence: {} },
    { answers: {}, evidence: {} },
  );
  const current = { answers: {}, evidence: {} };
  applyUndo(current, record);
  assert.equal(Object.hasOwn(current.answers, "__proto__"), true);
  assert.equal(Object.getPrototypeOf(current.answers), Object.prototype);
});
