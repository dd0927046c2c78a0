/* The parts and views of issue 26 in happy-dom: dates on evidence in the panel, the planning part, the charts. */
import assert from "node:assert/strict";
import test from "node:test";

import { planOf } from "../../selfcheck/src/lib/plan-dates.js";
import { Checklists } from "../../selfcheck/src/view/checklists.js";
import { page } from "./dom.mjs";
import { assessment45 } from "./helpers.mjs";

const TODAY = new Date(2026, 11, 7, 12);
const texts = new Proxy({}, { get: (_target, key) => `[${String(key)}]{date}{outside}{application}{start}{item}{id}` });

function evidenceSc(start) {
  let assessment = start;
  const changes = [];
  const edition = assessment45();
  edition.groups[0].criteria[0].windows = { "dg1-a": { anchor: "past", months: 12, label: "12 months" } };
  const criteria = new Map(edition.groups.flatMap((group) => group.criteria.map((c) => [c.id, c])));
  const sc = {
    texts,
    limits: { notes: 100, owner: 50, link_text: 50, url: 200, links: 5 },
    edition,
    criteria,
    checklists: new Checklists({ DG1: [[["dg1-a", "The inventory was updated"]], []] }),
    now: () => TODAY,
    model: { current: () => assessment },
    view: () => ({ assessment, flagged: new Map(), plan: planOf(edition, assessment, "2026-12-07") }),
    change(id, fn) {
      const next = structuredClone(assessment);
      fn(next);
      assessment = next;
      changes.push(id);
    },
  };
  return { sc, changes, current: () => assessment };
}

test("a windowed item gets a date field named after it; a bad date is refused beside it and nothing changes", async () => {
  const { Evidence } = await import("../../selfcheck/src/parts/evidence.js");
  const { document } = page(`<form id="wwc-sc-form-e"><fieldset data-wwc-criterion="DG1">
    <details class="wwc-sc-more" data-wwc-evidence="DG1"><summary>Evidence
    <span class="wwc-sc-evidence-state"></span></summary></details></fieldset></form>`);
  const { sc, changes, current } = evidenceSc({
    application: "2027-06-30",
    answers: {},
    evidence: { DG1: { items: ["dg1-a"], dates: {} } },
  });
  const evidence = new Evidence(document.getElementById("wwc-sc-form-e"), sc);
  evidence.open("DG1");
  const input = document.querySelector("input[data-wwc-date='dg1-a']");
  assert.ok(input, "a date field for the windowed item");
  const label = document.querySelector(`label[for="${input.id}"]`);
  assert.match(label.textContent, /The inventory was updated/);
  const line = document.getElementById(`${input.id}-line`);
  input.value = "2027-01-01";
  evidence.panels.get("DG1").dates.save(input);
  assert.match(line.textContent, /^\[date_future\]2027-01-01/);
  assert.equal(input.getAttribute("aria-invalid"), "true");
  input.value = "2025-01-01";
  evidence.panels.get("DG1").dates.save(input);
  assert.match(line.textContent, /^\[date_before_window\]2025-01-01/);
  assert.deepEqual(changes, []);
  assert.deepEqual(current().evidence.DG1.dates, {});
  // A good date is saved; the line then says from which day it stops counting.
  input.value = "2026-03-15";
  evidence.panels.get("DG1").dates.save(input);
  assert.deepEqual(changes, ["DG1"]);
  assert.deepEqual(current().evidence.DG1.dates, { "dg1-a": "2026-03-15" });
  evidence.update(sc.view(), "DG1");
  assert.match(line.textContent, /^\[date_outside\]/);
  assert.match(line.textContent, /2027-03-16/);
  assert.equal(input.hasAttribute("aria-invalid"), false);
});

test("the panel lists each missing document on its own line", async () => {
  const { Evidence } = await import("../../selfcheck/src/parts/evidence.js");
  const { document } = page(`<form id="wwc-sc-form-e"><fieldset data-wwc-criterion="DG1">
    <details class="wwc-sc-more" data-wwc-evidence="DG1"><summary>Evidence
    <span class="wwc-sc-evidence-state"></span></summary></details></fieldset></form>`);
  const { sc } = evidenceSc({ answers: { DG1: "yes" }, evidence: {} });
  sc.checklists = new Checklists({
    DG1: [
      [],
      [
        ["d1", "One"],
        ["d2", "Two"],
      ],
    ],
  });
  const flag = { id: "DG1", missing: ["d1", "d2"], mustMeet: null };
  sc.view = () => ({ assessment: sc.model.current(), flagged: new Map([["DG1", flag]]), plan: { items: [] } });
  const evidence = new Evidence(document.getElementById("wwc-sc-form-e"), sc);
  evidence.open("DG1");
  const lines = [...document.querySelectorAll(".wwc-sc-panel-flags li")].map((li) => li.textContent);
  assert.equal(lines.length, 2);
  assert.match(lines[0], /One$/);
  assert.match(lines[1], /Two$/);
});

