/* Unit tests of the self-check's view parts in a DOM (happy-dom): each part works inside its root. */
import assert from "node:assert/strict";
import test from "node:test";

import { encode } from "../../selfcheck/src/lib/share.js";
import { Report } from "../../selfcheck/src/parts/report.js";
import { Incoming } from "../../selfcheck/src/parts/incoming.js";
import { Checklists } from "../../selfcheck/src/view/checklists.js";
import { CriterionLookup } from "../../selfcheck/src/view/criterion-lookup.js";
import { showStartFailure } from "../../selfcheck/src/view/failure.js";
import { page } from "./dom.mjs";

const SHARE = { fragment: "share", max_chars: 8000, max_bytes: 65536 };
const SHARE_TEXTS = {
  incoming_heading: "Shared by link",
  link_refused: "Not opened: {reason}",
  link_unknown_edition: "edition “{edition}” unknown.",
  incoming_dismiss: "Dismiss",
};

test("a start failure shows the page's own sentence with the reason and drops the scripted look", () => {
  const { document } = page(`<div id="wwc-selfcheck" class="wwc-selfcheck wwc-sc-js">
    <p data-wwc-start-failure hidden>Could not start: <code data-wwc-start-reason></code></p></div>`);
  const root = document.getElementById("wwc-selfcheck");
  const logged = console.error;
  console.error = () => {};
  try {
    showStartFailure(root, new Error("missing element #wwc-sc-results"));
  } finally {
    console.error = logged;
  }
  const notice = root.querySelector("[data-wwc-start-failure]");
  assert.equal(notice.hidden, false);
  assert.equal(notice.textContent.trim(), "Could not start: missing element #wwc-sc-results");
  assert.equal(root.getAttribute("data-wwc-ready"), "failed");
  assert.equal(root.classList.contains("wwc-sc-js"), false);
});

test("checklists answer nothing for a criterion id that only an Object inherits", () => {
  const lists = new Checklists({ DG1: [[["dg1-a", "Inventory"]], []] });
  assert.deepEqual(lists.of("DG1")[0], [["dg1-a", "Inventory"]]);
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.deepEqual(lists.of(key), [[], []], key);
    assert.equal(lists.itemText(key, "x"), "x", key);
  }
});

test("the criterion lookup reads each criterion's title and statement from the form, and labels it by title or statement", () => {
  const { document } = page(`<form id="f">
    <fieldset data-wwc-criterion="DG1"><legend><span class="wwc-sc-id">DG1</span> <span class="wwc-sc-title">Inventory</span>
      <span class="wwc-sc-statement">The city keeps an inventory.</span></legend></fieldset>
    <fieldset data-wwc-criterion="C2"><legend><span class="wwc-sc-id">C2</span> <span class="wwc-sc-statement">A leader commits.</span></legend></fieldset>
  </form>`);
  const lookup = new CriterionLookup(document.getElementById("f"), new Checklists({}));
  assert.deepEqual(lookup.text("DG1"), { title: "Inventory", statement: "The city keeps an inventory." });
  assert.equal(lookup.label("DG1"), "DG1 Inventory");
  assert.deepEqual(lookup.text("C2"), { title: "", statement: "A leader commits." });
  assert.equal(lookup.label("C2"), "C2 A leader commits.");
  // A criterion the form does not have (a request from another build) has no text, not an error.
  for (const id of ["ZZ9", "constructor", "__proto__"]) {
    assert.deepEqual(lookup.text(id), { title: "", statement: "" }, id);
  }
});

for (const edition of ["constructor", "__proto__", "toString"]) {
  test(`a share link for edition "${edition}" is refused by name, not shown as a native function`, async () => {
    const token = await encode({ edition, name: "", city: "", date: "", answers: {}, evidence: {} }, {});
    const window = page(
      `<section id="wwc-sc-incoming" hidden></section>`,
      `http://localhost/self-check/#share=${token}`,
    );
    const root = window.document.getElementById("wwc-sc-incoming");
    const ctx = {
      texts: SHARE_TEXTS,
      settings: { share: SHARE },
      editionNames: new Map([["assessment-45", "45 criteria"]]),
      edition: { id: "assessment-45" },
    };
    await new Incoming(root, ctx).readHash();
    // Refused (by the link check or as an unknown edition), with words, never a native function's text.
    assert.equal(root.hidden, false);
    assert.match(root.querySelector(".wwc-sc-incoming-refused").textContent, /^Not opened: /);
    assert.doesNotMatch(root.textContent, /native code|function|\[object/);
  });
}

function reportSc() {
  const edition = {
    id: "e",
    title: "Edition",
    tiers: [],
    not_certified_label: "Not yet",
    groups: [{ id: "g", name: "Group", criteria: [{ id: "C1" }] }],
    answer_states: [{ id: "yes", label: "Yes", met: true }],
  };
  const texts = new Proxy({}, { get: (_target, key) => `[${String(key)}]` });
  return {
    edition,
    texts,
    checklists: new Checklists({ C1: [[], []] }),
    tierName: () => "Not yet",
    items: () => "criteria",
  };
}

test("the report stays empty for an assessment with nothing in it, so Print gives the page as it is", () => {
  const { document } = page(`<section id="wwc-sc-report"></section>`);
  const root = document.getElementById("wwc-sc-report");
  const report = new Report(root, reportSc());
  const empty = { assessment: { answers: {}, evidence: {} }, result: {}, backed: { result: {}, flags: [] } };
  report.render(empty);
  assert.equal(root.querySelector(".wwc-sc-report-content").childElementCount, 0);
  // On screen (not on paper: the preview's controls do not print) it says why.
  const note = root.querySelector(".wwc-sc-report-empty");
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, "[report_empty]");
});

