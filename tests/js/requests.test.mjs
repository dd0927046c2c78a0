/* Unit tests of selfcheck/src/lib/requests.js and request-links.js: a whole round (request, reply, preview, apply),
   links and files, and every refusal: another assessment, a request already merged, an unknown
   request, a cut or changed link, a newer version, hostile keys and payloads in every field. */
import test from "node:test";
import assert from "node:assert/strict";

import * as H from "../../selfcheck/src/lib/history.js";
import { simulateYear } from "../../selfcheck/src/lib/history-year.js";
import * as P from "../../selfcheck/src/lib/passphrase.js";
import * as links from "../../selfcheck/src/lib/request-links.js";
import * as requests from "../../selfcheck/src/lib/requests.js";
import { largestReply, largestRequest, teamFigures } from "../../selfcheck/team-figures.mjs";
import { assessment45 } from "./helpers.mjs";

/* The share settings' limits and email length (macros/selfcheck-assessments.yml). */
const LIMITS = { max_chars: 65536, max_bytes: 262144 };
const EMAIL_CHARS = 2000;
const A45 = assessment45();
const ALL_IDS = A45.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id));
const SENT = new Date("2026-04-01T09:00:00.000Z");
const REPLIED = new Date("2026-04-03T15:00:00.000Z");
const MERGED = new Date("2026-04-04T08:00:00.000Z");
const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{{ 7*7 }} {% raw %}",
  '=HYPERLINK("https://evil.example")',
  "javascript:alert(1)",
];

function coordinatorAssessment() {
  return {
    id: "a-1",
    name: "2026 application",
    edition: "assessment-45",
    city: "Springfield",
    date: "2026-06-01",
    created: "2026-01-05T10:00:00.000Z",
    updated: "2026-03-30T10:00:00.000Z",
    answers: { DG1: "no", DG2: "in-progress", OD1: "yes", GM1: "yes" },
    evidence: {
      DG1: { items: ["dg1-policy"], notes: "Ask the clerk", owner: "", due: "", links: [] },
      OD1: { items: [], notes: "", owner: "Data team", due: "2026-05-01", links: [] },
    },
    history: H.emptyHistory(),
  };
}

function requestFor(assessment, criteria, id) {
  const made = requests.makeRequest({
    assessment,
    criteria: criteria || ["DG1", "DG2", "OD1"],
    note: "Please confirm the policy and the portal.",
    from: "Ana Coordinator",
    now: SENT,
    id: id || "r-1",
  });
  assert.equal(made.ok, true, JSON.stringify(made));
  return made.request;
}

/* The coordinator sends a request; the department answers in its own copy and replies. */
function round(options) {
  const o = options || {};
  let assessment = coordinatorAssessment();
  const request = requestFor(assessment, o.criteria, o.id);
  assessment = requests.addRequest(assessment, request);
  const draft = requests.draftFromRequest(request);
  draft.answers.DG1 = "yes";
  draft.evidence.DG1.items.push("dg1-published");
  draft.evidence.DG2 = { items: [], notes: "Signed 2025-11-02", owner: "Procurement", due: "", links: [] };
  const replied = requests.makeReply({
    request,
    answers: draft.answers,
    evidence: draft.evidence,
    who: "Bo Procurement",
    now: REPLIED,
  });
  assert.equal(replied.ok, true);
  return { assessment, request, reply: replied.reply };
}

function code(result) {
  return result.ok ? "ok" : result.error.code;
}

test("a request holds just the chosen criteria's answers and evidence, the note, who and when", () => {
  const assessment = coordinatorAssessment();
  const request = requestFor(assessment);
  assert.deepEqual(request.criteria, ["DG1", "DG2", "OD1"]);
  assert.deepEqual(request.base.answers, { DG1: "no", DG2: "in-progress", OD1: "yes" });
  assert.deepEqual(Object.keys(request.base.evidence), ["DG1", "OD1"]);
  assert.deepEqual(
    [request.assessment, request.edition, request.from, request.created, request.id],
    ["a-1", "assessment-45", "Ana Coordinator", SENT.toISOString(), "r-1"],
  );
  assert.doesNotMatch(JSON.stringify(request), /GM1/);
  assert.deepEqual(coordinatorAssessment(), assessment, "the assessment is untouched");
});

