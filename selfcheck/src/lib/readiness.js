/*
 * Audit readiness and next steps: pure functions over an edition (as the page embeds it), the
 * answers and the evidence of one assessment. No DOM, so node --test runs them.
 *
 * - criterionEvidence(): what is ticked of a criterion's requirements and documents, which
 *   documents are missing and whether a "must meet N of M" rule holds;
 * - evidenceResult(): the evidence-backed result: a met answer counts only when every required
 *   document is ticked and any must-meet rule holds; the others are flagged with what is missing
 *   and scored as the edition's first answer state that is not met (the program turns such a
 *   met answer into that state);
 * - nextSteps(): for the next tier above the EVIDENCE-BACKED result, the criteria closest to being
 *   met (a met answer that lacks only its evidence first), each prerequisite (depends_on) before the
 *   criterion that needs it;
 * - auditedCitations(): where the sample report's auditor changed the same answer for the same
 *   missing evidence (audited_responses), what it said.
 *
 * Requirements without a must-meet rule do not decide anything: the sources say how many must be
 * met only where the data has must_meet, and this guide does not guess.
 *
 */
import { hasOwn } from "./keys.js";
import * as scoring from "./scoring.js";

function ticksOf(evidence, criterionId) {
  const entry = evidence && hasOwn(evidence, criterionId) ? evidence[criterionId] : null;
  return entry && Array.isArray(entry.items) ? entry.items : [];
}

function criterionEvidence(criterion, evidence) {
  const ticked = ticksOf(evidence, criterion.id);
  const requirements = criterion.requirements || [];
  const documentation = criterion.documentation || [];
  const isTicked = (id) => ticked.indexOf(id) !== -1;
  const requirementsTicked = requirements.filter(isTicked).length;
  let mustMeet = null;
  if (criterion.must_meet) {
    mustMeet = {
      count: criterion.must_meet,
      total: requirements.length,
      ticked: requirementsTicked,
      holds: requirementsTicked >= criterion.must_meet,
    };
  }
  return {
    id: criterion.id,
    ticked: requirementsTicked + documentation.filter(isTicked).length,
    total: requirements.length + documentation.length,
    missing: documentation.filter((id) => !isTicked(id)),
    mustMeet: mustMeet,
  };
}

function isBacked(state) {
  return state.missing.length === 0 && (state.mustMeet === null || state.mustMeet.holds);
}

function allCriteria(edition) {
  const list = [];
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      list.push({ group: group, criterion: criterion });
    });
  });
  return list;
}

/* The answer an auditor would likely give instead of an unbacked met answer. */
function downgradeState(edition) {
  const unmet = edition.answer_states.filter((state) => !state.met);
  return unmet.length ? unmet[0].id : null;
}

function evidenceResult(edition, answers, evidence) {
  const metIds = scoring.metStates(edition);
  const downgrade = downgradeState(edition);
  const backed = {};
  const flags = [];
  allCriteria(edition).forEach((entry) => {
    const id = entry.criterion.id;
    if (!hasOwn(answers, id)) {
      return;
    }
    backed[id] = answers[id];
    if (metIds.indexOf(answers[id]) === -1) {
      return;
    }
    const state = criterionEvidence(entry.criterion, evidence);
    if (!isBacked(state)) {
      flags.push({ id: id, group: entry.group.id, missing: state.missing, mustMeet: state.mustMeet });
      if (downgrade === null) {
        delete backed[id];
      } else {
        backed[id] = downgrade;
      }
    }
  });
  return { result: scoring.score(edition, backed), flags: flags };
}

/* How far each group is below its applicant average (negative: below), from a score result. */
function groupGaps(result) {
  const gaps = {};
  result.groups.forEach((group) => {
    gaps[group.id] = group.average_percent === null ? Infinity : Number(group.percent) - group.average_percent;
  });
  return gaps;
}

/* The unmet criteria, closest first: by answer (in the edition's order of states, the first
   unmet state first; unanswered last), then most requirements and documents ticked, then the group
   furthest below the applicant average, then the edition's own order. */
