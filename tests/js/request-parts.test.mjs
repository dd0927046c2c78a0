/* Unit tests of the requests view's parts in a DOM (happy-dom) and of the department's workspace. */
import assert from "node:assert/strict";
import test from "node:test";

import { protect } from "../../selfcheck/src/lib/passphrase.js";
import { openWorkspace } from "../../selfcheck/src/lib/request-workspace.js";
import { encodeMessage } from "../../selfcheck/src/lib/request-links.js";
import { addRequest, draftFromRequest, makeReply, makeRequest } from "../../selfcheck/src/lib/requests.js";
import { encode } from "../../selfcheck/src/lib/share.js";
import { Incoming } from "../../selfcheck/src/parts/incoming.js";
import { ReplyPreview } from "../../selfcheck/src/parts/reply-preview.js";
import { RequestLanding } from "../../selfcheck/src/parts/request-landing.js";
import { RequestMaker } from "../../selfcheck/src/parts/request-maker.js";
import { RequestsOpen } from "../../selfcheck/src/parts/requests-open.js";
import { Checklists } from "../../selfcheck/src/view/checklists.js";
import { page } from "./dom.mjs";
import { ANSWER_STATES, makeEdition } from "./helpers.mjs";

/* Every text is its own key, so a test can tell which sentence the part chose. */
const TEXTS = new Proxy({}, { get: (_target, key) => String(key) });
const EDITION = {
  id: "assessment-45",
  answer_states: ANSWER_STATES,
  groups: [{ id: "dg", name: "Data governance", criteria: [{ id: "DG1" }, { id: "DG2" }, { id: "DG3" }] }],
};
const CHECKLISTS = new Checklists({ DG1: [[["dg1-a", "Inventory"]], [["dg1-doc", "The policy"]]], DG2: [[], []] });
const LIMITS = { max_chars: 65536, max_bytes: 262144 };
const NOW = new Date("2026-03-01T10:00:00.000Z");

/** A localStorage stand-in that counts writes. */
function memoryStorage(initial) {
  const items = new Map(Object.entries(initial || {}));
  return {
    items,
    writes: 0,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem(key, value) {
      this.writes += 1;
      items.set(key, String(value));
    },
  };
}

function coordinatorAssessment() {
  return {
    id: "a1",
    name: "2026 application",
    edition: "assessment-45",
    city: "Springfield",
    answers: { DG1: "no" },
    evidence: { DG1: { items: [], notes: "", owner: "Data team", due: "", links: [] } },
  };
}

function aRequest(criteria = ["DG1", "DG2"]) {
  const made = makeRequest({
    assessment: coordinatorAssessment(),
    criteria,
    note: "Please",
    from: "Ana",
    now: NOW,
    id: "r1",
  });
  assert.equal(made.ok, true);
  return made.request;
}

/** A model over one assessment, changed the way the page changes it. */
function model(assessment) {
  let current = assessment;
  return {
    current: () => JSON.parse(JSON.stringify(current)),
    change(fn) {
      const next = JSON.parse(JSON.stringify(current));
      fn(next);
      // As the real model: the first change of a draft keeps it, with an id.
      next.id = next.id || "kept-draft";
      current = next;
    },
  };
}

function ctx(extra) {
  return Object.assign(
    {
      texts: TEXTS,
      settings: {
        share: { max_chars: LIMITS.max_chars, max_bytes: LIMITS.max_bytes, email_chars: 2000 },
        requests: {
          request_fragment: "request",
          reply_fragment: "reply",
          request_file_prefix: "request",
          reply_file_prefix: "reply",
        },
      },
      edition: EDITION,
      editionNames: new Map([["assessment-45", "45 criteria"]]),
      checklists: CHECKLISTS,
      limits: { notes: 5000 },
      person: () => "",
      criterionTitle: (id) => `Title of ${id}`,
      criterionText: (id) => ({ title: `Title of ${id}`, statement: `Statement of ${id}` }),
      download: () => {},
      forgetLink: () => {},
    },
    extra,
  );
}

/* ---- the workspace ----------------------------------------------------------------------- */

