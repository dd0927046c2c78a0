/* Unit tests of the cohort view: selfcheck/src/lib/cohort.js, and the part (selfcheck/src/parts/cohort.js)
   in happy-dom on the page block the site renders (tests/fixtures/cohort/page.html), with the made-up cohort. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import test from "node:test";

import * as cohorts from "../../selfcheck/src/lib/cohort.js";
import { encode } from "../../selfcheck/src/lib/share.js";
import { CohortView } from "../../selfcheck/src/parts/cohort.js";
import { page } from "./dom.mjs";

const FIXTURES = new URL("../fixtures/cohort/", import.meta.url);
const PAGE = readFileSync(new URL("page.html", FIXTURES), "utf8");
const DATA = JSON.parse(/<script type="application\/json" data-wwc-cohort-data>(.*?)<\/script>/s.exec(PAGE)[1]);
const EDITIONS = new Map(DATA.editions.map((entry) => [entry.edition.id, entry.edition]));
const EDITION_IDS = Array.from(EDITIONS.keys());
const CITIES = ["alderbrook", "bramford", "caddisfield", "dunmere", "eastwick-falls"];
const BAD = ["bad-other-edition", "bad-same-city", "bad-newer-version", "bad-not-json"];

function fixture(name) {
  return readFileSync(new URL(`${name}.json`, FIXTURES), "utf8");
}

/* A File as the part uses it: name, size, text(). */
function file(name, text, size) {
  return { name, size: size === undefined ? Buffer.byteLength(text) : size, text: () => Promise.resolve(text) };
}

function read(name) {
  const text = fixture(name);
  return cohorts.readExport(text, Buffer.byteLength(text), DATA.export, EDITION_IDS, `${name}.json`);
}

function cohortOf(names) {
  const cohort = cohorts.emptyCohort();
  const refusals = names.map((name) => {
    const outcome = read(name);
    return outcome.ok ? cohorts.admit(cohort, outcome.candidate, EDITIONS, 200) : outcome.refusal;
  });
  return { cohort, refusals };
}

test("the fixture files are real export files; the bad ones are refused by parseExport with their code", () => {
  assert.deepEqual(
    readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".json"))
      .sort(),
    [...BAD, ...CITIES].map((name) => `${name}.json`).sort(),
  );
  for (const name of [...CITIES, "bad-other-edition", "bad-same-city"]) {
    assert.equal(read(name).ok, true, name);
  }
  assert.equal(read("bad-newer-version").refusal.code, "newer-version");
  assert.equal(read("bad-not-json").refusal.code, "not-json");
  const big = cohorts.readExport("", 20 * 1024 * 1024, DATA.export, EDITION_IDS, "big.json");
  assert.deepEqual(big.refusal, { code: "too-large", source: "big.json", details: { size: 20971520, max: 1048576 } });
});

test("tiers, self-reported and backed by evidence, are scoring's and readiness's", () => {
  const { cohort, refusals } = cohortOf(CITIES);
  assert.deepEqual(refusals, [null, null, null, null, null]);
  assert.deepEqual(
    cohort.members.map((member) => [
      member.label,
      member.self.tier,
      member.self.met,
      member.backed.tier,
      member.backed.met,
    ]),
    [
      ["Alderbrook (made up)", "platinum", 44, "platinum", 44],
      ["Bramford (made up)", "gold", 31, "gold", 31],
      ["Caddisfield (made up)", "gold", 35, "silver", 24],
      ["Dunmere (made up)", null, 10, null, 10],
      ["Eastwick Falls (made up)", "silver", 23, null, 0],
    ],
  );
});

test("another edition and the same city twice are refused; the rest stay", () => {
  const { cohort, refusals } = cohortOf(["bramford", "bad-other-edition", "bad-same-city", "dunmere"]);
  assert.deepEqual(
    refusals.map((refusal) => (refusal ? refusal.code : null)),
    [null, "other-edition", "same-city", null],
  );
  assert.deepEqual(refusals[2].details, { city: "  bramford (MADE UP) ", earlier: "bramford.json" });
  assert.equal(cohort.members.length, 2);
  assert.equal(cohort.edition, "assessment-45");
  // A cohort is full at its limit.
  const full = cohorts.emptyCohort();
  assert.equal(cohorts.admit(full, read("bramford").candidate, EDITIONS, 1), null);
  assert.equal(cohorts.admit(full, read("dunmere").candidate, EDITIONS, 1).code, "too-many");
});