function planningPage() {
  return page(`<section id="wwc-sc-planning"><input type="date" id="wwc-sc-application">
    <span id="wwc-sc-application-message"></span><p class="wwc-sc-plan-none"></p>
    <div class="wwc-sc-plan-body"></div></section>`);
}

test("the planning part refuses an application date in the past and draws the roadmap for a good one", async () => {
  const { Planning } = await import("../../selfcheck/src/parts/planning.js");
  const { document } = planningPage();
  const start = { answers: { DG1: "yes", DG2: "in-progress" }, evidence: { DG2: { due: "2027-02-01", owner: "Ana" } } };
  const { sc, changes, current } = evidenceSc(start);
  sc.tierName = (id) => id || "none";
  sc.items = () => "criteria";
  const planning = new Planning(document.getElementById("wwc-sc-planning"), sc);
  planning.update(sc.view());
  assert.equal(document.querySelector(".wwc-sc-plan-none").hidden, false);
  const input = document.getElementById("wwc-sc-application");
  input.value = "2026-12-01";
  planning.save("application");
  assert.match(document.getElementById("wwc-sc-application-message").textContent, /^\[application_in_past\]2026-12-01/);
  assert.deepEqual(changes, []);
  input.value = "2027-03-31";
  planning.save("application");
  assert.deepEqual(changes, [null]);
  assert.equal(current().application, "2027-03-31");
  planning.update(sc.view());
  assert.equal(document.querySelector(".wwc-sc-plan-none").hidden, true);
  const rows = [...document.querySelectorAll(".wwc-sc-roadmap-table tbody tr")].map((row) =>
    [...row.children].map((cell) => cell.textContent),
  );
  assert.deepEqual(
    rows.map((row) => [row[0], row[1], row[2]]),
    [
      ["2026-12-07", "1", "0"],
      ["2027-02-01", "1", "1"],
      ["2027-03-31", "1", "1"],
    ],
  );
  const svg = document.querySelector("svg.wwc-roadmap-chart");
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(svg.querySelectorAll("text[data-wwc-tier]").length, sc.edition.tiers.length);
  assert.equal(document.querySelectorAll(".wwc-sc-plan-planned li").length, 1);
  assert.match(document.querySelector(".wwc-sc-plan-planned li").textContent, /DG2/);
});

test("the area chart draws each group's share and marks the applicants' average; compare draws two series", async () => {
  const { areasChart, compareChart } = await import("../../selfcheck/src/view/area-chart.js");
  page("");
  const edition = assessment45();
  const result = {
    groups: edition.groups.map((group, index) => ({
      met: index,
      total: group.criteria.length,
      percent: String(Math.round((100 * index) / group.criteria.length)),
      average_percent: group.benchmark.all_applicants_percent,
    })),
  };
  const svg = areasChart(edition, result, { label: "", yours: "yours", average: "all", uid: "t" });
  const bars = [...svg.querySelectorAll("rect.wwc-chart-done")].map((bar) =>
    Number(bar.getAttribute("data-wwc-value")),
  );
  assert.deepEqual(
    bars.map((value) => Math.round(value)),
    result.groups.map((group) => Math.round((100 * group.met) / group.total)),
  );
  assert.equal(svg.querySelectorAll("line.wwc-chart-average").length, edition.groups.length);
  assert.equal(svg.getAttribute("aria-hidden"), "true");
  const groups = edition.groups.map(() => ({ from: { met: 1, total: 4 }, to: { met: 3, total: 4 } }));
  const compared = compareChart(edition, groups, { label: "L", first: "2025", second: "2026 draft", uid: "c" });
  assert.equal(compared.getAttribute("aria-label"), "L");
  assert.equal(compared.querySelectorAll("rect.wwc-chart-done").length, edition.groups.length);
  assert.equal(compared.querySelectorAll("rect.wwc-chart-planned").length, edition.groups.length);
  assert.match(compared.textContent, /2026 draft: 3 \/ 4/);
});
