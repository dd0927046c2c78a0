/*
 * Requests to departments and their replies, with no server: the coordinator picks criteria and
 * writes a note; the request (a link, or a file when the link is too long for an email) holds
 * just those criteria's current answers and evidence; the department fills them in and sends a
 * reply; the coordinator previews it item by item (conflicts side by side) and applies it.
 * No DOM, no storage, no clock: the caller passes data, people, times and ids in.
 *
 * The coordinator's list of requests lives in the assessment (assessment.requests), each with the
 * snapshot it was sent with (`base`), so a reply is compared three ways: base, here, there.
 * States: sent, answered (a reply was opened), merged (a reply was applied; later replies to it
 * are refused).
 *
 * Links and files of requests and replies (encoding, reading, refusals) are in request-links.js.
 */
import { cleanEvidence } from "./export.js";
import * as history from "./history.js";
import { hasOwn, own } from "./keys.js";
import { isStoredName } from "./people.js";

const VERSION = 1;
const KINDS = Object.freeze({
  request: { format: "wwc-guide-request", prefix: "rq" },
  reply: { format: "wwc-guide-reply", prefix: "rp" },
});
/* The one place these numbers live: a request's note, the criteria one request may hold. */
const LIMITS = Object.freeze({ note: 2000, criteria: 200, name: 200 });
const STATES = Object.freeze(["sent", "answered", "merged"]);

const CRITERION_ID = /^[A-Z]+[0-9]+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ASSESSMENT_ID = /^[A-Za-z0-9_-]{1,100}$/;
const TEXT_FIELDS = ["notes", "owner", "due"];

/**
 * @typedef {{answers: Record<string, string>, evidence: Record<string, any>}} Snapshot
 * @typedef {{format: string, version: number, id: string, assessment: string, edition: string, name: string,
 *   city: string, from: string, note: string, created: string, criteria: string[], base: Snapshot}} Request
 * @typedef {{format: string, version: number, request: string, assessment: string, edition: string, from: string,
 *   created: string, criteria: string[], answers: Record<string, string>, evidence: Record<string, any>,
 *   history: import("./history.js").History}} Reply
 * @typedef {{id: string, created: string, from: string, note: string, criteria: string[], base: Snapshot | null,
 *   state: string, answered?: string, merged?: string, mergedBy?: string}} ListedRequest
 * @typedef {{ok: false, error: {code: string, detail?: string, text?: string}}} Refusal
 */

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** @returns {Refusal} */
function refuse(code, detail) {
  return { ok: false, error: { code: code, detail: detail || "" } };
}

function isText(value, max) {
  return typeof value === "string" && Array.from(value).length <= max;
}

/* ---- snapshots ----------------------------------------------------------------------- */

/**
 * The answers and evidence of `criteria` in `source` (an assessment, or answers + evidence).
 * @param {{answers?: any, evidence?: any}} source
 * @param {string[]} criteria
 * @returns {Snapshot}
 */
function snapshot(source, criteria) {
  const answers = {};
  const evidence = {};
  criteria.forEach((id) => {
    const answer = own(source.answers, id);
    if (typeof answer === "string") {
      answers[id] = answer;
    }
    if (hasOwn(source.evidence, id)) {
      evidence[id] = own(source.evidence, id);
    }
  });
  return { answers: answers, evidence: cleanEvidence(evidence) };
}

/* ---- making a request ---------------------------------------------------------------- */

/**
 * A request for `criteria` of `assessment`: their current answers and evidence, the note, who
 * asks, when, and the request's id (made by the caller, e.g. from crypto.randomUUID()).
 * Refusals: no-criteria, too-many-criteria, note-too-long, bad-name, bad-id, unsaved (a draft with no id yet).
 * @param {{assessment: any, criteria: string[], note: string, from: string, now: Date, id: string}} input
 * @returns {{ok: true, request: Request} | Refusal}
 */