test("the most-missed criteria: most cities first, then the edition's order", () => {
  const { cohort } = cohortOf(CITIES);
  const missed = cohorts.mostMissed(EDITIONS.get("assessment-45"), cohort.members, 10);
  assert.deepEqual(
    missed.map((entry) => [entry.id, entry.count]),
    [["SE4", 5], ...["RP2", "RP3", "RP4", "RDC1", "RDC2", "RDC3", "RDC4", "RDC5", "RDC6"].map((id) => [id, 4])],
  );
});

test("colour bands and sorting by an area's exact share", () => {
  assert.deepEqual(
    [0, 24, 25, 74, 75, 99, 100].map((percent) => cohorts.bandOf(percent, [0, 25, 50, 75, 100])),
    [0, 0, 1, 2, 3, 3, 4],
  );
  const { cohort } = cohortOf(CITIES);
  const byArea = cohorts.sortMembers(cohort.members, "performance-analytics", "descending");
  assert.deepEqual(
    byArea.map((member) => member.label.split(" ")[0]),
    ["Alderbrook", "Bramford", "Caddisfield", "Dunmere", "Eastwick"],
  );
  const byCity = cohorts.sortMembers(cohort.members, "city", "descending");
  assert.equal(byCity[0].label, "Eastwick Falls (made up)");
});

function startView() {
  const window = page(PAGE, "http://localhost/self-check/cohort/");
  const root = window.document.querySelector("[data-wwc-cohort-root]");
  const view = new CohortView(root, DATA);
  view.start();
  return { window, root, view };
}

function texts(root, selector) {
  return Array.from(root.querySelectorAll(selector)).map((node) => node.textContent.trim());
}

test("the part shows tiers, heat map cells and the most-missed criteria with case studies; bad files listed", async () => {
  const { root, view } = startView();
  assert.equal(root.querySelector('[data-wwc-cohort="files"]').disabled, false);
  assert.equal(root.querySelector('[data-wwc-cohort="tables"]').hidden, true);
  let read20mb = false;
  const huge = {
    name: "huge.json",
    size: 20 * 1024 * 1024,
    text: () => {
      read20mb = true;
      return Promise.resolve("");
    },
  };
  const files = [...CITIES, ...BAD].map((name) => file(`${name}.json`, fixture(name)));
  await view.openFiles([...files, huge]);
  assert.equal(read20mb, false, "a file over the limit is refused unread");
  assert.equal(root.querySelector('[data-wwc-cohort="tables"]').hidden, false);
  assert.match(root.querySelector('[data-wwc-cohort="summary"]').textContent, /^5 cities, /);
  assert.equal(root.querySelector('[data-wwc-cohort="status"]').textContent, "5 loaded, 5 not loaded.");
  const tiers = Array.from(root.querySelectorAll('[data-wwc-cohort="tiers"] tbody tr')).map((row) =>
    Array.from(row.cells).map((cell) => cell.textContent),
  );
  assert.deepEqual(tiers[2], [
    "Caddisfield (made up)",
    "Gold (35 of 45, 77.8%)",
    "Silver (24 of 45, 53.3%)",
    "caddisfield.json",
  ]);
  assert.deepEqual(tiers[4].slice(1, 3), ["Silver (23 of 45, 51.1%)", "Not yet certified (0 of 45, 0.0%)"]);
  const caddisfield = root.querySelectorAll('[data-wwc-cohort="heatmap"] tbody tr')[2];
  assert.deepEqual(
    Array.from(caddisfield.cells).map((cell) => cell.textContent),
    [
      "Caddisfield (made up)",
      "5 of 5 (100%)",
      "5 of 5 (100%)",
      "9 of 9 (100%)",
      "4 of 4 (100%)",
      "1 of 7 (14%)",
      "0 of 4 (0%)",
      "0 of 7 (0%)",
      "0 of 4 (0%)",
    ],
  );
  assert.equal(caddisfield.cells[1].className, "wwc-cohort-cell wwc-cohort-band-4");
  assert.equal(caddisfield.cells[5].className, "wwc-cohort-cell wwc-cohort-band-0");
  const missed = Array.from(root.querySelectorAll('[data-wwc-cohort="missed"] > li'));
  assert.deepEqual(
    missed.map((item) => item.getAttribute("data-wwc-criterion")),
    ["SE4", "RP2", "RP3", "RP4", "RDC1", "RDC2", "RDC3", "RDC4", "RDC5", "RDC6"],
  );
  assert.match(missed[0].querySelector("a").textContent, /^SE4 .+: missed by 5 of 5 cities\.$/);
  const rdc1 = missed[4];
  assert.ok(texts(rdc1, ".wwc-cohort-studies li a").some((text) => text.startsWith("Boston, Massachusetts: ")));
  assert.match(
    rdc1.querySelector(".wwc-cohort-print-url").textContent,
    /\(http:\/\/localhost\/case-studies\/boston\/\)/,
  );
  const refused = texts(root, '[data-wwc-cohort="refused-list"] li');
  assert.equal(root.querySelector('[data-wwc-cohort="refused"]').hidden, false);
  assert.deepEqual(
    refused.map((line) => line.split(":")[0]),
    ["bad-other-edition.json", "bad-same-city.json", "bad-newer-version.json", "bad-not-json.json", "huge.json"],
  );
  assert.match(refused[0], /answers the .+, but this cohort is of the .+\./);
  assert.match(refused[1], /Bramford \(MADE UP\) +is already in the cohort \(from bramford\.json\)/i);
  assert.match(refused[2], /newer version .*\(format version 99; this page reads up to 3\)/);
  assert.equal(refused[3], "bad-not-json.json: not a JSON file.");
  assert.equal(refused[4], "huge.json: 20971520 bytes, more than the 1048576 a self-check file can be.");
});

