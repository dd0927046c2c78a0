/* Unit tests of selfcheck/src/lib/plan-dates.js: dates on evidence against their windows, and the plan. */
import test from "node:test";
import assert from "node:assert/strict";

import * as plan from "../../selfcheck/src/lib/plan-dates.js";
import { assessment45 } from "./helpers.mjs";

const TODAY = "2026-12-07";
const PAST_12 = { anchor: "past", months: 12 };
const PAST_36_OR_ADMIN = { anchor: "past", months: 36, or_current_administration: true };

/* The test edition with windows on DG1 (two items) and GM1 (one item, or the administration). */
function edition() {
  const base = assessment45();
  base.groups[0].criteria[0].windows = { "dg1-updated": PAST_12, "dg1-minutes": { anchor: "most-recent" } };
  base.groups[2].criteria[0].windows = { "gm1-twice": PAST_36_OR_ADMIN };
  return base;
}

test("an evidence date: empty clears, future, malformed and too old are refused", () => {
  assert.deepEqual(plan.checkEvidenceDate(PAST_12, "", TODAY), { ok: true });
  assert.deepEqual(plan.checkEvidenceDate(PAST_12, "2026-01-15", TODAY), { ok: true });
  assert.deepEqual(plan.checkEvidenceDate(PAST_12, "2026-12-08", TODAY), { ok: false, code: "future" });
  assert.deepEqual(plan.checkEvidenceDate(PAST_12, "2026-02-30", TODAY), { ok: false, code: "malformed" });
  assert.deepEqual(plan.checkEvidenceDate(PAST_12, "2025-12-06", TODAY), {
    ok: false,
    code: "before-window",
    start: "2025-12-07",
  });
  // The administration's start lets older evidence in; a most-recent window takes any past date.
  assert.deepEqual(plan.checkEvidenceDate(PAST_36_OR_ADMIN, "2023-01-01", TODAY, "2022-11-20"), { ok: true });
  assert.equal(plan.checkEvidenceDate(PAST_36_OR_ADMIN, "2023-01-01", TODAY).code, "before-window");
  assert.deepEqual(plan.checkEvidenceDate({ anchor: "most-recent" }, "2001-05-05", TODAY), { ok: true });
});

test("the application date may not be in the past; the administration's start not in the future", () => {
  assert.equal(plan.applicationProblem("2026-12-07", TODAY), "");
  assert.equal(plan.applicationProblem("2026-12-06", TODAY), "in-past");
  assert.equal(plan.applicationProblem("2027-13-01", TODAY), "malformed");
  assert.equal(plan.applicationProblem("", TODAY), "");
  assert.equal(plan.administrationProblem("2026-12-08", TODAY), "in-future");
  assert.equal(plan.administrationProblem("2022-01-03", TODAY), "");
});

test("a ticked item that expires before the application date is outside from the right day", () => {
  const assessment = {
    application: "2027-06-30",
    answers: { DG1: "yes" },
    evidence: {
      DG1: {
        items: ["dg1-updated", "dg1-minutes"],
        dates: { "dg1-updated": "2026-02-28", "dg1-minutes": "2019-01-01" },
      },
      // A date on an item that is not ticked documents nothing yet.
      GM1: { items: [], dates: { "gm1-twice": "2024-01-01" } },
    },
  };
  const result = plan.planOf(edition(), assessment, TODAY);
  assert.equal(result.application, "2027-06-30");
  assert.deepEqual(result.items, [
    { criterion: "DG1", item: "dg1-updated", date: "2026-02-28", inside: false, firstOutside: "2027-03-01" },
    { criterion: "DG1", item: "dg1-minutes", date: "2019-01-01", inside: true, firstOutside: null },
  ]);
  assert.deepEqual(
    result.outside.map((entry) => [entry.item, entry.firstOutside]),
    [["dg1-updated", "2027-03-01"]],
  );
  // The roadmap counts DG1 until the day before, then as expired.
  const steps = result.roadmap.steps.map((step) => [step.date, step.done, step.expired]);
  assert.deepEqual(steps, [
    ["2026-12-07", 1, 0],
    ["2027-03-01", 0, 1],
  ]);
});

test("the administration's start keeps evidence inside for as long as it lasts", () => {
  const assessment = {
    application: "2027-06-30",
    administration: "2022-11-20",
    answers: {},
    evidence: { GM1: { items: ["gm1-twice"], dates: { "gm1-twice": "2024-01-01" } } },
  };
  const [item] = plan.planOf(edition(), assessment, TODAY).items;
  assert.equal(item.inside, true);
  assert.equal(item.firstOutside, null);
  const without = plan.planOf(edition(), Object.assign({}, assessment, { administration: "" }), TODAY).items[0];
  assert.deepEqual([without.inside, without.firstOutside], [false, "2027-01-02"]);
});