test("making a request refuses what it cannot send, by name", () => {
  const assessment = coordinatorAssessment();
  const base = { assessment, criteria: ["DG1"], note: "", from: "Ana", now: SENT, id: "r-1" };
  const make = (change) => code(requests.makeRequest(Object.assign({}, base, change)));
  assert.equal(make({}), "ok");
  assert.equal(make({ criteria: [] }), "no-criteria");
  assert.equal(make({ criteria: ["__proto__", "constructor", "toString"] }), "no-criteria");
  assert.equal(
    make({ criteria: Array.from({ length: requests.LIMITS.criteria + 1 }, (_, n) => `C${n}`) }),
    "too-many-criteria",
  );
  assert.equal(make({ note: "n".repeat(requests.LIMITS.note + 1) }), "note-too-long");
  assert.equal(make({ from: "Ana\u202e" }), "bad-name");
  assert.equal(make({ from: " Ana" }), "bad-name");
  assert.equal(make({ id: "r/1" }), "bad-id");
  assert.equal(make({ assessment: Object.assign({}, assessment, { id: null }) }), "unsaved");
});

test("the list of requests: sent, answered, merged", () => {
  const { assessment, reply } = round();
  assert.deepEqual(
    requests.requestList(assessment).map((item) => [item.id, item.state]),
    [["r-1", "sent"]],
  );
  const answered = requests.markAnswered(assessment, "r-1", REPLIED);
  assert.deepEqual(
    requests.requestList(answered).map((item) => [item.state, item.answered]),
    [["answered", REPLIED.toISOString()]],
  );
  assert.equal(requests.requestList(assessment)[0].state, "sent", "input untouched");
  const preview = requests.previewReply({ assessment: answered, reply });
  const applied = requests.applyReply(answered, preview.preview, {}, "Ana Coordinator", MERGED);
  assert.deepEqual(
    requests.requestList(applied.assessment).map((item) => [item.state, item.merged, item.mergedBy]),
    [["merged", MERGED.toISOString(), "Ana Coordinator"]],
  );
  assert.equal(requests.requestList(applied.assessment)[0].base, null, "a merged request keeps no snapshot");
  assert.equal(requests.markAnswered(applied.assessment, "r-1", MERGED).requests[0].state, "merged");
  assert.deepEqual(requests.requestList({}), []);
});