test("a click on an area's head sorts the heat map by it, again reverses it; clear empties the cohort", async () => {
  const { root, view } = startView();
  await view.openFiles(CITIES.map((name) => file(`${name}.json`, fixture(name))));
  const rows = () => texts(root, '[data-wwc-cohort="heatmap"] tbody th').map((label) => label.split(" ")[0]);
  const button = () => root.querySelector('[data-wwc-cohort="heatmap"] button[data-wwc-sort="performance-analytics"]');
  const cellsOf = (label) => {
    const row = Array.from(root.querySelectorAll('[data-wwc-cohort="heatmap"] tbody tr')).find((tr) =>
      tr.firstChild.textContent.startsWith(label),
    );
    return Array.from(row.children).map((cell) => [cell.textContent, cell.className]);
  };
  const before = ["Alderbrook", "Caddisfield", "Dunmere"].map(cellsOf);
  button().click();
  assert.deepEqual(rows(), ["Dunmere", "Eastwick", "Caddisfield", "Alderbrook", "Bramford"]);
  assert.deepEqual(["Alderbrook", "Caddisfield", "Dunmere"].map(cellsOf), before, "each city keeps its own cells");
  assert.equal(button().parentElement.getAttribute("aria-sort"), "ascending");
  button().click();
  assert.deepEqual(rows(), ["Alderbrook", "Bramford", "Caddisfield", "Dunmere", "Eastwick"]);
  assert.equal(button().parentElement.getAttribute("aria-sort"), "descending");
  root.querySelector('[data-wwc-cohort="clear"]').click();
  assert.equal(root.querySelector('[data-wwc-cohort="tables"]').hidden, true);
  assert.equal(root.querySelector('[data-wwc-cohort="summary"]').textContent, DATA.texts.summary_empty);
  // A new cohort may be of the other edition once cleared.
  await view.openFiles([file("bad-other-edition.json", fixture("bad-other-edition"))]);
  assert.equal(root.querySelector('[data-wwc-cohort="status"]').textContent, "1 loaded, 0 not loaded.");
});

test("share links load beside files; a damaged link is refused; a city's name is text, never markup", async () => {
  const { root, view } = startView();
  const data = JSON.parse(fixture("bramford"));
  const token = await encode(
    {
      edition: data.edition,
      name: "x",
      city: '<img src=x onerror="alert(1)">',
      date: "",
      answers: data.answers,
      evidence: {},
    },
    {},
  );
  await view.openLinks(`http://localhost/self-check/#share=${token}\n\n  ${token.slice(0, -6)}xxxxxx  \nnot a link`);
  assert.equal(root.querySelector('[data-wwc-cohort="status"]').textContent, "1 loaded, 2 not loaded.");
  assert.equal(root.querySelector("img"), null);
  assert.equal(texts(root, '[data-wwc-cohort="tiers"] tbody th')[0], '<img src=x onerror="alert(1)">');
  // No ticks in the link: every yes is unbacked.
  assert.equal(texts(root, '[data-wwc-cohort="tiers"] tbody td')[1], "Not yet certified (0 of 45, 0.0%)");
  assert.deepEqual(texts(root, '[data-wwc-cohort="refused-list"] li'), [
    "Link 2: the link is damaged (cut short or changed).",
    "Link 3: not a self-check share link.",
  ]);
  assert.equal(root.querySelector('[data-wwc-cohort="links"]').value, "");
});

test("nothing is stored", async () => {
  const { window, view } = startView();
  await view.openFiles(CITIES.map((name) => file(`${name}.json`, fixture(name))));
  assert.equal(window.localStorage.length, 0);
  assert.equal(window.sessionStorage.length, 0);
});
