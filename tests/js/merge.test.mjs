/* Unit tests of selfcheck/src/lib/merge.js: the per-criterion diff, applying choices, compare. */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCMerge from "../../selfcheck/src/lib/merge.js";
import * as scoring from "../../selfcheck/src/lib/scoring.js";
import { assessment45, firstYes } from "./helpers.mjs";

const A45 = assessment45();
const ids = A45.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id));

function assessment(answers, evidence) {
  return { id: "a", name: "n", edition: A45.id, answers: answers || {}, evidence: evidence || {} };
}

test("diff: same, only here, only there, differ (answers and evidence)", () => {
  const here = assessment({ DG1: "yes", DG2: "no", DG3: "yes", DG4: "no" }, { DG4: { items: ["a"], notes: "" } });
  const there = assessment(
    { DG1: "yes", DG3: "no", DG4: "no", DG5: "yes" },
    { DG4: { items: ["b"] }, DG1: { items: [], notes: "" } },
  );
  const rows = WWCMerge.diff(A45, here, there);
  assert.equal(rows.length, 45);
  const kinds = Object.fromEntries(rows.slice(0, 6).map((row) => [row.id, row.kind]));
  assert.deepEqual(kinds, {
    DG1: "same",
    DG2: "only-here",
    DG3: "differ",
    DG4: "differ",
    DG5: "only-there",
    EVAL1: "same",
  });
  const dg4 = rows.find((row) => row.id === "DG4");
  assert.deepEqual([dg4.answerDiffers, dg4.evidenceDiffers], [false, true]);
  assert.deepEqual(WWCMerge.counts(rows), { same: 41, "only-here": 1, "only-there": 1, differ: 2 });
  assert.equal(rows.find((row) => row.id === "DG5").choice, "there");
  assert.equal(rows.find((row) => row.id === "DG3").choice, "here");
});

test("apply takes each chosen criterion (answer and evidence) from its side and keeps unknown ids", () => {
  const here = assessment({ DG1: "yes", DG2: "no", ZZ9: "yes" }, { DG1: { items: ["x"] } });
  const there = assessment({ DG1: "no", DG3: "yes" }, { DG3: { items: ["y"], notes: "n" } });
  const merged = WWCMerge.apply(here, there, { DG1: "there", DG2: "here", DG3: "there" });
  assert.deepEqual(merged.answers, { DG1: "no", DG2: "no", ZZ9: "yes", DG3: "yes" });
  assert.deepEqual(merged.evidence, { DG3: { items: ["y"], notes: "n" } });
  assert.deepEqual(here.answers, { DG1: "yes", DG2: "no", ZZ9: "yes" }, "the input is not changed");
});

test("property: applying the suggested choices never loses an answer either side had alone", () => {
  let seed = 99;
  const pick = (list) => list[(seed = (seed * 16807) % 2147483647) % list.length];
  for (let round = 0; round < 200; round += 1) {
    const here = assessment();
    const there = assessment();
    ids.forEach((id) => {
      const a = pick([null, "yes", "no", "in-progress"]);
      const b = pick([null, "yes", "no", "in-progress"]);
      if (a) here.answers[id] = a;
      if (b) there.answers[id] = b;
    });
    const rows = WWCMerge.diff(A45, here, there);
    const choices = Object.fromEntries(rows.map((row) => [row.id, row.choice]));
    const merged = WWCMerge.apply(here, there, choices);
    ids.forEach((id) => {
      const expected = here.answers[id] || there.answers[id];
      assert.equal(merged.answers[id], expected, `round ${round} ${id}`);
    });
    const replaced = WWCMerge.replaceAll(A45, here, there);
    ids.forEach((id) => assert.equal(replaced.answers[id], there.answers[id]));
  }
});

test("compare: tiers, met, per group and per criterion improved / worsened / changed; No -> In progress improves", () => {
  const from = assessment(firstYes(A45, 23));
  from.answers.RP1 = "no";
  const to = assessment(firstYes(A45, 31));
  delete to.answers.DG1;
  to.answers.DG1 = "in-progress";
  to.answers.RP1 = "in-progress";
  const result = WWCMerge.compare(A45, from, to, scoring);
  assert.deepEqual([result.from.met, result.from.tier, result.to.met, result.to.tier], [23, "silver", 29, "silver"]);
  const change = Object.fromEntries(result.criteria.map((row) => [row.id, row.change]));
  assert.equal(change.DG1, "worsened");
  assert.equal(change.RP1, "improved", "No -> In progress is a step up the edition's order of states");
  assert.equal(change.DG2, "same");
  assert.deepEqual(result.tally, { improved: 8, worsened: 1, changed: 0, same: 36 });
  assert.equal(
    result.groups.reduce((sum, group) => sum + group.delta, 0),
    6,
  );
  assert.equal(result.groups[0].delta, -1);
});

test("compare: an answer given or cleared at the lowest rank is changed, In progress -> No worsened", () => {
  const from = assessment({ DG1: "in-progress", DG2: "no" });
  const to = assessment({ DG1: "no", DG3: "no" });
  const change = Object.fromEntries(
    WWCMerge.compare(A45, from, to, scoring).criteria.map((row) => [row.id, row.change]),
  );
  assert.deepEqual([change.DG1, change.DG2, change.DG3, change.DG4], ["worsened", "changed", "changed", "same"]);
});