test("a request and a reply travel as link tokens and as files, and come back the same", async () => {
  const { request, reply } = round();
  const token = await links.encodeMessage(request);
  assert.match(token, /^rq1\.[0-9a-z]+\.[0-9a-z]+\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(await links.openRequest(token, LIMITS), { ok: true, request });
  const link = `https://guide.example/self-check/#request=${token}`;
  assert.deepEqual(await links.openRequest(link, LIMITS), { ok: true, request });
  assert.deepEqual(await links.openRequest(links.messageFile(request), LIMITS), { ok: true, request });
  const replyToken = await links.encodeMessage(reply);
  assert.match(replyToken, /^rp1\./);
  assert.deepEqual(await links.openReply(`#reply=${replyToken}`, LIMITS), { ok: true, reply });
  assert.deepEqual(await links.openReply(links.messageFile(reply), LIMITS), { ok: true, reply });
  assert.equal(code(await links.openRequest(replyToken, LIMITS)), "is-reply");
  assert.equal(code(await links.openReply(token, LIMITS)), "is-request");
  assert.equal(code(await links.openRequest(links.messageFile(reply), LIMITS)), "is-reply");
});

test("the largest request for all 45 criteria, and whether its link fits in an email", async (t) => {
  const { request, link } = await largestRequest();
  assert.deepEqual(request.criteria, ALL_IDS);
  assert.equal(Object.keys(request.base.evidence).length, 45);
  const small = `https://guide.example/self-check/#request=${await links.encodeMessage(requestFor(coordinatorAssessment()))}`;
  assert.equal(links.fitsInEmail(small, EMAIL_CHARS), true);
  assert.equal(links.fitsInEmail(link, EMAIL_CHARS), link.length <= EMAIL_CHARS);
  assert.equal(links.fitsInEmail("x".repeat(EMAIL_CHARS + 1), EMAIL_CHARS), false);
  assert.deepEqual(await links.openRequest(link, LIMITS), { ok: true, request });
  const figures = await teamFigures(EMAIL_CHARS);
  assert.deepEqual(figures, await teamFigures(EMAIL_CHARS), "the bench's figures are deterministic");
  assert.equal(figures.request_45.link_chars, link.length);
  assert.equal(figures.request_45.fits_in_email, link.length <= EMAIL_CHARS);
  assert.equal(figures.history_year.stored_chars, simulateYear().chars);
  // The largest reply opens as the reply it is, every criterion's change in its history.
  const replied = await largestReply(request);
  assert.equal(figures.reply_45.link_chars, replied.link.length);
  const opened = await links.openReply(replied.link, LIMITS);
  assert.equal(opened.ok, true);
  assert.deepEqual(opened.reply.answers, replied.reply.answers);
  assert.equal(figures.reply_45.history_entries, 135);
  t.diagnostic(
    `request link, 45 criteria with evidence: ${link.length} characters (file ${links.messageFile(request).length}); ` +
      `3 criteria: ${small.length}; email limit ${EMAIL_CHARS}`,
  );
});

test("a cut link is 'truncated' and a changed one 'tampered', wherever the damage is", async () => {
  const token = await links.encodeMessage(round().request);
  for (let length = 4; length < token.length; length += 1) {
    assert.equal(code(await links.openRequest(token.slice(0, length), LIMITS)), "truncated", `cut at ${length}`);
  }
  const dataStart = token.lastIndexOf(".") + 1;
  for (let at = dataStart; at < token.length; at += 2) {
    const changed = token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
    assert.equal(code(await links.openRequest(changed, LIMITS)), "tampered", `changed at ${at}`);
  }
  assert.equal(code(await links.openRequest(`${token}AAAA`, LIMITS)), "tampered");
  assert.equal(code(await links.openRequest(token.replace(/^rq1\.[0-9a-z]+/, "rq1.zzzz"), LIMITS)), "tampered");
});

test("a link or file from a newer version of the guide says so; other text is foreign", async () => {
  const { request } = round();
  const token = await links.encodeMessage(request);
  assert.equal(code(await links.openRequest(token.replace(/^rq1/, "rq2"), LIMITS)), "newer-version");
  assert.equal(
    code(await links.openRequest(links.messageFile(Object.assign({}, request, { version: 2 })), LIMITS)),
    "newer-version",
  );
  assert.equal(
    code(await links.openRequest(links.messageFile(Object.assign({}, request, { version: "1" })), LIMITS)),
    "invalid",
  );
  assert.equal(code(await links.openRequest("", LIMITS)), "empty");
  assert.equal(code(await links.openRequest("https://guide.example/self-check/#share=1.abc.def", LIMITS)), "foreign");
  assert.equal(code(await links.openRequest("{not json", LIMITS)), "not-json");
  assert.equal(code(await links.openRequest('{"format": "wwc-guide-self-check"}', LIMITS)), "foreign");
  assert.equal(code(await links.openRequest(token, { max_chars: 20, max_bytes: LIMITS.max_bytes })), "too-long");
  assert.equal(code(await links.openRequest(token, { max_chars: LIMITS.max_chars, max_bytes: 50 })), "too-large");
  assert.equal(code(await links.openRequest(links.messageFile(request), { max_chars: 1, max_bytes: 50 })), "too-large");
});

test("a protected request is recognised and handed back to be unprotected first", async () => {
  const { request } = round();
  const token = await links.encodeMessage(request);
  const locked = await P.protect(token, "s3cret", { iterations: 1000 });
  const opened = await links.openRequest(`https://guide.example/self-check/#request=${locked}`, LIMITS);
  assert.deepEqual(opened, { ok: false, error: { code: "protected", detail: "", text: locked } });
  const wrong = await P.unprotect(opened.error.text, "guess", LIMITS);
  assert.equal(code(wrong), "wrong-passphrase");
  const right = await P.unprotect(opened.error.text, "s3cret", LIMITS);
  assert.deepEqual(await links.openRequest(right.text, LIMITS), { ok: true, request });
  const lockedFile = await P.protect(links.messageFile(request), "s3cret", { iterations: 1000 });
  assert.equal(code(await links.openRequest(lockedFile, LIMITS)), "protected");
});

test("a request or reply with a malformed or hostile field is refused, naming the field", async () => {
  const { request, reply } = round();
  const asRequest = async (change) => links.openRequest(links.messageFile(Object.assign({}, request, change)), LIMITS);
  const asReply = async (change) => links.openReply(links.messageFile(Object.assign({}, reply, change)), LIMITS);
  const cases = [
    [asRequest, { note: "n".repeat(requests.LIMITS.note + 1) }, "note"],
    [asRequest, { name: 5 }, "name"],
    [asRequest, { city: "c".repeat(requests.LIMITS.name + 1) }, "city"],
    [asRequest, { from: "Ana\u0000" }, "from"],
    [asRequest, { from: "" }, "from"],
    [asRequest, { id: "__proto__/x" }, "id"],
    [asRequest, { assessment: "a 1" }, "assessment"],
    [asRequest, { edition: "../x" }, "edition"],
    [asRequest, { created: "soon" }, "created"],
    [asRequest, { criteria: ["DG1", "DG1"] }, "criteria"],
    [asRequest, { criteria: ["__proto__"] }, "criteria"],
    [asRequest, { criteria: [] }, "criteria"],
    [asRequest, { base: [] }, "base"],
    [asRequest, { extra: 1 }, "unexpected: extra"],
    [asRequest, { base: { answers: { GM1: "yes" }, evidence: {} } }, "not requested: GM1"],
    [asRequest, { base: { answers: { DG1: "Yes!" }, evidence: {} } }, "answers.DG1: an answer id"],
    [
      asRequest,
      { base: { answers: {}, evidence: { DG1: { links: [{ text: "x", url: "javascript:alert(1)" }] } } } },
      "evidence.DG1.links[0].url: an http or https address",
    ],
    [asReply, { request: "" }, "request"],
    [asReply, { answers: { SE1: "yes" } }, "not requested: SE1"],
    [asReply, { evidence: { DG1: { notes: 5 } } }, "evidence.DG1.notes: text of at most 5000 characters"],
    [asReply, { history: { entries: [], compacted: [], through: "x" } }, "history: through"],
  ];
  for (const [open, change, detail] of cases) {
    const result = await open(change);
    assert.equal(code(result), "invalid", JSON.stringify(change));
    assert.ok(result.error.detail.startsWith(detail), `${JSON.stringify(change)}: ${result.error.detail}`);
  }
  // Keys named like inherited members, as JSON.parse makes them (own properties).
  const hostile = links.messageFile(request).replace('"answers": {', '"answers": {"__proto__": "yes", ');
  assert.equal((await links.openRequest(hostile, LIMITS)).error.detail, "not requested: __proto__");
  const hostileEvidence = links
    .messageFile(reply)
    .replace('"evidence": {', '"evidence": {"constructor": {"notes": "x"}, ');
  assert.equal((await links.openReply(hostileEvidence, LIMITS)).error.detail, "not requested: constructor");
  // A reply's history may only speak of the requested criteria.
  const outside = H.makeEntry({
    who: "Bo",
    at: REPLIED.toISOString(),
    criterion: "GM1",
    field: "answer",
    from: null,
    to: "no",
  });
  const withOutside = { entries: reply.history.entries.concat([outside]), compacted: [], through: "" };
  assert.equal((await asReply({ history: withOutside })).error.detail, "history: not requested");
  const summary = { who: "Bo", criterion: "DG1", count: 2, first: SENT.toISOString(), last: SENT.toISOString() };
  const withSummary = { entries: reply.history.entries, compacted: [summary], through: SENT.toISOString() };
  assert.equal((await asReply({ history: withSummary })).error.detail, "history: summaries");
  const forged = JSON.parse(JSON.stringify(reply.history));
  forged.entries[0].who = "Bo\u202e";
  assert.equal((await asReply({ history: forged })).error.detail, "history: entries[0].who");
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.yes, undefined);
});