test("the report leads with who, when, unofficial and the evidence-backed result, and lists only what was answered", () => {
  const { document } = page(`<form id="f"><fieldset data-wwc-criterion="C1"><legend>C1 One.</legend></fieldset>
    <fieldset data-wwc-criterion="C2"><legend>C2 Two.</legend></fieldset>
    <fieldset data-wwc-criterion="C3"><legend>C3 Three.</legend></fieldset></form>
    <div id="results"></div><div id="plan"></div><section id="wwc-sc-report"></section>`);
  const sc = reportSc();
  sc.form = document.getElementById("f");
  sc.checklists = new Checklists({
    C1: [[["r1", "First item."]], [["d1", "A document."]]],
    C2: [[], []],
    C3: [[], []],
  });
  sc.data = { export: { file_prefix: "p" }, assessments: { texts: { new_name: "Untitled" } } };
  sc.edition.groups[0].criteria.push({ id: "C2" }, { id: "C3" });
  sc.edition.group_label = "Area";
  sc.edition.title = "Edition";
  const report = new Report(document.getElementById("wwc-sc-report"), sc, {
    results: document.getElementById("results"),
    plan: document.getElementById("plan"),
  });
  const score = { met: 1, total: 3, percent: 33.3, tier: null, groups: [] };
  report.render({
    assessment: {
      city: "Springfield",
      name: "2026 draft",
      date: "2026-03-01",
      answers: { C1: "yes" },
      evidence: { C1: { items: ["r1", "d1"], links: [{ text: "Policy", url: "https://example.org/" }] } },
    },
    result: score,
    backed: { result: score, flags: [] },
  });
  const content = document.querySelector(".wwc-sc-report-content");
  assert.equal(document.querySelector(".wwc-sc-report-empty").hidden, true);
  const lead = Array.from(content.children)
    .slice(0, 6)
    .map((node) => node.className);
  assert.deepEqual(lead, [
    "wwc-sc-report-unofficial",
    "wwc-sc-report-city",
    "wwc-sc-report-name",
    "wwc-sc-report-date",
    "",
    "wwc-sc-report-tier",
  ]);
  assert.equal(content.querySelectorAll(".wwc-sc-report-criteria > li").length, 1);
  assert.equal(content.querySelector(".wwc-sc-report-unanswered").textContent, "[report_unanswered_count]");
  const ticked = Array.from(
    content.querySelectorAll(".wwc-sc-report-criteria .wwc-sc-report-list li"),
    (li) => li.textContent,
  );
  assert.deepEqual(ticked, ["First item.", "A document.", "Policy <https://example.org/>"]);
  assert.doesNotMatch(content.textContent, /\.;/);
});

test("an evidence panel is built on its first opening from the checklists, and a tick is saved through the controller", async () => {
  const { Evidence } = await import("../../selfcheck/src/parts/evidence.js");
  const { document } = page(`<form id="wwc-sc-form-e"><fieldset data-wwc-criterion="C1">
    <details class="wwc-sc-more" data-wwc-evidence="C1" data-wwc-items="2 1"><summary>Evidence
    <span class="wwc-sc-evidence-state"></span></summary></details></fieldset></form>`);
  const form = document.getElementById("wwc-sc-form-e");
  let assessment = { answers: {}, evidence: {} };
  const changes = [];
  const texts = new Proxy({}, { get: (_target, key) => `[${String(key)}]` });
  const sc = {
    texts,
    limits: { notes: 100, owner: 50, link_text: 50, url: 200, links: 5 },
    criteria: new Map([["C1", { id: "C1", requirements: ["r1", "r2"], documentation: ["d1"] }]]),
    checklists: new Checklists({
      C1: [
        [
          ["r1", "First requirement"],
          ["r2", "Second"],
        ],
        [["d1", "A document"]],
      ],
    }),
    model: { current: () => assessment },
    view: () => ({ assessment, flagged: new Map() }),
    change(id, fn) {
      const next = structuredClone(assessment);
      fn(next);
      assessment = next;
      changes.push(id);
    },
  };
  const evidence = new Evidence(form, sc);
  const details = form.querySelector("details");
  assert.equal(details.querySelectorAll("input[type=checkbox]").length, 0, "empty until opened");
  evidence.open("C1");
  const boxes = [...details.querySelectorAll("input[type=checkbox]")];
  assert.deepEqual(
    boxes.map((box) => box.value),
    ["r1", "r2", "d1"],
  );
  assert.equal(boxes[0].closest("label").textContent, "First requirement");
  boxes[2].checked = true;
  evidence.tick(boxes[2]);
  assert.deepEqual(changes, ["C1"]);
  assert.deepEqual(assessment.evidence.C1.items, ["d1"]);
  // Opening again builds nothing more.
  evidence.open("C1");
  assert.equal(details.querySelectorAll("input[type=checkbox]").length, 3);
});