test("a stored date that time has pushed out of its window is outside, and so is its criterion", () => {
  const assessment = {
    application: "2027-01-31",
    answers: { DG1: "yes" },
    evidence: { DG1: { items: ["dg1-updated"], dates: { "dg1-updated": "2025-06-01" } } },
  };
  const result = plan.planOf(edition(), assessment, TODAY);
  assert.deepEqual(
    result.outside.map((entry) => [entry.item, entry.inside, entry.firstOutside]),
    [["dg1-updated", false, "2026-06-02"]],
  );
  assert.equal(result.roadmap.steps[0].expired, 1);
});

test("no application date, or one in the past: no roadmap and nothing listed outside", () => {
  const assessment = {
    answers: {},
    evidence: { DG1: { items: ["dg1-updated"], dates: { "dg1-updated": "2026-02-28" } } },
  };
  const none = plan.planOf(edition(), assessment, TODAY);
  assert.equal(none.application, "");
  assert.equal(none.roadmap, null);
  assert.deepEqual(none.outside, []);
  // Without an application date each item still says from which day it stops counting.
  assert.equal(none.items[0].firstOutside, "2027-03-01");
  const past = plan.planOf(edition(), Object.assign({ application: "2026-01-01" }, assessment), TODAY);
  assert.equal(past.roadmap, null);
});

test("the local day of a date", () => {
  assert.equal(plan.localDay(new Date(2027, 0, 5, 23, 59)), "2027-01-05");
});

test("the dates travel in the export file, the import match and a share link", async () => {
  const exportFile = await import("../../selfcheck/src/lib/export.js");
  const share = await import("../../selfcheck/src/lib/share.js");
  const settings = { format: "wwc-guide-self-check", version: 2, import_versions: [1, 2], max_bytes: 262144 };
  const assessment = {
    edition: "assessment-45",
    name: "Plan",
    city: "",
    date: "",
    application: "2027-04-30",
    administration: "2022-11-20",
    answers: { DG1: "yes" },
    evidence: { DG1: { items: ["dg1-updated"], dates: { "dg1-updated": "2026-02-28", gone: "2026-01-01" } } },
  };
  const file = exportFile.buildExport(settings, assessment, {}, new Date(2026, 11, 7));
  assert.deepEqual(exportFile.checkShape(file, settings), []);
  assert.equal(file.assessment.application, "2027-04-30");
  assert.equal(file.assessment.administration, "2022-11-20");
  const edition = { groups: [{ criteria: [{ id: "DG1", requirements: ["dg1-updated"] }] }] };
  const matched = exportFile.matchEvidence(edition, file.evidence);
  // The date of an item the edition does not have is dropped (and counted), like its tick would be.
  assert.deepEqual(matched.evidence.DG1.dates, { "dg1-updated": "2026-02-28" });
  assert.equal(matched.dropped, 1);
  const limits = { max_chars: 20000, max_bytes: 262144 };
  const decoded = await share.decode(await share.encode(assessment, { ticks: true, notes: true }), limits);
  assert.equal(decoded.ok, true);
  assert.equal(decoded.assessment.application, "2027-04-30");
  assert.equal(decoded.assessment.administration, "2022-11-20");
  assert.deepEqual(decoded.assessment.evidence.DG1.dates, assessment.evidence.DG1.dates);
  // A link whose date is not a date is refused as a whole.
  const bad = await share.decode(
    await share.encode(Object.assign({}, assessment, { application: "soon" }), { ticks: true }),
    limits,
  );
  assert.equal(bad.ok, false);
});

test("dates an imported file carries that a field would refuse today are found, not dropped", () => {
  const evidence = {
    DG1: { items: [], dates: { "dg1-updated": "2027-01-01", "dg1-minutes": "2019-01-01" } },
    GM1: { items: [], dates: { "gm1-twice": "2020-01-01" } },
  };
  assert.deepEqual(plan.questionableDates(edition(), evidence, TODAY), [
    { criterion: "DG1", item: "dg1-updated", date: "2027-01-01", code: "future" },
    { criterion: "GM1", item: "gm1-twice", date: "2020-01-01", code: "before-window" },
  ]);
  assert.deepEqual(plan.questionableDates(edition(), evidence, TODAY, "2019-06-01").length, 1);
});