test("payloads in every text field travel as text, unchanged, through link and file", async () => {
  for (const payload of PAYLOADS) {
    const assessment = coordinatorAssessment();
    assessment.name = payload;
    assessment.city = payload;
    assessment.evidence.DG1 = {
      items: [],
      notes: payload,
      owner: payload,
      due: "",
      links: [{ text: payload, url: "https://example.org/x" }],
    };
    const made = requests.makeRequest({
      assessment,
      criteria: ["DG1"],
      note: payload,
      from: payload,
      now: SENT,
      id: "r-1",
    });
    assert.equal(made.ok, true);
    const back = await links.openRequest(await links.encodeMessage(made.request), LIMITS);
    assert.deepEqual(back, { ok: true, request: made.request });
    assert.deepEqual(
      [
        back.request.note,
        back.request.from,
        back.request.name,
        back.request.city,
        back.request.base.evidence.DG1.notes,
      ],
      [payload, payload, payload, payload, payload],
    );
    const draft = requests.draftFromRequest(back.request);
    draft.evidence.DG1.notes = `${payload} (checked)`;
    const reply = requests.makeReply({
      request: back.request,
      answers: draft.answers,
      evidence: draft.evidence,
      who: payload,
      now: REPLIED,
    });
    const opened = await links.openReply(links.messageFile(reply.reply), LIMITS);
    assert.equal(opened.reply.history.entries[0].who, payload);
    assert.equal(opened.reply.evidence.DG1.notes, `${payload} (checked)`);
  }
});