function rankUnmet(edition, answers, evidence, result, flagged) {
  const states = edition.answer_states.map((state) => state.id);
  const metIds = scoring.metStates(edition);
  const gaps = groupGaps(result);
  const candidates = [];
  allCriteria(edition).forEach((entry, position) => {
    const id = entry.criterion.id;
    const answer = hasOwn(answers, id) ? answers[id] : null;
    // A met answer that lacks its evidence is the closest of all: only the evidence is missing.
    const unbacked = Boolean(flagged?.has(id));
    if (answer !== null && metIds.indexOf(answer) !== -1 && !unbacked) {
      return;
    }
    const state = criterionEvidence(entry.criterion, evidence);
    candidates.push({
      id: id,
      group: entry.group.id,
      answer: answer,
      ticked: state.ticked,
      total: state.total,
      rank: unbacked ? -1 : answer === null ? states.length : states.indexOf(answer),
      gap: gaps[entry.group.id],
      position: position,
    });
  });
  candidates.sort(
    (a, b) => a.rank - b.rank || b.ticked - a.ticked || compareGaps(a.gap, b.gap) || a.position - b.position,
  );
  return candidates.map((candidate) => ({
    id: candidate.id,
    group: candidate.group,
    answer: candidate.answer,
    ticked: candidate.ticked,
    total: candidate.total,
  }));
}

function compareGaps(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/* The ranked list with each unmet prerequisite (criterion.depends_on) moved just before the first
   criterion that needs it; a step placed for another gets `before`: the id it comes before. */
function prerequisitesFirst(edition, ranked) {
  const byId = new Map(ranked.map((step) => [step.id, step]));
  const criteria = new Map(allCriteria(edition).map((entry) => [entry.criterion.id, entry.criterion]));
  const placed = new Set();
  const ordered = [];
  const place = (step, before) => {
    if (placed.has(step.id)) {
      return;
    }
    placed.add(step.id);
    for (const dependency of criteria.get(step.id)?.depends_on || []) {
      const prerequisite = byId.get(dependency.criterion);
      if (prerequisite) {
        place(prerequisite, step.id);
      }
    }
    ordered.push(before ? { ...step, before: before } : step);
  };
  ranked.forEach((step) => {
    place(step, null);
  });
  return ordered;
}

/* What the next tier above the evidence-backed result needs: { tier, needed, steps: the `needed`
   closest criteria (unbacked met answers first, prerequisites before what needs them), rest: the
   other criteria not met, in the same order }, or null at the top tier. */
function nextSteps(edition, answers, evidence) {
  const backed = evidenceResult(edition, answers, evidence);
  const result = backed.result;
  if (!result.next_tier) {
    return null;
  }
  const flagged = new Set(backed.flags.map((flag) => flag.id));
  const ranked = prerequisitesFirst(edition, rankUnmet(edition, answers, evidence, result, flagged));
  const needed = result.next_tier.more_needed;
  const steps = ranked.slice(0, needed).map((step) => ({ ...step, unbacked: flagged.has(step.id) }));
  return {
    tier: result.next_tier.id,
    needed: needed,
    steps: steps,
    others: Math.max(ranked.length - needed, 0),
  };
}

/* The sample report's audited responses that apply: those whose `from` is the answer given and one of
   whose `items` is not ticked, as { reason, source } (criterion.audited). */
function auditedCitations(criterion, answer, evidence) {
  const ticked = ticksOf(evidence, criterion.id);
  return (criterion.audited || [])
    .filter((audited) => audited.from === answer && audited.items.some((id) => ticked.indexOf(id) === -1))
    .map((audited) => ({ reason: audited.reason, source: audited.source }));
}

/* Every required document of the edition with whether it is ticked, in the edition's order. */
function documents(edition, evidence) {
  const list = [];
  allCriteria(edition).forEach((entry) => {
    const ticked = ticksOf(evidence, entry.criterion.id);
    (entry.criterion.documentation || []).forEach((id) => {
      list.push({ id: id, criterion: entry.criterion.id, group: entry.group.id, ticked: ticked.indexOf(id) !== -1 });
    });
  });
  return list;
}

export { auditedCitations, criterionEvidence, evidenceResult, rankUnmet, nextSteps, prerequisitesFirst, documents };
