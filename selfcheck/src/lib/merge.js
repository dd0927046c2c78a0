/*
 * Merging an imported assessment (a file or a link) into one kept here, criterion by criterion,
 * and comparing two assessments. No DOM, so node --test runs it.
 *
 * A criterion's "side" is its answer plus its evidence (ticks, notes, owner, due date, links):
 * choosing "there" for a criterion takes both from the import, "here" keeps both. Criteria the
 * edition does not list are never dropped: a merge keeps whatever "here" had for them.
 *
 */
import { hasOwn } from "./keys.js";
import { mergeHistories } from "./history.js";

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function criteriaOf(edition) {
  const list = [];
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      list.push({ id: criterion.id, group: group.id });
    });
  });
  return list;
}

/* Evidence with nothing in it counts as no evidence, so an empty entry never shows as a difference. */
function normalEvidence(entry) {
  if (!entry) {
    return null;
  }
  const normal = {
    items: (entry.items || []).slice().sort(),
    notes: entry.notes || "",
    owner: entry.owner || "",
    due: entry.due || "",
    links: (entry.links || []).map((link) => [link.text || "", link.url || ""]),
  };
  const empty = !normal.items.length && !normal.notes && !normal.owner && !normal.due && !normal.links.length;
  return empty ? null : normal;
}

function sideOf(assessment, id) {
  const answer = hasOwn(assessment.answers, id) ? assessment.answers[id] : null;
  const evidence = normalEvidence(assessment.evidence?.[id]);
  return { answer: answer, evidence: evidence, empty: answer === null && evidence === null };
}

function sameSide(a, b) {
  return a.answer === b.answer && JSON.stringify(a.evidence) === JSON.stringify(b.evidence);
}

/* One row per criterion of the edition: kind is same, only-here, only-there or differ;
   `choice` is the suggested side (differences keep "here" until the user chooses). */
function diff(edition, here, there) {
  return criteriaOf(edition).map((criterion) => {
    const a = sideOf(here, criterion.id);
    const b = sideOf(there, criterion.id);
    let kind;
    if (sameSide(a, b)) {
      kind = "same";
    } else if (b.empty) {
      kind = "only-here";
    } else if (a.empty) {
      kind = "only-there";
    } else {
      kind = "differ";
    }
    return {
      id: criterion.id,
      group: criterion.group,
      kind: kind,
      here: a,
      there: b,
      answerDiffers: a.answer !== b.answer,
      evidenceDiffers: JSON.stringify(a.evidence) !== JSON.stringify(b.evidence),
      choice: kind === "only-there" ? "there" : "here",
    };
  });
}

function counts(rows) {
  const total = { same: 0, "only-here": 0, "only-there": 0, differ: 0 };
  rows.forEach((row) => {
    total[row.kind] += 1;
  });
  return total;
}

/* A copy of `here` with each criterion taken from the side `choices[id]` names ("here" or "there"),
   and both sides' histories combined (each change once). */
function apply(here, there, choices) {
  const result = clone(here);
  if (there.history) {
    result.history = mergeHistories(here.history, there.history).history;
  }
  result.answers = result.answers || {};
  result.evidence = result.evidence || {};
  Object.keys(choices).forEach((id) => {
    if (choices[id] !== "there") {
      return;
    }
    if (hasOwn(there.answers, id)) {
      result.answers[id] = there.answers[id];
    } else {
      delete result.answers[id];
    }
    if (hasOwn(there.evidence, id)) {
      result.evidence[id] = clone(there.evidence[id]);
    } else {
      delete result.evidence[id];
    }
  });
  return result;
}

/* A plain replace: every criterion of the edition from `there`; others here stay. */
function replaceAll(edition, here, there) {
  const choices = {};
  criteriaOf(edition).forEach((criterion) => {
    choices[criterion.id] = "there";
  });
  return apply(here, there, choices);
}

/* ---- compare ------------------------------------------------------------------------- */

/* The rank of an answer: the edition lists its answer states best first (met, then partly, then not),
   so a lower rank is better; no answer ranks with the worst state. */
function rankOf(edition) {
  const order = edition.answer_states.map((state) => state.id);
  return (answer) => (answer !== null && order.indexOf(answer) !== -1 ? order.indexOf(answer) : order.length - 1);
}

/* `from` and `to` side by side: tier and criteria met, per group, and per criterion whether it
   improved (any better state, not only a newly met one), worsened, changed without moving in the
   order (answered or cleared at the lowest rank) or stayed the same. */
function compare(edition, from, to, scoring) {
  const rank = rankOf(edition);
  const scoreFrom = scoring.score(edition, from.answers || {});
  const scoreTo = scoring.score(edition, to.answers || {});
  const rows = criteriaOf(edition).map((criterion) => {
    const a = hasOwn(from.answers, criterion.id) ? from.answers[criterion.id] : null;
    const b = hasOwn(to.answers, criterion.id) ? to.answers[criterion.id] : null;
    let change = "same";
    if (rank(b) < rank(a)) {
      change = "improved";
    } else if (rank(b) > rank(a)) {
      change = "worsened";
    } else if (a !== b) {
      change = "changed";
    }
    return { id: criterion.id, group: criterion.group, from: a, to: b, change: change };
  });
  const tally = { improved: 0, worsened: 0, changed: 0, same: 0 };
  rows.forEach((row) => {
    tally[row.change] += 1;
  });
  return {
    from: scoreFrom,
    to: scoreTo,
    groups: scoreFrom.groups.map((group, index) => {
      const other = scoreTo.groups[index];
      return { id: group.id, from: group, to: other, delta: other.met - group.met };
    }),
    criteria: rows,
    tally: tally,
  };
}

export { diff, counts, apply, replaceAll, compare };