test("the department's reply holds only the requested criteria and the history of its changes", () => {
  const { request, reply } = round();
  assert.deepEqual(reply.criteria, request.criteria);
  assert.deepEqual(Object.keys(reply.answers), ["DG1", "DG2", "OD1"]);
  // Entries of one moment are kept in id order; compare them as a set.
  assert.deepEqual(
    reply.history.entries.map((entry) => JSON.stringify([entry.who, entry.criterion, entry.field, entry.to])).sort(),
    [
      ["Bo Procurement", "DG1", "answer", "yes"],
      ["Bo Procurement", "DG1", "tick:dg1-published", true],
      ["Bo Procurement", "DG2", "notes", "Signed 2025-11-02"],
      ["Bo Procurement", "DG2", "owner", "Procurement"],
    ]
      .map((row) => JSON.stringify(row))
      .sort(),
  );
  assert.ok(reply.history.entries.every((entry) => entry.at === REPLIED.toISOString()));
  // Answers for criteria not requested are left out; a history kept while working is used.
  const worked = H.diffAssessments(
    { answers: {} },
    { answers: { DG1: "yes", GM1: "no" } },
    "Bo",
    "2026-04-02T10:00:00.000Z",
  );
  const other = requests.makeReply({
    request,
    answers: { DG1: "yes", GM1: "no" },
    evidence: {},
    who: "Bo",
    now: REPLIED,
    history: H.append(H.emptyHistory(), worked).history,
  });
  assert.deepEqual(other.reply.answers, { DG1: "yes" });
  assert.deepEqual(
    other.reply.history.entries.map((entry) => [entry.criterion, entry.at]),
    [["DG1", "2026-04-02T10:00:00.000Z"]],
  );
  assert.equal(
    code(requests.makeReply({ request, answers: {}, evidence: {}, who: "\u0007", now: REPLIED })),
    "bad-name",
  );
});