test("the workspace keeps a department's answers across a reload and starts from the request's", () => {
  const storage = memoryStorage();
  const options = { storage, key: "ws", max: 5, now: () => NOW };
  const request = aRequest();
  const first = openWorkspace(options).open(request, draftFromRequest(request));
  assert.deepEqual(first.entry.answers, { DG1: "no" });
  assert.equal(first.kept, true);
  openWorkspace(options).save("r1", { DG1: "yes" }, {});
  const again = openWorkspace(options).open(request, draftFromRequest(request));
  assert.deepEqual(again.entry.answers, { DG1: "yes" });
});

test("the workspace never overwrites data it cannot read under its key", () => {
  const storage = memoryStorage({ ws: "not json {" });
  const workspace = openWorkspace({ storage, key: "ws", max: 5, now: () => NOW });
  const request = aRequest();
  const opened = workspace.open(request, draftFromRequest(request));
  assert.equal(opened.kept, false);
  assert.equal(workspace.save("r1", { DG1: "yes" }, {}), false);
  assert.equal(storage.items.get("ws"), "not json {");
  assert.equal(storage.writes, 0);
});

test("a request id such as __proto__ is a workspace key like any other; the oldest requests go first", () => {
  const storage = memoryStorage();
  let clock = 0;
  const workspace = openWorkspace({ storage, key: "ws", max: 2, now: () => new Date(NOW.getTime() + (clock += 1000)) });
  for (const id of ["__proto__", "r2", "r3"]) {
    const request = Object.assign(aRequest(), { id });
    workspace.open(request, draftFromRequest(request));
  }
  const kept = JSON.parse(storage.items.get("ws")).requests;
  assert.deepEqual(Object.keys(kept).sort(), ["r2", "r3"]);
  assert.equal(Object.getPrototypeOf(kept), Object.prototype);
});

/* ---- opening ----------------------------------------------------------------------------- */

function opener(extra) {
  const window = page(`<section id="wwc-sc-requests-open" hidden></section>`);
  const root = window.document.getElementById("wwc-sc-requests-open");
  const seen = [];
  const part = new RequestsOpen(
    root,
    ctx(
      Object.assign(
        { onRequest: (request) => seen.push(request) && { ok: true }, onReply: () => ({ ok: true }) },
        extra,
      ),
    ),
  );
  return { window, root, part, seen };
}

test("a truncated request link is refused in a sentence beside the paste field, nothing opened", async () => {
  const { root, part, seen } = opener();
  const token = await encodeMessage(aRequest());
  const result = await part.openText(`http://localhost/self-check/#request=${token.slice(0, -10)}`);
  assert.equal(result.ok, false);
  assert.match(root.querySelector("#wwc-sc-requests-open-message").textContent, /requests_open_refused/);
  assert.equal(part.errorText("truncated"), "message_truncated");
  assert.equal(seen.length, 0);
});

test("a protected request asks for its passphrase; a wrong one is refused beside the field, the right one opens it", async () => {
  const { window, root, part, seen } = opener();
  const token = await protect(await encodeMessage(aRequest()), "right one", { iterations: 1000 });
  await part.openText(`http://localhost/self-check/#request=${token}`);
  const field = root.querySelector("#wwc-sc-requests-open-passphrase");
  assert.ok(field, "the passphrase field is shown");
  assert.equal(window.document.activeElement, field);
  field.value = "wrong one";
  await part.unlock(field);
  assert.match(root.querySelector("#wwc-sc-requests-open-passphrase-message").textContent, /requests_open_refused/);
  assert.equal(seen.length, 0);
  field.value = "right one";
  await part.unlock(field);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].id, "r1");
});

test("a reply handed to the opener goes to the preview; the preview's refusal is said beside the opener", async () => {
  const { root, part } = opener({ onReply: () => ({ ok: false, error: { code: "other-assessment", detail: "" } }) });
  const reply = makeReply({ request: aRequest(), answers: { DG1: "yes" }, evidence: {}, who: "Dee", now: NOW }).reply;
  await part.openText(JSON.stringify(reply));
  assert.match(root.querySelector("#wwc-sc-requests-open-message").textContent, /requests_open_refused/);
});