function makeRequest(input) {
  const ids = Array.from(
    new Set((input.criteria || []).filter((id) => typeof id === "string" && CRITERION_ID.test(id))),
  );
  if (!ids.length) {
    return refuse("no-criteria");
  }
  if (ids.length > LIMITS.criteria) {
    return refuse("too-many-criteria", String(LIMITS.criteria));
  }
  const note = String(input.note || "").trim();
  if (!isText(note, LIMITS.note)) {
    return refuse("note-too-long", String(LIMITS.note));
  }
  if (!isStoredName(input.from)) {
    return refuse("bad-name");
  }
  if (typeof input.id !== "string" || !ID.test(input.id)) {
    return refuse("bad-id");
  }
  const assessment = input.assessment;
  if (
    !(typeof assessment.id === "string" && ASSESSMENT_ID.test(assessment.id)) ||
    !SLUG.test(String(assessment.edition))
  ) {
    return refuse("unsaved");
  }
  return {
    ok: true,
    request: {
      format: KINDS.request.format,
      version: VERSION,
      id: input.id,
      assessment: assessment.id,
      edition: assessment.edition,
      name: String(assessment.name || "").slice(0, LIMITS.name),
      city: String(assessment.city || "").slice(0, LIMITS.name),
      from: input.from,
      note: note,
      created: input.now.toISOString(),
      criteria: ids,
      base: snapshot(assessment, ids),
    },
  };
}

/**
 * A copy of `assessment` with `request` in its list of requests (state "sent").
 * @param {any} assessment
 * @param {Request} request
 */
function addRequest(assessment, request) {
  const next = clone(assessment);
  const list = Array.isArray(next.requests) ? next.requests : [];
  next.requests = list
    .filter((item) => item.id !== request.id)
    .concat([
      {
        id: request.id,
        created: request.created,
        from: request.from,
        note: request.note,
        criteria: request.criteria.slice(),
        base: clone(request.base),
        state: "sent",
      },
    ]);
  return next;
}

/**
 * The list of requests for a view: each with its state (sent, answered, merged).
 * @param {any} assessment
 * @returns {ListedRequest[]}
 */
function requestList(assessment) {
  return (Array.isArray(assessment?.requests) ? assessment.requests : []).map(clone);
}

function findRequest(requests, id) {
  return (Array.isArray(requests) ? requests : []).find((item) => isPlainObject(item) && item.id === id) || null;
}

/* ---- the department's side ----------------------------------------------------------- */

/**
 * What the department starts from: the request's answers and evidence, as an assessment-shaped
 * draft to keep in their browser until the reply is sent.
 * @param {Request} request
 */
function draftFromRequest(request) {
  return {
    id: `request-${request.id}`,
    name: request.name,
    edition: request.edition,
    city: request.city,
    date: "",
    answers: clone(request.base.answers),
    evidence: clone(request.base.evidence),
  };
}

/**
 * The reply to `request`: the department's answers and evidence for the requested criteria
 * (others are ignored), and the history of what they changed: `history` when their browser
 * kept one as they worked, else one entry per change since the request, at `now`.
 * @param {{request: Request, answers: any, evidence: any, who: string, now: Date, history?: import("./history.js").History}} input
 * @returns {{ok: true, reply: Reply} | Refusal}
 */
function makeReply(input) {
  const request = input.request;
  if (!isStoredName(input.who)) {
    return refuse("bad-name");
  }
  const filled = snapshot({ answers: input.answers, evidence: input.evidence }, request.criteria);
  const at = input.now.toISOString();
  let log;
  if (input.history) {
    const kept = history.query(input.history, {}).filter((entry) => request.criteria.indexOf(entry.criterion) !== -1);
    log = history.append(history.emptyHistory(), kept).history;
  } else {
    log = history.append(history.emptyHistory(), history.diffAssessments(request.base, filled, input.who, at)).history;
  }
  return {
    ok: true,
    reply: {
      format: KINDS.reply.format,
      version: VERSION,
      request: request.id,
      assessment: request.assessment,
      edition: request.edition,
      from: input.who,
      created: at,
      criteria: request.criteria.slice(),
      answers: filled.answers,
      evidence: filled.evidence,
      history: { entries: log.entries, compacted: [], through: "" },
    },
  };
}

/* ---- the coordinator's side: preview and apply --------------------------------------- */