test("the preview lists each item: taken from there, kept here, a conflict, or unchanged, attributed", () => {
  const { assessment, reply } = round();
  // Since the request, the coordinator changed OD1's owner and DG1's answer (the department too).
  const before = JSON.parse(JSON.stringify(assessment));
  const here = JSON.parse(JSON.stringify(assessment));
  here.answers.DG1 = "in-progress";
  here.evidence.OD1.owner = "Open data lead";
  here.history = H.append(
    here.history,
    H.diffAssessments(before, here, "Cy Deputy", "2026-04-02T12:00:00.000Z"),
  ).history;
  const result = requests.previewReply({ assessment: here, reply });
  assert.equal(result.ok, true);
  const preview = result.preview;
  const byKey = Object.fromEntries(preview.items.map((item) => [item.key, item]));
  assert.deepEqual(byKey["DG1|answer"], {
    key: "DG1|answer",
    criterion: "DG1",
    field: "answer",
    kind: "conflict",
    base: "no",
    here: "in-progress",
    there: "yes",
    thereBy: { who: "Bo Procurement", at: REPLIED.toISOString() },
    hereBy: { who: "Cy Deputy", at: "2026-04-02T12:00:00.000Z" },
    choice: null,
  });
  assert.equal(byKey["DG1|tick:dg1-published"].kind, "there");
  assert.equal(byKey["DG1|tick:dg1-published"].choice, "there");
  assert.equal(byKey["DG1|tick:dg1-policy"].kind, "unchanged");
  assert.equal(byKey["DG2|notes"].kind, "there");
  assert.equal(byKey["OD1|owner"].kind, "here");
  assert.equal(byKey["OD1|owner"].choice, "here");
  assert.equal(byKey["OD1|answer"].kind, "unchanged");
  assert.deepEqual(preview.counts, { there: 3, here: 1, conflict: 1, unchanged: preview.items.length - 5 });
  assert.equal(preview.items.filter((item) => item.criterion === "GM1").length, 0, "only requested criteria");
});

test("a reply naming criteria the request did not hold changes nothing of them", () => {
  const { assessment, reply } = round();
  const wider = Object.assign({}, reply, {
    criteria: reply.criteria.concat(["GM1"]),
    answers: Object.assign({}, reply.answers, { GM1: "no" }),
  });
  const preview = requests.previewReply({ assessment, reply: wider }).preview;
  assert.equal(preview.items.filter((item) => item.criterion === "GM1").length, 0);
  const applied = requests.applyReply(assessment, preview, {}, "Ana", MERGED);
  assert.equal(applied.assessment.answers.GM1, "yes");
});

test("the same change on both sides is no conflict", () => {
  const { assessment, reply } = round();
  const here = JSON.parse(JSON.stringify(assessment));
  here.answers.DG1 = "yes";
  const items = requests.previewReply({ assessment: here, reply }).preview.items;
  assert.equal(items.find((item) => item.key === "DG1|answer").kind, "unchanged");
});

test("applying: a new assessment with the chosen values, the input untouched, each change attributed", () => {
  const { assessment, reply } = round();
  const here = JSON.parse(JSON.stringify(assessment));
  here.answers.DG1 = "in-progress";
  here.evidence.OD1.owner = "Open data lead";
  const frozen = JSON.parse(JSON.stringify(here));
  const preview = requests.previewReply({ assessment: here, reply }).preview;
  const unresolved = requests.applyReply(here, preview, {}, "Ana Coordinator", MERGED);
  assert.deepEqual(unresolved, { ok: false, error: { code: "unresolved", detail: "DG1|answer" } });
  assert.equal(
    code(requests.applyReply(here, preview, { "DG1|answer": "both" }, "Ana Coordinator", MERGED)),
    "bad-choice",
  );
  const applied = requests.applyReply(here, preview, { "DG1|answer": "there" }, "Ana Coordinator", MERGED);
  assert.equal(applied.ok, true);
  assert.deepEqual(here, frozen, "the input is untouched");
  const next = applied.assessment;
  assert.equal(next.answers.DG1, "yes");
  assert.deepEqual(next.evidence.DG1.items, ["dg1-policy", "dg1-published"]);
  assert.equal(next.evidence.DG2.notes, "Signed 2025-11-02");
  assert.equal(next.evidence.OD1.owner, "Open data lead", "changed here only: kept");
  assert.equal(next.answers.GM1, "yes", "criteria not requested: untouched");
  assert.equal(applied.applied, 4);
  assert.ok(next.history.entries.every((entry) => entry.who === "Bo Procurement" && entry.by === "Ana Coordinator"));
  assert.ok(next.history.entries.every((entry) => entry.via === "r-1" && entry.at === REPLIED.toISOString()));
  assert.deepEqual(
    H.byCriterion(next.history, "DG1")
      .map((entry) => JSON.stringify([entry.field, entry.from, entry.to]))
      .sort(),
    [JSON.stringify(["answer", "in-progress", "yes"]), JSON.stringify(["tick:dg1-published", false, true])],
  );
  // Keeping the coordinator's side of the conflict applies the rest and changes nothing there.
  const kept = requests.applyReply(here, preview, { "DG1|answer": "here" }, "Ana Coordinator", MERGED);
  assert.equal(kept.assessment.answers.DG1, "in-progress");
  assert.equal(kept.applied, 3);
});

