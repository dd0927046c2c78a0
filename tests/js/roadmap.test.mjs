/* Unit tests of selfcheck/src/lib/roadmap.js: the evidence-backed share over time to an application date. */
import test from "node:test";
import assert from "node:assert/strict";

import * as roadmap from "../../selfcheck/src/lib/roadmap.js";
import { criterionExpiry } from "../../selfcheck/src/lib/windows.js";
import { assessment45 } from "./helpers.mjs";

const TODAY = "2026-12-07";

function ids(edition) {
  return edition.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id));
}

/* The first `done` criteria done, the next ones due on the dates of `planned` ([[count, due], ...]). */
function statuses(edition, done, planned, extra) {
  const all = ids(edition);
  const result = {};
  all.slice(0, done).forEach((id) => {
    result[id] = { done: true };
  });
  let at = done;
  for (const [count, due] of planned) {
    all.slice(at, at + count).forEach((id) => {
      result[id] = { done: false, due: due };
    });
    at += count;
  }
  return Object.assign(result, extra || {});
}

test("a plan that reaches Gold in March 2027 says so, with Silver first reached in January", () => {
  const edition = assessment45();
  const plan = roadmap.roadmap(
    edition,
    statuses(edition, 20, [
      [5, "2027-01-15"],
      [6, "2027-03-10"],
    ]),
    TODAY,
    "2027-04-30",
  );
  assert.equal(plan.ok, true);
  assert.equal(plan.total, 45);
  assert.deepEqual(
    plan.steps.map((step) => [step.date, step.met, step.done, step.planned, step.expired, step.tier]),
    [
      ["2026-12-07", 20, 20, 0, 0, null],
      ["2027-01-15", 25, 20, 5, 0, "silver"],
      ["2027-03-10", 31, 20, 11, 0, "gold"],
    ],
  );
  assert.equal(plan.tierOnApplication, "gold");
  assert.equal(plan.onApplication.date, "2027-04-30");
  assert.equal(plan.onApplication.percent, "68.9");
  assert.deepEqual(plan.firstReached, [
    { tier: "silver", date: "2027-01-15" },
    { tier: "gold", date: "2027-03-10" },
    { tier: "platinum", date: null },
  ]);
  assert.deepEqual(plan.overdue, []);
});

test("30 of 45 (66.7%) stays below a 67% Gold: shares are compared exactly", () => {
  const edition = assessment45();
  const plan = roadmap.roadmap(edition, statuses(edition, 29, [[1, "2027-02-01"]]), TODAY, "2027-03-01");
  assert.equal(plan.onApplication.met, 30);
  assert.equal(plan.tierOnApplication, "silver");
  assert.deepEqual(plan.firstReached, [
    { tier: "gold", date: null },
    { tier: "platinum", date: null },
  ]);
});

test("evidence that expires before the application date is lost on its first day outside", () => {
  const edition = assessment45();
  const all = ids(edition);
  const given = statuses(edition, 20, [
    [5, "2027-01-15"],
    [6, "2027-03-10"],
  ]);
  given[all[0]] = { done: true, expires: "2027-04-01" };
  given[all[1]] = { done: true, expires: "2027-06-01" }; // after the application date: no step
  const plan = roadmap.roadmap(edition, given, TODAY, "2027-04-30");
  assert.deepEqual(
    plan.steps.map((step) => [step.date, step.met, step.expired, step.tier]),
    [
      ["2026-12-07", 20, 0, null],
      ["2027-01-15", 25, 0, "silver"],
      ["2027-03-10", 31, 0, "gold"],
      ["2027-04-01", 30, 1, "silver"],
    ],
  );
  assert.equal(plan.tierOnApplication, "silver");
  // Gold was reached once, in March, and lost again: both are said.
  assert.deepEqual(plan.firstReached[1], { tier: "gold", date: "2027-03-10" });
});

test("overdue items are listed and not counted; due dates after the application do not count", () => {
  const edition = assessment45();
  const all = ids(edition);
  const given = statuses(edition, 22, [[1, "2027-05-01"]]);
  given[all[30]] = { done: false, due: "2026-11-01" };
  given[all[31]] = { done: true, due: "2026-10-01" }; // done: not overdue
  const plan = roadmap.roadmap(edition, given, TODAY, "2027-04-30");
  assert.deepEqual(plan.overdue, [{ id: all[30], due: "2026-11-01" }]);
  assert.equal(plan.steps.length, 1);
  assert.equal(plan.onApplication.met, 23);
  assert.equal(plan.tierOnApplication, "silver");
  assert.deepEqual(plan.firstReached, [
    { tier: "gold", date: null },
    { tier: "platinum", date: null },
  ]);
});

