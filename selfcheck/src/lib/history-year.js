/*
 * A simulated year of team work on one assessment, for the bench (selfcheck/team-figures.mjs)
 * and the tests: how large the history grows in storage, within its budget. Deterministic (a
 * seeded generator, fixed times). Not part of the page's bundle.
 */
import { append, diffAssessments, emptyHistory } from "./history.js";
import { hasOwn } from "./keys.js";

/* mulberry32: a small seeded generator, so the simulated year is the same on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIMULATED_STATES = ["yes", "in-progress", "no"];
const SIMULATED_NOTES = [
  "Asked the department for the signed policy; waiting for the final version.",
  "Draft reviewed with the data team; the page is published on the city's website.",
  "Budget office sends the evaluation report next week.",
  "Procurement confirms the contract template includes performance terms.",
];

/* The part of `assessment` one criterion's edit touches. */
function criterionView(assessment, id) {
  const view = { answers: {}, evidence: {} };
  if (hasOwn(assessment.answers, id)) {
    view.answers[id] = assessment.answers[id];
  }
  if (hasOwn(assessment.evidence, id)) {
    view.evidence[id] = assessment.evidence[id];
  }
  return view;
}

/* One person's edit of one criterion, applied to `assessment` in place. */
function simulatedEdit(assessment, random, criterion, day) {
  const evidence = assessment.evidence[criterion] || { items: [], notes: "", owner: "", due: "", links: [] };
  assessment.evidence[criterion] = evidence;
  const kind = Math.floor(random() * 6);
  if (kind === 0) {
    assessment.answers[criterion] = SIMULATED_STATES[Math.floor(random() * SIMULATED_STATES.length)];
  } else if (kind === 1 || kind === 2) {
    const item = `${criterion.toLowerCase()}-item-${1 + Math.floor(random() * 6)}`;
    const at = evidence.items.indexOf(item);
    evidence.items = at === -1 ? evidence.items.concat([item]).sort() : evidence.items.filter((x) => x !== item);
  } else if (kind === 3) {
    const note = SIMULATED_NOTES[Math.floor(random() * SIMULATED_NOTES.length)];
    evidence.notes = `${evidence.notes} ${note}`.trim();
  } else if (kind === 4) {
    evidence.due = `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`;
  } else {
    evidence.links = evidence.links
      .concat([{ text: "Document", url: `https://example.org/${criterion}/${day}` }])
      .slice(-3);
  }
}

/**
 * A year of daily work by `people` people on an assessment of `criteria` criteria: each working
 * day, each person makes `editsPerDay` edits, each recorded as one change. Returns the stored
 * size of the history it leaves (JSON characters and UTF-8 bytes) and what it holds.
 * @param {{people?: number, criteria?: number, days?: number, editsPerDay?: number, seed?: number,
 *   budget?: import("./history.js").Budget}} [options]
 */
function simulateYear(options) {
  const o = Object.assign({ people: 5, criteria: 45, days: 365, editsPerDay: 4, seed: 2026 }, options || {});
  const random = seeded(o.seed);
  const names = Array.from({ length: o.people }, (_, n) => `Person ${n + 1} of the city team`);
  const ids = Array.from({ length: o.criteria }, (_, n) => `C${n + 1}`);
  const assessment = { answers: {}, evidence: {} };
  let history = emptyHistory();
  let changes = 0;
  let compactions = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let day = 0; day < o.days; day += 1) {
    const weekday = new Date(start + day * 86400000).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      continue;
    }
    names.forEach((who, person) => {
      for (let edit = 0; edit < o.editsPerDay; edit += 1) {
        const at = new Date(start + day * 86400000 + (9 + person) * 3600000 + edit * 600000).toISOString();
        // Only the edited criterion is copied and compared: the entries are the same as for
        // the whole assessment, at a fraction of the cost.
        const id = ids[Math.floor(random() * ids.length)];
        const before = criterionView(assessment, id);
        const after = JSON.parse(JSON.stringify(before));
        simulatedEdit(after, random, id, day);
        const result = append(history, diffAssessments(before, after, who, at, { budget: o.budget }), o.budget);
        history = result.history;
        compactions += result.compacted ? 1 : 0;
        changes += 1;
        assessment.answers[id] = after.answers[id];
        assessment.evidence[id] = after.evidence[id];
      }
    });
  }
  const json = JSON.stringify(history);
  return {
    changes: changes,
    compactions: compactions,
    entries: history.entries.length,
    summaries: history.compacted.length,
    folded: history.compacted.reduce((sum, row) => sum + row.count, 0),
    chars: json.length,
    bytes: new TextEncoder().encode(json).length,
    history: history,
  };
}

export { simulateYear };