/* ---- the department ---------------------------------------------------------------------- */

test("a department sees only the requested criteria and its answers are kept as they change", () => {
  const window = page(`<section id="wwc-sc-request-landing" hidden></section>`);
  const storage = memoryStorage();
  const workspace = openWorkspace({ storage, key: "ws", max: 5, now: () => NOW });
  const landing = new RequestLanding(window.document.getElementById("wwc-sc-request-landing"), ctx({ workspace }));
  assert.deepEqual(landing.show(aRequest(["DG1"])), { ok: true });
  const shown = Array.from(landing.root.querySelectorAll("[data-wwc-criterion]")).map((node) =>
    node.getAttribute("data-wwc-criterion"),
  );
  assert.deepEqual(shown, ["DG1"]);
  landing.root.querySelector("#wwc-sc-request-landing-answer-DG1-yes").checked = true;
  landing.root.querySelector("#wwc-sc-request-landing-item-DG1-dg1-doc").checked = true;
  landing.root.querySelector("#wwc-sc-request-landing-notes-DG1").value = "Signed";
  landing.save();
  const kept = JSON.parse(storage.items.get("ws")).requests.r1;
  assert.deepEqual(kept.answers, { DG1: "yes" });
  assert.deepEqual(kept.evidence.DG1.items, ["dg1-doc"]);
  assert.equal(kept.evidence.DG1.notes, "Signed");
  // What the form does not show is kept as the request had it.
  assert.equal(kept.evidence.DG1.owner, "Data team");
});

test("a request for another edition's page is explained with a way there, an unknown edition refused", () => {
  const window = page(`<section id="wwc-sc-request-landing" hidden></section>`);
  const workspace = openWorkspace({ storage: memoryStorage(), key: "ws", max: 5, now: () => NOW });
  const landing = new RequestLanding(
    window.document.getElementById("wwc-sc-request-landing"),
    ctx({
      workspace,
      editionNames: new Map([
        ["assessment-45", "45"],
        ["launch-50", "50 questions"],
      ]),
    }),
  );
  assert.equal(landing.show(Object.assign(aRequest(), { edition: "launch-50" })).ok, true);
  assert.ok(landing.root.querySelector("#wwc-sc-request-landing-go"));
  assert.equal(landing.show(Object.assign(aRequest(), { edition: "constructor" })).error.code, "unknown-edition");
});

/* ---- the coordinator --------------------------------------------------------------------- */

test("a reply's conflict must be chosen before Apply; then the change is applied and the request merged", () => {
  const window = page(`<section id="wwc-sc-reply-preview" hidden></section>`);
  const request = aRequest(["DG1"]);
  const assessment = addRequest(coordinatorAssessment(), request);
  assessment.answers.DG1 = "in-progress";
  const stored = model(assessment);
  const preview = new ReplyPreview(
    window.document.getElementById("wwc-sc-reply-preview"),
    ctx({ model: stored, change: (fn) => stored.change(fn), errorText: (code) => code }),
  );
  const reply = makeReply({ request, answers: { DG1: "yes" }, evidence: {}, who: "Dee", now: NOW }).reply;
  assert.deepEqual(preview.show(reply), { ok: true });
  assert.equal(stored.current().requests[0].state, "answered");
  assert.equal(preview.root.querySelectorAll("[data-wwc-kind=conflict]").length, 1);
  assert.equal(preview.apply().error.code, "unresolved");
  assert.equal(preview.root.querySelector("#wwc-sc-reply-preview-said").textContent, "reply_unresolved");
  assert.equal(stored.current().answers.DG1, "in-progress");
  preview.root.querySelector("#wwc-sc-reply-preview-choice-0-there").checked = true;
  assert.equal(preview.apply().ok, true);
  const after = stored.current();
  assert.equal(after.answers.DG1, "yes");
  assert.equal(after.requests[0].state, "merged");
  assert.equal(after.history.entries[0].who, "Dee");
});