test("a reply to a request already merged, for another assessment, or to an unknown request is refused", () => {
  const { assessment, reply } = round();
  const preview = requests.previewReply({ assessment, reply }).preview;
  const merged = requests.applyReply(assessment, preview, {}, "Ana", MERGED).assessment;
  assert.deepEqual(requests.previewReply({ assessment: merged, reply }), {
    ok: false,
    error: { code: "already-merged", detail: MERGED.toISOString() },
  });
  assert.equal(code(requests.applyReply(merged, preview, {}, "Ana", MERGED)), "already-merged");
  const other = Object.assign({}, assessment, { id: "a-2" });
  assert.equal(code(requests.previewReply({ assessment: other, reply })), "other-assessment");
  assert.equal(code(requests.applyReply(other, preview, {}, "Ana", MERGED)), "other-assessment");
  const otherEdition = Object.assign({}, assessment, { edition: "launch-50" });
  assert.equal(code(requests.previewReply({ assessment: otherEdition, reply })), "other-assessment");
  const unknown = Object.assign({}, reply, { request: "r-9" });
  assert.equal(code(requests.previewReply({ assessment, reply: unknown })), "unknown-request");
  assert.equal(
    code(requests.previewReply({ assessment: Object.assign({}, assessment, { requests: undefined }), reply })),
    "unknown-request",
  );
  assert.equal(
    code(requests.applyReply(Object.assign({}, assessment, { requests: [] }), preview, {}, "Ana", MERGED)),
    "unknown-request",
  );
});

test("an assessment changed since the preview is refused, so the person previews again", () => {
  const { assessment, reply } = round();
  const preview = requests.previewReply({ assessment, reply }).preview;
  const changed = JSON.parse(JSON.stringify(assessment));
  changed.evidence.DG2 = { items: [], notes: "Typed in another tab", owner: "", due: "", links: [] };
  assert.deepEqual(requests.applyReply(changed, preview, {}, "Ana", MERGED), {
    ok: false,
    error: { code: "changed-since-preview", detail: "DG2|notes" },
  });
});

test("request ids, criterion ids and choice keys named like inherited members find nothing they should not", () => {
  for (const id of ["__proto__", "constructor", "toString"]) {
    const { assessment, reply } = round({ id });
    assert.equal(requests.previewReply({ assessment, reply }).ok, true, id);
    const stray = Object.assign({}, reply, { request: id === "constructor" ? "toString" : "constructor" });
    assert.equal(code(requests.previewReply({ assessment, reply: stray })), "unknown-request", id);
    const preview = requests.previewReply({ assessment, reply }).preview;
    const choices = JSON.parse('{"__proto__": "there", "constructor": "here", "toString": "there"}');
    const applied = requests.applyReply(assessment, preview, choices, "Ana", MERGED);
    assert.equal(applied.ok, true);
    assert.equal(requests.requestList(applied.assessment)[0].id, id);
    assert.equal(requests.requestList(applied.assessment)[0].state, "merged");
  }
  assert.equal(
    code(requests.previewReply({ assessment: coordinatorAssessment(), reply: round().reply })),
    "unknown-request",
  );
});

test("criteria a request names that the page's edition does not have are reported", () => {
  const { request } = round();
  assert.deepEqual(links.unknownCriteria(request, A45), []);
  assert.deepEqual(links.unknownCriteria(Object.assign({}, request, { criteria: ["DG1", "ZZ9"] }), A45), ["ZZ9"]);
});
