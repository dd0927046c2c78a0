/* Unit tests of selfcheck/src/lib/csv.js: BOM, quoting, formula neutralising, every row intact. */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCCsv from "../../selfcheck/src/lib/csv.js";
import { assessment45 } from "./helpers.mjs";

const HEADINGS = {
  id: "ID",
  area: "Area",
  statement: "Statement",
  answer: "Answer",
  requirements: "Requirements met",
  documents: "Documents gathered",
  notes: "Notes",
  owner: "Owner",
  due: "Due",
  links: "Links",
  title: "Title",
  evidence: "Evidence",
  city: "City",
  assessment: "Assessment",
  dates: "Evidence dates",
};

function edition() {
  const base = assessment45();
  base.groups.forEach((group) =>
    group.criteria.forEach((criterion) => {
      criterion.statement = `Statement of ${criterion.id}, with "quotes"`;
      criterion.requirements = [
        { id: `${criterion.id}-r1`, text: "Req one" },
        { id: `${criterion.id}-r2`, text: "Req, two" },
      ];
      criterion.documentation = [{ id: `${criterion.id}-d1`, text: "Doc one" }];
    }),
  );
  base.answer_states = [
    { id: "yes", label: "Yes", met: true },
    { id: "no", label: "No", met: false },
  ];
  return base;
}

test("cells: formula starts neutralised, quoting where needed", () => {
  assert.equal(WWCCsv.cell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(WWCCsv.cell("+1"), "'+1");
  assert.equal(WWCCsv.cell("-1"), "'-1");
  assert.equal(WWCCsv.cell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(WWCCsv.cell("\tx"), "'\tx");
  assert.equal(WWCCsv.cell("\rx"), '"\'\rx"');
  assert.equal(WWCCsv.cell("a,b"), '"a,b"');
  assert.equal(WWCCsv.cell("line\nbreak"), '"line\nbreak"');
  assert.equal(WWCCsv.cell("plain"), "plain");
  assert.equal(WWCCsv.cell(null), "");
});

test("one row per criterion, BOM, CRLF, and every cell reads back as written", () => {
  const ed = edition();
  const assessment = {
    name: "x",
    answers: { DG1: "yes", DG2: "no", EVAL1: "mystery" },
    evidence: {
      DG1: {
        items: ["DG1-r2", "DG1-d1", "odd-id"],
        notes: '=1+1, "quoted"\nsecond line',
        owner: "@ana",
        due: "2026-05-01",
        links: [{ text: "Policy", url: "https://example.org/p" }],
      },
    },
  };
  const text = WWCCsv.assessmentCsv(ed, assessment, HEADINGS);
  assert.ok(text.startsWith("\ufeff"));
  assert.ok(text.endsWith("\r\n"));
  const rows = WWCCsv.parse(text);
  assert.equal(rows.length, 46);
  assert.deepEqual(rows[0], Object.values(HEADINGS));
  assert.ok(rows.every((r) => r.length === WWCCsv.COLUMNS.length));
  const dg1 = rows[1].slice(0, 10);
  assert.deepEqual(dg1, [
    "DG1",
    "data-governance",
    'Statement of DG1, with "quotes"',
    "Yes",
    "Req, two",
    "Doc one\nodd-id",
    '\'=1+1, "quoted"\nsecond line',
    "'@ana",
    "2026-05-01",
    "Policy https://example.org/p",
  ]);
  assert.equal(rows[2][3], "No");
  assert.equal(rows[6][3], "mystery", "an answer the edition does not know is written as it is, not dropped");
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    ed.groups.flatMap((g) => g.criteria.map((c) => c.id)),
  );
});

test("property: any text in notes survives the round trip (neutralised cells keep their text after the apostrophe)", () => {
  const ed = edition();
  const alphabet = ["a", ",", '"', "\n", "\r\n", "=", "+", "-", "@", "\t", "é", " ", "'", ";"];
  let seed = 3;
  for (let round = 0; round < 300; round += 1) {
    let notes = "";
    const length = (seed = (seed * 16807) % 2147483647) % 12;
    for (let i = 0; i < length; i += 1) {
      notes += alphabet[(seed = (seed * 16807) % 2147483647) % alphabet.length];
    }
    const rows = WWCCsv.parse(WWCCsv.assessmentCsv(ed, { answers: {}, evidence: { DG1: { notes } } }, HEADINGS));
    assert.equal(rows.length, 46, JSON.stringify(notes));
    const cellText = rows[1][6];
    assert.equal(
      /^[=+\-@\t\r]/.test(notes) ? cellText === `'${notes}` : cellText === notes,
      true,
      JSON.stringify(notes),
    );
  }
});

test("city, assessment name, criterion title and evidence status in every row", () => {
  const ed = edition();
  ed.groups[0].criteria[0].title = "Inventory";
  const texts = {
    backed: "backed",
    missing: "missing {count} ({ticked}/{total})",
    ticked: "{ticked}/{total}",
    none: "none",
  };
  const assessment = {
    name: "2026 draft",
    city: "Springfield",
    answers: { DG1: "yes", DG2: "yes", DG3: "no", DG4: "no" },
    evidence: { DG1: { items: ["DG1-d1"] }, DG3: { items: ["DG3-r1"] } },
  };
  const rows = WWCCsv.parse(WWCCsv.assessmentCsv(ed, assessment, HEADINGS, texts));
  const at = (column) => WWCCsv.COLUMNS.indexOf(column);
  assert.deepEqual(rows[0].slice(at("title")), ["Title", "Evidence", "City", "Assessment", "Evidence dates"]);
  const byId = Object.fromEntries(rows.slice(1).map((row) => [row[0], row]));
  assert.equal(byId.DG1[at("title")], "Inventory");
  assert.equal(byId.DG1[at("evidence")], "backed");
  assert.equal(byId.DG2[at("evidence")], "missing 1 (0/3)");
  assert.equal(byId.DG3[at("evidence")], "1/3");
  assert.equal(byId.DG4[at("evidence")], "none");
  assert.ok(rows.slice(1).every((row) => row[at("city")] === "Springfield" && row[at("assessment")] === "2026 draft"));
});

test("the dates of evidence: one item a line, ids sorted, empty where none", () => {
  const ed = edition();
  const assessment = {
    name: "x",
    answers: {},
    evidence: { DG1: { items: ["DG1-r2", "DG1-r1"], dates: { "DG1-r2": "2026-03-01", "DG1-r1": "2025-11-30" } } },
  };
  const rows = WWCCsv.parse(WWCCsv.assessmentCsv(ed, assessment, HEADINGS));
  const at = WWCCsv.COLUMNS.indexOf("dates");
  const byId = Object.fromEntries(rows.slice(1).map((row) => [row[0], row]));
  assert.equal(byId.DG1[at], "DG1-r1: 2025-11-30\nDG1-r2: 2026-03-01");
  assert.equal(byId.DG2[at], "");
});