test("a due date of today counts today; an expiry of today is already outside", () => {
  const edition = assessment45();
  const all = ids(edition);
  const plan = roadmap.roadmap(
    edition,
    { [all[0]]: { due: TODAY }, [all[1]]: { done: true, expires: TODAY } },
    TODAY,
    TODAY,
  );
  assert.deepEqual([plan.steps.length, plan.steps[0].met, plan.steps[0].planned, plan.steps[0].expired], [1, 1, 1, 1]);
});

test("ids the edition does not have are ignored and returned", () => {
  const edition = assessment45();
  const plan = roadmap.roadmap(edition, { ZZ9: { done: true }, DG1: { done: true } }, TODAY, "2027-01-01");
  assert.deepEqual(plan.unknown, ["ZZ9"]);
  assert.equal(plan.onApplication.met, 1);
});

test("bad dates and an application in the past are refused with the field", () => {
  const edition = assessment45();
  const cases = [
    [roadmap.roadmap(edition, {}, "2026-02-30", "2027-01-01"), "malformed-date", "today"],
    [roadmap.roadmap(edition, {}, TODAY, "2027/01/01"), "malformed-date", "application"],
    [roadmap.roadmap(edition, {}, TODAY, "2026-12-06"), "application-in-past", "2026-12-06"],
    [roadmap.roadmap(edition, { DG2: { due: "2027-02-29" } }, TODAY, "2027-06-01"), "malformed-date", "DG2.due"],
    [
      roadmap.roadmap(edition, { DG3: { done: true, expires: "soon" } }, TODAY, "2027-06-01"),
      "malformed-date",
      "DG3.expires",
    ],
  ];
  for (const [outcome, code, detail] of cases) {
    assert.deepEqual(outcome, { ok: false, error: { code, detail } });
  }
});

test("a criterion's expiry from its dated items' windows feeds the roadmap", () => {
  const dates = { today: TODAY, application: "2027-09-30" };
  const items = [
    { window: { anchor: "past", months: 24 }, evidence: "2026-01-10" },
    { window: { anchor: "past", months: 12 }, evidence: "2026-07-31" },
    { window: { anchor: "most-recent" }, evidence: "2020-01-01" },
  ];
  const expiry = criterionExpiry(items, dates);
  assert.deepEqual(expiry, { ok: true, expires: "2027-08-01" });
  const edition = assessment45();
  const all = ids(edition);
  const given = statuses(edition, 31, []);
  given[all[0]] = { done: true, expires: expiry.expires };
  const plan = roadmap.roadmap(edition, given, TODAY, dates.application);
  assert.deepEqual(
    plan.steps.map((step) => [step.date, step.met, step.tier]),
    [
      ["2026-12-07", 31, "gold"],
      ["2027-08-01", 30, "silver"],
    ],
  );
  assert.deepEqual(criterionExpiry([{ window: { anchor: "next", months: 12 }, evidence: "2026-01-01" }], dates), {
    ok: true,
    expires: null,
  });
  const refused = criterionExpiry([items[0], { window: items[1].window, evidence: "2027-01-01" }], dates);
  assert.deepEqual(refused, { index: 1, ok: false, error: { code: "future-evidence", detail: "2027-01-01" } });
});

test("statuses from an assessment: backed answers are done, the others planned by their evidence's due date", () => {
  const edition = assessment45();
  const dg = edition.groups[0].criteria;
  Object.assign(dg[0], { documentation: ["d1"] });
  Object.assign(dg[1], { documentation: ["e1"] });
  const answers = { DG1: "yes", DG2: "yes", DG3: "in-progress", DG4: "no" };
  const evidence = {
    DG1: { items: ["d1"] },
    DG2: { items: [], due: "2027-02-01" }, // yes without its document: not done, planned
    DG3: { items: [], due: "2027-03-01" },
    DG4: { items: [], due: "" },
  };
  const statuses = roadmap.statusesOf(edition, answers, evidence, { DG1: "2027-06-01", DG3: "2027-01-01" });
  assert.deepEqual(statuses.DG1, { done: true, due: "", expires: "2027-06-01" });
  assert.deepEqual(statuses.DG2, { done: false, due: "2027-02-01", expires: null });
  assert.deepEqual(statuses.DG3, { done: false, due: "2027-03-01", expires: null });
  assert.deepEqual(statuses.DG4, { done: false, due: "", expires: null });
  assert.deepEqual(statuses.DG5, { done: false, due: "", expires: null });
  const plan = roadmap.roadmap(edition, statuses, TODAY, "2027-04-01");
  assert.deepEqual(
    plan.steps.map((step) => [step.date, step.met, step.done, step.planned]),
    [
      ["2026-12-07", 1, 1, 0],
      ["2027-02-01", 2, 1, 1],
      ["2027-03-01", 3, 1, 2],
    ],
  );
});
