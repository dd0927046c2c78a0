/*
 * The cohort view's logic, with no DOM: several cities' assessments (from export files or share
 * links) checked, admitted to one cohort and summarised. Reading a file is lib/export.js's
 * parseExport, a link lib/share.js's decode, scoring lib/scoring.js and lib/readiness.js: nothing
 * here re-implements them.
 *
 * A cohort holds one edition: the first city admitted sets it; a city of another edition is
 * refused, and so is a city already in it (same city name, compared without case or extra spaces;
 * a file without a city is told apart by its file name). Every refusal is
 * { code, source, details } and the part turns it into the sentence of macros/cohort.yml.
 */
import * as exportFile from "./export.js";
import { hasOwn } from "./keys.js";
import * as readiness from "./readiness.js";
import * as scoring from "./scoring.js";

/**
 * @typedef {{source: string, edition: string, city: string, name: string, answers: Record<string, string>,
 *   evidence: Record<string, any>}} Candidate
 * @typedef {{code: string, source: string, details: Record<string, string | number>}} Refusal
 * @typedef {{candidate: Candidate, key: string, label: string, self: any, backed: any, backedIds: Set<string>}} Member
 * @typedef {{edition: string | null, members: Member[]}} Cohort
 */

/** @returns {Cohort} */
function emptyCohort() {
  return { edition: null, members: [] };
}

/** @returns {Refusal} */
function refusal(code, source, details) {
  return { code: code, source: source, details: details || {} };
}

function cityKey(text) {
  return String(text).normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}

/**
 * An export file's text as a candidate, or the refusal parseExport gives.
 * @param {string} text @param {number} byteLength @param {any} settings the export settings
 * @param {string[]} editionIds @param {string} source the file's name
 * @returns {{ok: true, candidate: Candidate} | {ok: false, refusal: Refusal}}
 */
function readExport(text, byteLength, settings, editionIds, source) {
  const parsed = exportFile.parseExport(text, byteLength, settings, editionIds);
  if (!parsed.ok) {
    return { ok: false, refusal: refusal(parsed.error.code, source, parsed.error.details) };
  }
  const data = parsed.data;
  return { ok: true, candidate: candidate(source, data.edition, data.assessment || {}, data) };
}

/**
 * @param {string} source @param {string} edition
 * @param {any} named where the city and the assessment's name are @param {any} answered its answers and evidence
 * @returns {Candidate}
 */
function candidate(source, edition, named, answered) {
  return {
    source: source,
    edition: edition,
    city: named.city || "",
    name: named.name || "",
    answers: answered.answers,
    evidence: answered.evidence || {},
  };
}

/* The refusal codes of lib/share.js decode, as the cohort names them (files have their own). */
const LINK_CODES = {
  "too-large": "link-too-large",
  "newer-version": "link-newer-version",
  invalid: "link-invalid",
};

/**
 * What share.decode() gave for a link, as a candidate or a refusal.
 * @param {any} decoded @param {string[]} editionIds @param {string} source
 * @returns {{ok: true, candidate: Candidate} | {ok: false, refusal: Refusal}}
 */
function readDecodedLink(decoded, editionIds, source) {
  if (!decoded.ok) {
    const code = hasOwn(LINK_CODES, decoded.error.code) ? LINK_CODES[decoded.error.code] : decoded.error.code;
    return { ok: false, refusal: refusal(code, source) };
  }
  const assessment = decoded.assessment;
  if (editionIds.indexOf(assessment.edition) === -1) {
    return { ok: false, refusal: refusal("unknown-edition", source, { edition: assessment.edition }) };
  }
  return { ok: true, candidate: candidate(source, assessment.edition, assessment, assessment) };
}