test("Cancel leaves the assessment's answers and evidence as they were", () => {
  const window = page(`<section id="wwc-sc-reply-preview" hidden></section>`);
  const request = aRequest(["DG1"]);
  const stored = model(addRequest(coordinatorAssessment(), request));
  const preview = new ReplyPreview(
    window.document.getElementById("wwc-sc-reply-preview"),
    ctx({ model: stored, change: (fn) => stored.change(fn) }),
  );
  const before = stored.current();
  preview.show(makeReply({ request, answers: { DG1: "yes" }, evidence: {}, who: "Dee", now: NOW }).reply);
  preview.cancel();
  assert.deepEqual(stored.current().answers, before.answers);
  assert.deepEqual(stored.current().evidence, before.evidence);
  assert.equal(window.document.activeElement.textContent, "reply_cancelled");
});

test("the maker refuses a request without a name beside the name field, and records one it makes", async () => {
  const window = page(`<section id="wwc-sc-requests" hidden></section>`);
  const stored = model(coordinatorAssessment());
  const maker = new RequestMaker(
    window.document.getElementById("wwc-sc-requests"),
    ctx({ model: stored, change: (fn) => stored.change(fn) }),
  );
  maker.owners.value = "Data team";
  maker.selectOwner();
  assert.deepEqual(
    Array.from(maker.pick.querySelectorAll("input:checked")).map((input) => input.value),
    ["DG1"],
  );
  assert.equal((await maker.make()).error.code, "bad-name");
  assert.equal(window.document.activeElement.id, "wwc-sc-requests-name");
  assert.equal(stored.current().requests, undefined);
  maker.nameRow.input.value = "  Ana  ";
  assert.equal((await maker.make()).ok, true);
  assert.match(maker.link.value, /#request=rq1\./);
  const listed = stored.current().requests;
  assert.equal(listed.length, 1);
  assert.equal(listed[0].from, "Ana");
  maker.render();
  assert.equal(maker.root.querySelector("[data-wwc-request]").getAttribute("data-wwc-state"), "sent");
});

/* ---- a share link with a passphrase --------------------------------------------------------- */

test("a protected share link asks for its passphrase; a wrong one is refused beside the field, the right one shows it", async () => {
  const token = await protect(
    await encode(
      { edition: "assessment-45", name: "Shared", city: "", date: "", answers: { DG1: "yes" }, evidence: {} },
      {},
    ),
    "open sesame",
    { iterations: 1000 },
  );
  const window = page(`<section id="wwc-sc-incoming" hidden></section>`, `http://localhost/self-check/#share=${token}`);
  const root = window.document.getElementById("wwc-sc-incoming");
  const incoming = new Incoming(
    root,
    ctx({
      settings: { share: { fragment: "share", max_chars: 65536, max_bytes: 262144 } },
      editionNames: new Map([["assessment-45", "45 criteria"]]),
      edition: makeEdition([["dg", "DG", 3, null]], { id: "assessment-45" }),
    }),
  );
  assert.equal(await incoming.readHash(), null);
  const field = root.querySelector("#wwc-sc-incoming-passphrase");
  assert.equal(window.document.activeElement, field);
  field.value = "wrong";
  root.querySelector("#wwc-sc-incoming-passphrase-open").click();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(root.querySelector("#wwc-sc-incoming-passphrase-message").textContent, "link_refused");
  assert.equal(root.querySelector("#wwc-sc-incoming-holds"), null);
  field.value = "open sesame";
  root.querySelector("#wwc-sc-incoming-passphrase-open").click();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(root.querySelector("#wwc-sc-incoming-holds"), "the shared assessment is shown");
});

test("a refused request keeps no draft: the storage is unchanged", async () => {
  const window = page(`<section id="wwc-sc-requests" hidden></section>`);
  const blank = model(Object.assign(coordinatorAssessment(), { id: null }));
  const draftMaker = new RequestMaker(
    window.document.getElementById("wwc-sc-requests"),
    ctx({ model: blank, change: (fn) => blank.change(fn) }),
  );
  draftMaker.pick.querySelector("input").checked = true;
  assert.equal((await draftMaker.make()).error.code, "bad-name");
  assert.equal(blank.current().id, null);
});