test("the documents page shows each edition's open assessment's owner and ticks, writes nothing, and finds no inherited keys", async () => {
  const { fillDocuments } = await import("../../selfcheck/src/parts/documents.js");
  const { FORMAT, VERSION } = await import("../../selfcheck/src/lib/store.js");
  const data = {
    storage_key: "k",
    texts: {
      documents_ticked: "ticked",
      documents_not_ticked: "not yet",
      documents_source: "From “{name}”{city}.",
      documents_source_city: ", {city}",
    },
    new_name: "Untitled",
  };
  const { document } =
    page(`<div id="wwc-documents"><script type="application/json" id="wwc-documents-data">${JSON.stringify(data)}</script>
    <p id="wwc-documents-source">blank</p><table><tbody>
    <tr data-wwc-document="d1" data-wwc-criterion="DG1" data-wwc-edition="e"><td class="wwc-documents-owner"></td><td class="wwc-documents-status"></td></tr>
    <tr data-wwc-document="d2" data-wwc-criterion="constructor" data-wwc-edition="e"><td class="wwc-documents-owner"></td><td class="wwc-documents-status"></td></tr>
    <tr data-wwc-document="q" data-wwc-criterion="Q1" data-wwc-edition="other"><td class="wwc-documents-owner"></td><td class="wwc-documents-status"></td></tr>
    </tbody></table></div>`);
  const record = {
    format: FORMAT,
    version: VERSION,
    current: { e: "b" },
    assessments: [
      { id: "a", edition: "e", name: "Newer", updated: "2026-02", answers: {}, evidence: {} },
      {
        id: "b",
        edition: "e",
        name: "Open",
        city: "Springfield",
        updated: "2026-01",
        answers: {},
        evidence: { DG1: { items: ["d1"], owner: "Ana" } },
      },
    ],
  };
  const writes = [];
  const storage = { getItem: () => JSON.stringify(record), setItem: (key) => writes.push(key) };
  const root = document.getElementById("wwc-documents");
  assert.equal(fillDocuments(root, storage), 2);
  const cells = Array.from(root.querySelectorAll("td"), (cell) => cell.textContent);
  assert.deepEqual(cells, ["Ana", "ticked", "", "not yet", "", ""]);
  assert.equal(document.getElementById("wwc-documents-source").textContent, "From “Open”, Springfield.");
  assert.deepEqual(writes, []);
  assert.equal(fillDocuments(root, { getItem: () => "{not json" }), 0, "an unreadable store fills nothing");
});

test("the views say which of them is on screen: the one shown, or every one a style shows", async () => {
  const { Views } = await import("../../selfcheck/src/parts/views.js");
  const html = `<nav id="nav"><a data-wwc-view-link="answer" href="#answer">Answer</a></nav>
    <div class="wwc-sc-body">
      <section data-wwc-view="answer" aria-labelledby="h1"><h2 id="h1">Answer</h2></section>
      <section data-wwc-view="results" aria-labelledby="h2"><h2 id="h2">Results</h2></section>
    </div>`;
  const shownFor = (style) => {
    const window = page(`<style>${style}</style>${html}`);
    /** @type {string[]} */
    const shown = [];
    const views = new Views(window.document.querySelector(".wwc-sc-body"), {
      nav: window.document.getElementById("nav"),
      shareFragment: "share",
      onShow: { results: () => shown.push("results") },
    });
    views.show("results", null, false);
    const first = ["answer", "results"].filter((name) => views.displayed(name));
    views.show("answer", null, false);
    return { first, second: ["answer", "results"].filter((name) => views.displayed(name)), shown };
  };
  assert.deepEqual(
    shownFor(
      // and, as on the page, the style that shows the first view alone until the views route
      '[hidden] { display: none; } body:not([data-wwc-view-shown]) [data-wwc-view]:not([data-wwc-view="answer"]) { display: none; }',
    ),
    {
      first: ["results"],
      second: ["answer"],
      shown: ["results"],
    },
  );
  assert.deepEqual(shownFor("[data-wwc-view][hidden] { display: block !important; }"), {
    first: ["answer", "results"],
    second: ["answer", "results"],
    shown: ["results"],
  });
});
