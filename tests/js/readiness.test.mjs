/* Unit tests of selfcheck/src/lib/readiness.js (audit readiness, next steps) and of
   the borderline reading in wwc-scoring.js. */
import test from "node:test";
import assert from "node:assert/strict";

import * as readiness from "../../selfcheck/src/lib/readiness.js";
import * as scoring from "../../selfcheck/src/lib/scoring.js";
import { assessment45, answersMeeting, SAMPLE_REPORT_MET, firstYes } from "./helpers.mjs";

/* The 45 with items on DG1 (must meet 3 of 4) and DG2 (documents only). */
function withItems() {
  const edition = assessment45();
  const dg = edition.groups[0].criteria;
  Object.assign(dg[0], { requirements: ["r1", "r2", "r3", "r4"], documentation: ["d1", "d2"], must_meet: 3 });
  Object.assign(dg[1], { documentation: ["e1"] });
  return edition;
}

test("a Yes counts backed by evidence only with every document ticked and the must-meet rule holding", () => {
  const edition = withItems();
  const answers = { DG1: "yes", DG2: "yes", DG3: "yes" };
  let outcome = readiness.evidenceResult(edition, answers, {});
  assert.equal(outcome.result.met, 1); // DG3 asks for nothing
  assert.deepEqual(
    outcome.flags.map((flag) => [flag.id, flag.missing]),
    [
      ["DG1", ["d1", "d2"]],
      ["DG2", ["e1"]],
    ],
  );
  assert.deepEqual(outcome.flags[0].mustMeet, { count: 3, total: 4, ticked: 0, holds: false });
  outcome = readiness.evidenceResult(edition, answers, {
    DG1: { items: ["d1", "d2", "r1", "r2"] },
    DG2: { items: ["e1"] },
  });
  assert.deepEqual(
    outcome.flags.map((flag) => flag.id),
    ["DG1"],
  );
  assert.equal(outcome.result.met, 2);
  outcome = readiness.evidenceResult(edition, answers, {
    DG1: { items: ["d1", "d2", "r1", "r2", "r4"] },
    DG2: { items: ["e1"] },
  });
  assert.deepEqual(outcome.flags, []);
  assert.equal(outcome.result.met, 3);
});

test("an unbacked Yes is scored as the first answer state that is not met", () => {
  const edition = withItems();
  const outcome = readiness.evidenceResult(edition, { DG2: "yes" }, {});
  assert.equal(outcome.result.unanswered, 44);
  assert.equal(outcome.result.met, 0);
});

test("the sample city with no documents ticked keeps every Yes of criteria that ask for none", () => {
  const edition = assessment45();
  const answers = answersMeeting(edition, SAMPLE_REPORT_MET, "no");
  assert.equal(readiness.evidenceResult(edition, answers, {}).result.tier, "silver");
});

test("next steps: In progress before No, most ticked first, then the group furthest below its average", () => {
  // Nothing to tick here, so the evidence-backed result (what the steps aim at) is the self-reported one.
  const edition = assessment45();
  const answers = answersMeeting(edition, SAMPLE_REPORT_MET, "no");
  answers.EVAL3 = "in-progress";
  answers.RP2 = "in-progress";
  delete answers.SE4;
  const plan = readiness.nextSteps(edition, answers, {});
  assert.equal(plan.tier, "gold");
  assert.equal(plan.needed, 3);
  // RP (25% vs 17%) is further below its average than EVAL (40% vs 11%); the unanswered SE4 comes last.
  assert.deepEqual(plan.steps.map((step) => step.id).slice(0, 2), ["RP2", "EVAL3"]);
  const ranked = readiness.rankUnmet(edition, answers, {}, scoring.score(edition, answers));
  assert.equal(ranked[ranked.length - 1].id, "SE4");
  assert.equal(plan.others, ranked.length - 3);
});