/** The criteria a member meets with evidence, from evidenceResult's flags and the met states. */
function measure(edition, candidate) {
  const answers = exportFile.matchAnswers(edition, candidate.answers).answers;
  const evidence = exportFile.matchEvidence(edition, candidate.evidence).evidence;
  const outcome = readiness.evidenceResult(edition, answers, evidence);
  const metIds = scoring.metStates(edition);
  const flagged = new Set(outcome.flags.map((flag) => flag.id));
  const backedIds = new Set(
    Object.keys(answers).filter((id) => metIds.indexOf(answers[id]) !== -1 && !flagged.has(id)),
  );
  return { self: scoring.score(edition, answers), backed: outcome.result, backedIds: backedIds };
}

/**
 * Admit `candidate` to `cohort` (changed in place) or say why not.
 * @param {Cohort} cohort @param {Candidate} candidate @param {Map<string, any>} editions id -> edition
 * @param {number} maxCities
 * @returns {Refusal | null}
 */
function admit(cohort, candidate, editions, maxCities) {
  if (cohort.edition !== null && candidate.edition !== cohort.edition) {
    return refusal("other-edition", candidate.source, {
      edition: editions.get(candidate.edition).short_title,
      cohort: editions.get(cohort.edition).short_title,
    });
  }
  if (cohort.members.length >= maxCities) {
    return refusal("too-many", candidate.source, { max: maxCities });
  }
  const key = candidate.city ? `city:${cityKey(candidate.city)}` : `source:${candidate.source}`;
  const earlier = cohort.members.find((member) => member.key === key);
  if (earlier) {
    return refusal("same-city", candidate.source, { city: candidate.city, earlier: earlier.candidate.source });
  }
  const edition = editions.get(candidate.edition);
  const measured = measure(edition, candidate);
  cohort.edition = candidate.edition;
  cohort.members.push({
    candidate: candidate,
    key: key,
    label: candidate.city || candidate.name || candidate.source,
    self: measured.self,
    backed: measured.backed,
    backedIds: measured.backedIds,
  });
  return null;
}

/**
 * The criteria the most members do not meet with evidence, most missed first, then in the
 * edition's order; at most `limit`, and only those missed by at least one city.
 * @param {any} edition @param {Member[]} members @param {number} limit
 */
function mostMissed(edition, members, limit) {
  const missed = [];
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      const count = members.filter((member) => !member.backedIds.has(criterion.id)).length;
      if (count > 0) {
        missed.push({ id: criterion.id, group: group.id, count: count, position: missed.length });
      }
    });
  });
  missed.sort((a, b) => b.count - a.count || a.position - b.position);
  return missed.slice(0, limit).map((entry) => ({ id: entry.id, group: entry.group, count: entry.count }));
}

/**
 * The index of the colour band a whole-percent share falls in: the highest lower bound it reaches.
 * @param {number} percent @param {number[]} bands ascending lower bounds, the first 0
 */
function bandOf(percent, bands) {
  let band = 0;
  bands.forEach((bound, index) => {
    if (percent >= bound) {
      band = index;
    }
  });
  return band;
}

/**
 * The members in the order of a column: "city" (by label) or a group's id (by the evidence-backed
 * share of that group, met / total compared exactly); ties by label A to Z whatever the direction.
 * @param {Member[]} members @param {string} column @param {"ascending" | "descending"} direction
 */
function sortMembers(members, column, direction) {
  const sign = direction === "descending" ? -1 : 1;
  const byLabel = (a, b) => a.label.localeCompare(b.label);
  const groupOf = (member) => member.backed.groups.find((group) => group.id === column);
  const byShare = (a, b) => {
    const x = groupOf(a);
    const y = groupOf(b);
    return x.met * y.total - y.met * x.total;
  };
  const primary = column === "city" ? byLabel : byShare;
  return members
    .map((member, index) => ({ member, index }))
    .sort((a, b) => sign * primary(a.member, b.member) || byLabel(a.member, b.member) || a.index - b.index)
    .map((entry) => entry.member);
}

export { emptyCohort, readExport, readDecodedLink, admit, mostMissed, bandOf, sortMembers, cityKey };
