/* Unit tests of selfcheck/src/lib/scoring.js (run: node --test tests/js/). */
import test from "node:test";
import assert from "node:assert/strict";

import * as scoring from "../../selfcheck/src/lib/scoring.js";
import { makeEdition, assessment45, answersMeeting, firstYes, SAMPLE_REPORT_MET } from "./helpers.mjs";

test("the sample report's city scores 28 of 45, Silver, with the report's area percentages", () => {
  const edition = assessment45();
  const result = scoring.score(edition, answersMeeting(edition, SAMPLE_REPORT_MET, "no"));
  assert.equal(result.met, 28);
  assert.equal(result.total, 45);
  assert.equal(result.percent, "62.2");
  assert.equal(result.tier, "silver");
  assert.equal(result.unanswered, 0);
  assert.deepEqual(
    result.groups.map((group) => group.percent),
    ["100", "40", "78", "100", "86", "25", "14", "50"],
  );
  assert.deepEqual(
    result.groups.map((group) => group.average_percent),
    [19, 11, 33, 47, 32, 17, 7, 27],
  );
  // Gold needs 67% of 45 = 30.15, so 31 criteria: 3 more.
  assert.deepEqual(result.next_tier, { id: "gold", more_needed: 3 });
});

test("the tier is decided on the exact share: 30 of 45 is 66.7%, still Silver", () => {
  const edition = assessment45();
  const result = scoring.score(edition, firstYes(edition, 30));
  assert.equal(result.percent, "66.7");
  assert.equal(result.tier, "silver");
  assert.deepEqual(result.next_tier, { id: "gold", more_needed: 1 });
});

test("thresholds of 45 criteria: Silver from 23, Gold from 31, Platinum from 39", () => {
  const edition = assessment45();
  const expected = {
    0: null,
    22: null,
    23: "silver",
    30: "silver",
    31: "gold",
    38: "gold",
    39: "platinum",
    45: "platinum",
  };
  for (const [met, tier] of Object.entries(expected)) {
    assert.equal(scoring.score(edition, firstYes(edition, Number(met))).tier, tier, `${met} met`);
  }
});

test("next tier: how many more criteria, and none above the top tier", () => {
  const edition = assessment45();
  assert.deepEqual(scoring.score(edition, {}).next_tier, { id: "silver", more_needed: 23 });
  assert.deepEqual(scoring.score(edition, firstYes(edition, 31)).next_tier, { id: "platinum", more_needed: 8 });
  assert.equal(scoring.score(edition, firstYes(edition, 39)).next_tier, null);
});

test("only a met answer counts; in progress and no are answered but not met", () => {
  const edition = assessment45();
  const result = scoring.score(edition, { DG1: "yes", DG2: "in-progress", DG3: "no" });
  assert.equal(result.met, 1);
  assert.equal(result.unanswered, 42);
  assert.equal(result.groups[0].met, 1);
  assert.equal(result.groups[0].percent, "20");
});

test("answers to ids the edition does not have are ignored", () => {
  const edition = assessment45();
  const result = scoring.score(edition, { DG1: "yes", XX9: "yes" });
  assert.equal(result.met, 1);
  assert.equal(result.unanswered, 44);
});

test("nothing answered: 0 met, everything unanswered, 0.0%", () => {
  const result = scoring.score(assessment45(), {});
  assert.equal(result.met, 0);
  assert.equal(result.unanswered, 45);
  assert.equal(result.percent, "0.0");
  assert.equal(result.tier, null);
});

test("percentages round half up, as the report prints them", () => {
  assert.equal(scoring.roundedPercent(7, 9, 0), "78");
  assert.equal(scoring.roundedPercent(6, 7, 0), "86");
  assert.equal(scoring.roundedPercent(1, 7, 0), "14");
  assert.equal(scoring.roundedPercent(1, 8, 0), "13");
  assert.equal(scoring.roundedPercent(1, 16, 1), "6.3");
  assert.equal(scoring.roundedPercent(28, 45, 1), "62.2");
  assert.equal(scoring.roundedPercent(2, 3, 3), "66.667");
  assert.equal(scoring.roundedPercent(1, 40, 0), "3");
  assert.equal(scoring.roundedPercent(0, 0, 1), "0.0");
  assert.equal(scoring.roundedPercent(0, 0, 0), "0");
});

test("tiers and precision come from the data, not the code", () => {
  const edition = makeEdition([["a", "A", 10, null]], {
    tiers: [
      { id: "half", name: "Half", min_percent: 50 },
      { id: "all", name: "All", min_percent: 100 },
    ],
    display: { overall_decimals: 2, group_decimals: 1 },
  });
  const result = scoring.score(edition, firstYes(edition, 5));
  assert.equal(result.tier, "half");
  assert.equal(result.percent, "50.00");
  assert.equal(result.groups[0].percent, "50.0");
  assert.equal(result.groups[0].average_percent, null);
  assert.deepEqual(result.next_tier, { id: "all", more_needed: 5 });
});

test("a decimal threshold is compared exactly, not through floating point", () => {
  const edition = makeEdition([["a", "A", 1000, null]], {
    tiers: [{ id: "t", name: "T", min_percent: 57.3 }],
  });
  // 57.3 * 10 is 572.9999999999999 in floating point; exactly it is 573.
  assert.equal(scoring.score(edition, firstYes(edition, 572)).tier, null);
  assert.equal(scoring.score(edition, firstYes(edition, 573)).tier, "t");
  assert.equal(scoring.minMetFor(1000, 57.3), 573);
  assert.equal(scoring.minMetFor(45, 66.7), 31);
});

test("another met state counts too: met is read from the answer states", () => {
  const edition = makeEdition([["a", "A", 4, null]], {
    answer_states: [
      { id: "full", label: "Full", met: true },
      { id: "partial", label: "Partial", met: true },
      { id: "none", label: "None", met: false },
    ],
  });
  assert.equal(scoring.score(edition, { A1: "full", A2: "partial", A3: "none" }).met, 2);
});

test("an empty edition scores without dividing by zero", () => {
  const edition = makeEdition([]);
  const result = scoring.score(edition, {});
  assert.deepEqual(result, {
    met: 0,
    total: 0,
    unanswered: 0,
    percent: "0.0",
    tier: null,
    next_tier: { id: "silver", more_needed: 0 },
    groups: [],
  });
});