test("next steps prefer the unmet criterion with more ticked", () => {
  const edition = withItems();
  const answers = { DG1: "no", DG2: "no" };
  const ranked = readiness.rankUnmet(edition, answers, { DG2: { items: ["e1"] } }, scoring.score(edition, answers));
  assert.deepEqual(
    ranked.slice(0, 2).map((step) => [step.id, step.ticked]),
    [
      ["DG2", 1],
      ["DG1", 0],
    ],
  );
});

test("no next steps at the top tier", () => {
  const edition = assessment45();
  assert.equal(readiness.nextSteps(edition, firstYes(edition, 45), {}), null);
});

test("documents list every required document with its tick", () => {
  const edition = withItems();
  const list = readiness.documents(edition, { DG1: { items: ["d2"] } });
  assert.deepEqual(
    list.map((doc) => [doc.id, doc.criterion, doc.ticked]),
    [
      ["d1", "DG1", false],
      ["d2", "DG1", true],
      ["e1", "DG2", false],
    ],
  );
});

test("borderline: between the published whole-percent ranges, with the rounded reading", () => {
  const edition = assessment45();
  const found = [];
  for (let met = 0; met <= 45; met += 1) {
    const reading = scoring.borderline(edition, met);
    if (reading) {
      found.push([met, reading.percent, reading.tier]);
    }
  }
  assert.deepEqual(found, [
    [30, "67", "gold"],
    [38, "84", "gold"],
  ]);
  assert.equal(scoring.roundedTier(edition, 30), "gold");
  assert.equal(scoring.tierFor(30, 45, edition.tiers).id, "silver");
});

test("next steps aim at the tier above the evidence-backed result, unbacked met answers first", () => {
  const edition = withItems();
  // Enough Yes for Silver as self-reported, but DG1 and DG2 lack their documents: backed, not Silver.
  const answers = answersMeeting(edition, SAMPLE_REPORT_MET, "no");
  answers.DG1 = "yes";
  answers.DG2 = "yes";
  const backed = readiness.evidenceResult(edition, answers, {}).result;
  const plan = readiness.nextSteps(edition, answers, {});
  assert.equal(plan.needed, backed.next_tier.more_needed);
  assert.equal(plan.tier, backed.next_tier.id);
  assert.deepEqual(
    plan.steps.slice(0, 2).map((step) => [step.id, step.unbacked]),
    [
      ["DG1", true],
      ["DG2", true],
    ],
  );
  assert.equal(plan.steps[2].unbacked, false);
});

test("a prerequisite comes just before the first criterion that builds on it", () => {
  const edition = assessment45();
  const rdc = edition.groups.find((group) => group.criteria.some((c) => c.id === "RDC1")).criteria;
  rdc.find((c) => c.id === "RDC2").depends_on = [{ criterion: "RDC1" }];
  const ranked = [
    { id: "RDC2", answer: "in-progress" },
    { id: "DG1", answer: "no" },
    { id: "RDC1", answer: "no" },
  ];
  const ordered = readiness.prerequisitesFirst(edition, ranked);
  assert.deepEqual(
    ordered.map((step) => [step.id, step.before || null]),
    [
      ["RDC1", "RDC2"],
      ["RDC2", null],
      ["DG1", null],
    ],
  );
  // A prerequisite already met is not a step, and nothing is moved.
  assert.deepEqual(
    readiness.prerequisitesFirst(edition, ranked.slice(0, 2)).map((step) => step.id),
    ["RDC2", "DG1"],
  );
});

test("an audited response is cited when the answer is its `from` and one of its items is unticked", () => {
  const criterion = {
    id: "EVAL3",
    audited: [{ from: "yes", items: ["budget-memo"], reason: "No memo was shared.", source: "report" }],
  };
  assert.deepEqual(readiness.auditedCitations(criterion, "yes", {}), [
    { reason: "No memo was shared.", source: "report" },
  ]);
  assert.deepEqual(readiness.auditedCitations(criterion, "yes", { EVAL3: { items: ["budget-memo"] } }), []);
  assert.deepEqual(readiness.auditedCitations(criterion, "in-progress", {}), []);
  assert.deepEqual(readiness.auditedCitations({ id: "X" }, "yes", {}), []);
});
