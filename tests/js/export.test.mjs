/* Unit tests of selfcheck/src/lib/export.js: building, checking and matching export files. */
import test from "node:test";
import assert from "node:assert/strict";

import * as exportFile from "../../selfcheck/src/lib/export.js";
import { assessment45 } from "./helpers.mjs";

const SETTINGS = {
  format: "wwc-guide-self-check",
  version: 2,
  import_versions: [1, 2],
  max_bytes: 262144,
  file_prefix: "wwc-self-check",
  examples: { criterion: "DG1", state: "yes", edition: "assessment-45", item: "dg1-inventory-copy" },
};
const EDITIONS = ["assessment-45", "launch-50"];

function valid(overrides) {
  return Object.assign(
    {
      format: "wwc-guide-self-check",
      version: 1,
      edition: "assessment-45",
      exported: "2024-05-01T12:00:00.000Z",
      answers: { DG1: "yes", DG2: "no" },
    },
    overrides || {},
  );
}

function parse(data, size) {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return exportFile.parseExport(text, size === undefined ? Buffer.byteLength(text) : size, SETTINGS, EDITIONS);
}

test("an exported file is valid and carries the edition, the answers and the result", () => {
  const date = new Date(2024, 4, 1, 9, 30);
  const result = { met: 1, total: 45, percent: "2.2", tier: null };
  const assessment = {
    edition: "assessment-45",
    name: "",
    city: "",
    date: "",
    answers: { DG2: "no", DG1: "yes" },
    evidence: {},
  };
  const file = exportFile.buildExport(SETTINGS, assessment, result, date);
  assert.deepEqual(exportFile.checkShape(file, SETTINGS), []);
  assert.equal(file.format, "wwc-guide-self-check");
  assert.equal(file.version, 2);
  assert.equal(file.exported, date.toISOString());
  assert.deepEqual(Object.keys(file.answers), ["DG1", "DG2"]);
  assert.deepEqual(file.result, result);
  const round = parse(file);
  assert.equal(round.ok, true);
  assert.deepEqual(round.data.answers, { DG1: "yes", DG2: "no" });
});

test("one base name for JSON, CSV and print: prefix, city, assessment name, report date", () => {
  const now = new Date(2024, 0, 9, 23, 59);
  const named = { city: "Åre, Sweden", name: "2026 Draft / final!", date: "2026-03-01" };
  assert.equal(
    exportFile.baseName("wwc-self-check", named, now),
    "wwc-self-check-are-sweden-2026-draft-final-2026-03-01",
  );
  assert.equal(exportFile.baseName("wwc-self-check", { name: "", city: "" }, now), "wwc-self-check-2024-01-09");
  assert.equal(exportFile.baseName("p", { name: "x", date: "not a date" }, now), "p-x-2024-01-09");
  assert.equal(exportFile.slug("-".repeat(3) + "a".repeat(70)).length, 60);
});

test("a file over the size limit is refused before it is read", () => {
  const outcome = parse(valid(), 262145);
  assert.deepEqual(outcome, { ok: false, error: { code: "too-large", details: { size: 262145, max: 262144 } } });
});

test("text that is not JSON is refused", () => {
  assert.equal(parse("{not json").error.code, "not-json");
  assert.equal(parse("").error.code, "not-json");
});

test("JSON that is not a self-check export is refused as foreign", () => {
  for (const data of [[], 42, null, '"text"', {}, { answers: {} }, valid({ format: "something-else" })]) {
    assert.equal(parse(data).error.code, "foreign", JSON.stringify(data));
  }
});

test("another format version is refused and named", () => {
  const newer = parse(valid({ version: 3 }));
  assert.equal(newer.error.code, "newer-version");
  assert.deepEqual(newer.error.details, { version: "3", supported: 2 });
  assert.equal(parse(valid({ version: 0 })).error.code, "unsupported-version");
  assert.equal(parse(valid({ version: "1" })).error.code, "unsupported-version");
  const missing = valid();
  delete missing.version;
  assert.equal(parse(missing).error.code, "unsupported-version");
});

test("a file with the wrong structure is refused with what is wrong", () => {
  const noAnswers = valid();
  delete noAnswers.answers;
  const cases = [
    [noAnswers, "answers: required"],
    [valid({ answers: [] }), "answers: an object"],
    [valid({ answers: { dg1: "yes" } }), "answers: criterion ids such as DG1"],
    [valid({ answers: { DG1: true } }), "answers.DG1: an answer id such as yes"],
    [valid({ answers: { DG1: "Yes" } }), "answers.DG1: an answer id such as yes"],
    [valid({ edition: "Assessment 45" }), "edition: an edition id"],
    [valid({ exported: 20240501 }), "exported: a date and time"],
    [valid({ extra: 1 }), "extra: not part of the format"],
    [valid({ result: { met: "28" } }), "result.met: a whole number"],
  ];
  // Without examples from the page, the messages still say what is wrong.
  const plain = exportFile.parseExport(
    JSON.stringify(valid({ answers: { dg1: "yes" } })),
    100,
    Object.assign({}, SETTINGS, { examples: undefined }),
    EDITIONS,
  );
  assert.ok(plain.error.details.problems.includes('answers: criterion ids, not "dg1"'), plain.error.details.problems);
  for (const [data, message] of cases) {
    const outcome = parse(data);
    assert.equal(outcome.error.code, "invalid", JSON.stringify(data));
    assert.ok(outcome.error.details.problems.includes(message), `${outcome.error.details.problems} lacks ${message}`);
  }
});

test("many problems are summarised, not all listed", () => {
  const answers = {};
  for (let n = 1; n <= 6; n += 1) {
    answers[`DG${n}`] = n;
  }
  const outcome = parse(valid({ answers }));
  assert.match(outcome.error.details.problems, /; and 3 more$/);
  assert.equal(outcome.error.details.list.length, 6);
});

test("a file for an edition the guide does not have is refused", () => {
  const outcome = parse(valid({ edition: "assessment-43" }));
  assert.deepEqual(outcome.error, { code: "unknown-edition", details: { edition: "assessment-43" } });
});

test("the result snapshot is optional and may have a null tier", () => {
  assert.equal(parse(valid({ result: { met: 0, total: 45, percent: "0.0", tier: null, groups: [] } })).ok, true);
  assert.equal(parse(valid()).ok, true);
});

test("matching keeps known answers and lists the others with the reason, in file order", () => {
  const matched = exportFile.matchAnswers(assessment45(), {
    DG1: "yes",
    DG9: "no",
    EVAL2: "maybe",
    OD1: "in-progress",
  });
  assert.deepEqual(matched.answers, { DG1: "yes", OD1: "in-progress" });
  assert.deepEqual(matched.unmatched, [
    { id: "DG9", state: "no", reason: "unknown-id" },
    { id: "EVAL2", state: "maybe", reason: "unknown-state" },
  ]);
});

test("a __proto__ key is an unmatched id, never a prototype change", () => {
  const answers = JSON.parse('{"__proto__": "yes", "DG1": "yes"}');
  const matched = exportFile.matchAnswers(assessment45(), answers);
  assert.deepEqual(Object.keys(matched.answers), ["DG1"]);
  assert.equal(matched.unmatched[0].id, "__proto__");
  assert.equal(parse(valid({ answers })).ok, false);
});