/* Every item of a criterion: [field, value] pairs over the union of the sides' ticked items. */
function itemValues(source, id, items) {
  const entry = history.normalEvidence(own(source.evidence, id));
  const answer = own(source.answers, id);
  /** @type {[string, any][]} */
  const values = [["answer", typeof answer === "string" ? answer : null]];
  items.forEach((item) => {
    values.push([`tick:${item}`, entry.items.indexOf(item) !== -1]);
  });
  TEXT_FIELDS.forEach((field) => {
    values.push([field, entry[field]]);
  });
  values.push(["links", entry.links]);
  return values;
}

/* One item's value in `source`. */
function itemValue(source, id, field) {
  const ticks = field.startsWith("tick:") ? [field.slice(5)] : [];
  return itemValues(source, id, ticks).find((pair) => pair[0] === field)[1];
}

function itemsOf(source, id) {
  return history.normalEvidence(own(source.evidence, id)).items;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/* The last entry of `log` for this criterion and field, at or after `since`. */
function lastChange(log, criterion, field, since) {
  const entries = history.query(log, { criterion: criterion, from: since }).filter((entry) => entry.field === field);
  return entries.length ? entries[entries.length - 1] : null;
}

/**
 * What applying `reply` would do, item by item (answer, each tick, notes, owner, due, links of
 * each requested criterion): kind "there" (changed in the reply only: taken), "here" (changed
 * here only since the request: kept), "conflict" (changed on both sides, differently: the person
 * chooses), "unchanged". Each item says who changed it on each side and when, where known.
 * Refusals: other-assessment, unknown-request, already-merged.
 * @param {{assessment: any, requests?: ListedRequest[], reply: Reply}} input `requests` defaults
 *   to the assessment's own list
 */
function previewReply(input) {
  const assessment = input.assessment;
  const reply = input.reply;
  if (reply.assessment !== assessment.id || reply.edition !== assessment.edition) {
    return refuse("other-assessment");
  }
  const request = findRequest(input.requests || assessment.requests, reply.request);
  if (!request) {
    return refuse("unknown-request");
  }
  if (request.state === "merged") {
    return refuse("already-merged", request.merged || "");
  }
  const items = [];
  request.criteria.forEach((id) => {
    const ticks = Array.from(
      new Set(itemsOf(request.base, id).concat(itemsOf(assessment, id), itemsOf(reply, id))),
    ).sort();
    const base = itemValues(request.base, id, ticks);
    const here = itemValues(assessment, id, ticks);
    const there = itemValues(reply, id, ticks);
    base.forEach(([field, baseValue], index) => {
      const hereValue = here[index][1];
      const thereValue = there[index][1];
      const changedHere = !same(hereValue, baseValue);
      const changedThere = !same(thereValue, baseValue);
      let kind = "unchanged";
      if (changedThere && !changedHere) {
        kind = "there";
      } else if (changedHere && !changedThere) {
        kind = "here";
      } else if (changedHere && changedThere && !same(hereValue, thereValue)) {
        kind = "conflict";
      }
      const thereBy = lastChange(reply.history, id, field, request.created);
      const hereBy = lastChange(assessment.history, id, field, request.created);
      items.push({
        key: `${id}|${field}`,
        criterion: id,
        field: field,
        kind: kind,
        base: baseValue,
        here: hereValue,
        there: thereValue,
        thereBy: changedThere
          ? { who: thereBy ? thereBy.who : reply.from, at: thereBy ? thereBy.at : reply.created }
          : null,
        hereBy: changedHere && hereBy ? { who: hereBy.who, at: hereBy.at } : null,
        choice: kind === "there" ? "there" : kind === "conflict" ? null : "here",
      });
    });
  });
  const counts = { there: 0, here: 0, conflict: 0, unchanged: 0 };
  items.forEach((item) => {
    counts[item.kind] += 1;
  });
  return {
    ok: true,
    preview: {
      assessment: assessment.id,
      request: request.id,
      from: reply.from,
      created: reply.created,
      items: items,
      counts: counts,
    },
  };
}

/**
 * A copy of `assessment` marked as having received a reply to `requestId` (state "answered"),
 * when the request is still "sent".
 * @param {any} assessment
 * @param {string} requestId
 * @param {Date} now
 */
function markAnswered(assessment, requestId, now) {
  const next = clone(assessment);
  const request = findRequest(next.requests, requestId);
  if (request && request.state === "sent") {
    request.state = "answered";
    request.answered = now.toISOString();
  }
  return next;
}

/* Set one item's value in `assessment` (in place). */
function setItem(assessment, criterion, field, value) {
  if (field === "answer") {
    if (value === null) {
      delete assessment.answers[criterion];
    } else {
      assessment.answers[criterion] = value;
    }
    return;
  }
  const entry = history.normalEvidence(own(assessment.evidence, criterion));
  if (field.startsWith("tick:")) {
    const item = field.slice(5);
    entry.items = value
      ? Array.from(new Set(entry.items.concat([item]))).sort()
      : entry.items.filter((x) => x !== item);
  } else {
    entry[field] = clone(value);
  }
  assessment.evidence[criterion] = entry;
}

/**
 * The assessment after a reply: a NEW assessment (the input is untouched) with each item's
 * chosen side (`choices[key]` is "here" or "there"; items not named keep the preview's choice;
 * every conflict must be named), history entries attributing each change taken to the reply's
 * author (via the request, merged by `who`), and the request marked merged (its snapshot dropped).
 * Refusals: other-assessment, unknown-request, already-merged, unresolved (detail: the keys),
 * changed-since-preview (preview again), bad-choice.
 * @param {any} assessment
 * @param {any} preview previewReply(...).preview
 * @param {Record<string, string>} choices
 * @param {string} who the person merging
 * @param {Date} now
 */
function applyReply(assessment, preview, choices, who, now) {
  if (preview.assessment !== assessment.id) {
    return refuse("other-assessment");
  }
  const listed = findRequest(assessment.requests, preview.request);
  if (!listed) {
    return refuse("unknown-request");
  }
  if (listed.state === "merged") {
    return refuse("already-merged", listed.merged || "");
  }
  const chosen = preview.items.map((item) => {
    const choice = hasOwn(choices, item.key) ? own(choices, item.key) : item.choice;
    return { item, choice };
  });
  if (chosen.some(({ choice }) => choice !== null && choice !== "here" && choice !== "there")) {
    return refuse("bad-choice");
  }
  const unresolved = chosen.filter(({ item, choice }) => item.kind === "conflict" && choice === null);
  if (unresolved.length) {
    return refuse("unresolved", unresolved.map(({ item }) => item.key).join(" "));
  }
  const next = clone(assessment);
  next.answers = isPlainObject(next.answers) ? next.answers : {};
  next.evidence = isPlainObject(next.evidence) ? next.evidence : {};
  const entries = [];
  const stamp = now.toISOString();
  for (const { item, choice } of chosen) {
    if (choice !== "there" || item.kind === "unchanged" || item.kind === "here") {
      continue;
    }
    if (!same(itemValue(assessment, item.criterion, item.field), item.here)) {
      return refuse("changed-since-preview", item.key);
    }
    setItem(next, item.criterion, item.field, item.there);
    entries.push(
      history.makeEntry({
        who: item.thereBy ? item.thereBy.who : preview.from,
        at: item.thereBy ? item.thereBy.at : preview.created,
        criterion: item.criterion,
        field: item.field,
        from: item.here,
        to: item.there,
        via: preview.request,
        by: who,
      }),
    );
  }
  const appended = history.append(next.history, entries);
  next.history = appended.history;
  const request = findRequest(next.requests, preview.request);
  request.state = "merged";
  request.merged = stamp;
  request.mergedBy = who;
  // A merged request refuses further replies, so its snapshot is no longer needed in storage.
  request.base = null;
  return { ok: true, assessment: next, applied: entries.length, compacted: appended.compacted };
}

export {
  VERSION,
  ID,
  ASSESSMENT_ID,
  CRITERION_ID,
  SLUG,
  KINDS,
  LIMITS,
  STATES,
  snapshot,
  makeRequest,
  addRequest,
  requestList,
  draftFromRequest,
  makeReply,
  previewReply,
  markAnswered,
  applyReply,
};
